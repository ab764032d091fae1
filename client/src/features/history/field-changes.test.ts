import { describe, expect, it } from 'vitest';

import { fieldChanges, showValue } from './field-changes.ts';

describe('fieldChanges', () => {
  it('lists only the fields an update changed, leaving out the version', () => {
    const before = { id: 'a', name: 'Rektor', tags: ['ledning'], notes: null, version: 1 };
    const after = { id: 'a', name: 'Rektor Ekskolan', tags: ['ledning'], notes: 'Ny', version: 2 };
    expect(fieldChanges(before, after)).toEqual([
      { field: 'name', before: 'Rektor', after: 'Rektor Ekskolan' },
      { field: 'notes', before: null, after: 'Ny' },
    ]);
  });
  it('lists every field with a value for a creation or a deletion', () => {
    expect(fieldChanges(null, { id: 'a', name: 'Nämnden', unitId: null, version: 1 })).toEqual([
      { field: 'name', before: null, after: 'Nämnden' },
    ]);
    expect(fieldChanges({ name: 'Nämnden' }, null)).toEqual([{ field: 'name', before: 'Nämnden', after: null }]);
  });
});

describe('showValue', () => {
  const words = { yes: 'Ja', no: 'Nej', nameOf: (id: string) => ({ 'a-1': 'Rektor' })[id] };
  it('shows lists, evidence notes, yes and no, ids and nothing readably', () => {
    expect(showValue(['a-1', 'a-2'], words)).toBe('Rektor, a-2');
    expect(showValue([{ text: 'Protokoll', date: null }], words)).toBe('Protokoll');
    expect(showValue(null, words)).toBe('—');
    expect(showValue([], words)).toBe('—');
    expect(showValue(false, words)).toBe('Nej');
  });
});
