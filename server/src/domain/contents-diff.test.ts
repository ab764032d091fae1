import { describe, expect, it } from 'vitest';

import { diffContents } from './contents-diff.ts';
import type { Link, OrganisationContents } from './records.ts';
import { testActor } from './test-records.ts';

const organisation = {
  id: 'o',
  name: 'Kommunen',
  kind: 'MUNICIPAL' as const,
  description: null,
  levels: [{ key: 'teacher', name: 'Lärare', isSide: false }],
  version: 1,
};
const link = (id: string, fields: Partial<Link> = {}): Link => ({
  id,
  organisationId: 'o',
  scenarioId: 's',
  sourceId: 'a',
  targetId: 'b',
  kind: 'STEERING',
  coupling: 'LOOSE',
  targetResponds: null,
  sourceResponds: null,
  distinctive: null,
  arenaId: null,
  cadence: null,
  evidence: [],
  notes: null,
  confidential: false,
  partnershipStage: null,
  version: 1,
  ...fields,
});

describe('diffContents', () => {
  it('counts added, removed and changed records per kind; a bumped version alone is no change', () => {
    const from: OrganisationContents = {
      organisation,
      records: [
        { kind: 'actor', record: testActor('a') },
        { kind: 'actor', record: testActor('b') },
        { kind: 'actor', record: testActor('c') },
        { kind: 'link', record: link('l1') },
        { kind: 'link', record: link('l2', { evidence: [{ text: 'Protokoll', date: null, source: null }] }) },
      ],
    };
    const to: OrganisationContents = {
      organisation: { ...organisation, version: 4 },
      records: [
        { kind: 'actor', record: { ...testActor('a'), version: 7 } },
        { kind: 'actor', record: { ...testActor('b'), name: 'Rektorn' } },
        { kind: 'actor', record: testActor('d') },
        { kind: 'actor', record: testActor('e') },
        { kind: 'link', record: link('l1') },
        // Only a nested field differs.
        { kind: 'link', record: link('l2', { evidence: [{ text: 'Minnesanteckning', date: null, source: null }] }) },
      ],
    };
    expect(diffContents(from, to)).toEqual({
      isOrganisationChanged: false,
      kinds: [
        { kind: 'actor', added: 2, removed: 1, changed: 1 },
        { kind: 'link', added: 0, removed: 0, changed: 1 },
      ],
    });
  });

  it('notices a change of the organisation’s own fields, and nothing when the states are equal', () => {
    const state: OrganisationContents = { organisation, records: [{ kind: 'actor', record: testActor('a') }] };
    expect(diffContents(state, state)).toEqual({ isOrganisationChanged: false, kinds: [] });
    const renamed = {
      ...state,
      organisation: { ...organisation, levels: [{ key: 'teacher', name: 'Lärarna', isSide: false }] },
    };
    expect(diffContents(state, renamed).isOrganisationChanged).toBe(true);
  });
});
