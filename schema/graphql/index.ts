import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The SDL files of this folder, in a stable order, joined: the API's single source of truth. */
export const sdlFiles = readdirSync(here)
  .filter((file) => file.endsWith('.graphql'))
  .sort((a, b) => (a === 'common.graphql' ? -1 : b === 'common.graphql' ? 1 : a.localeCompare(b)));

export const typeDefs = sdlFiles.map((file) => readFileSync(join(here, file), 'utf8')).join('\n');
