/**
 * The editing feature's public surface for other features: recorded (undoable) edits, the form
 * pieces every edit form shares, and the actor ranking of the link form's pickers.
 */
export { actorRanking, rankActorOptions } from './actor-options.ts';
export { notifyDone } from './actions.ts';
export { type EvidenceDraft, EvidenceList, fromEvidenceDrafts, toEvidenceDrafts } from './EvidenceList.tsx';
export { FormFooter, onSaveAndAddKey } from './FormFooter.tsx';
export { newRecordId, recordEdit, recordUpdate } from './recorded-edit.ts';
export { useSubmit } from './use-submit.ts';
