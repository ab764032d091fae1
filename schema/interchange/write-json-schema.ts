/**
 * Writes interchange.schema.json from the zod schema (`--check`: fails when the committed file
 * differs), so editors and other tools can validate documents without this code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { interchangeDocumentSchema } from './model.ts';

const file = join(dirname(fileURLToPath(import.meta.url)), 'interchange.schema.json');
const schema = z.toJSONSchema(interchangeDocumentSchema, { io: 'input' });
const text = `${JSON.stringify({ title: 'Kopplingskartan interchange document', ...schema }, null, 2)}\n`;

if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== text) {
    console.error(`${file} is out of date: run npm run codegen`);
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
}
