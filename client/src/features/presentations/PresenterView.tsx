import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText } from '../../api/error-text.ts';
import { StepCanvas } from '../../canvas/StepCanvas.tsx';
import { LANGUAGES } from '../../i18n/index.ts';
import { PresentedRoundNote, toLinkTallies } from '../rounds/index.ts';
import { Legend } from '../map/Legend.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { type NavCommand, navCommand, stepAfter, stepCounter } from './navigation.ts';
import { showInLanguage, toStepFrame } from './step-view.ts';
import type { Show } from './types.ts';
import './presentations.css';

export interface PresenterViewProps {
  show: Show;
  index: number;
  /** Whether the arrows move this view (false while a participant follows the presenter). */
  canStep: boolean;
  onStep: (index: number) => void;
  /** Pan and zoom by hand. */
  isInteractive: boolean;
  /** Escape and the leave button; none for a share link (there is nowhere to go back to). */
  onLeave?: () => void;
  /** The presenter's explore toggle or a participant's follow status. */
  status?: ReactNode;
  /** A short message under the controls (a failed live update, …). */
  problem?: string | null;
  /** Reads the rounds' results again, for a step that shows a round still open. */
  loadRounds: () => Promise<Show['rounds']>;
}

/** How often a step showing an open round reads its result again. */
const ROUND_REFRESH_MS = 5000;

const PRESSABLE_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

function isTypingOrPressing(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const isPressable =
    target.tagName === 'BUTTON' || (target instanceof HTMLInputElement && PRESSABLE_INPUTS.has(target.type));
  // Space and Enter on a focused button or checkbox press it; they must not also step.
  if (isPressable) return key === ' ' || key === 'Enter';
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function useFullscreen(element: React.RefObject<HTMLElement | null>): [boolean, () => void] {
  const [isFull, setIsFull] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = () => setIsFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void element.current?.requestFullscreen?.().catch(() => {});
  };
  return [isFull, toggle];
}

/**
 * The map shown step by step in a meeting: fills the window (fullscreen on request), large title
 * and caption, a step counter, and keys for clickers (PageDown/PageUp) and keyboards.
 */
export function PresenterView(props: PresenterViewProps) {
  const { t, i18n } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const [isFull, toggleFullscreen] = useFullscreen(root);
  const { index } = props;
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const show = useMemo(() => showInLanguage(props.show, language), [props.show, language]);
  const steps = show.presentation.steps;
  const step = steps[index] ?? null;
  const frame = useMemo(() => (step ? toStepFrame(show.maps, step) : null), [show.maps, step]);
  // A step that shows a round's result draws its tallies on the links (as the facilitator saw them),
  // read again every few seconds while the round is open.
  const [refreshed, setRefreshed] = useState<{ of: Show['rounds']; rounds: Show['rounds'] } | null>(null);
  const [roundProblem, setRoundProblem] = useState<unknown>(null);
  const rounds = refreshed?.of === props.show.rounds ? refreshed.rounds : props.show.rounds;
  const round = (step?.roundId && rounds.find((r) => r.roundId === step.roundId)) || null;
  const isRoundOpen = round?.isOpen ?? false;
  const tallies = useMemo(() => {
    if (!round || !frame) return new Map();
    const levelName = (key: string | null) =>
      key === null ? t('rounds.mergedShort') : (frame.map.levels.find((l) => l.key === key)?.name ?? key);
    return toLinkTallies(round.links, levelName);
  }, [round, frame, t]);

  // The legend lies over the bottom of the map: the camera keeps the map clear of it.
  const legend = useRef<HTMLDetailsElement>(null);
  const coveredEdges = useCallback(() => ({ top: 8, right: 8, bottom: (legend.current?.offsetHeight ?? 0) + 8 }), []);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  useEffect(() => {
    if (!isRoundOpen) return;
    const timer = window.setInterval(
      () =>
        void latest.current.loadRounds().then((fresh) => {
          setRefreshed({ of: latest.current.show.rounds, rounds: fresh });
          setRoundProblem(null);
        }, setRoundProblem),
      ROUND_REFRESH_MS,
    );
    return () => window.clearInterval(timer);
  }, [isRoundOpen]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingOrPressing(e.target, e.key)) return;
      const command = navCommand(e);
      if (!command) return;
      const p = latest.current;
      if (command === 'leave') {
        // In fullscreen the browser takes Escape itself to leave fullscreen.
        if (p.onLeave && !document.fullscreenElement) {
          e.preventDefault();
          p.onLeave();
        }
        return;
      }
      e.preventDefault(); // Space and PageDown would scroll
      if (p.canStep) p.onStep(stepAfter(p.index, command, p.show.presentation.steps.length));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const go = (command: Exclude<NavCommand, 'leave'>) => props.onStep(stepAfter(index, command, steps.length));
  const counter = stepCounter(index, steps.length);
  const findingText = step?.highlight.findingText?.[language] ?? null;

  return (
    <div ref={root} className="presenter" data-testid="presenter">
      <div className="presenter__map">
        {frame && step ? (
          <StepCanvas
            map={frame.map}
            classSets={frame.classSets}
            linkTallies={tallies}
            camera={frame.camera}
            stepKey={`${index}:${step.id}`}
            isInteractive={props.isInteractive}
            ariaLabel={t('presentations.presenter.mapLabel', { title: step.title })}
            coveredEdges={coveredEdges}
          />
        ) : (
          <p className="presenter__empty">{t('presentations.presenter.noSteps')}</p>
        )}
        <Legend ref={legend} className="legend--presenter" isRoundShown={round !== null} />
      </div>
      <div className="presenter__bar presenter__bar--top">
        <span className="presenter__name">{show.presentation.name}</span>
        {props.status}
        <span className="presenter__tools">
          <ExportButtons loadShow={() => Promise.resolve(props.show)} className="presenter__export" />
          <span role="group" aria-label={t('app.language')} className="presenter__languages">
            {LANGUAGES.map((lng) => (
              <button
                key={lng}
                lang={lng}
                aria-pressed={i18n.language === lng}
                onClick={() => void i18n.changeLanguage(lng)}
              >
                {lng === 'sv' ? 'Svenska' : 'English'}
              </button>
            ))}
          </span>
          <button onClick={toggleFullscreen} aria-pressed={isFull} data-action="fullscreen">
            {t(isFull ? 'presentations.presenter.exitFullscreen' : 'presentations.presenter.fullscreen')}
          </button>
          {props.onLeave ? (
            <button onClick={props.onLeave} data-action="leave" title={t('presentations.presenter.leaveHint')}>
              {t('presentations.presenter.leave')}
            </button>
          ) : null}
        </span>
      </div>
      <section className="presenter__text" aria-live="polite" key={step?.id ?? 'none'}>
        {step ? (
          <>
            <h1 className="presenter__title" data-testid="step-title">
              {step.title}
            </h1>
            {step.caption ? (
              <p className="presenter__caption" data-testid="step-caption">
                {step.caption}
              </p>
            ) : null}
            {findingText ? <p className="presenter__finding">{findingText}</p> : null}
            {round ? <PresentedRoundNote round={round} /> : null}
            {round && roundProblem ? (
              <p role="alert" className="presenter__problem">
                {t('rounds.presented.refreshFailed')} {errorText(t, roundProblem)}
              </p>
            ) : null}
          </>
        ) : null}
      </section>
      <nav className="presenter__bar presenter__bar--bottom" aria-label={t('presentations.presenter.navigation')}>
        <button
          onClick={() => go('previous')}
          disabled={!props.canStep || index <= 0}
          data-action="previousStep"
          aria-label={t('presentations.presenter.previous')}
        >
          ← {t('presentations.presenter.previous')}
        </button>
        <span
          className="presenter__counter"
          data-testid="step-counter"
          aria-label={t('presentations.presenter.counter', {
            n: Math.min(index + 1, steps.length),
            total: steps.length,
          })}
        >
          {counter}
        </span>
        <button
          onClick={() => go('next')}
          disabled={!props.canStep || index >= steps.length - 1}
          data-action="nextStep"
          aria-label={t('presentations.presenter.next')}
        >
          {t('presentations.presenter.next')} →
        </button>
        <span className="presenter__help">{t('presentations.presenter.keys')}</span>
        {props.problem ? (
          <span role="alert" className="presenter__problem">
            {props.problem}
          </span>
        ) : null}
      </nav>
    </div>
  );
}
