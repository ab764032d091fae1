/** What a key does in the presenter view; clickers send PageDown/PageUp. */
export type NavCommand = 'next' | 'previous' | 'first' | 'last' | 'leave';

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

export function navCommand(e: KeyLike): NavCommand | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null; // leave the browser's own shortcuts alone
  switch (e.key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case ' ':
    case 'Spacebar':
      return e.shiftKey ? 'previous' : 'next';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'leave';
    default:
      return null;
  }
}

/** The step index after a command, clamped to the steps there are (0 when there are none). */
export function stepAfter(index: number, command: Exclude<NavCommand, 'leave'>, count: number): number {
  if (count <= 0) return 0;
  const last = count - 1;
  const at = Math.max(0, Math.min(index, last));
  switch (command) {
    case 'next':
      return Math.min(at + 1, last);
    case 'previous':
      return Math.max(at - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return last;
  }
}

/** "3 / 5" for humans: one-based. */
export function stepCounter(index: number, count: number): string {
  return count === 0 ? '0 / 0' : `${Math.min(index, count - 1) + 1} / ${count}`;
}
