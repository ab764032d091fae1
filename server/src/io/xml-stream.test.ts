import { describe, expect, it } from 'vitest';

import { HTML_ENTITIES, type XmlAttributes, XmlError, XmlStream, type XmlStreamOptions } from './xml-stream.ts';

/** The stream's events as a list, the document fed in the given pieces. */
function events(
  pieces: ReadonlyArray<string | Buffer>,
  options: XmlStreamOptions = {},
  attributeNames: string[] = [],
): unknown[] {
  const out: unknown[] = [];
  const xml = new XmlStream(
    {
      open: (name: string, attributes: XmlAttributes) =>
        out.push(['open', name, ...attributeNames.map((a) => attributes[a] ?? null)]),
      text: (text: string) => {
        const last = out.at(-1) as unknown[] | undefined;
        // Text may come in several pieces: join them, so that any cut gives the same list.
        if (last?.[0] === 'text') last[1] += text;
        else out.push(['text', text]);
      },
      close: (name: string) => out.push(['close', name]),
    },
    options,
  );
  for (const piece of pieces) xml.write(piece);
  xml.end();
  return out;
}

/** The error a document is refused with. */
function refusal(pieces: readonly string[], options: XmlStreamOptions = {}): XmlError {
  try {
    events(pieces, options);
  } catch (error) {
    if (error instanceof XmlError) return error;
    throw error;
  }
  throw new Error('the document was not refused');
}

const DOCUMENT =
  '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE r [<!ELEMENT r ANY>]>\n' +
  '<r a="1 &amp; 2" b=\'x>y\'><!-- a comment --><c r="A1" t="s"><v>12</v></c>' +
  '<c r="B1"/><t>a &lt; b &#13;&#x1F600; line\r\nbreak <![CDATA[<raw & text>]]></t></r>\n';

describe('XmlStream', () => {
  it('reads tags, attributes and text, whatever pieces the document comes in', () => {
    const whole = events([DOCUMENT], {}, ['a', 'b', 'r']);
    expect(whole).toEqual([
      ['open', 'r', '1 & 2', 'x>y', null],
      ['open', 'c', null, null, 'A1'],
      ['open', 'v', null, null, null],
      ['text', '12'],
      ['close', 'v'],
      ['close', 'c'],
      ['open', 'c', null, null, 'B1'],
      ['close', 'c'],
      ['open', 't', null, null, null],
      ['text', 'a < b \r😀 line\nbreak <raw & text>'],
      ['close', 't'],
      ['close', 'r'],
    ]);
    for (let cut = 1; cut < DOCUMENT.length; cut++) {
      expect(events([DOCUMENT.slice(0, cut), DOCUMENT.slice(cut)], {}, ['a', 'b', 'r'])).toEqual(whole);
    }
    expect(events([...DOCUMENT], {}, ['a', 'b', 'r'])).toEqual(whole);
    // Bytes cut anywhere, even inside a character.
    const bytes = Buffer.from(DOCUMENT, 'utf8');
    expect(
      events(
        [...bytes].map((byte) => Buffer.from([byte])),
        {},
        ['a', 'b', 'r'],
      ),
    ).toEqual(whole);
  });

  it('refuses unknown entities and end tags that do not match, and turns tabs in attributes into spaces', () => {
    expect(() => events(['<r>&nbsp;</r>'])).toThrow(/undefined entity/);
    expect(() => events(['<r>a & b</r>'])).toThrow(XmlError);
    expect(() => events(['<r><a></b></r>'])).toThrow(/unexpected close tag/);
    expect(() => events(['<r>'])).toThrow(/unclosed tag/);
    expect(() => events(['<r a=1/>'], {}, ['a'])).toThrow(XmlError);
    expect(() => events(['<r a="1" a="2"/>'], {}, ['a'])).toThrow(/duplicate attribute/);
    expect(events(['<r a="x\ty&#9;z"/>'], {}, ['a'])).toEqual([
      ['open', 'r', 'x y\tz'],
      ['close', 'r'],
    ]);
  });

  it('knows the entities it is given besides XML’s own', () => {
    expect(events(['<r>&nbsp;&euro; &amp; &#233;</r>'], { entities: HTML_ENTITIES })).toEqual([
      ['open', 'r'],
      ['text', '\u00a0€ & é'],
      ['close', 'r'],
    ]);
    expect(() => events(['<r>&foo;</r>'], { entities: HTML_ENTITIES })).toThrow(/undefined entity/);
  });

  it('says where and why a document is not well-formed', () => {
    const error = refusal(['<r>\n  <a>x</b>\n</r>'], { fileName: 'graf.graphml' });
    expect([error.line, error.column, error.reason]).toEqual([2, 10, 'unexpected close tag.']);
    expect(error.message).toBe('graf.graphml, line 2, column 10: unexpected close tag.');
    expect(refusal(['<r>a & b</r>']).message).toMatch(/^line 1, column \d+: /);
  });

  it('refuses a tag cut short at the end', () => {
    expect(() => events(['<r><a b="1"'])).toThrow(XmlError);
  });
});
