import { isDeepStrictEqual } from 'node:util';

import { contentsToDocument } from '../domain/document.ts';
import { DomainError } from '../domain/errors.ts';
import { type Organisation, RECORD_KINDS, type RecordKind } from '../domain/records.ts';
import type { GraphStore, OrganisationContents } from './graph-store.ts';

export interface CopyOptions {
  /** Overwrite organisations that already exist in the destination (otherwise refuse them all). */
  replace?: boolean;
  /** Called after each organisation, for progress output. */
  onCopied?: (copied: CopiedOrganisation) => void;
}

export type RecordCounts = { [K in RecordKind]: number };

export interface CopiedOrganisation {
  id: string;
  name: string;
  action: 'created' | 'replaced';
  counts: RecordCounts;
}

export interface CopyReport {
  from: GraphStore['kind'];
  to: GraphStore['kind'];
  organisations: CopiedOrganisation[];
  totals: RecordCounts;
}

export function countRecords(contents: OrganisationContents): RecordCounts {
  const counts = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, 0])) as RecordCounts;
  for (const { kind } of contents.records) counts[kind] += 1;
  return counts;
}

async function allOrganisations(store: GraphStore): Promise<Organisation[]> {
  const organisations: Organisation[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.listOrganisations({ first: 500, after });
    organisations.push(...page.nodes);
    if (!page.hasNextPage) return organisations;
    after = page.endCursor;
  }
}

/**
 * Copies every organisation of `from` into `to` through the interchange contents
 * (`readOrganisation` → `createOrganisation` / `replaceOrganisation`), one transaction per
 * organisation, and reads each back to verify it: the record counts per kind must match and
 * the exported documents must be equal. Record versions start again at 1 in the destination.
 *
 * Without `replace`, nothing is written when any organisation already exists in `to`.
 * @throws DomainError ORGANISATION_EXISTS listing the ids, or INTERNAL when a copy reads back
 *   differently (the organisations copied before it stay copied; run again with `replace`).
 */
export async function copyOrganisations(
  from: GraphStore,
  to: GraphStore,
  options: CopyOptions = {},
): Promise<CopyReport> {
  const organisations = await allOrganisations(from);
  const existing = new Set<string>();
  for (const organisation of organisations) {
    if (await to.getOrganisation(organisation.id)) existing.add(organisation.id);
  }
  if (existing.size > 0 && !options.replace) {
    const ids = [...existing];
    throw new DomainError(
      'ORGANISATION_EXISTS',
      `${ids.length} organisation(s) already exist in the ${to.kind} store (${ids.join(', ')}); nothing was copied. Use --replace to overwrite them.`,
      { ids },
    );
  }
  const report: CopyReport = {
    from: from.kind,
    to: to.kind,
    organisations: [],
    totals: Object.fromEntries(RECORD_KINDS.map((kind) => [kind, 0])) as RecordCounts,
  };
  for (const { id } of organisations) {
    const contents = await from.readOrganisation(id);
    if (!contents) continue; // deleted since it was listed
    const action = existing.has(id) ? 'replaced' : 'created';
    if (action === 'replaced') await to.replaceOrganisation(contents);
    else await to.createOrganisation(contents);
    const copied = await to.readOrganisation(id);
    const counts = countRecords(contents);
    const copiedCounts = copied ? countRecords(copied) : null;
    if (!copied || !isDeepStrictEqual(copiedCounts, counts)) {
      throw new DomainError(
        'INTERNAL',
        `Organisation "${id}" reads back from the ${to.kind} store with other record counts.`,
        {
          id,
          expected: counts,
          actual: copiedCounts,
        },
      );
    }
    if (!isDeepStrictEqual(contentsToDocument(copied), contentsToDocument(contents))) {
      throw new DomainError(
        'INTERNAL',
        `Organisation "${id}" reads back from the ${to.kind} store with other contents.`,
        { id },
      );
    }
    const entry: CopiedOrganisation = { id, name: contents.organisation.name, action, counts };
    report.organisations.push(entry);
    for (const kind of RECORD_KINDS) report.totals[kind] += counts[kind];
    options.onCopied?.(entry);
  }
  return report;
}
