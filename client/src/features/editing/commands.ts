import { request } from '../../api/client.ts';
import {
  type CreateActorInput,
  CreateActorDocument,
  type CreateArenaInput,
  CreateArenaDocument,
  type CreateLinkInput,
  CreateLinkDocument,
  type CreateUnitInput,
  CreateUnitDocument,
  DeleteActorDocument,
  DeleteArenaDocument,
  DeleteLinkDocument,
  DeleteUnitDocument,
  type UpdateActorInput,
  UpdateActorDocument,
  type UpdateArenaInput,
  UpdateArenaDocument,
  type UpdateLinkInput,
  UpdateLinkDocument,
  type UpdateUnitInput,
  UpdateUnitDocument,
} from '../../api/generated/graphql.ts';
import type { ActorRecord, ArenaRecord, LinkRecord, MapData, UnitRecord } from '../../state/map-store.ts';
import { newRecordId, recordEdit, recordUpdate } from './recorded-edit.ts';

const saveActor = (input: UpdateActorInput) =>
  request(UpdateActorDocument, { input }).then((data) => data.updateActor.actor);
const saveLink = (input: UpdateLinkInput) =>
  request(UpdateLinkDocument, { input }).then((data) => data.updateLink.link);
const saveUnit = (input: UpdateUnitInput) =>
  request(UpdateUnitDocument, { input }).then((data) => data.updateUnit.unit);
const saveArena = (input: UpdateArenaInput) =>
  request(UpdateArenaDocument, { input }).then((data) => data.updateArena.arena);

const deleteLink = (organisationId: string, id: string) => request(DeleteLinkDocument, { organisationId, id });

function linkToInput(link: LinkRecord, organisationId: string): CreateLinkInput {
  const { version: _version, evidence, ...rest } = link;
  return { ...rest, organisationId, evidence: evidence.map(({ text, date, source }) => ({ text, date, source })) };
}

export async function createActor(input: Omit<CreateActorInput, 'id'>): Promise<string> {
  const id = newRecordId('act');
  const { organisationId } = input;
  await recordEdit(
    'history.createActor',
    () => request(CreateActorDocument, { input: { ...input, id } }),
    () => request(DeleteActorDocument, { organisationId, id }),
  );
  return id;
}

export function updateActor(before: ActorRecord, input: UpdateActorInput): Promise<void> {
  const { version: _v, ...previous } = before;
  const back = { ...previous, organisationId: input.organisationId };
  return recordUpdate('history.updateActor', saveActor, input, back);
}

/** Deleting an actor removes its links; undo recreates the actor and this scenario's links. */
export function deleteActor(map: MapData, actor: ActorRecord): Promise<void> {
  const organisationId = map.organisation.id;
  const links = map.links.filter((l) => l.sourceId === actor.id || l.targetId === actor.id);
  const { version: _v, ...fields } = actor;
  return recordEdit(
    'history.deleteActor',
    () => request(DeleteActorDocument, { organisationId, id: actor.id }),
    async () => {
      await request(CreateActorDocument, { input: { ...fields, organisationId } });
      for (const link of links) await request(CreateLinkDocument, { input: linkToInput(link, organisationId) });
    },
  );
}

export async function createLink(input: Omit<CreateLinkInput, 'id'>): Promise<string> {
  const id = newRecordId('lnk');
  await recordEdit(
    'history.createLink',
    () => request(CreateLinkDocument, { input: { ...input, id } }),
    () => deleteLink(input.organisationId, id),
  );
  return id;
}

export function updateLink(before: LinkRecord, input: UpdateLinkInput): Promise<void> {
  const { scenarioId: _s, ...previous } = linkToInput(before, input.organisationId);
  const back: UpdateLinkInput = { ...previous, id: before.id };
  return recordUpdate('history.updateLink', saveLink, input, back);
}

/**
 * Coupling only; the ratings are cleared so they cannot contradict the chosen coupling. Based on
 * the link as shown (its version), so a coupling someone else just set is not silently replaced.
 */
export function setCoupling(organisationId: string, link: LinkRecord, coupling: LinkRecord['coupling']): Promise<void> {
  if (link.coupling === coupling) return Promise.resolve();
  return updateLink(link, {
    organisationId,
    id: link.id,
    expectedVersion: link.version,
    coupling,
    ...ratingsFor(link, coupling),
  });
}

/** Keeps the ratings that still agree with the new coupling and drops the rest. */
function ratingsFor(link: LinkRecord, coupling: LinkRecord['coupling']): Partial<UpdateLinkInput> {
  const isResponsive = link.targetResponds === true || link.sourceResponds === true;
  const agrees =
    (coupling === 'TIGHT' && isResponsive && link.distinctive === false) ||
    (coupling === 'LOOSE' && isResponsive && link.distinctive === true) ||
    (coupling === 'DECOUPLED' && !isResponsive && link.distinctive === true);
  return agrees ? {} : { targetResponds: null, sourceResponds: null, distinctive: null };
}

export function deleteLinkRecord(organisationId: string, link: LinkRecord): Promise<void> {
  return recordEdit(
    'history.deleteLink',
    () => deleteLink(organisationId, link.id),
    () => request(CreateLinkDocument, { input: linkToInput(link, organisationId) }),
  );
}

export async function createUnit(input: Omit<CreateUnitInput, 'id'>): Promise<void> {
  const id = newRecordId('unit');
  await recordEdit(
    'history.createUnit',
    () => request(CreateUnitDocument, { input: { ...input, id } }),
    () => request(DeleteUnitDocument, { organisationId: input.organisationId, id }),
  );
}

export function updateUnit(before: UnitRecord, input: UpdateUnitInput): Promise<void> {
  const { version: _v, ...previous } = before;
  return recordUpdate('history.updateUnit', saveUnit, input, { ...previous, organisationId: input.organisationId });
}

export function deleteUnit(organisationId: string, unit: UnitRecord): Promise<void> {
  const { version: _v, ...fields } = unit;
  return recordEdit(
    'history.deleteUnit',
    () => request(DeleteUnitDocument, { organisationId, id: unit.id }),
    () => request(CreateUnitDocument, { input: { ...fields, organisationId } }),
  );
}

export async function createArena(input: Omit<CreateArenaInput, 'id'>): Promise<void> {
  const id = newRecordId('arena');
  await recordEdit(
    'history.createArena',
    () => request(CreateArenaDocument, { input: { ...input, id } }),
    () => request(DeleteArenaDocument, { organisationId: input.organisationId, id }),
  );
}

export function updateArena(before: ArenaRecord, input: UpdateArenaInput): Promise<void> {
  const { version: _v, ...previous } = before;
  return recordUpdate('history.updateArena', saveArena, input, { ...previous, organisationId: input.organisationId });
}

export function deleteArena(organisationId: string, map: MapData, arena: ArenaRecord): Promise<void> {
  const { version: _v, ...fields } = arena;
  return recordEdit(
    'history.deleteArena',
    () => request(DeleteArenaDocument, { organisationId, id: arena.id }),
    () => request(CreateArenaDocument, { input: { ...fields, organisationId, scenarioId: map.scenario.id } }),
  );
}
