import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../lib/intl';
import type { AttachmentUploads } from '../../hooks/useAttachmentUploads';
import { ACCEPT } from '../../lib/files';
import type { ComposerIds } from './ids';

/** Choosing files to attach: what was refused and why, and the chosen ones with a way to remove each. */
export function AttachmentPicker({ ids, attachments }: { ids: ComposerIds; attachments: AttachmentUploads }) {
  const { t, i18n } = useTranslation('discussion');
  const { allowed, files, refusals } = attachments;
  return (
    <div className="field field-wide">
      <label htmlFor={ids.files}>{t('composer.filesLabel')}</label>
      <p className="hint" id={ids.filesHint}>
        {t('composer.filesHint', { count: allowed })}
      </p>
      <input
        id={ids.files}
        type="file"
        multiple
        accept={ACCEPT}
        disabled={files.length >= allowed}
        aria-describedby={`${ids.filesHint}${refusals.length ? ` ${ids.filesError}` : ''}`}
        aria-invalid={refusals.length ? true : undefined}
        onChange={(e) => {
          attachments.choose(e.target.files);
          e.target.value = '';
        }}
      />
      {refusals.length > 0 && (
        <ul className="field-error" id={ids.filesError}>
          {refusals.map((r, i) => (
            <li key={i}>{t(`composer.fileProblem.${r.problem}`, { name: r.name, max: allowed })}</li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul className="chosen-files" aria-label={t('composer.chosenFiles')}>
          {files.map((f, i) => (
            <li key={`${i}-${f.name}`}>
              {f.name} <span className="muted">({formatBytes(f.size, i18n.language)})</span>{' '}
              <button type="button" className="link-button" onClick={() => attachments.remove(i)}>
                {t('composer.removeFile', { name: f.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
