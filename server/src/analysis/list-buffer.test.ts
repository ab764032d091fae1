import { describe, expect, it } from 'vitest';

import { flat } from './findings.ts';
import { ListBuffer } from './list-buffer.ts';

describe('ListBuffer', () => {
  it('hands out each list with exactly its own items, and starts the next one empty', () => {
    const buffer = new ListBuffer<string>();
    buffer.push('a');
    buffer.push('b');
    buffer.push('c');
    const first = buffer.take();
    buffer.push('d');
    const second = buffer.take();
    const third = buffer.take();
    expect(first).toEqual(['a', 'b', 'c']);
    expect(second).toEqual(['d']);
    expect(third).toEqual([]);
    // Lists handed out are the caller's: later pushes change none of them.
    buffer.push('e');
    first.push('x');
    expect(second).toEqual(['d']);
    expect(buffer.take()).toEqual(['e']);
  });
});

describe('flat', () => {
  it('writes the text a template literal writes', () => {
    const name = 'Rektor';
    expect(flat`${name} är lyhörd för ${'Lärare'} (${2} länkar).`).toBe('Rektor är lyhörd för Lärare (2 länkar).');
    expect(flat`${'a'}`).toBe('a');
    expect(flat`utan värden`).toBe('utan värden');
    expect(flat`${''}–${0}`).toBe('–0');
  });
});
