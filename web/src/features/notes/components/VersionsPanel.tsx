import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useFormat } from '../../../i18n/format';
import { useVersion } from '../api/getVersion';
import { versionsKey, useVersions } from '../api/getVersions';
import { nameVersion } from '../api/nameVersion';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { sectionHeading } from '../lib/sectionNumber';
import { withNames } from '../lib/versionDiff';
import { VersionDiff } from './VersionDiff';
import { VersionNameForm } from './VersionNameForm';
import { WideDialog } from './WideDialog';

/**
 * The note's versions, newest first (one per pause in the editing): view one, name it, compare
 * two, or restore one as a new version.
 */
export function VersionsPanel({
  noteId,
  currentVersion,
  hasUnsaved,
  onRestore,
  cite,
  readOnly,
}: {
  noteId: string;
  /** How a citation reads in a version (its author's name). */
  cite: (id: string) => string;
  currentVersion: number;
  hasUnsaved: boolean;
  onRestore: (version: number) => Promise<void>;
  readOnly: boolean;
}) {
  const { t } = useTranslation('notes');
  const f = useFormat();
  const versions = useVersions(noteId);
  const [viewing, setViewing] = useState<number | null>(null);
  // Viewing the current version keeps showing the current one after a save (which may fold into it
  // and so renumber it).
  const [lastCurrent, setLastCurrent] = useState(currentVersion);
  if (lastCurrent !== currentVersion) {
    setLastCurrent(currentVersion);
    if (viewing === lastCurrent) setViewing(currentVersion);
  }
  const [restoring, setRestoring] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [naming, setNaming] = useState<number | null>(null);
  const [comparing, setComparing] = useState<[number, number] | null>(null);
  const [compareFrom, setCompareFrom] = useState<number | null>(null);
  const [compareTo, setCompareTo] = useState<number | null>(null);
  const qc = useQueryClient();

  const saveName = async (version: number, name: string) => {
    const saved = await nameVersion(noteId, version, name);
    await qc.invalidateQueries({ queryKey: versionsKey(noteId) });
    qc.setQueryData(['notes', 'version', noteId, version], saved);
    setNaming(null);
    setDone(
      saved.name
        ? t('versions.namedDone', { v: version, name: saved.name })
        : t('versions.unnamedDone', { v: version }),
    );
  };
  const askRestore = (version: number) => {
    setError(null);
    setDone(null);
    setViewing(null);
    setRestoring(version);
  };

  const confirmRestore = async () => {
    if (restoring === null) return;
    setPending(true);
    setError(null);
    try {
      await onRestore(restoring);
      setDone(t('versions.restored', { v: restoring }));
      setRestoring(null);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  const rows = versions.data?.pages.flatMap((p) => p.versions) ?? [];
  const label = (v: { version: number; name: string | null }) =>
    v.name ? t('versions.named', { name: v.name, v: v.version }) : t('versions.version', { v: v.version });
  const from = compareFrom ?? rows[1]?.version ?? null;
  const to = compareTo ?? rows[0]?.version ?? null;
  const compare = (a: number, b: number) => setComparing(a < b ? [a, b] : [b, a]);
  return (
    <div className="versions">
      <p className="muted">{t('versions.intro')}</p>
      <div role="status" className="versions-status">
        {done && <p className="notice">{done}</p>}
      </div>
      {versions.isPending && <p role="status">{t('common:loading')}</p>}
      {versions.isError && (
        <div>
          <ErrorMessage error={versions.error} />
          <button type="button" className="button secondary" onClick={() => void versions.refetch()}>
            {t('common:errors.retry')}
          </button>
        </div>
      )}
      {rows.length > 1 && from !== null && to !== null && (
        <form
          className="version-compare"
          aria-label={t('diff.formLabel')}
          onSubmit={(e) => {
            e.preventDefault();
            compare(from, to);
          }}
        >
          <VersionSelect label={t('diff.from')} value={from} rows={rows} labelOf={label} onChange={setCompareFrom} />{' '}
          <VersionSelect label={t('diff.to')} value={to} rows={rows} labelOf={label} onChange={setCompareTo} />{' '}
          <button type="submit" className="button secondary small" disabled={from === to}>
            {t('diff.show')}
          </button>
        </form>
      )}
      {rows.length > 0 && (
        <ol className="version-list" aria-label={t('versions.label')}>
          {rows.map((v) => (
            <li key={v.version} className="version" data-testid="note-version">
              <p className="version-line">
                {v.name ? (
                  <>
                    <strong data-testid="version-name">{v.name}</strong>
                    <span className="muted">{t('versions.version', { v: v.version })}</span>
                  </>
                ) : (
                  <strong>{t('versions.version', { v: v.version })}</strong>
                )}
                {v.version === currentVersion && <span className="badge ok">{t('versions.current')}</span>}
                {v.restoredFrom !== null && (
                  <span className="badge">{t('versions.restoredFrom', { v: v.restoredFrom })}</span>
                )}
              </p>
              <p className="version-meta muted">
                {v.createdBy
                  ? t('versions.by', { name: v.createdBy.displayName, when: f.dateTime(v.createdAt) })
                  : f.dateTime(v.createdAt)}{' '}
                · {t('words.count', { words: f.number(v.words), count: v.words })}
              </p>
              <div className="contrib-actions">
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => setViewing(v.version)}
                  aria-label={t('versions.viewLabel', { v: v.version })}
                >
                  {t('versions.view')}
                </button>
                {!readOnly && (
                  <button
                    type="button"
                    className="button secondary small"
                    onClick={() => setNaming(naming === v.version ? null : v.version)}
                    aria-expanded={naming === v.version}
                    aria-label={t(v.name ? 'versions.renameLabel' : 'versions.nameLabel', { v: v.version })}
                  >
                    {t(v.name ? 'versions.rename' : 'versions.name')}
                  </button>
                )}
                {!readOnly && v.version !== currentVersion && (
                  <button
                    type="button"
                    className="button secondary small"
                    onClick={() => askRestore(v.version)}
                    aria-label={t('versions.restoreLabel', { v: v.version })}
                  >
                    {t('versions.restore')}
                  </button>
                )}
              </div>
              {naming === v.version && (
                <VersionNameForm
                  version={v.version}
                  name={v.name}
                  onSave={(name) => saveName(v.version, name)}
                  onCancel={() => setNaming(null)}
                />
              )}
            </li>
          ))}
        </ol>
      )}
      {versions.hasNextPage && (
        <button
          type="button"
          className="button secondary"
          onClick={() => void versions.fetchNextPage()}
          disabled={versions.isFetchingNextPage}
        >
          {versions.isFetchingNextPage ? t('common:loading') : t('versions.older')}
        </button>
      )}

      <ConfirmDialog
        isOpen={restoring !== null}
        onOpenChange={(open) => !open && !pending && setRestoring(null)}
        title={t('versions.confirmTitle', { v: restoring ?? 0 })}
        confirmLabel={t('versions.confirm', { v: restoring ?? 0 })}
        pending={pending}
        error={error}
        onConfirm={() => void confirmRestore()}
      >
        <p>{t('versions.confirmBody', { v: restoring ?? 0, next: currentVersion + 1 })}</p>
        {hasUnsaved && <p className="notice">{t('versions.confirmUnsaved')}</p>}
      </ConfirmDialog>

      <VersionDialog
        noteId={noteId}
        version={viewing}
        currentVersion={currentVersion}
        onClose={() => setViewing(null)}
        onCompare={(v) => {
          setViewing(null);
          compare(v, currentVersion);
        }}
        onRestore={readOnly ? null : askRestore}
        cite={cite}
      />
      <VersionDiff noteId={noteId} pair={comparing} cite={cite} onClose={() => setComparing(null)} />
    </div>
  );
}

function VersionDialog({
  noteId,
  version,
  currentVersion,
  onClose,
  onCompare,
  onRestore,
  cite,
}: {
  noteId: string;
  cite: (id: string) => string;
  version: number | null;
  currentVersion: number;
  onClose: () => void;
  onCompare: (version: number) => void;
  /** Null when the viewer may not restore. */
  onRestore: ((version: number) => void) | null;
}) {
  const { t } = useTranslation('notes');
  const f = useFormat();
  const v = useVersion(noteId, version);
  return (
    <WideDialog
      isOpen={version !== null}
      onClose={onClose}
      title={
        v.data?.name
          ? t('versions.named', { name: v.data.name, v: version ?? 0 })
          : t('versions.viewTitle', { v: version ?? 0 })
      }
      actions={
        <>
          {version !== null && version !== currentVersion && (
            <button type="button" className="button secondary" onClick={() => onCompare(version)}>
              {t('versions.compareCurrent')}
            </button>
          )}
          {onRestore && version !== null && version !== currentVersion && (
            <button type="button" className="button secondary" onClick={() => onRestore(version)}>
              {t('versions.restoreThis', { v: version })}
            </button>
          )}
        </>
      }
    >
      {v.isPending && <p role="status">{t('common:loading')}</p>}
      <ErrorMessage error={v.error} />
      {v.data && (
        <div className="version-view">
          <p className="muted">
            {v.data.createdBy
              ? t('versions.by', { name: v.data.createdBy.displayName, when: f.dateTime(v.data.createdAt) })
              : f.dateTime(v.data.createdAt)}
          </p>
          <p>
            <strong>{v.data.snapshot.title}</strong> —{' '}
            {t('words.ofTarget', {
              words: f.number(v.data.words),
              target: f.number(v.data.snapshot.targetWords),
              count: v.data.words,
            })}
          </p>
          {v.data.snapshot.sections.map((s, i) => (
            <section key={s.id} aria-labelledby={`v-${s.id}`}>
              <h3 id={`v-${s.id}`}>
                {sectionHeading(i + 1, s.title, (n, title) => t('section.heading', { n, title }))}
              </h3>
              {s.bodyMd ? (
                <pre className="version-body">{withNames(s.bodyMd, cite)}</pre>
              ) : (
                <p className="muted">{t('versions.emptySection')}</p>
              )}
            </section>
          ))}
        </div>
      )}
    </WideDialog>
  );
}

/** One side of the comparison: a version picked from those listed. */
function VersionSelect<V extends { version: number; name: string | null }>({
  label,
  value,
  rows,
  labelOf,
  onChange,
}: {
  label: string;
  value: number;
  rows: V[];
  labelOf: (v: V) => string;
  onChange: (version: number) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {rows.map((v) => (
          <option key={v.version} value={v.version}>
            {labelOf(v)}
          </option>
        ))}
      </select>
    </label>
  );
}
