import { create } from 'zustand';

import { type ApiError, request, type RequestStatus } from '../../api/client.ts';
import { asApiError } from '../../api/error-text.ts';
import {
  CreatePresentationDocument,
  DeletePresentationDocument,
  PresentationDocument,
  PresentationsDocument,
  type PresentationStepInput,
  UpdatePresentationDocument,
} from '../../api/generated/graphql.ts';
import { toStepInput } from './edit-steps.ts';
import type { Presentation } from './types.ts';

/** An edit that can be taken back: the steps as they were before it. */
export interface UndoEntry {
  presentationId: string;
  /** i18n key under presentations.undo.* naming what was done. */
  labelKey: 'addStep' | 'removeStep' | 'moveStep' | 'editStep' | 'restoreStep';
  steps: PresentationStepInput[];
}

export interface PresentationsState {
  organisationId: string | null;
  list: RequestStatus<Presentation[]>;
  openId: string | null;
  isSaving: boolean;
  /** The last refused save, shown where the user is working. */
  saveError: ApiError | null;
  undo: UndoEntry[];
}

export function getEmptyPresentationsState(): PresentationsState {
  return { organisationId: null, list: { type: 'idle' }, openId: null, isSaving: false, saveError: null, undo: [] };
}

export const presentationsStore = create<PresentationsState>(() => getEmptyPresentationsState());
export const usePresentations = presentationsStore;

const UNDO_LIMIT = 30;

function listOf(state: PresentationsState): Presentation[] {
  return state.list.type === 'ready' ? state.list.data : [];
}

function putInList(presentation: Presentation): void {
  presentationsStore.setState((s) => {
    const list = listOf(s);
    const has = list.some((p) => p.id === presentation.id);
    const data = has ? list.map((p) => (p.id === presentation.id ? presentation : p)) : [...list, presentation];
    return { list: { type: 'ready', data } };
  });
}

export function openPresentation(): Presentation | null {
  const s = presentationsStore.getState();
  return listOf(s).find((p) => p.id === s.openId) ?? null;
}

export async function loadPresentations(organisationId: string, openId: string | null = null): Promise<void> {
  const s = presentationsStore.getState();
  const isSame = s.organisationId === organisationId && s.list.type === 'ready';
  presentationsStore.setState({
    organisationId,
    ...(isSame ? {} : { list: { type: 'loading' }, openId, undo: [], saveError: null }),
  });
  try {
    const data = await request(PresentationsDocument, { organisationId });
    if (presentationsStore.getState().organisationId !== organisationId) return;
    presentationsStore.setState({ list: { type: 'ready', data: data.presentations } });
  } catch (error) {
    if (presentationsStore.getState().organisationId === organisationId)
      presentationsStore.setState({ list: { type: 'error', error: asApiError(error) } });
  }
}

/** Runs one save; the refusal is kept for the editor to show and also returned. */
async function save(run: () => Promise<Presentation | null>): Promise<ApiError | null> {
  presentationsStore.setState({ isSaving: true, saveError: null });
  try {
    const saved = await run();
    if (saved) putInList(saved);
    presentationsStore.setState({ isSaving: false });
    return null;
  } catch (error) {
    const apiError = asApiError(error);
    presentationsStore.setState({ isSaving: false, saveError: apiError });
    return apiError;
  }
}

export function createPresentation(organisationId: string, name: string): Promise<ApiError | null> {
  return save(async () => {
    const data = await request(CreatePresentationDocument, {
      input: { organisationId, name, anonymised: true, steps: [] },
    });
    presentationsStore.setState({ openId: data.createPresentation.presentation.id, undo: [] });
    return data.createPresentation.presentation;
  });
}

export interface PresentationPatch {
  name?: string;
  anonymised?: boolean;
  keepUnitNames?: boolean;
  steps?: PresentationStepInput[];
}

/**
 * Saves a change with the version the user saw, so a concurrent edit is refused (VERSION_CONFLICT)
 * instead of overwritten. A change of steps given an undo label can be taken back.
 */
export function updatePresentation(
  presentation: Presentation,
  patch: PresentationPatch,
  undoLabel?: UndoEntry['labelKey'],
): Promise<ApiError | null> {
  return save(async () => {
    const data = await request(UpdatePresentationDocument, {
      input: {
        organisationId: presentation.organisationId,
        id: presentation.id,
        expectedVersion: presentation.version,
        ...patch,
      },
    });
    if (undoLabel && patch.steps) {
      const entry: UndoEntry = {
        presentationId: presentation.id,
        labelKey: undoLabel,
        steps: presentation.steps.map(toStepInput),
      };
      presentationsStore.setState((s) => ({ undo: [...s.undo, entry].slice(-UNDO_LIMIT) }));
    }
    return data.updatePresentation.presentation;
  });
}

/** Takes back the latest edit of the open presentation's steps. */
export async function undoLast(): Promise<ApiError | null> {
  const current = openPresentation();
  const entry = presentationsStore.getState().undo.at(-1);
  if (!current || !entry || entry.presentationId !== current.id) return null;
  const error = await updatePresentation(current, { steps: entry.steps });
  if (!error) presentationsStore.setState((s) => ({ undo: s.undo.filter((e) => e !== entry) }));
  return error;
}

export function dismissUndo(): void {
  presentationsStore.setState({ undo: [] });
}

export function deletePresentation(presentation: Presentation): Promise<ApiError | null> {
  return save(async () => {
    await request(DeletePresentationDocument, { organisationId: presentation.organisationId, id: presentation.id });
    presentationsStore.setState((s) => ({
      list: { type: 'ready', data: listOf(s).filter((p) => p.id !== presentation.id) },
      openId: s.openId === presentation.id ? null : s.openId,
      undo: s.undo.filter((e) => e.presentationId !== presentation.id),
    }));
    return null;
  });
}

/** After a VERSION_CONFLICT: the stored presentation replaces what the user saw. */
export function reloadPresentation(presentation: Presentation): Promise<ApiError | null> {
  return save(async () => {
    const data = await request(PresentationDocument, {
      organisationId: presentation.organisationId,
      id: presentation.id,
    });
    presentationsStore.setState({ undo: [] });
    if (!data.presentation) {
      presentationsStore.setState((s) => ({
        list: { type: 'ready', data: listOf(s).filter((p) => p.id !== presentation.id) },
        openId: null,
      }));
    }
    return data.presentation;
  });
}

export const presentationsActions = {
  open: (openId: string | null) => presentationsStore.setState({ openId, saveError: null }),
  clearError: () => presentationsStore.setState({ saveError: null }),
};
