import { useTranslation } from 'react-i18next';
import { useFieldMessage } from '../hooks/useFieldMessage';
import type { Draft } from '../lib/draft';

interface Props {
  draft: Draft;
  fieldErrors: Record<string, string>;
  change: (update: (d: Draft) => Draft) => void;
  flush: () => Promise<void>;
  readOnly: boolean;
}

/** The note's title and word target, each with its error; then errors that belong to no field. */
export function NoteFields({ draft, fieldErrors, change, flush, readOnly }: Props) {
  const { t } = useTranslation('notes');
  const errorText = useFieldMessage();
  const titleError = errorText(fieldErrors.title);
  const targetError = errorText(fieldErrors.targetWords);
  const otherError = errorText(fieldErrors.sections ?? fieldErrors.version);

  return (
    <>
      <div className="note-fields">
        <div className="field wide">
          <label htmlFor="note-title">{t('fields.noteTitle')}</label>
          <input
            id="note-title"
            value={draft.title}
            maxLength={200}
            readOnly={readOnly}
            onChange={(e) => {
              const title = e.target.value;
              change((d) => ({ ...d, title }));
            }}
            onBlur={() => void flush()}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? 'note-title-error' : undefined}
          />
          {titleError && (
            <span className="field-error" id="note-title-error">
              {titleError}
            </span>
          )}
        </div>
        <div className="field field-narrow">
          <label htmlFor="note-target">{t('fields.targetWords')}</label>
          <input
            id="note-target"
            type="number"
            inputMode="numeric"
            min={50}
            max={50_000}
            step={50}
            value={draft.targetWords}
            readOnly={readOnly}
            onChange={(e) => {
              const targetWords = e.target.value;
              change((d) => ({ ...d, targetWords }));
            }}
            onBlur={() => void flush()}
            aria-invalid={targetError ? true : undefined}
            aria-describedby={`note-target-hint${targetError ? ' note-target-error' : ''}`}
          />
          <span className="hint" id="note-target-hint">
            {t('fields.targetWordsHint')}
          </span>
          {targetError && (
            <span className="field-error" id="note-target-error">
              {targetError}
            </span>
          )}
        </div>
      </div>
      {otherError && <p className="error-message">{otherError}</p>}
    </>
  );
}
