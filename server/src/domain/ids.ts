/** A new opaque id with a readable prefix (`actor-3f2a…`); unique within an organisation. */
export function newId(prefix: string): string {
  return `${prefix}-${globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/** Lower-case ASCII letters, digits and dashes from any text (`Rektor Åsa` → `rektor-asa`), at most 48 long. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}

/**
 * The id of an organisation created through the API: a slug of its name and a random part, so
 * that it is readable, and so that nobody can choose an id to learn whether it is taken (the
 * answer would tell). Tools run on the server (seeding, `npm run import`, migrate) keep the ids
 * of their documents.
 */
export function newOrganisationId(name: string): string {
  return `${slugify(name).slice(0, 40).replace(/-+$/, '') || 'organisation'}-${globalThis.crypto.randomUUID().slice(0, 8)}`;
}
