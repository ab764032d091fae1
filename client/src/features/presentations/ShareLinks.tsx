import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { request, type RequestStatus } from '../../api/client.ts';
import { asApiError, errorText, fieldErrors } from '../../api/error-text.ts';
import { CreateShareLinkDocument, RevokeShareLinkDocument, ShareLinksDocument } from '../../api/generated/graphql.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { expiryFromDateInput, shareLinkState, shareUrl } from './share-links.ts';
import type { Presentation, ShareLink } from './types.ts';
import { Field } from '../../ui/Field.tsx';

function formatDate(iso: string | null, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(language === 'en' ? 'en-GB' : 'sv-SE');
}

/** Read-only links for people without an account: create (optionally expiring), copy once, revoke. */
export function ShareLinks({ presentation }: { presentation: Presentation }) {
  const { t, i18n } = useTranslation();
  const { organisationId, id: presentationId } = presentation;
  const [links, setLinks] = useState<RequestStatus<ShareLink[]>>({ type: 'loading' });
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const [expiry, setExpiry] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ShareLink | null>(null);
  const [copied, setCopied] = useState(false);
  const urlInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let isCurrent = true;
    request(ShareLinksDocument, { organisationId, presentationId })
      .then((data) => isCurrent && setLinks({ type: 'ready', data: data.shareLinks }))
      .catch((e: unknown) => isCurrent && setLinks({ type: 'error', error: asApiError(e) }));
    return () => {
      isCurrent = false;
    };
  }, [organisationId, presentationId]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setCopied(false);
    try {
      const data = await request(CreateShareLinkDocument, {
        input: { organisationId, presentationId, expiresAt: expiryFromDateInput(expiry) },
      });
      const { shareLink, token } = data.createShareLink;
      setCreated({ id: shareLink.id, url: shareUrl(window.location.origin, token) });
      setLinks((s) => ({ type: 'ready', data: [shareLink, ...(s.type === 'ready' ? s.data : [])] }));
      setExpiry('');
    } catch (refused) {
      setError(fieldErrors(t, refused).expiresAt ?? errorText(t, refused));
    }
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      setCopied(true);
    } catch {
      // Without clipboard permission: select the text so Ctrl+C copies it.
      urlInput.current?.select();
    }
  };

  const revoke = async (link: ShareLink) => {
    try {
      const data = await request(RevokeShareLinkDocument, { organisationId, id: link.id });
      setLinks((s) =>
        s.type === 'ready'
          ? { type: 'ready', data: s.data.map((l) => (l.id === link.id ? data.revokeShareLink : l)) }
          : s,
      );
      if (created?.id === link.id) setCreated(null);
      setRevoking(null);
    } catch (refused) {
      setError(errorText(t, refused));
      setRevoking(null);
    }
  };

  return (
    <section className="share-links" aria-labelledby="share-links-heading">
      <h4 id="share-links-heading">{t('presentations.share.heading')}</h4>
      <p className="presentation-editor__hint">{t('presentations.share.intro')}</p>
      <form className="share-links__create" onSubmit={(e) => void create(e)}>
        <Field label={t('presentations.share.expiry')}>
          <input type="date" name="expiresAt" value={expiry} onChange={(e) => setExpiry(e.target.value)} />
        </Field>
        <button type="submit" data-action="createShareLink">
          {t('presentations.share.create')}
        </button>
      </form>
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      {created ? (
        <div className="share-links__created" role="status">
          <Field label={t('presentations.share.url')}>
            <input
              ref={urlInput}
              readOnly
              value={created.url}
              data-testid="share-url"
              onFocus={(e) => e.target.select()}
            />
          </Field>
          <button onClick={() => void copy()} data-action="copyShareLink">
            {t(copied ? 'presentations.share.copied' : 'presentations.share.copy')}
          </button>
          <p className="presentation-editor__hint">{t('presentations.share.onlyOnce')}</p>
        </div>
      ) : null}
      {links.type === 'error' ? <p role="alert">{errorText(t, links.error)}</p> : null}
      {links.type === 'ready' && links.data.length === 0 ? (
        <p className="empty">{t('presentations.share.none')}</p>
      ) : null}
      {links.type === 'ready' && links.data.length > 0 ? (
        <ul className="plain-list share-links__list" data-testid="share-links">
          {links.data.map((link) => {
            const state = shareLinkState(link);
            return (
              <li key={link.id} data-state={state}>
                <span>
                  {t('presentations.share.createdAt', { date: formatDate(link.createdAt, i18n.language) })}
                  {link.expiresAt
                    ? ` · ${t('presentations.share.expiresAt', { date: formatDate(link.expiresAt, i18n.language) })}`
                    : ''}
                </span>{' '}
                <span className={`share-links__state share-links__state--${state}`}>
                  {t(`presentations.share.state.${state}`)}
                </span>{' '}
                {state === 'active' ? (
                  <button onClick={() => setRevoking(link)} data-action="revokeShareLink">
                    {t('presentations.share.revoke')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {revoking ? (
        <Dialog title={t('presentations.share.revokeTitle')} onClose={() => setRevoking(null)}>
          <p>{t('presentations.share.revokeConfirm')}</p>
          <div className="form__buttons">
            <button className="primary" onClick={() => void revoke(revoking)} data-action="confirmRevoke">
              {t('presentations.share.revoke')}
            </button>
            <button onClick={() => setRevoking(null)} autoFocus>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}
