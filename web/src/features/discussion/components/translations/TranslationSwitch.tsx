import type { CommentDto } from '@convene/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/intl';
import { endonym, languageIn } from './languageNames';
import './locales';
import './translations.css';

import type { Translation } from './TranslatedBody';

/**
 * "Translation available: Français", or, while a translation is shown, its label (original
 * language, translator, date) and "Show original". Its own chunk with the strings and styles,
 * loaded only for a comment that has translations (see TranslatedBody).
 */
export default function TranslationSwitch({
  comment,
  offered,
  shown,
  show,
}: {
  comment: CommentDto;
  offered: readonly Translation[];
  shown: Translation | null;
  show: (language: string | null) => void;
}) {
  const { t, i18n } = useTranslation('translations');
  const lng = i18n.language;
  const bodyId = `comment-${comment.id}-body`;
  const originalId = `comment-${comment.id}-original`;
  const showId = (language: string) => `comment-${comment.id}-show-${language}`;

  const label = (x: Translation) => {
    const language = languageIn(x.sourceLanguage, lng) ?? t('common:contentLanguage.other');
    const date = formatDateTime(x.updatedAt, lng);
    return x.translator
      ? t('translatedFrom', { language, name: x.translator.displayName, date })
      : t('translatedFromAnonymous', { language, date });
  };

  return (
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
  );
}
