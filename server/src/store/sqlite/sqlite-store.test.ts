import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll } from 'vitest';

import { describeGraphStore } from '../contract/graph-store.contract.ts';
import { SqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'kk-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeGraphStore('sqlite', async () => new SqliteStore({ file: join(dir, 'contract.db') }));
