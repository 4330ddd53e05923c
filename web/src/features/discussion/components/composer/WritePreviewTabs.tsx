import { COMMENT_BODY_MAX, type CommentLanguage } from '@convene/shared';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { useFormat } from '../../../../i18n/format';
import { ApiError } from '../../../../lib/api';
import type { MarkdownPreview } from '../../hooks/useMarkdownPreview';
import { langAttr } from '../../lib/intl';
import type { ComposerIds } from './ids';
import { SessionExpired } from './SessionExpired';

/** The "Write" and "Preview" tabs: the markdown text box with its count, and its rendering. */
export function WritePreviewTabs({
  ids,
  tabs,
  body,
  language,
  onBodyChange,
  bodyError,
  textareaRef,
}: {
  ids: ComposerIds;
  tabs: MarkdownPreview;
  body: string;
  language: CommentLanguage | null;
  onBodyChange: (body: string) => void;
  bodyError: string | undefined;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const { t } = useTranslation('discussion');
  const fmt = useFormat();
  const { mode, preview } = tabs;
  const over = body.length > COMMENT_BODY_MAX;
  const lang = language ? langAttr(language) : undefined;

  return (
    <>
      <div className="composer-toolbar" role="group" aria-label={t('composer.modeLabel')}>
        <button type="button" className="tab-button" aria-pressed={mode === 'write'} onClick={tabs.showWrite}>
          {t('composer.write')}
        </button>
        <button
          type="button"
          className="tab-button"
          aria-pressed={mode === 'preview'}
          onClick={() => void tabs.showPreview(body)}
        >
          {t('composer.preview')}
        </button>
      </div>

      <div className="field field-wide" hidden={mode !== 'write'}>
        <label htmlFor={ids.body}>{t('composer.bodyLabel')}</label>
        <p className="hint" id={ids.hint}>
          {t('composer.bodyHint')}
        </p>
        <textarea
          id={ids.body}
          ref={textareaRef}
          value={body}
          rows={8}
          lang={lang}
          onChange={(e) => onBodyChange(e.target.value)}
          aria-invalid={bodyError || over ? true : undefined}
          aria-describedby={`${ids.hint} ${ids.count}${bodyError ? ` ${ids.bodyError}` : ''}`}
        />
        <p id={ids.count} className={`char-count${over ? ' over' : ''}`}>
          {t('composer.count', { count: body.length, n: fmt.number(body.length), max: fmt.number(COMMENT_BODY_MAX) })}
        </p>
        <p className="visually-hidden" aria-live="polite">
          {over ? t('composer.overLimit', { max: fmt.number(COMMENT_BODY_MAX) }) : ''}
        </p>
        {bodyError && (
          <p className="field-error" id={ids.bodyError}>
            {bodyError}
          </p>
        )}
      </div>

      {mode === 'preview' && (
        <section className="composer-preview" aria-label={t('composer.previewLabel')}>
          {preview.loading && <p className="muted">{t('common:loading')}</p>}
          {preview.error instanceof ApiError && preview.error.status === 401 ? (
            <SessionExpired />
          ) : (
            <ErrorMessage error={preview.error} />
          )}
          {!preview.loading && !preview.error && !preview.html && <p className="muted">{t('composer.previewEmpty')}</p>}
          {preview.html && (
            <div
              className="prose comment-body"
              lang={lang}
              dir="auto"
              dangerouslySetInnerHTML={{ __html: preview.html }}
            />
          )}
        </section>
      )}
    </>
  );
}
