/** A new opaque id with a readable prefix (`actor-3f2a…`); unique within an organisation. */
export function newId(prefix: string): string {
  return `${prefix}-${globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
}
