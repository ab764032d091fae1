import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { request } from '../../api/client.ts';
import { errorText, fieldErrors } from '../../api/error-text.ts';
import { InviteDocument, type Role } from '../../api/generated/graphql.ts';
import { Field, Select } from '../../ui/Field.tsx';
import { invitationLink } from './invitation-link.ts';
import { ROLES } from './roles.ts';
import './members.css';

interface Sent {
  email: string;
  link: string;
  expiresAt: string;
}

/**
 * Invites by email with a role. No mail is sent: the link is shown once, to copy and give to the
 * invitee (only its hash is kept, so it cannot be shown again).
 */
export function InviteForm({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('EDITOR');
  const [sent, setSent] = useState<Sent | null>(null);
  const [isCopied, setCopied] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  const invite = async () => {
    setErrors({});
    setMessage(null);
    setCopied(false);
    try {
      const { invite: invitation } = await request(InviteDocument, { organisationId, email: email.trim(), role });
      setSent({
        email: invitation.email,
        link: invitationLink(window.location.origin, invitation.token),
        expiresAt: invitation.expiresAt,
      });
      setEmail('');
    } catch (error) {
      setErrors(fieldErrors(t, error));
      setMessage(errorText(t, error));
    }
  };
  const copy = async () => {
    if (!sent) return;
    await navigator.clipboard.writeText(sent.link);
    setCopied(true);
  };

  return (
    <>
      <form className="inline-form" onSubmit={(e) => (e.preventDefault(), void invite())}>
        <Field label={t('account.email')} error={errors.email}>
          <input name="inviteEmail" type="email" value={email} required onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label={t('members.role')} error={errors.role}>
          <Select
            name="inviteRole"
            value={role}
            onChange={(v) => setRole(v as Role)}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
        </Field>
        <button type="submit" className="primary">
          {t('members.sendInvite')}
        </button>
      </form>
      {message ? (
        <p className="form__message" role="alert">
          {message}
        </p>
      ) : null}
      {sent ? (
        <div className="invitation" data-testid="invitation" role="status">
          <p>
            {t('members.linkFor', {
              email: sent.email,
              date: new Date(sent.expiresAt).toLocaleDateString(i18n.language),
            })}
          </p>
          <div className="invitation__link">
            <input
              readOnly
              aria-label={t('members.link')}
              value={sent.link}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" onClick={() => void copy()}>
              {isCopied ? t('members.copied') : t('members.copy')}
            </button>
          </div>
          <p className="hint">{t('members.linkOnce')}</p>
          <button type="button" onClick={() => setSent(null)}>
            {t('members.done')}
          </button>
        </div>
      ) : null}
    </>
  );
}
