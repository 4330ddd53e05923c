import type { CommentDto } from '@convene/shared';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { useFormat } from '../../../../i18n/format';
import { formatBytes } from '../../lib/intl';
import type { AttachmentUploads } from '../../hooks/useAttachmentUploads';
import type { ComposerIds } from './ids';

/** After the text is saved, only the files remain: their progress, and a way to retry. */
export function UploadProgress({
  ids,
  Heading,
  headingRef,
  posted,
  attachments,
  finish,
}: {
  ids: ComposerIds;
  Heading: 'h3' | 'h4';
  /** Focus goes here while the files upload. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  posted: CommentDto;
  attachments: AttachmentUploads;
  finish: (saved: CommentDto) => void;
}) {
  const { t, i18n } = useTranslation('discussion');
  const fmt = useFormat();
  const { uploads } = attachments;
  const failed = uploads.filter((u) => u.state === 'failed');
  const busy = uploads.some((u) => u.state === 'uploading' || u.state === 'waiting');
  return (
    <section className="composer panel" aria-labelledby={ids.uploads}>
      <Heading id={ids.uploads} ref={headingRef} tabIndex={-1} className="composer-title">
        {t('composer.uploadsTitle')}
      </Heading>
      <p>{posted.status === 'pending' ? t('composer.sentPending') : t('composer.sent')}</p>
      <ul className="upload-list">
        {uploads.map((u) => (
          <li key={u.key} className={`upload upload-${u.state}`}>
            <span className="upload-name">{u.file.name}</span>{' '}
            <span className="muted">({formatBytes(u.file.size, i18n.language)})</span>
            <progress max={1} value={u.progress} aria-label={t('composer.uploadProgress', { name: u.file.name })} />
            <span className="upload-state">
              {u.state === 'done'
                ? t('composer.uploadDone')
                : u.state === 'failed'
                  ? t('composer.uploadFailed')
                  : u.state === 'uploading'
                    ? t('composer.uploading', { percent: fmt.number(Math.round(u.progress * 100)) })
                    : t('composer.uploadWaiting')}
            </span>
            {u.state === 'failed' && (
              <>
                <ErrorMessage error={u.error} />
                <button
                  type="button"
                  className="button secondary"
                  disabled={busy}
                  onClick={() => void attachments.retry(u)}
                >
                  {t('composer.retryUpload', { name: u.file.name })}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {failed.length > 0 && !busy && (
        <button type="button" className="button secondary" onClick={() => finish(posted)}>
          {t('composer.skipFailed')}
        </button>
      )}
    </section>
  );
}
