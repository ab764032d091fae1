import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ApiError } from '../../api/client.ts';
import { asApiError, reasonText } from '../../api/error-text.ts';
import type { MapData } from '../../state/map-store.ts';
import { getCanvas } from '../map/canvas-handle.ts';
import { cameraFromViewport } from './capture-step.ts';
import { stepIssue } from './edit-steps.ts';
import type { CameraMode, Step } from './types.ts';
import { Field } from '../../ui/Field.tsx';

const CAMERA_MODES: CameraMode[] = ['FIT_ALL', 'FIT_HIGHLIGHT', 'VIEWPORT'];

export function CameraSelect(props: { value: CameraMode; onChange: (mode: CameraMode) => void }) {
  const { t } = useTranslation();
  return (
    <Field label={t('presentations.camera.label')}>
      <select name="cameraMode" value={props.value} onChange={(e) => props.onChange(e.target.value as CameraMode)}>
        {CAMERA_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {t(`presentations.camera.${mode}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}

export interface StepItemProps {
  step: Step;
  index: number;
  count: number;
  map: MapData;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  onSave: (index: number, step: Step) => Promise<ApiError | null>;
  onPreview: (index: number) => void;
}

/** The refusals of one step's fields, translated, from a save of the whole list. */
function stepFieldErrors(t: ReturnType<typeof useTranslation>['t'], error: unknown, index: number) {
  const out: Record<string, string> = {};
  for (const issue of asApiError(error).issues) {
    const at = stepIssue(issue.field);
    if (at && at.index === index) out[at.field || 'title'] ??= reasonText(t, issue.reason);
  }
  return out;
}

/** One step in the editor: summary, reorder (buttons or Alt+↑/↓), edit, remove, preview. */
export function StepItem(props: StepItemProps) {
  const { t } = useTranslation();
  const { step, index, count, map } = props;
  const [isEditing, setIsEditing] = useState(false);
  const scenario = map.organisation.scenarios.find((s) => s.id === step.scenarioId);
  const filters = step.levelKeys.length + step.linkKinds.length + step.couplings.length;
  const highlighted = step.highlight.actorIds.length + step.highlight.linkIds.length;

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    e.stopPropagation();
    const to = e.key === 'ArrowUp' ? index - 1 : index + 1;
    if (to >= 0 && to < count) props.onMove(index, to);
  };

  return (
    <li
      className="step-item"
      data-step={step.id}
      id={`step-${step.id}`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      aria-label={t('presentations.step.label', { n: index + 1, title: step.title })}
    >
      <div className="step-item__head">
        <span className="step-item__number">{index + 1}.</span>
        <span className="step-item__title">{step.title}</span>
      </div>
      {step.caption ? <p className="step-item__caption">{step.caption}</p> : null}
      <p className="step-item__summary">
        {[
          scenario?.name ?? map.scenario.name,
          filters > 0 ? t('presentations.addStep.filters', { count: filters }) : null,
          highlighted > 0
            ? t('presentations.addStep.highlight', {
                actors: t('count.actors', { count: step.highlight.actorIds.length }),
                links: t('count.links', { count: step.highlight.linkIds.length }),
              })
            : null,
          step.highlight.findingId ? t('presentations.addStep.finding') : null,
          t(`presentations.camera.${step.camera.mode}`),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {isEditing ? (
        <StepForm step={step} index={index} onSave={props.onSave} onDone={() => setIsEditing(false)} />
      ) : (
        <div className="step-item__actions" role="group" aria-label={t('presentations.step.actions', { n: index + 1 })}>
          <button
            onClick={() => props.onMove(index, index - 1)}
            disabled={index === 0}
            data-action="moveStepUp"
            title={t('presentations.step.moveUpHint')}
          >
            ↑ <span className="visually-hidden">{t('presentations.step.moveUp')}</span>
          </button>
          <button
            onClick={() => props.onMove(index, index + 1)}
            disabled={index === count - 1}
            data-action="moveStepDown"
            title={t('presentations.step.moveDownHint')}
          >
            ↓ <span className="visually-hidden">{t('presentations.step.moveDown')}</span>
          </button>
          <button onClick={() => setIsEditing(true)} data-action="editStep">
            {t('common.edit')}
          </button>
          <button onClick={() => props.onPreview(index)} data-action="previewStep">
            {t('presentations.step.preview')}
          </button>
          <button onClick={() => props.onRemove(index)} data-action="removeStep">
            {t('presentations.step.remove')}
          </button>
        </div>
      )}
    </li>
  );
}

function StepForm(props: { step: Step; index: number; onSave: StepItemProps['onSave']; onDone: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(props.step.title);
  const [caption, setCaption] = useState(props.step.caption ?? '');
  const [mode, setMode] = useState<CameraMode>(props.step.camera.mode);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [camera, setCamera] = useState(props.step.camera);
  const hasViewport = camera.zoom !== null && camera.panX !== null && camera.panY !== null;
  const takeView = () => {
    const viewport = getCanvas()?.viewport() ?? null;
    if (viewport) setCamera({ ...cameraFromViewport('VIEWPORT', viewport), mode: 'VIEWPORT' });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setErrors({ title: t('reasons.REQUIRED') });
      return;
    }
    const edited: Step = {
      ...props.step,
      title: title.trim(),
      caption: caption.trim() || null,
      camera: { ...camera, mode: mode === 'VIEWPORT' && !hasViewport ? 'FIT_ALL' : mode },
    };
    const refused = await props.onSave(props.index, edited);
    if (refused) setErrors(stepFieldErrors(t, refused, props.index));
    else props.onDone();
  };

  return (
    <form
      className="step-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onDone();
        }
      }}
    >
      <Field label={t('presentations.step.title')} error={errors.title}>
        <input name="stepTitle" value={title} maxLength={200} autoFocus onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label={t('presentations.step.caption')} error={errors.caption}>
        <textarea name="stepCaption" value={caption} rows={3} onChange={(e) => setCaption(e.target.value)} />
      </Field>
      <CameraSelect value={mode} onChange={setMode} />
      {mode === 'VIEWPORT' ? (
        <p className="step-form__viewport">
          {hasViewport ? null : <span className="form__message">{t('presentations.camera.noViewport')} </span>}
          <button type="button" onClick={takeView} data-action="takeView">
            {t('presentations.camera.takeView')}
          </button>
        </p>
      ) : null}
      <div className="form__buttons">
        <button type="button" onClick={props.onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" data-action="saveStep">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
