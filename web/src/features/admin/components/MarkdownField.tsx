import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { preview } from '../api/spaces';

/**
 * A markdown textarea with a Preview toggle: the preview is the server's own rendering (the
 * HTML readers will get). The text stays in the textarea while previewing; nothing is lost.
 */
export function MarkdownField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  rows = 14,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  rows?: number;
}) {
  const { t } = useTranslation('admin');
  const [previewing, setPreviewing] = useState(false);
  const rendered = useQuery({
    queryKey: ['markdown-preview', value],
    queryFn: ({ signal }) => preview(value, signal),
    enabled: previewing,
    staleTime: Infinity,
  });
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const previewId = `${id}-preview`;
  return (
    <div className={error ? 'field md-field field-invalid' : 'field md-field'}>
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={hintId}>
        {hint ?? t('markdown.hint')}
      </p>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      <div className="md-toolbar">
        <button
          type="button"
          className="button secondary small"
          aria-pressed={previewing}
          aria-controls={previewId}
          onClick={() => setPreviewing((p) => !p)}
        >
          {t('markdown.preview')}
        </button>
      </div>
      <textarea
        id={id}
        rows={rows}
        value={value}
        hidden={previewing}
        aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <div
        id={previewId}
        hidden={!previewing}
        className="md-preview"
        role="region"
        aria-label={t('markdown.previewOf', { label })}
      >
        {previewing &&
          (rendered.isPending ? (
            <p role="status">{t('common:loading')}</p>
          ) : rendered.isError ? (
            <ErrorMessage error={rendered.error} />
          ) : rendered.data.trim() ? (
            <div className="prose" dir="auto" dangerouslySetInnerHTML={{ __html: rendered.data }} />
          ) : (
            <p className="muted">{t('markdown.empty')}</p>
          ))}
      </div>
    </div>
  );
}
