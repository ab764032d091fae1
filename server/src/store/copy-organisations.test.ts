import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { interchangeDocumentSchema } from '@kopplingskartan/schema/interchange';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { documentToContents } from '../domain/document.ts';
import { DomainError } from '../domain/errors.ts';
import type { OrganisationContents } from '../domain/records.ts';
import { contractDocument } from './contract/fixture.ts';
import { copyOrganisations } from './copy-organisations.ts';
import type { GraphStore } from './graph-store.ts';
import { describeEachStore, storeTargets } from './contract/store-targets.ts';
import { openStore } from './open-store.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'kk-copy-'));
const run = Math.random().toString(36).slice(2, 10);
const ids = [`ct-copy-${run}-a`, `ct-copy-${run}-b`];

function fixture(id: string, name?: string): OrganisationContents {
  return documentToContents(interchangeDocumentSchema.parse(contractDocument(id, name)));
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

let source: SqliteStore;

beforeAll(async () => {
  source = new SqliteStore({ file: join(dir, 'source.db') });
  await source.migrate();
  for (const id of ids) await source.createOrganisation(fixture(id));
  // b has no responsive administration–principal link any more (l-2 was its only one).
  await source.deleteRecord('link', ids[1]!, 'l-2');
});

afterAll(async () => {
  await source.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The copy behaviour, for any destination store that starts without the source's organisations. */
function describeCopyTo(makeDestination: () => Promise<GraphStore>): void {
  describe('into another store', () => {
    let destination: GraphStore;

    beforeAll(async () => {
      destination = await makeDestination();
      await destination.migrate();
    });
    afterAll(async () => {
      for (const id of ids) await destination.deleteOrganisation(id);
      await destination.close();
    });

    it('copies every organisation and verifies the record counts', async () => {
      const copied: string[] = [];
      const report = await copyOrganisations(source, destination, { onCopied: (entry) => copied.push(entry.id) });
      expect(report.organisations.map((entry) => [entry.id, entry.action])).toEqual(ids.map((id) => [id, 'created']));
      expect(copied).toEqual(ids);
      expect(report.organisations[0]!.counts).toEqual({
        unit: 2,
        actor: 5,
        scenario: 1,
        arena: 1,
        link: 4,
        perception: 2,
        initiative: 1,
        presentation: 1,
      });
      // b lost l-2 and with it both perceptions
      expect(report.organisations[1]!.counts).toMatchObject({ link: 3, perception: 0 });
      expect(report.totals).toMatchObject({ actor: 10, link: 7 });
      expect(await destination.readOrganisation(ids[1]!)).toEqual(await source.readOrganisation(ids[1]!));
    });

    it('refuses to overwrite existing organisations, writing nothing, unless asked to replace', async () => {
      const [first] = await destination.getRecords('actor', ids[0]!, ['a-chief']);
      await destination.updateRecord('actor', { ...first!, name: 'Ändrad i målet' });
      const error = await expectCode(copyOrganisations(source, destination), 'ORGANISATION_EXISTS');
      expect(error.details.ids).toEqual(ids);
      expect((await destination.getRecords('actor', ids[0]!, ['a-chief']))[0]!.name).toBe('Ändrad i målet');

      const report = await copyOrganisations(source, destination, { replace: true });
      expect(report.organisations.map((entry) => entry.action)).toEqual(['replaced', 'replaced']);
      // Replaced records get a version above every one the destination held (a-chief's 2).
      expect((await destination.getRecords('actor', ids[0]!, ['a-chief']))[0]).toMatchObject({
        name: 'Skolchef',
        version: 3,
      });
    });
  });
}

const stores = await storeTargets();
describeEachStore(stores, 'copyOrganisations from sqlite', (target) =>
  describeCopyTo(() => openStore(target.config())),
);
