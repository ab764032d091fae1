import { request } from '../../api/client.ts';
import {
  type CreateInitiativeInput,
  CreateInitiativeDocument,
  DeleteInitiativeDocument,
  type UpdateInitiativeInput,
  UpdateInitiativeDocument,
} from '../../api/generated/graphql.ts';
import type { MapData } from '../../state/map-store.ts';
import { newRecordId, recordEdit, recordUpdate } from '../editing/index.ts';

export type InitiativeRecord = MapData['initiatives'][number];

const save = (input: UpdateInitiativeInput) =>
  request(UpdateInitiativeDocument, { input }).then((data) => data.updateInitiative.initiative);

function toInput(initiative: InitiativeRecord, organisationId: string, scenarioId: string): CreateInitiativeInput {
  const { version: _version, evidence, ...fields } = initiative;
  return {
    ...fields,
    organisationId,
    scenarioId,
    evidence: evidence.map(({ text, date, source }) => ({ text, date, source })),
  };
}

/** Ordinary edits: recorded for undo, confirmed with a toast by the form that makes them. */
export async function createInitiative(input: Omit<CreateInitiativeInput, 'id'>): Promise<void> {
  const id = newRecordId('init');
  await recordEdit(
    'history.createInitiative',
    () => request(CreateInitiativeDocument, { input: { ...input, id } }),
    () => request(DeleteInitiativeDocument, { organisationId: input.organisationId, id }),
  );
}

export function updateInitiative(
  before: InitiativeRecord,
  scenarioId: string,
  input: UpdateInitiativeInput,
): Promise<void> {
  const { scenarioId: _s, ...previous } = toInput(before, input.organisationId, scenarioId);
  return recordUpdate('history.updateInitiative', save, input, { ...previous, id: before.id });
}

export function deleteInitiative(
  organisationId: string,
  scenarioId: string,
  initiative: InitiativeRecord,
): Promise<void> {
  return recordEdit(
    'history.deleteInitiative',
    () => request(DeleteInitiativeDocument, { organisationId, id: initiative.id }),
    () => request(CreateInitiativeDocument, { input: toInput(initiative, organisationId, scenarioId) }),
  );
}
