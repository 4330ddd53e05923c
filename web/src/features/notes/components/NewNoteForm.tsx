import { NOTE_DEFAULT_TARGET_WORDS } from '@convene/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage, fieldError } from '../../../components/ErrorMessage';
import { useFormat } from '../../../i18n/format';
import { useCreateNote } from '../api/createNote';

/** "New background note": title and target length; the editor opens on the new note. */
export function NewNoteForm({ slug, code }: { slug: string; code: string }) {
  const { t } = useTranslation('notes');
  const f = useFormat();
  const navigate = useNavigate();
  const create = useCreateNote(slug);
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState(String(NOTE_DEFAULT_TARGET_WORDS));
  const [targetProblem, setTargetProblem] = useState<string | null>(null);
  const targetRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  const titleError = fieldError(create.error, 'title');
  const targetError = targetProblem ?? fieldError(create.error, 'targetWords');

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const n = Number(target.trim());
    if (!target.trim() || !Number.isInteger(n) || n < 50 || n > 50_000) {
      setTargetProblem(t('fields.targetWordsRange', { min: f.number(50), max: f.number(50_000) }));
      targetRef.current?.focus();
      return;
    }
    setTargetProblem(null);
    create.mutate(
      // Without a title, the default in the chair's language (the server's own is in English).
      { title: title.trim() || t('create.defaultTitle', { code }), targetWords: n },
      {
        onSuccess: (data) => void navigate(`/notes/${data.note.id}`),
        onError: (err) => {
          if (fieldError(err, 'title')) titleRef.current?.focus();
          else if (fieldError(err, 'targetWords')) targetRef.current?.focus();
        },
      },
    );
  };

  return (
    <section className="panel" aria-labelledby="new-note-title">
      <h2 id="new-note-title">{t('create.title')}</h2>
      <p className="muted">{t('create.hint')}</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="new-note-name">{t('fields.noteTitle')}</label>
          <span className="hint" id="new-note-name-hint">
            {t('create.titleHint', { title: t('create.defaultTitle', { code }) })}
          </span>
          <input
            id="new-note-name"
            ref={titleRef}
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={t('create.defaultTitle', { code })}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={`new-note-name-hint${titleError ? ' new-note-name-error' : ''}`}
          />
          {titleError && (
            <span className="field-error" id="new-note-name-error">
              {titleError}
            </span>
          )}
        </div>
        <div className="field field-narrow">
          <label htmlFor="new-note-target">{t('fields.targetWords')}</label>
          <span className="hint" id="new-note-target-hint">
            {t('fields.targetWordsHint')}
          </span>
          <input
            id="new-note-target"
            ref={targetRef}
            type="number"
            inputMode="numeric"
            min={50}
            max={50_000}
            step={50}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            aria-invalid={targetError ? true : undefined}
            aria-describedby={`new-note-target-hint${targetError ? ' new-note-target-error' : ''}`}
          />
          {targetError && (
            <span className="field-error" id="new-note-target-error">
              {targetError}
            </span>
          )}
        </div>
        <ErrorMessage error={create.error} />
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t('create.creating') : t('create.submit')}
        </button>
      </form>
    </section>
  );
}
