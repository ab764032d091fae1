/**
 * XML read as a stream with saxes, for the XLSX and GraphML imports: bytes go in as they come,
 * and the handler sees start tags with their attributes, text and end tags, nothing being kept
 * but what saxes holds of the tag it is in. Element names are compared as written, prefix
 * included (no namespace processing). CDATA is read as text, and text outside the root element
 * (only blanks are allowed there) is left out.
 *
 * The reading is strict XML: a document that is not well-formed is refused with an `XmlError`
 * that says where (line, column) and why.
 */
import { StringDecoder } from 'node:string_decoder';

import { SaxesParser } from 'saxes';

export type XmlAttributes = Readonly<Record<string, string>>;

export interface XmlHandler {
  /** A start tag; an empty-element tag (`<c/>`) is a start tag followed by its end tag. */
  open(name: string, attributes: XmlAttributes): void;
  /** Character data inside the root element (entities decoded, line ends normalised), possibly in several pieces. */
  text(text: string): void;
  /** The end of the innermost open element. */
  close(name: string): void;
}

export interface XmlStreamOptions {
  /** What to call the document in errors: a file, or a part of a ZIP. */
  fileName?: string;
  /** Entities known besides XML's five, by name (`nbsp` → `\u00a0`). */
  entities?: Readonly<Record<string, string>>;
}

/** A document that is not well-formed XML, with where it stopped being so. */
export class XmlError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    readonly fileName?: string,
  ) {
    super(`${fileName ? `${fileName}, ` : ''}line ${line}, column ${column}: ${reason}`);
  }
}

/** Common HTML entities (those fast-xml-parser's `htmlEntities` knew), for XML written by hand or by HTML-minded tools. */
export const HTML_ENTITIES: Readonly<Record<string, string>> = {
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

export class XmlStream {
  private readonly parser = new SaxesParser();
  private readonly decoder = new StringDecoder('utf8');
  private depth = 0;

  constructor(handler: XmlHandler, options: XmlStreamOptions = {}) {
    const parser = this.parser;
    if (options.entities) Object.assign(parser.ENTITIES, options.entities);
    const text = (value: string) => {
      if (this.depth > 0) handler.text(value);
    };
    parser.on('opentag', (tag) => {
      this.depth++;
      handler.open(tag.name, tag.attributes);
    });
    parser.on('text', text);
    parser.on('cdata', text);
    parser.on('closetag', (tag) => {
      this.depth--;
      handler.close(tag.name);
    });
    parser.on('error', (error) => {
      // saxes prefixes its message with the position it gives on the parser.
      const prefix = `${parser.line}:${parser.column}: `;
      const reason = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
      throw new XmlError(reason, parser.line, parser.column, options.fileName);
    });
  }

  /** Feeds the next piece of the document: bytes (UTF-8, cut anywhere) or text. */
  write(chunk: Buffer | string): void {
    this.parser.write(typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
  }

  /** Ends the document: a tag cut short or an element left open is an error. */
  end(): void {
    this.parser.write(this.decoder.end());
    this.parser.close();
  }
}
