import type { CommentDto, CommentTranslationDto } from '@convene/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusWhenReady } from '../../lib/focus';
import { formatDateTime, langAttr } from '../../lib/intl';
import { endonym, languageIn } from './languageNames';
import './locales';
import './translations.css';

type Translation = CommentTranslationDto & { language: 'en' | 'fr' | 'es' };
const named = (t: CommentTranslationDto): t is Translation => t.language !== 'other';

/**
 * A comment's published text, or one of its translations when the reader switches to it:
 * "Translation available: Français" offers them; shown, a translation is labelled with its
 * original language, translator and date, and "Show original" switches back. Outdated
 * translations (sent to staff only, to update) are not offered here.
 */
export function TranslatedBody({ comment }: { comment: CommentDto }) {
  const { t, i18n } = useTranslation('translations');
  const lng = i18n.language;
  const offered = comment.translations.filter((x) => !x.outdated).filter(named);
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = offered.find((x) => x.language === chosen) ?? null;
  const bodyId = `comment-${comment.id}-body`;
  const originalId = `comment-${comment.id}-original`;
  const showId = (language: string) => `comment-${comment.id}-show-${language}`;
  // The button pressed goes away with the switch: focus goes to the one that switches back.
  const show = (language: string | null) => {
    setChosen(language);
    focusWhenReady(language ? originalId : showId(chosen ?? ''), offered[0] ? showId(offered[0].language) : undefined);
  };

  const label = (x: Translation) => {
    const language = languageIn(x.sourceLanguage, lng) ?? t('common:contentLanguage.other');
    const date = formatDateTime(x.updatedAt, lng);
    return x.translator
      ? t('translatedFrom', { language, name: x.translator.displayName, date })
      : t('translatedFromAnonymous', { language, date });
  };

  return (
    <>
      {offered.length > 0 && (
        <p className="comment-translations">
          {shown ? (
            <>
              <span className="comment-translation-label">{label(shown)}</span>{' '}
              <button
                type="button"
                id={originalId}
                className="link-button"
                aria-controls={bodyId}
                onClick={() => show(null)}
              >
                {t('showOriginal')}
              </button>
            </>
          ) : (
            <>
              <span>{t('available')}</span>{' '}
              {offered.map((x) => (
                <button
                  key={x.language}
                  id={showId(x.language)}
                  type="button"
                  className="link-button"
                  lang={x.language}
                  aria-controls={bodyId}
                  title={t('showIn', { language: languageIn(x.language, lng) })}
                  onClick={() => show(x.language)}
                >
                  {endonym(x.language)}
                </button>
              ))}
            </>
          )}
        </p>
      )}
      <div
        id={bodyId}
        className="prose comment-body"
        lang={langAttr(shown ? shown.language : comment.language)}
        dangerouslySetInnerHTML={{ __html: shown ? shown.bodyHtml : comment.bodyHtml }}
      />
    </>
  );
}
