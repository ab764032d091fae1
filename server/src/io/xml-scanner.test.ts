import { describe, expect, it } from 'vitest';

import { type XmlAttributes, XmlScanner, type XmlScannerOptions } from './xml-scanner.ts';

/** The scanner's events as a list, the document fed in the given pieces. */
function events(pieces: readonly string[], options: XmlScannerOptions = {}, attributeNames: string[] = []): unknown[] {
  const out: unknown[] = [];
  const scanner = new XmlScanner(
    {
      open: (name: string, attributes: XmlAttributes) =>
        out.push(['open', name, ...attributeNames.map((a) => attributes.get(a) ?? null)]),
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
  for (const piece of pieces) scanner.write(piece);
  scanner.end();
  return out;
}

const DOCUMENT =
  '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE r [<!ELEMENT r ANY>]>\n' +
  '<r a="1 &amp; 2" b=\'x>y\'><!-- a comment --><c r="A1" t="s"><v>12</v></c>' +
  '<c r="B1"/><t>a &lt; b &#13;&#x1F600; line\r\nbreak <![CDATA[<raw & text>]]></t></r>\n';

describe('XmlScanner', () => {
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
  });

  it('strictly, refuses unknown entities and end tags that do not match, and turns tabs in attributes into spaces', () => {
    expect(() => events(['<r>&nbsp;</r>'])).toThrow(/entity/);
    expect(() => events(['<r>a & b</r>'])).toThrow(/entity/);
    expect(() => events(['<r><a></b></r>'])).toThrow(/does not close/);
    expect(() => events(['<r>'])).toThrow(/not closed/);
    expect(() => events(['<r a=1/>'], {}, ['a'])).toThrow(/attributes/);
    expect(events(['<r a="x\ty&#9;z"/>'], {}, ['a'])).toEqual([
      ['open', 'r', 'x y\tz'],
      ['close', 'r'],
    ]);
  });

  it('forgivingly, reads as fast-xml-parser did', () => {
    const forgiving = { isForgiving: true };
    expect(events(['<r>&nbsp;&euro; &foo; a & b &#0;</r>'], forgiving)).toEqual([
      ['open', 'r'],
      ['text', '\u00a0€ &foo; a & b '],
      ['close', 'r'],
    ]);
    // Any end tag closes the innermost element; what is left open at the end is simply ended.
    expect(events(['<r><a>x</b><c>'], forgiving)).toEqual([
      ['open', 'r'],
      ['open', 'a'],
      ['text', 'x'],
      ['close', 'a'],
      ['open', 'c'],
    ]);
    expect(events(['<r a="x\ty" a="z" b=q/>'], forgiving, ['a', 'b'])).toEqual([
      ['open', 'r', 'z', null],
      ['close', 'r'],
    ]);
  });

  it('refuses a tag cut short at the end, in either reading', () => {
    expect(() => events(['<r><a b="1"'])).toThrow(/not well-formed/);
    expect(() => events(['<r><a b="1"'], { isForgiving: true })).toThrow(/not well-formed/);
  });
});
