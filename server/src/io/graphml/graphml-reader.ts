/**
 * Reads a GraphML file as a stream into the little that import needs: the keys, and the first
 * graph's data, nodes and edges, each with its `<data>` texts (and a yEd label found inside).
 * Neither the whole text nor a tree of it is ever held, so a 100,000-edge file stays small.
 */
import { checkRowCount, type ImportLimits } from '../import-limits.ts';
import { HTML_ENTITIES, XmlError, XmlStream } from '../xml-stream.ts';

/** What the reader keeps of a `<data>` element: its key, its own text, and a yEd label inside it. */
export interface XmlData {
  key: string | undefined;
  text: string;
  /** The first non-blank `…NodeLabel` text in the element, for yEd's node graphics. */
  label: string | null;
}
/** What the reader keeps of a `<graph>`, `<node>` or `<edge>`: the attributes import reads, and its data. */
export interface XmlElement {
  id?: string;
  source?: string;
  target?: string;
  directed?: string;
  edgedefault?: string;
  data: XmlData[];
}
export interface XmlKey {
  id: string;
  attrName?: string;
  yfilesType?: string;
}
export interface GraphmlFile {
  keys: XmlKey[];
  /** The first graph, with its own nodes and edges (a nested graph's are not read). */
  graph: (XmlElement & { nodes: XmlElement[]; edges: XmlElement[] }) | null;
  graphCount: number;
}

/** An element inside a `<data>`: its own text and its children by name, in order of first appearance. */
interface Inner {
  text: string | undefined;
  children: Map<string, Inner[]>;
}

/**
 * yEd keeps a node's label inside its graphics (`y:NodeLabel`): dig it out. The search is the
 * one made over fast-xml-parser's objects before: children by name in order of first appearance,
 * the first element of a `…NodeLabel` group, then deeper.
 */
function yedLabel(element: Inner): string | null {
  for (const [name, group] of element.children) {
    if (name.endsWith('NodeLabel')) {
      const text = group[0]!.text;
      if (text !== undefined && text.trim() !== '') return text.trim();
    }
    for (const child of group) {
      const nested = yedLabel(child);
      if (nested) return nested;
    }
  }
  return null;
}

/**
 * Reads the file as a stream into what import needs (keys, the first graph's data, nodes and
 * edges), never holding the whole text or a tree of it. The file must be well-formed XML (an
 * `XmlError` says where it is not); common HTML entities such as `&nbsp;` are known besides
 * XML's own, as files written by hand use them.
 */
export async function readGraphml(
  chunks: AsyncIterable<Buffer | string>,
  options: { fileName?: string; limits?: ImportLimits } = {},
): Promise<GraphmlFile> {
  const file: GraphmlFile = { keys: [], graph: null, graphCount: 0 };
  let elementCount = 0;
  let hasRoot = false;
  // What each open element is to the reader, innermost last.
  type Open = 'root' | 'graphml' | 'graph' | 'element' | 'data' | 'inner' | 'other';
  const open: Open[] = [];
  let element: XmlElement | null = null;
  let data: XmlData | null = null;
  const inner: Inner[] = [];
  let dataInner: Inner | null = null;
  const xml = new XmlStream(
    {
      open: (name, attributes) => {
        const parent = open.at(-1);
        let kind: Open = 'other';
        if (parent === undefined) {
          kind = name === 'graphml' && !hasRoot ? 'graphml' : 'root';
          hasRoot ||= kind === 'graphml';
        } else if (parent === 'graphml' && name === 'key') {
          const id = attributes['id'];
          if (id !== undefined) {
            file.keys.push({ id, attrName: attributes['attr.name'], yfilesType: attributes['yfiles.type'] });
          }
        } else if (parent === 'graphml' && name === 'graph') {
          if (file.graphCount++ === 0) {
            file.graph = {
              id: attributes['id'],
              edgedefault: attributes['edgedefault'],
              data: [],
              nodes: [] as XmlElement[],
              edges: [] as XmlElement[],
            };
            element = file.graph;
            kind = 'graph';
          }
        } else if (parent === 'graph' && (name === 'node' || name === 'edge')) {
          // Each node and edge becomes a row: refused as soon as there are more than the rows limit.
          if (options.limits) checkRowCount(++elementCount, options.limits);
          element = { id: attributes['id'], data: [] };
          if (name === 'edge') {
            element.source = attributes['source'];
            element.target = attributes['target'];
            element.directed = attributes['directed'];
            file.graph!.edges.push(element);
          } else {
            file.graph!.nodes.push(element);
          }
          kind = 'element';
        } else if ((parent === 'graph' || parent === 'element') && name === 'data') {
          data = { key: attributes['key'], text: '', label: null };
          (parent === 'graph' ? file.graph! : element!).data.push(data);
          kind = 'data';
        } else if (parent === 'data' || parent === 'inner') {
          const child: Inner = { text: undefined, children: new Map() };
          const holder = parent === 'data' ? (dataInner ??= { text: undefined, children: new Map() }) : inner.at(-1)!;
          const group = holder.children.get(name);
          if (group) group.push(child);
          else holder.children.set(name, [child]);
          inner.push(child);
          kind = 'inner';
        }
        open.push(kind);
      },
      text: (text) => {
        const at = open.at(-1);
        if (at === 'data') data!.text += text;
        else if (at === 'inner') {
          const current = inner.at(-1)!;
          current.text = (current.text ?? '') + text;
        }
      },
      close: () => {
        const kind = open.pop();
        if (kind === 'inner') inner.pop();
        else if (kind === 'data') {
          if (dataInner) data!.label = yedLabel(dataInner);
          dataInner = null;
          data = null;
        }
      },
    },
    { entities: HTML_ENTITIES, fileName: options.fileName },
  );
  let failure: unknown = null;
  for await (const chunk of chunks) {
    // After an error the rest is still read, so that the whole upload is taken (and its size checked).
    if (failure) continue;
    try {
      xml.write(chunk);
    } catch (error) {
      // A limit passed stops the reading at once; only a file that is not XML is read to its end.
      if (!(error instanceof XmlError)) throw error;
      failure = error;
    }
  }
  if (failure) throw failure;
  xml.end();
  return file;
}
