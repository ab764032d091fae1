/**
 * Gathers one list at a time and hands each out at its exact length. An array grown by `push`
 * from empty gets room for at least 17 elements (V8 grows a backing store to 1.5 · length + 16),
 * and a report keeps tens of thousands of short lists (an actor's support links, the initiatives
 * naming a classroom actor): each would carry many times its length, copied by every scavenge
 * while the report is built. `take` copies the gathered items into a list of their own (packed,
 * so `v8.serialize` writes it densely) and starts the next list.
 */
export class ListBuffer<T> {
  private readonly items: T[] = [];
  private length = 0;

  push(item: T): void {
    this.items[this.length++] = item;
  }

  get size(): number {
    return this.length;
  }

  take(): T[] {
    const list = this.items.slice(0, this.length);
    this.length = 0;
    return list;
  }
}
