import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ApiError } from '../../api/client.ts';
import { request } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import {
  AnswerRoundDocument,
  JoinRoundDocument,
  type ParticipantRoundFieldsFragment,
  ParticipantRoundDocument,
  RoundInvitationDocument,
  type RoundInvitationQuery,
} from '../../api/generated/graphql.ts';
import { participantTokens } from './participant-token.ts';
import './rounds.css';

type Round = ParticipantRoundFieldsFragment;
type Answer = Round['answers'][number];
type Question = 'targetResponds' | 'sourceResponds' | 'distinctive';
const QUESTIONS: Question[] = ['targetResponds', 'sourceResponds', 'distinctive'];

/**
 * The page a round's code opens (/r/<code>), made for a phone: choose one's level (and role),
 * then answer each link with big buttons. No account: a token kept in this browser brings the
 * participant back to their answers.
 */
export function ParticipantPage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const [invitation, setInvitation] = useState<RoundInvitationQuery['roundInvitation'] | null>(null);
  const [round, setRound] = useState<Round | null>(null);
  const [error, setError] = useState<ApiError | unknown>(null);

  useEffect(() => {
    const token = participantTokens.get(code);
    const load = token
      ? request(ParticipantRoundDocument, { token }).then((data) => setRound(data.participantRound))
      : request(RoundInvitationDocument, { code }).then((data) => setInvitation(data.roundInvitation));
    load.catch((caught: unknown) => {
      if (token) participantTokens.forget(code);
      setError(caught);
    });
  }, [code]);

  const other = i18n.language === 'sv' ? 'en' : 'sv';
  return (
    <main className="participant" id="page" lang={i18n.language}>
      <header className="participant__top">
        <h1>{round?.name ?? invitation?.name ?? t('participant.title')}</h1>
        <button className="participant__language" onClick={() => void i18n.changeLanguage(other)} lang={other}>
          {other === 'en' ? 'English' : 'Svenska'}
        </button>
      </header>
      <Kept isOpen={!round} />
      {error ? (
        <p className="participant__error" role="alert">
          {errorText(t, error)}
        </p>
      ) : round ? (
        <Answering round={round} code={code} />
      ) : invitation ? (
        <Join
          code={code}
          invitation={invitation}
          onJoined={(token, joined) => {
            participantTokens.set(code, token);
            setRound(joined);
          }}
        />
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
    </main>
  );
}

/** What is kept and who sees it, said before anything is asked. */
function Kept({ isOpen }: { isOpen: boolean }) {
  const { t } = useTranslation();
  return (
    <details className="participant__kept" open={isOpen}>
      <summary>{t('participant.keptTitle')}</summary>
      <p>{t('participant.kept')}</p>
    </details>
  );
}

function Join(props: {
  code: string;
  invitation: RoundInvitationQuery['roundInvitation'];
  onJoined: (token: string, round: Round) => void;
}) {
  const { t } = useTranslation();
  const [levelKey, setLevelKey] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (!props.invitation.isOpen) return <p role="status">{t('participant.closed')}</p>;
  const join = async () => {
    try {
      const data = await request(JoinRoundDocument, { input: { code: props.code, levelKey, role: role || null } });
      props.onJoined(data.joinRound.token, data.joinRound.round);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form
      className="participant__join"
      onSubmit={(event) => {
        event.preventDefault();
        void join();
      }}
    >
      <p>{t('participant.intro', { count: props.invitation.linkCount })}</p>
      <fieldset>
        <legend>{t('participant.level')}</legend>
        {props.invitation.levels.map((level) => (
          <label key={level.key} className="participant__choice">
            <input
              type="radio"
              name="level"
              value={level.key}
              checked={levelKey === level.key}
              onChange={() => setLevelKey(level.key)}
            />
            {level.name}
          </label>
        ))}
      </fieldset>
      {props.invitation.roles.length > 0 ? (
        <label className="participant__role">
          {t('participant.role')}
          <select value={role} onChange={(event) => setRole(event.target.value)}>
            <option value="">{t('participant.noRole')}</option>
            {props.invitation.roles.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {error ? <p role="alert">{errorText(t, error)}</p> : null}
      <button type="submit" className="primary participant__start" disabled={!levelKey}>
        {t('participant.start')}
      </button>
    </form>
  );
}

function Answering({ round, code }: { round: Round; code: string }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState(() => new Map(round.answers.map((a) => [a.linkId, a])));
  const [error, setError] = useState<unknown>(null);
  const token = participantTokens.get(code) ?? '';
  const save = async (linkId: string, patch: Partial<Answer>) => {
    const empty: Answer = { linkId, targetResponds: null, sourceResponds: null, distinctive: null, comment: null };
    const next = { ...empty, ...answers.get(linkId), ...patch };
    try {
      const { answerRound } = await request(AnswerRoundDocument, { input: { token, ...next } });
      setAnswers((current) => new Map(current).set(linkId, answerRound));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  };
  const asked = QUESTIONS.filter((q) => round.questions[q]);
  return (
    <>
      <p className="participant__as">
        {t('participant.answeringAs', { level: round.role ? `${round.role}, ${round.levelName}` : round.levelName })}
      </p>
      {!round.isOpen ? <p role="status">{t('participant.closed')}</p> : null}
      {error ? (
        <p className="participant__error" role="alert">
          {errorText(t, error)}
        </p>
      ) : null}
      <ol className="participant__links">
        {round.links.map((link) => (
          <li key={link.id} className="participant__link" data-link-id={link.id}>
            {asked.map((question) => (
              <fieldset key={question} className="participant__question" disabled={!round.isOpen}>
                <legend>
                  {t(`participant.questions.${question}`, { source: link.sourceName, target: link.targetName })}
                </legend>
                <div className="participant__buttons">
                  {([true, false, null] as const).map((value) => (
                    <button
                      key={String(value)}
                      type="button"
                      aria-pressed={answers.has(link.id) && answers.get(link.id)![question] === value}
                      onClick={() => void save(link.id, { [question]: value })}
                    >
                      {value === true
                        ? t('participant.yes')
                        : value === false
                          ? t('participant.no')
                          : t('participant.dontKnow')}
                    </button>
                  ))}
                </div>
              </fieldset>
            ))}
            {round.questions.comment ? (
              <CommentField
                value={answers.get(link.id)?.comment ?? ''}
                isDisabled={!round.isOpen}
                onSave={(comment) => void save(link.id, { comment: comment || null })}
              />
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

function CommentField(props: { value: string; isDisabled: boolean; onSave: (comment: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.value);
  return (
    <label className="participant__comment">
      {t('participant.comment')}
      <textarea
        value={text}
        maxLength={1000}
        disabled={props.isDisabled}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => text !== props.value && props.onSave(text)}
      />
    </label>
  );
}
