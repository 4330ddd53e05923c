import type { CommentLanguage } from '@convene/shared';
import { useTranslation } from 'react-i18next';
import { useDiscussion } from '../../context';
import type { ComposerIds } from './ids';

/** The language the comment is written in, among those the space accepts. */
export function LanguageField({
  ids,
  language,
  onChange,
  suggested = false,
  detected = null,
  error,
}: {
  ids: ComposerIds;
  language: CommentLanguage | null;
  onChange: (language: CommentLanguage) => void;
  /** Whether the language shown was guessed from the text (the writer can still change it). */
  suggested?: boolean;
  /** The latest guess from the text (also when the writer chose another): `data-detected-language`. */
  detected?: CommentLanguage | null;
  error: string | undefined;
}) {
  const { t } = useTranslation('discussion');
  const d = useDiscussion();
  return (
    <div className="composer-row" data-detected-language={detected ?? undefined}>
      <div className="field">
        <label htmlFor={ids.language}>{t('composer.languageLabel')}</label>
        <select
          id={ids.language}
          value={language ?? ''}
          onChange={(e) => onChange(e.target.value as CommentLanguage)}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [error ? ids.languageError : '', suggested ? ids.languageHint : ''].filter(Boolean).join(' ') || undefined
          }
        >
          {d.acceptedLanguages.map((l) => (
            <option key={l} value={l}>
              {t(`common:contentLanguage.${l}`)}
            </option>
          ))}
        </select>
        {suggested && (
          <p className="hint" id={ids.languageHint}>
            {t('composer.languageSuggested')}
          </p>
        )}
        {error && (
          <p className="field-error" id={ids.languageError}>
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
