import { interchangeDocumentSchema } from '@kopplingskartan/schema/interchange';
import { describe, expect, it } from 'vitest';

import { contractDocument } from '../store/contract/fixture.ts';
import { documentToContents } from '../domain/document.ts';
import { RECORD_KINDS, type RecordKind, type RecordTypes } from '../domain/records.ts';
import { checkRecord, KINDS_READING_SCENARIOS, type RecordContext } from '../domain/rules.ts';

describe('what the rules read', () => {
  const { organisation, records } = documentToContents(interchangeDocumentSchema.parse(contractDocument('org-rules')));
  const scenarios = records.flatMap(({ kind, record }) =>
    kind === 'scenario' ? [record as RecordTypes['scenario']] : [],
  );

  it.each(RECORD_KINDS)(
    'reads the scenarios for a %s only if its kind is listed in KINDS_READING_SCENARIOS',
    (kind) => {
      const ofKind = records.filter((tagged) => tagged.kind === kind);
      expect(ofKind.length).toBeGreaterThan(0);
      let hasReadScenarios = false;
      const ctx: RecordContext = {
        organisation,
        get scenarios() {
          hasReadScenarios = true;
          return scenarios;
        },
        find: <K extends RecordKind>(refKind: K, id: string) =>
          records.find((tagged) => tagged.kind === refKind && tagged.record.id === id)?.record as
            RecordTypes[K] | undefined,
        findParallelLink: () => undefined,
      };
      for (const { record } of ofKind) expect(checkRecord(kind, record as never, ctx)).toEqual([]);
      expect(hasReadScenarios).toBe(KINDS_READING_SCENARIOS.has(kind));
    },
  );
});
