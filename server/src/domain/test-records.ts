import type { Actor } from './records.ts';

/** An actor of organisation "org" for tests: a teacher with every optional field empty. */
export function testActor(id: string, fields: Partial<Actor> = {}): Actor {
  return {
    id,
    name: `Lärare ${id}`,
    personName: null,
    levelKey: 'teacher',
    role: null,
    unitId: null,
    tags: [],
    notes: null,
    organisationId: 'org',
    version: 1,
    ...fields,
  };
}
