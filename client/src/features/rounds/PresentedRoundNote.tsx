import { useTranslation } from 'react-i18next';

/** What a presentation step says about the round whose result it shows (beside the map's tallies). */
export interface PresentedRoundSummary {
  name: string;
  isOpen: boolean;
  participantCount: number;
  answerCount: number;
  /** Released comments only (the server sends no other). */
  comments: ReadonlyArray<{ id: string; text: string }>;
}

/** The round's name and size, whether answers may still change, and the released comments. */
export function PresentedRoundNote({ round }: { round: PresentedRoundSummary }) {
  const { t } = useTranslation();
  return (
    <div className="presented-round" data-testid="presented-round">
      <p>
        {t('rounds.presented.summary', {
          name: round.name,
          participants: round.participantCount,
          answers: round.answerCount,
        })}{' '}
        <span className="presented-round__state">
          {round.isOpen ? t('rounds.presented.open') : t('rounds.presented.closed')}
        </span>
      </p>
      {round.comments.length > 0 ? (
        <ul aria-label={t('rounds.presented.comments')}>
          {round.comments.map((comment) => (
            <li key={comment.id}>“{comment.text}”</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
