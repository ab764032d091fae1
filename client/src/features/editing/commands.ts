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
import { historyActions } from '../../state/history-store.ts';
import type { ActorRecord, ArenaRecord, LinkRecord, MapData, UnitRecord } from '../../state/map-store.ts';
import { reloadMap } from '../map/load-map.ts';

/**
 * Every edit goes through here: run the mutation, record the inverse in the undo history, reload
 * the map. Undo replays inverse mutations against the API (creates carry their id, so a redo
 * recreates the same record and later history entries still point at it).
 */
async function perform(labelKey: string, redo: () => Promise<unknown>, undo: () => Promise<unknown>): Promise<void> {
  await redo();
  historyActions.record({
    labelKey,
    redo: async () => {
      await redo();
      await reloadMap();
    },
    undo: async () => {
      await undo();
      await reloadMap();
    },
  });
  await reloadMap();
}

/**
 * An update and its inverse. Each replay is sent with the version the record had after the last
 * step this client made, so an undo or redo is refused (VERSION_CONFLICT, shown as a notice)
 * instead of overwriting what someone else changed since.
 */
async function performUpdate<I extends { expectedVersion?: number | null }>(
  labelKey: string,
  save: (input: I) => Promise<{ version: number }>,
  forward: I,
  back: I,
): Promise<void> {
  let version = (await save(forward)).version;
  const replay = (input: I) => async () => {
    version = (await save({ ...input, expectedVersion: version })).version;
    await reloadMap();
  };
  historyActions.record({ labelKey, redo: replay(forward), undo: replay(back) });
  await reloadMap();
}

const saveActor = (input: UpdateActorInput) =>
  request(UpdateActorDocument, { input }).then((data) => data.updateActor.actor);
const saveLink = (input: UpdateLinkInput) =>
  request(UpdateLinkDocument, { input }).then((data) => data.updateLink.link);
const saveUnit = (input: UpdateUnitInput) =>
  request(UpdateUnitDocument, { input }).then((data) => data.updateUnit.unit);
const saveArena = (input: UpdateArenaInput) =>
  request(UpdateArenaDocument, { input }).then((data) => data.updateArena.arena);

function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

const deleteLink = (organisationId: string, id: string) => request(DeleteLinkDocument, { organisationId, id });

function linkToInput(link: LinkRecord, organisationId: string): CreateLinkInput {
  const { version: _version, evidence, ...rest } = link;
  return { ...rest, organisationId, evidence: evidence.map(({ text, date, source }) => ({ text, date, source })) };
}

export async function createActor(input: Omit<CreateActorInput, 'id'>): Promise<string> {
  const id = newId('act');
  const { organisationId } = input;
  await perform(
    'history.createActor',
    () => request(CreateActorDocument, { input: { ...input, id } }),
    () => request(DeleteActorDocument, { organisationId, id }),
  );
  return id;
}

export function updateActor(before: ActorRecord, input: UpdateActorInput): Promise<void> {
  const { version: _v, ...previous } = before;
  const back = { ...previous, organisationId: input.organisationId };
  return performUpdate('history.updateActor', saveActor, input, back);
}

/** Deleting an actor removes its links; undo recreates the actor and this scenario's links. */
export function deleteActor(map: MapData, actor: ActorRecord): Promise<void> {
  const organisationId = map.organisation.id;
  const links = map.links.filter((l) => l.sourceId === actor.id || l.targetId === actor.id);
  const { version: _v, ...fields } = actor;
  return perform(
    'history.deleteActor',
    () => request(DeleteActorDocument, { organisationId, id: actor.id }),
    async () => {
      await request(CreateActorDocument, { input: { ...fields, organisationId } });
      for (const link of links) await request(CreateLinkDocument, { input: linkToInput(link, organisationId) });
    },
  );
}

export async function createLink(input: Omit<CreateLinkInput, 'id'>): Promise<string> {
  const id = newId('lnk');
  await perform(
    'history.createLink',
    () => request(CreateLinkDocument, { input: { ...input, id } }),
    () => deleteLink(input.organisationId, id),
  );
  return id;
}

export function updateLink(before: LinkRecord, input: UpdateLinkInput): Promise<void> {
  const { scenarioId: _s, ...previous } = linkToInput(before, input.organisationId);
  const back: UpdateLinkInput = { ...previous, id: before.id };
  return performUpdate('history.updateLink', saveLink, input, back);
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
  return perform(
    'history.deleteLink',
    () => deleteLink(organisationId, link.id),
    () => request(CreateLinkDocument, { input: linkToInput(link, organisationId) }),
  );
}

export async function createUnit(input: Omit<CreateUnitInput, 'id'>): Promise<void> {
  const id = newId('unit');
  await perform(
    'history.createUnit',
    () => request(CreateUnitDocument, { input: { ...input, id } }),
    () => request(DeleteUnitDocument, { organisationId: input.organisationId, id }),
  );
}

export function updateUnit(before: UnitRecord, input: UpdateUnitInput): Promise<void> {
  const { version: _v, ...previous } = before;
  return performUpdate('history.updateUnit', saveUnit, input, { ...previous, organisationId: input.organisationId });
}

export function deleteUnit(organisationId: string, unit: UnitRecord): Promise<void> {
  const { version: _v, ...fields } = unit;
  return perform(
    'history.deleteUnit',
    () => request(DeleteUnitDocument, { organisationId, id: unit.id }),
    () => request(CreateUnitDocument, { input: { ...fields, organisationId } }),
  );
}

export async function createArena(input: Omit<CreateArenaInput, 'id'>): Promise<void> {
  const id = newId('arena');
  await perform(
    'history.createArena',
    () => request(CreateArenaDocument, { input: { ...input, id } }),
    () => request(DeleteArenaDocument, { organisationId: input.organisationId, id }),
  );
}

export function updateArena(before: ArenaRecord, input: UpdateArenaInput): Promise<void> {
  const { version: _v, ...previous } = before;
  return performUpdate('history.updateArena', saveArena, input, { ...previous, organisationId: input.organisationId });
}

export function deleteArena(organisationId: string, map: MapData, arena: ArenaRecord): Promise<void> {
  const { version: _v, ...fields } = arena;
  return perform(
    'history.deleteArena',
    () => request(DeleteArenaDocument, { organisationId, id: arena.id }),
    () => request(CreateArenaDocument, { input: { ...fields, organisationId, scenarioId: map.scenario.id } }),
  );
}
