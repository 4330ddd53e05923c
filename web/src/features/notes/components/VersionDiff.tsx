import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useFormat } from '../../../i18n/format';
import { useVersion } from '../api/getVersion';
import { sectionHeading } from '../lib/sectionNumber';
import { diffSnapshots } from '../lib/versionDiff';
import { WideDialog } from './WideDialog';

/**
 * The difference between two versions, section by section, word by word. Colour is not the only
 * cue: insertions are underlined, deletions struck through, and each is named for screen readers.
 */
export function VersionDiff({
  noteId,
  pair,
  cite,
  onClose,
}: {
  noteId: string;
  /** How a citation reads: its author's name. */
  cite: (id: string) => string;
  /** The older and the newer version, or null when closed. */
  pair: [number, number] | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('notes');
  const f = useFormat();
  const older = useVersion(noteId, pair?.[0] ?? null);
  const newer = useVersion(noteId, pair?.[1] ?? null);
  const diff = useMemo(
    () => (older.data && newer.data ? diffSnapshots(older.data.snapshot, newer.data.snapshot, cite) : null),
    [older.data, newer.data, cite],
  );
  const label = (v: { version: number; name: string | null } | undefined, n: number) =>
    v?.name ? t('versions.named', { name: v.name, v: n }) : t('versions.version', { v: n });
  const changed = diff?.filter((s) => s.status !== 'unchanged') ?? [];
  const unchanged = diff?.filter((s) => s.status === 'unchanged') ?? [];
  const position = (id: string) => (newer.data?.snapshot.sections.findIndex((s) => s.id === id) ?? -1) + 1;

  return (
    <WideDialog
      isOpen={pair !== null}
      onClose={onClose}
      title={t('diff.title', {
        older: label(older.data, pair?.[0] ?? 0),
        newer: label(newer.data, pair?.[1] ?? 0),
      })}
    >
      {(older.isPending || newer.isPending) && <p role="status">{t('common:loading')}</p>}
      <ErrorMessage error={older.error ?? newer.error} />
      {diff && older.data && newer.data && (
        <div className="note-diff" data-testid="version-diff">
          <p className="muted">
            {t('diff.legend')} <ins>{t('diff.addedSample')}</ins> <del>{t('diff.removedSample')}</del>
          </p>
          {older.data.snapshot.title !== newer.data.snapshot.title && (
            <p>
              {t('diff.noteTitle')} <del>{older.data.snapshot.title}</del> <ins>{newer.data.snapshot.title}</ins>
            </p>
          )}
          {changed.length === 0 && <p>{t('diff.none')}</p>}
          {changed.map((s) => (
            <section key={s.id} aria-labelledby={`diff-${s.id}`} data-testid="diff-section">
              <h3 id={`diff-${s.id}`}>
                {s.status === 'removed'
                  ? s.title
                  : sectionHeading(position(s.id), s.title, (n, title) => t('section.heading', { n, title }))}{' '}
                <span className={`badge${s.status === 'removed' ? ' warn' : ''}`}>{t(`diff.${s.status}`)}</span>
              </h3>
              {s.renamedFrom !== null && <p className="muted">{t('diff.renamedFrom', { title: s.renamedFrom })}</p>}
              {s.placed.before !== s.placed.after && (
                <p className="muted">
                  {t('diff.placed', { before: f.number(s.placed.before), after: f.number(s.placed.after) })}
                </p>
              )}
              {s.parts.some((p) => p.added || p.removed) && (
                <div className="diff">
                  {s.parts.map((p, i) =>
                    p.added ? (
                      <ins key={i}>
                        <span className="visually-hidden">[{t('diff.addedWords')}: </span>
                        {p.value}
                        <span className="visually-hidden">]</span>
                      </ins>
                    ) : p.removed ? (
                      <del key={i}>
                        <span className="visually-hidden">[{t('diff.removedWords')}: </span>
                        {p.value}
                        <span className="visually-hidden">]</span>
                      </del>
                    ) : (
                      <span key={i}>{p.value}</span>
                    ),
                  )}
                </div>
              )}
            </section>
          ))}
          {unchanged.length > 0 && (
            <p className="muted">
              {t('diff.unchanged', {
                count: unchanged.length,
                sections: unchanged.map((s) => s.title).join(' · '),
              })}
            </p>
          )}
        </div>
      )}
    </WideDialog>
  );
}
