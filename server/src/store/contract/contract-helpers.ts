import { interchangeDocumentSchema } from '@kopplingskartan/schema/interchange';
import { expect } from 'vitest';

import { documentToContents } from '../../domain/document.ts';
import { DomainError } from '../../domain/errors.ts';
import type { OrganisationContents } from '../../domain/records.ts';
import { contractDocument } from './fixture.ts';

/** A fresh id per use, so that runs against a shared Neo4j database never collide. */
export function uniqueId(label: string): string {
  return `ct-${label}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The contract fixture (fixture.ts) as store contents under organisation id `id`. */
export function contents(id: string, name?: string): OrganisationContents {
  return documentToContents(interchangeDocumentSchema.parse(contractDocument(id, name)));
}

export async function expectDomainError(promise: Promise<unknown>, code: string): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}
