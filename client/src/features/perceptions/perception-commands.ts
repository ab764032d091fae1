import { request } from '../../api/client.ts';
import {
  type CreatePerceptionInput,
  CreatePerceptionDocument,
  DeletePerceptionDocument,
  type UpdatePerceptionInput,
  UpdatePerceptionDocument,
} from '../../api/generated/graphql.ts';
import type { MapData } from '../../state/map-store.ts';
import { newRecordId, recordEdit, recordUpdate } from '../editing/index.ts';

export type PerceptionRecord = MapData['perceptions'][number];

const save = (input: UpdatePerceptionInput) =>
  request(UpdatePerceptionDocument, { input }).then((data) => data.updatePerception.perception);

function toInput(perception: PerceptionRecord, organisationId: string): CreatePerceptionInput {
  const { version: _version, ...fields } = perception;
  return { ...fields, organisationId };
}

/** Each of these is an ordinary edit: recorded for undo, confirmed with a toast by the form. */
export async function createPerception(input: Omit<CreatePerceptionInput, 'id'>): Promise<void> {
  const id = newRecordId('perc');
  await recordEdit(
    'history.createPerception',
    () => request(CreatePerceptionDocument, { input: { ...input, id } }),
    () => request(DeletePerceptionDocument, { organisationId: input.organisationId, id }),
  );
}

export function updatePerception(before: PerceptionRecord, input: UpdatePerceptionInput): Promise<void> {
  const { linkId: _linkId, ...previous } = toInput(before, input.organisationId);
  return recordUpdate('history.updatePerception', save, input, { ...previous, id: before.id });
}

export function deletePerception(organisationId: string, perception: PerceptionRecord): Promise<void> {
  return recordEdit(
    'history.deletePerception',
    () => request(DeletePerceptionDocument, { organisationId, id: perception.id }),
    () => request(CreatePerceptionDocument, { input: toInput(perception, organisationId) }),
  );
}
