import {
  type CommentDto,
  TRANSLATION_LANGUAGES,
  type commentResponse,
  type translationResponse,
} from '@convene/shared';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, fieldError } from '../../../../components/ErrorMessage';
import { type Answer, api } from '../../../../lib/api';
import { useDiscussion } from '../../context';
import { useCommentCache } from '../../hooks/useCommentCache';
import { focusWhenReady } from '../../lib/focus';
import { languageIn } from './languageNames';
import './locales';
import './translations.css';

type Lang = (typeof TRANSLATION_LANGUAGES)[number];

const url = (id: string, lang: string) => `/api/comments/${id}/translations/${lang}`;
const putTranslation = (id: string, lang: Lang, body: string) =>
  api<Answer<typeof translationResponse> & Answer<typeof commentResponse>>(url(id, lang), {
    method: 'PUT',
    body: { body },
  });
const deleteTranslation = (id: string, lang: Lang) =>
  api<Answer<typeof commentResponse>>(url(id, lang), { method: 'DELETE' });

/** A translation's markdown: its source when the server sent it, else its text (a live copy has none). */
function sourceOf(comment: CommentDto, lang: Lang): string {
  const found = comment.translations.find((x) => x.language === lang);
  if (!found) return '';
  if (found.bodyMd !== undefined) return found.bodyMd;
  const doc = new DOMParser().parseFromString(found.bodyHtml, 'text/html');
  return doc.body.textContent?.trim() ?? '';
}

/**
 * For the space's staff (`abilities.translate`): write, update or delete the comment's
 * translation into another language the space accepts. Shown under the comment's actions.
 */
export function TranslationEditor({ comment, describedBy }: { comment: CommentDto; describedBy: string }) {
  const { t, i18n } = useTranslation('translations');
  const d = useDiscussion();
  const cache = useCommentCache(d.slug);
  const id = useId();
  const toggleId = `translate-${comment.id}`;
  const targets = TRANSLATION_LANGUAGES.filter((l) => l !== comment.language && d.acceptedLanguages.includes(l));
  const [open, setOpen] = useState(false);
  const [lang, setLang] = useState<Lang | undefined>(targets[0]);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const existing = comment.translations.find((x) => x.language === lang);
  const name = (l: Lang) => languageIn(l, i18n.language) ?? l;

  // Whether the text in the box is the person's own typing (a late refetch must not replace it).
  const typed = useRef(false);
  const chosen = useRef(lang);
  const choose = (l: Lang | undefined, from: CommentDto = comment) => {
    setLang(l);
    chosen.current = l;
    typed.current = false;
    setBody(l ? sourceOf(from, l) : '');
    setError(null);
  };
  /**
   * A live update brings the public copy, without the markdown sources and the outdated
   * translations: then the staff copy is fetched again and the box filled from it.
   */
  const openEditor = () => {
    setOpen(true);
    choose(lang);
    focusWhenReady(`${id}-lang`);
    if (comment.translations.every((x) => x.bodyMd !== undefined)) return;
    void cache.refetchHolding(comment.id).then(() => {
      const fresh = cache.find(comment.id);
      if (fresh && !typed.current) choose(chosen.current, fresh);
    });
  };
  const close = () => {
    setOpen(false);
    focusWhenReady(toggleId);
  };
  const run = async (action: () => Promise<{ comment: CommentDto }>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      const res = await action();
      cache.update(comment.id, () => res.comment);
      d.announce(done);
      close();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const bodyError = fieldError(error, 'body');

  return (
    <>
      <button
        type="button"
        id={toggleId}
        className="link-button"
        aria-expanded={open}
        aria-controls={open ? `${id}-form` : undefined}
        aria-label={t('translateComment', { name: comment.author.displayName })}
        onClick={() => {
          if (open) close();
          else openEditor();
        }}
      >
        {t('translate')}
      </button>
      {open && (
        <form
          id={`${id}-form`}
          className="translation-editor"
          aria-describedby={describedBy}
          onSubmit={(e) => {
            e.preventDefault();
            if (!lang) return;
            void run(() => putTranslation(comment.id, lang, body), t('saved', { language: name(lang) }));
          }}
        >
          {targets.length === 0 ? (
            <p className="muted">{t('noLanguage')}</p>
          ) : (
            <>
              <div className="field">
                <label htmlFor={`${id}-lang`}>{t('language')}</label>
                <select id={`${id}-lang`} value={lang} onChange={(e) => choose(e.target.value as Lang)}>
                  {targets.map((l) => (
                    <option key={l} value={l}>
                      {name(l)}
                    </option>
                  ))}
                </select>
              </div>
              {existing?.outdated && (
                <p className="notice" id={`${id}-outdated`}>
                  {t('outdated')}
                </p>
              )}
              <div className="field field-wide">
                <label htmlFor={`${id}-body`}>{t('body')}</label>
                <textarea
                  id={`${id}-body`}
                  lang={lang}
                  rows={6}
                  value={body}
                  required
                  onChange={(e) => {
                    typed.current = true;
                    setBody(e.target.value);
                  }}
                  aria-invalid={bodyError ? true : undefined}
                  aria-describedby={
                    [bodyError ? `${id}-body-error` : null, existing?.outdated ? `${id}-outdated` : null]
                      .filter(Boolean)
                      .join(' ') || undefined
                  }
                />
                {bodyError && (
                  <p className="field-error" id={`${id}-body-error`}>
                    {bodyError}
                  </p>
                )}
              </div>
              <ErrorMessage error={bodyError ? null : error} />
            </>
          )}
          <div className="translation-actions">
            {lang && (
              <button type="submit" className="button" disabled={busy}>
                {busy ? t('saving') : t('save')}
              </button>
            )}
            {lang && existing && (
              <button
                type="button"
                className="button secondary"
                disabled={busy}
                onClick={() =>
                  void run(() => deleteTranslation(comment.id, lang), t('deleted', { language: name(lang) }))
                }
              >
                {t('delete')}
              </button>
            )}
            <button type="button" className="button secondary" onClick={close}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
