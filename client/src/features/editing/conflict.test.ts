import { describe, expect, it } from 'vitest';

import { ApiError } from '../../api/client.ts';
import { asVersionConflict, changedFields, isSameValue, patchOf } from './conflict.ts';

// The actor as the form read it, and as someone else stored it since.
const base = {
  id: 'a1',
  name: 'Rektor Ekskolan',
  personName: null,
  levelKey: 'principal',
  role: 'rektor',
  unitId: 'school',
  tags: ['ny'],
  notes: null,
  version: 3,
};
const stored = { ...base, organisationId: 'kommunby', name: 'Rektor Ekskolan F–6', tags: ['ny', 'f-6'], version: 4 };

describe('asVersionConflict', () => {
  it('reads the stored record and version from the API refusal', () => {
    const error = new ApiError('VERSION_CONFLICT', 'stale', { id: 'a1', actualVersion: 4, current: stored });
    expect(asVersionConflict(error)).toEqual({ current: stored, actualVersion: 4 });
  });

  it('is null for any other refusal, and tolerates a conflict without the record', () => {
    expect(asVersionConflict(new ApiError('BAD_USER_INPUT', 'no'))).toBeNull();
    expect(asVersionConflict(new Error('boom'))).toBeNull();
    expect(asVersionConflict(new ApiError('VERSION_CONFLICT', 'stale'))).toEqual({
      current: null,
      actualVersion: null,
    });
  });
});

describe('isSameValue', () => {
  it('treats null and missing alike and compares lists and notes by value', () => {
    expect(isSameValue(null, undefined)).toBe(true);
    expect(isSameValue('', null)).toBe(false);
    expect(isSameValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(isSameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    // A form's evidence note has no source; the stored one has source null: the same note.
    expect(isSameValue([{ text: 'Protokoll', date: null }], [{ text: 'Protokoll', date: null, source: null }])).toBe(
      true,
    );
    expect(isSameValue({ text: 'a' }, { text: 'b' })).toBe(false);
    expect(isSameValue(0, false)).toBe(false);
  });
});

describe('changedFields', () => {
  it('lists what someone else changed, not the version or ids', () => {
    expect(changedFields(base, stored)).toEqual([
      { field: 'name', before: 'Rektor Ekskolan', after: 'Rektor Ekskolan F–6' },
      { field: 'tags', before: ['ny'], after: ['ny', 'f-6'] },
    ]);
  });

  it('is empty when only the version moved, and ignores fields only one side has', () => {
    expect(changedFields(base, { ...base, version: 9 })).toEqual([]);
    expect(changedFields({ ...base, extra: 1 }, { name: base.name })).toEqual([]);
  });
});

describe('patchOf', () => {
  it('keeps only the fields I changed, so reapplying keeps their other changes', () => {
    const mine = {
      organisationId: 'kommunby',
      name: 'Rektor Ekskolan',
      personName: null,
      levelKey: 'principal',
      role: 'biträdande rektor',
      unitId: 'school',
      tags: ['ny'],
      notes: 'Ny i tjänsten',
    };
    expect(patchOf(base, mine)).toEqual({ role: 'biträdande rektor', notes: 'Ny i tjänsten' });
  });

  it('clears a field on purpose: null against a value is a change', () => {
    expect(patchOf(base, { role: null, unitId: 'school' })).toEqual({ role: null });
  });
});
