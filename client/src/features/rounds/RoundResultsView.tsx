import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { request } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import {
  CloseRoundDocument,
  ReleaseRoundCommentDocument,
  RoundResultsChangedDocument,
  RoundResultsDocument,
  type RoundResultsFieldsFragment,
} from '../../api/generated/graphql.ts';
import { subscribe } from '../../api/subscriptions.ts';
import { linkTallyActions } from '../../state/link-tally-store.ts';
import type { MapData } from '../../state/map-store.ts';
import { viewActions } from '../../state/view-store.ts';
import { confirmAction } from '../../ui/confirm-store.ts';
import { notify } from '../../ui/notice-store.ts';
import { QrCode } from '../../ui/QrCode.tsx';
import { participantUrl } from './participant-token.ts';
import { ROUND_MARKS, toLinkTallies } from './to-link-tallies.ts';

type Results = RoundResultsFieldsFragment;
type Split = Results['links'][number]['coupling'];

/** The couplings' split as a bar (pattern, not colour: nothing here is good or bad) and in words. */
function SplitBar({ split, label }: { split: Split; label: string }) {
  const { t } = useTranslation();
  const total = split.tight + split.loose + split.decoupled + split.unknown;
  const parts = (['tight', 'loose', 'decoupled', 'unknown'] as const).filter((key) => split[key] > 0);
  const words = parts.map((key) => `${t(`rounds.split.${key}`)} ${split[key]}`).join(', ');
  return (
    <div>
      <div className="rounds__bar" role="img" aria-label={`${label}: ${words}`}>
        {parts.map((key) => (
          <span key={key} className={key} style={{ width: `${(100 * split[key]) / total}%` }} />
        ))}
      </div>
      <span className="rounds__split">
        {label}: {words || '–'}
      </span>
    </div>
  );
}

/** A round as it runs: code, link and QR code, the answers per link as they arrive, comments, closing. */
export function RoundResultsView({ map, roundId, onClosed }: { map: MapData; roundId: string; onClosed: () => void }) {
  const { t, i18n } = useTranslation();
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<unknown>(null);
  const organisationId = map.organisation.id;

  useEffect(() => {
    const refetch = () =>
      request(RoundResultsDocument, { organisationId, id: roundId }).then(
        (data) => setResults(data.roundResults),
        setError,
      );
    void refetch();
    return subscribe(
      RoundResultsChangedDocument,
      { organisationId, id: roundId },
      { onData: (data) => setResults(data.roundResultsChanged), onError: setError, onConnected: () => void refetch() },
    );
  }, [organisationId, roundId]);

  // The round's links stand out on the map while it is followed.
  const roundLinkIds = results?.round.linkIds.join(' ');
  useEffect(() => {
    if (!roundLinkIds) return;
    viewActions.emphasise({ actorIds: [], linkIds: roundLinkIds.split(' ') });
    return () => viewActions.emphasise(null);
  }, [roundLinkIds]);

  // Each link's count, split and marks drawn on the map, redrawn as answers arrive.
  const levels = map.organisation.levels;
  useEffect(() => {
    if (!results) return;
    const shortName = (key: string | null) =>
      key === null ? t('rounds.mergedShort') : (levels.find((l) => l.key === key)?.name ?? key);
    linkTallyActions.show(toLinkTallies(results.links, shortName));
  }, [results, levels, t]);
  useEffect(() => linkTallyActions.clear, [roundId]);

  if (error) return <p role="alert">{errorText(t, error)}</p>;
  if (!results) return <p role="status">{t('common.loading')}</p>;
  const { round } = results;
  const url = participantUrl(window.location.origin, round.code);
  const linkName = (id: string) => {
    const link = map.links.find((l) => l.id === id);
    const name = (actorId: string | undefined) => map.actors.find((a) => a.id === actorId)?.name ?? '?';
    return link ? `${name(link.sourceId)} → ${name(link.targetId)}` : id;
  };
  const levelName = (key: string | null) =>
    key === null ? t('rounds.merged') : (map.organisation.levels.find((l) => l.key === key)?.name ?? key);

  const close = async () => {
    const isConfirmed = await confirmAction({
      title: t('rounds.closeTitle'),
      message: t('rounds.closeMessage'),
      confirmLabel: t('rounds.close'),
    });
    if (!isConfirmed) return;
    try {
      await request(CloseRoundDocument, { organisationId, id: roundId, lang: i18n.language === 'en' ? 'EN' : 'SV' });
      notify(t('rounds.closed'), 'info');
      onClosed();
    } catch (caught) {
      notify(errorText(t, caught), 'error');
    }
  };
  const release = async (commentId: string, released: boolean) => {
    try {
      await request(ReleaseRoundCommentDocument, { organisationId, roundId, commentId, released });
    } catch (caught) {
      notify(errorText(t, caught), 'error');
    }
  };

  return (
    <section className="rounds__live" data-testid="round-live" aria-live="polite">
      <h2 className="rounds__name">{round.name}</h2>
      {round.isOpen ? (
        <div className="rounds__join">
          <p>
            {t('rounds.codeLabel')}{' '}
            <span className="rounds__code" data-testid="round-code">
              {round.code}
            </span>
          </p>
          <p>
            <a href={url}>{url}</a>
          </p>
          <QrCode className="rounds__qr" text={url} label={t('rounds.qrLabel', { url })} />
        </div>
      ) : (
        <p>{t('rounds.isClosed')}</p>
      )}
      <p data-testid="round-counts">
        {t('rounds.counts', { participants: results.participantCount, answers: results.answerCount })}
      </p>
      <button
        onClick={() =>
          viewActions.emphasise({
            actorIds: [],
            linkIds: results.links.filter((l) => l.viewsPart.length > 0).map((l) => l.linkId),
          })
        }
      >
        {t('rounds.showViewsPart')}
      </button>
      <ol className="rounds__results">
        {results.links.map((link) => (
          <li key={link.linkId} className="rounds__result" data-link-id={link.linkId}>
            <button
              className="link-button"
              onClick={() => viewActions.emphasise({ actorIds: [], linkIds: [link.linkId] })}
            >
              {linkName(link.linkId)}
            </button>
            {link.viewsPart.length > 0 ? (
              <span className="rounds__mark" data-mark="views-part" title={t('rounds.viewsPart')}>
                {ROUND_MARKS.viewsPart} {t('rounds.viewsPart')}
              </span>
            ) : null}
            {link.differsFromRecorded.length > 0 ? (
              <span className="rounds__mark" data-mark="differs" title={t('rounds.differs')}>
                {ROUND_MARKS.differs} {t('rounds.differs')}
              </span>
            ) : null}
            <p className="rounds__answered" data-testid="answered">
              {t('rounds.answered', { count: link.answered })}
            </p>
            {link.answered > 0 ? <SplitBar split={link.coupling} label={t('rounds.allAnswers')} /> : null}
            <ul className="rounds__groups" data-testid="groups">
              {link.groups.map((group) => (
                <li key={group.levelKey ?? 'merged'} data-level={group.levelKey ?? 'merged'}>
                  <SplitBar
                    split={group.coupling}
                    label={`${levelName(group.levelKey)} (${t('rounds.answered', { count: group.answered })})`}
                  />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {results.comments.length > 0 ? (
        <section>
          <h3>{t('rounds.comments')}</h3>
          <p className="hint">{t('rounds.commentsHelp')}</p>
          <ul>
            {results.comments.map((comment) => (
              <li key={comment.id}>
                <strong>{linkName(comment.linkId)}</strong>
                {comment.released ? (
                  <p>{comment.text}</p>
                ) : (
                  <details>
                    <summary>{t('rounds.commentHidden')}</summary>
                    <p>{comment.text}</p>
                  </details>
                )}
                <button onClick={() => void release(comment.id, !comment.released)}>
                  {comment.released ? t('rounds.hideComment') : t('rounds.releaseComment')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a
          href={`/api/rounds/${encodeURIComponent(organisationId)}/${encodeURIComponent(roundId)}.xlsx?lang=${i18n.language}`}
        >
          {t('rounds.exportXlsx')}
        </a>{' '}
        <a
          href={`/api/rounds/${encodeURIComponent(organisationId)}/${encodeURIComponent(roundId)}.csv?lang=${i18n.language}`}
        >
          {t('rounds.exportCsv')}
        </a>
      </p>
      {round.isOpen ? (
        <button className="primary" onClick={() => void close()}>
          {t('rounds.close')}
        </button>
      ) : null}
    </section>
  );
}
