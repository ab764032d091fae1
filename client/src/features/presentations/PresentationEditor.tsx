import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError, request } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { PresentationShowDocument } from '../../api/generated/graphql.ts';
import type { MapData } from '../../state/map-store.ts';
import { AddStepForm } from './AddStepForm.tsx';
import { moveStep, removeStep, replaceStep, toStepInput } from './edit-steps.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { goTo } from './navigate.ts';
import { DeleteDialog, FlagToggle, RenameForm } from './PresentationsPanel.tsx';
import {
  dismissUndo,
  presentationsActions,
  reloadPresentation,
  undoLast,
  updatePresentation,
  usePresentations,
} from './presentations-store.ts';
import { presentPath } from './routes.ts';
import { ShareLinks } from './ShareLinks.tsx';
import { StepItem } from './StepItem.tsx';
import type { Presentation, Show, Step } from './types.ts';

/** One presentation: its steps (add the current view, reorder, edit, remove), sharing and export. */
export function PresentationEditor({ presentation, map }: { presentation: Presentation; map: MapData }) {
  const { t } = useTranslation();
  const { saveError, isSaving, undo } = usePresentations();
  const [isRenaming, setIsRenaming] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  const lastUndo = undo.at(-1);
  const stepList = useRef<HTMLOListElement>(null);
  const focusStepId = useRef<string | null>(null);

  // After a keyboard move the moved step keeps the focus, so Alt+↑ can be pressed again.
  useEffect(() => {
    const id = focusStepId.current;
    if (!id) return;
    focusStepId.current = null;
    stepList.current?.querySelector<HTMLElement>(`[data-step="${CSS.escape(id)}"]`)?.focus();
  }, [presentation]);

  const steps = presentation.steps;
  const onMove = (from: number, to: number) => {
    const moved = steps[from];
    if (!moved || to < 0 || to >= steps.length) return;
    focusStepId.current = moved.id;
    void updatePresentation(presentation, { steps: moveStep(steps, from, to).map(toStepInput) }, 'moveStep').then(
      (refused) => {
        if (refused) focusStepId.current = null;
      },
    );
  };
  const onRemove = (index: number) =>
    void updatePresentation(presentation, { steps: removeStep(steps, index).map(toStepInput) }, 'removeStep');
  const onSave = (index: number, step: Step) =>
    updatePresentation(presentation, { steps: replaceStep(steps, index, step).map(toStepInput) }, 'editStep');
  const onPreview = (index: number) => goTo(presentPath(presentation.organisationId, presentation.id, index));
  const loadShow = useCallback(async (): Promise<Show> => {
    const data = await request(PresentationShowDocument, {
      organisationId: presentation.organisationId,
      id: presentation.id,
    });
    if (!data.presentationShow) throw new ApiError('NOT_FOUND', 'No such presentation');
    return data.presentationShow;
  }, [presentation.organisationId, presentation.id]);

  return (
    <div className="presentation-editor" data-testid="presentation-editor">
      <div className="presentation-editor__head">
        <button onClick={() => presentationsActions.open(null)} data-action="backToPresentations">
          ← {t('presentations.back')}
        </button>
        <button className="primary" onClick={() => onPreview(0)} disabled={steps.length === 0} data-action="present">
          {t('presentations.present')}
        </button>
      </div>
      {isRenaming ? (
        <RenameForm presentation={presentation} onDone={() => setIsRenaming(false)} />
      ) : (
        <h3 className="presentation-editor__name">
          {presentation.name}{' '}
          <button className="link-button" onClick={() => setIsRenaming(true)} data-action="renamePresentation">
            {t('presentations.rename')}
          </button>
        </h3>
      )}
      <div className="presentation-editor__options">
        <FlagToggle presentation={presentation} flag="anonymised" />
        <FlagToggle presentation={presentation} flag="keepUnitNames" isDisabled={!presentation.anonymised} />
        <button onClick={() => setIsDeleting(true)} data-action="deletePresentation">
          {t('presentations.delete')}
        </button>
      </div>
      {isDeleting ? <DeleteDialog presentation={presentation} onClose={() => setIsDeleting(false)} /> : null}

      {saveError && !isSaving ? (
        <div role="alert" className="presentations__error" data-testid="presentation-error">
          <p>{saveError.code === 'VERSION_CONFLICT' ? t('presentations.conflict') : errorText(t, saveError)}</p>
          {saveError.code === 'VERSION_CONFLICT' ? (
            <button onClick={() => void reloadPresentation(presentation)} data-action="reloadPresentation">
              {t('presentations.reload')}
            </button>
          ) : (
            <button onClick={presentationsActions.clearError}>{t('common.close')}</button>
          )}
        </div>
      ) : null}
      {lastUndo && lastUndo.presentationId === presentation.id ? (
        <div className="undo-notice" role="status" data-testid="undo-notice">
          <span>{t(`presentations.undo.${lastUndo.labelKey}`)}</span>
          <button onClick={() => void undoLast()} disabled={isSaving} data-action="undoStepEdit">
            {t('presentations.undo.button')}
          </button>
          <button onClick={dismissUndo} aria-label={t('common.close')}>
            ×
          </button>
        </div>
      ) : null}

      <AddStepForm presentation={presentation} map={map} />

      <h4>{t('presentations.steps', { count: steps.length })}</h4>
      {steps.length === 0 ? <p className="empty">{t('presentations.noSteps')}</p> : null}
      {steps.length > 1 ? <p className="presentation-editor__hint">{t('presentations.reorderHint')}</p> : null}
      <ol className="plain-list step-list" ref={stepList} data-testid="step-list">
        {steps.map((step, index) => (
          <StepItem
            key={step.id}
            step={step}
            index={index}
            count={steps.length}
            map={map}
            onMove={onMove}
            onRemove={onRemove}
            onSave={onSave}
            onPreview={onPreview}
          />
        ))}
      </ol>

      <h4>{t('presentations.export.heading')}</h4>
      <ExportButtons loadShow={loadShow} />

      <ShareLinks presentation={presentation} />
    </div>
  );
}
