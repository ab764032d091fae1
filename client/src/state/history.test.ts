import { describe, expect, it, vi } from 'vitest';

import { emptyHistory, type HistoryEntry, pushEntry, takeRedo, takeUndo } from './history.ts';

const entry = (label: string): HistoryEntry => ({
  labelKey: label,
  undo: vi.fn(async () => {}),
  redo: vi.fn(async () => {}),
});

describe('undo history', () => {
  it('has nothing to undo or redo when empty', () => {
    expect(takeUndo(emptyHistory())).toBeNull();
    expect(takeRedo(emptyHistory())).toBeNull();
  });

  it('undoes the latest entry first and redoes in the original order', () => {
    const a = entry('a');
    const b = entry('b');
    let h = pushEntry(pushEntry(emptyHistory(), a), b);
    const u1 = takeUndo(h);
    expect(u1?.entry).toBe(b);
    h = u1?.history ?? h;
    const u2 = takeUndo(h);
    expect(u2?.entry).toBe(a);
    h = u2?.history ?? h;
    expect(h.future).toEqual([a, b]);
    const r1 = takeRedo(h);
    expect(r1?.entry).toBe(a);
    expect(r1?.history.past).toEqual([a]);
  });

  it('clears redo when a new edit is made after an undo', () => {
    const h = takeUndo(pushEntry(emptyHistory(), entry('a')))?.history ?? emptyHistory();
    expect(h.future).toHaveLength(1);
    expect(pushEntry(h, entry('b')).future).toEqual([]);
  });

  it('keeps at most the limit, dropping the oldest', () => {
    let h = emptyHistory();
    for (let i = 0; i < 5; i++) h = pushEntry(h, entry(String(i)), 3);
    expect(h.past.map((e) => e.labelKey)).toEqual(['2', '3', '4']);
  });
});
