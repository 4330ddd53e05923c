import { PARTICIPATION_SENTENCE_LANGUAGES } from '@convene/shared';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorWithRetry } from '../../../components/ErrorWithRetry';
import type { Scope } from '../api/participation';
import { type SentenceLanguage, useParticipationSentence } from '../api/reportViews';

/** Copies text: the Clipboard API, else a selected text area and the copy command. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, not focused): try the old way below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

const initialLanguage = (lng: string): SentenceLanguage =>
  (PARTICIPATION_SENTENCE_LANGUAGES as readonly string[]).includes(lng) ? (lng as SentenceLanguage) : 'en';

/**
 * Participation in one paragraph, as the Word and Markdown exports open with it (the same counts,
 * from the same server code), in the language chosen, with a button that copies it.
 */
export function ParticipationSentence({ slug, scope }: { slug: string; scope: Scope }) {
  const { t, i18n } = useTranslation('dashboard');
  const id = useId();
  const [lang, setLang] = useState<SentenceLanguage>(() => initialLanguage(i18n.language));
  const sentence = useParticipationSentence(slug, scope, lang);
  // What was copied (or failed to be): a new paragraph has not been copied yet.
  const [copied, setCopied] = useState<{ text: string; ok: boolean } | null>(null);
  const status = copied && copied.text === sentence.data?.text ? (copied.ok ? 'copied' : 'failed') : '';
  const text = useRef<HTMLParagraphElement>(null);

  const copy = async () => {
    if (!sentence.data) return;
    const copying = sentence.data.text;
    setCopied(null);
    if (await copyText(copying)) setCopied({ text: copying, ok: true });
    else {
      // Nothing worked: select the paragraph so that Ctrl+C copies it.
      const range = document.createRange();
      if (text.current) range.selectNodeContents(text.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      setCopied({ text: copying, ok: false });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="participation-sentence" data-testid="participation-sentence">
      <h2 id={`${id}-title`}>{t('sentence.title')}</h2>
      <p className="muted">{t(`sentence.intro.${scope}`)}</p>
      <div className="sentence-tools">
        <label htmlFor={`${id}-lang`}>{t('sentence.language')}</label>
        <select id={`${id}-lang`} value={lang} onChange={(e) => setLang(e.target.value as SentenceLanguage)}>
          {PARTICIPATION_SENTENCE_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`sentence.languages.${l}`)}
            </option>
          ))}
        </select>
      </div>
      {sentence.isError ? (
        <ErrorWithRetry error={sentence.error} onRetry={() => void sentence.refetch()} />
      ) : sentence.isPending ? (
        <p role="status">{t('common:loading')}</p>
      ) : (
        <blockquote className={sentence.isPlaceholderData ? 'sentence-text stale' : 'sentence-text'}>
          <p ref={text} lang={sentence.data.lang} id={`${id}-text`} data-testid="participation-sentence-text">
            {sentence.data.text}
          </p>
        </blockquote>
      )}
      <div className="sentence-tools">
        <button
          type="button"
          className="button"
          onClick={() => void copy()}
          disabled={!sentence.data || sentence.isPlaceholderData}
          aria-describedby={`${id}-text`}
        >
          {t('sentence.copy')}
        </button>
        <p role="status" aria-live="polite" className="sentence-status" data-testid="participation-sentence-status">
          {status === 'copied' ? t('sentence.copied') : status === 'failed' ? t('sentence.copyFailed') : ''}
        </p>
      </div>
    </section>
  );
}
