import { afterEach, describe, expect, it, vi } from 'vitest';

import { RoundNotifier, roundTopic } from './round-notifier.ts';

describe('RoundNotifier', () => {
  afterEach(() => vi.useRealTimers());

  it('announces the first change at once and a burst after it once, at the end of the interval', () => {
    vi.useFakeTimers();
    const sent: Array<[string, number]> = [];
    const notifier = new RoundNotifier((topic) => sent.push([topic, Date.now()]), 200);
    const start = Date.now();
    notifier.changed('org', 'r1');
    for (let i = 0; i < 10; i++) notifier.changed('org', 'r1');
    notifier.changed('org', 'r2');
    expect(sent).toEqual([
      [roundTopic('org', 'r1'), start],
      [roundTopic('org', 'r2'), start],
    ]);
    vi.advanceTimersByTime(199);
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sent.slice(2)).toEqual([[roundTopic('org', 'r1'), start + 200]]);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(3);
    notifier.changed('org', 'r1');
    expect(sent).toHaveLength(4);
  });

  it('sends nothing that was waiting once closed', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const notifier = new RoundNotifier((topic) => sent.push(topic), 200);
    notifier.changed('org', 'r1');
    notifier.changed('org', 'r1');
    notifier.close();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([roundTopic('org', 'r1')]);
  });
});
