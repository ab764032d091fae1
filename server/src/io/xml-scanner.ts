/**
 * A small streaming XML scanner for imports: start tags with their attributes, end tags and
 * text, fed in chunks, with nothing kept but the unfinished end of the last chunk. It leaves out
 * DTDs and namespaces (element names are compared as written, prefix included).
 *
 * Two readings, each matching the parser that read the format before, so that files import as
 * they did:
 * - strict (XLSX, as exceljs's saxes): end tags must match, an unknown entity is an error, and
 *   tabs and line ends in attribute values become spaces;
 * - forgiving (GraphML, as fast-xml-parser with `htmlEntities`): a few HTML entities (`&nbsp;`,
 *   `&euro;` …) are known too, an unknown or broken reference stays as written, attribute
 *   values stay as written, any end tag closes the innermost element, and an element left open
 *   at the end is simply ended.
 * Both read CDATA as text, skip comments, processing instructions and DOCTYPE, and turn CR LF
 * and lone CR in text into LF (a `&#13;` stays a CR).
 */

export interface XmlHandler {
  /** A start tag; an empty-element tag (`<c/>`) is a start tag followed by its end tag. */
  open(name: string, attributes: XmlAttributes): void;
  /** Character data inside an element (entities decoded, line ends normalised), possibly in several pieces. */
  text(text: string): void;
  /** The end of the innermost open element, named as its start tag was. */
  close(name: string): void;
}

export interface XmlScannerOptions {
  isForgiving?: boolean;
}

export class XmlError extends Error {}

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** fast-xml-parser's `htmlEntities`: common HTML and currency names, besides XML's five. */
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  ...XML_ENTITIES,
  nbsp: '\u00a0',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  laquo: '\u00ab',
  raquo: '\u00bb',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bull: '\u2022',
  para: '\u00b6',
  sect: '\u00a7',
  deg: '\u00b0',
  frac12: '\u00bd',
  frac14: '\u00bc',
  frac34: '\u00be',
  cent: '\u00a2',
  pound: '\u00a3',
  curren: '\u00a4',
  yen: '\u00a5',
  euro: '\u20ac',
  dollar: '$',
  fnof: '\u0192',
  inr: '\u20b9',
  af: '\u060b',
  birr: '\u1265\u122d',
  peso: '\u20b1',
  rub: '\u20bd',
  won: '\u20a9',
  yuan: '\u00a5',
  cedil: '\u00b8',
};

/** A tag this long without its `>` is not a tag. */
const MAX_TAG = 1024 * 1024;
const MAX_ENTITY = 32;

/** The character a reference's name (`amp`, `#13`, `#xD`) stands for; undefined when none. */
function referenced(name: string, isForgiving: boolean): string | undefined {
  if (name.startsWith('#')) {
    const isHex = name[1] === 'x';
    const digits = name.slice(isHex ? 2 : 1);
    if (!(isHex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
    const code = parseInt(digits, isHex ? 16 : 10);
    if (code > 0x10ffff) return undefined;
    // fast-xml-parser drops a reference to NUL; XML has no such character.
    if (code === 0) return isForgiving ? '' : undefined;
    return String.fromCodePoint(code);
  }
  return (isForgiving ? HTML_ENTITIES : XML_ENTITIES)[name];
}

function decodeEntities(raw: string, isForgiving: boolean): string {
  let out = '';
  let from = 0;
  let at = raw.indexOf('&');
  while (at >= 0) {
    const end = raw.indexOf(';', at);
    const decoded = end > at && end - at <= MAX_ENTITY ? referenced(raw.slice(at + 1, end), isForgiving) : undefined;
    if (decoded !== undefined) {
      out += raw.slice(from, at) + decoded;
      from = end + 1;
    } else if (!isForgiving) {
      throw new XmlError(`an "&" that starts no known entity: ${JSON.stringify(raw.slice(at, at + 12))}`);
    }
    at = raw.indexOf('&', decoded === undefined ? at + 1 : from);
  }
  return out + raw.slice(from);
}

/** Text as XML reads it: CR LF and lone CR become LF (a `&#13;` stays), entities decoded. */
function decodeText(raw: string, isForgiving: boolean): string {
  const normalised = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return normalised.includes('&') ? decodeEntities(normalised, isForgiving) : normalised;
}

/** An attribute value: strictly, literal tabs and line ends become spaces; entities decoded. */
function decodeAttribute(raw: string, isForgiving: boolean): string {
  let isPlain = true;
  for (let i = 0; i < raw.length && isPlain; i++) {
    const code = raw.charCodeAt(i);
    isPlain = code !== 0x26 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
  }
  if (isPlain) return raw;
  const spaced = isForgiving ? raw : raw.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' ');
  return spaced.includes('&') ? decodeEntities(spaced, isForgiving) : spaced;
}

/** `name, value, name, value …` of a start tag's attributes (the text between its name and `>`). */
function parseAttributes(raw: string, isForgiving: boolean): string[] {
  const pairs: string[] = [];
  let at = 0;
  for (;;) {
    while (at < raw.length && raw.charCodeAt(at) <= 0x20) at++;
    if (at >= raw.length) return pairs;
    const equals = raw.indexOf('=', at);
    const name = equals < 0 ? '' : raw.slice(at, equals).trimEnd();
    let open = equals + 1;
    while (open < raw.length && raw.charCodeAt(open) <= 0x20) open++;
    const quote = raw[open];
    const close = quote === '"' || quote === "'" ? raw.indexOf(quote, open + 1) : -1;
    if (name === '' || /[\s/>"']/.test(name) || close < 0) {
      // fast-xml-parser passes over what it cannot read.
      if (isForgiving) return pairs;
      throw new XmlError(`attributes are not well-formed: ${JSON.stringify(raw.slice(0, 60))}`);
    }
    pairs.push(name, decodeAttribute(raw.slice(open + 1, close), isForgiving));
    at = close + 1;
  }
}

/** A start tag's attributes, read when first asked for: most tags are never asked. */
export class XmlAttributes {
  private pairs: string[] | null = null;

  constructor(
    private readonly raw: string,
    private readonly isForgiving = false,
  ) {}

  /** The attribute's value (the last one, should the tag repeat it). */
  get(name: string): string | undefined {
    const pairs = (this.pairs ??= parseAttributes(this.raw, this.isForgiving));
    for (let i = pairs.length - 2; i >= 0; i -= 2) if (pairs[i] === name) return pairs[i + 1];
    return undefined;
  }
}

const NO_ATTRIBUTES = new XmlAttributes('');

function isNameEnd(code: number): boolean {
  // space, tab, LF, CR, `/` and `>`
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2f || code === 0x3e;
}

export class XmlScanner {
  private rest = '';
  private readonly open: string[] = [];
  private isFirst = true;
  private readonly isForgiving: boolean;

  constructor(
    private readonly handler: XmlHandler,
    options: XmlScannerOptions = {},
  ) {
    this.isForgiving = options.isForgiving ?? false;
  }

  /** Feeds the next piece of the document (decoded text, cut anywhere). */
  write(chunk: string): void {
    let input = this.rest + chunk;
    if (this.isFirst && input.length > 0) {
      this.isFirst = false;
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    }
    this.rest = input.slice(this.scan(input, false));
  }

  /** Ends the document: a tag cut short is an error, and strictly, so is an element left open. */
  end(): void {
    this.scan(this.rest, true);
    this.rest = '';
    if (this.open.length > 0 && !this.isForgiving) throw new XmlError(`<${this.open.at(-1)}> is not closed`);
  }

  /** Reports every complete piece of `input`; returns where the incomplete rest starts. */
  private scan(input: string, isLast: boolean): number {
    let at = 0;
    while (at < input.length) {
      const lt = input.indexOf('<', at);
      if (lt < 0) {
        // Text may go on in the next chunk (and an entity be cut in two): keep it until a tag.
        // fast-xml-parser drops text that no tag follows.
        if (!isLast) return at;
        if (!this.isForgiving) this.text(input.slice(at));
        return input.length;
      }
      if (lt > at) this.text(input.slice(at, lt));
      const next = input.charCodeAt(lt + 1);
      const end =
        next === 0x2f /* / */
          ? this.endTag(input, lt)
          : next === 0x3f /* ? */
            ? afterOrMissing(input, '?>', lt)
            : next === 0x21 /* ! */
              ? this.special(input, lt)
              : this.startTag(input, lt);
      if (end < 0) {
        if (isLast || input.length - lt > MAX_TAG) {
          throw new XmlError(`a tag is not well-formed: ${JSON.stringify(input.slice(lt, lt + 60))}`);
        }
        return lt;
      }
      at = end;
    }
    return at;
  }

  /** Reports the start tag at `lt` (and its end, for `<c/>`); -1 when its `>` is not here yet. */
  private startTag(input: string, lt: number): number {
    let at = lt + 1;
    while (at < input.length && !isNameEnd(input.charCodeAt(at))) at++;
    const name = input.slice(lt + 1, at);
    if (name === '' && at < input.length) throw new XmlError('a "<" that starts no tag');
    const attributesAt = at;
    // The tag ends at the first `>` outside a quoted value.
    let quote = 0;
    for (; at < input.length; at++) {
      const code = input.charCodeAt(at);
      if (quote !== 0) {
        if (code === quote) quote = 0;
      } else if (code === 0x22 || code === 0x27) {
        quote = code;
      } else if (code === 0x3e) {
        break;
      }
    }
    if (at >= input.length) return -1;
    const isEmpty = at > attributesAt && input.charCodeAt(at - 1) === 0x2f;
    const raw = input.slice(attributesAt, isEmpty ? at - 1 : at);
    this.handler.open(name, raw.trim() === '' ? NO_ATTRIBUTES : new XmlAttributes(raw, this.isForgiving));
    if (isEmpty) this.handler.close(name);
    else this.open.push(name);
    return at + 1;
  }

  private endTag(input: string, lt: number): number {
    const gt = input.indexOf('>', lt);
    if (gt < 0) return -1;
    const name = input.slice(lt + 2, gt).trimEnd();
    const open = this.open.pop();
    if (open !== undefined && (name === open || this.isForgiving)) this.handler.close(open);
    else if (!this.isForgiving) throw new XmlError(`</${name}> does not close <${open ?? ''}>`);
    return gt + 1;
  }

  /** Comments and DOCTYPE are skipped, CDATA is text as it stands; -1 when the end is not here yet. */
  private special(input: string, lt: number): number {
    if (input.startsWith('<!--', lt)) return afterOrMissing(input, '-->', lt + 4);
    if (input.startsWith('<![CDATA[', lt)) {
      const end = input.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (this.open.length > 0 && end > lt + 9) this.handler.text(input.slice(lt + 9, end));
      return end + 3;
    }
    if (input.length - lt < 9) return -1;
    if (!input.startsWith('<!DOCTYPE', lt)) throw new XmlError('a "<!" that starts no comment, CDATA or DOCTYPE');
    const subset = input.indexOf('[', lt);
    const gt = input.indexOf('>', lt);
    if (gt < 0) return -1;
    return subset < 0 || subset > gt ? gt + 1 : afterOrMissing(input, ']>', subset);
  }

  private text(raw: string): void {
    if (this.open.length === 0) {
      if (raw.trim() !== '' && !this.isForgiving) throw new XmlError('text outside the root element');
      return;
    }
    this.handler.text(decodeText(raw, this.isForgiving));
  }
}

/** The index just after `token` (searched from `from`), or -1 when it is not there yet. */
function afterOrMissing(input: string, token: string, from: number): number {
  const at = input.indexOf(token, from);
  return at < 0 ? -1 : at + token.length;
}
