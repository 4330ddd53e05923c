import { type LogResponse, MODERATION_ACTIONS, type ModerationAction } from '@convene/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useFormat } from '../../../i18n/format';
import { useLiveSpace } from '../../../lib/live';
import { useLog } from '../api/log';
import { useSpace } from '../api/spaces';
import { StaffGate } from '../components/StaffGate';
import { usePageTitle } from '../hooks/usePageTitle';
import '../locales';
import '../moderation.css';

const isAction = (v: string | null): v is ModerationAction =>
  (MODERATION_ACTIONS as readonly string[]).includes(v ?? '');

const REPORT_REASON = /^(spam|abusive|off_topic|personal_data|other)(?:: ([\s\S]*))?$/;

/** A report's reason is stored as "<category>: <note>": the category in words, then the note. */
function LogReason({ action, reason }: { action: ModerationAction; reason: string | null }) {
  const { t } = useTranslation('moderation');
  if (reason === null) return <span className="muted">—</span>;
  const m = action === 'report' ? REPORT_REASON.exec(reason) : null;
  if (!m) return <>{reason}</>;
  return (
    <>
      <span className="badge report-category">{t(`reportCategory.${m[1]}`)}</span>
      {m[2] ? ` ${m[2]}` : ''}
    </>
  );
}

/** The staff's private notes in the space, newest first (staff only, like the whole log). */
function LogStaffNotes({ notes }: { notes: LogResponse['staffNotes'] }) {
  const { t } = useTranslation('moderation');
  const fmt = useFormat();
  return (
    <section className="log-staff-notes" aria-labelledby="log-notes-title">
      <h2 id="log-notes-title">
        {t('staffNotes.logTitle')} <span className="badge staff-only">{t('staffNotes.staffOnly')}</span>
      </h2>
      {notes.length === 0 ? (
        <p className="muted">{t('staffNotes.logEmpty')}</p>
      ) : (
        <ul className="staff-note-list">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="context-label">
                {n.commentId
                  ? t('staffNotes.logOnComment', { name: n.subjectName ?? '—' })
                  : t('staffNotes.logOnAuthor', { name: n.subjectName ?? '—' })}
              </p>
              {n.commentExcerpt && <blockquote className="log-comment">{n.commentExcerpt}</blockquote>}
              <p className="staff-note-body">{n.body}</p>
              <p className="muted staff-note-meta">
                — {n.writer?.displayName ?? t('log.formerUser')},{' '}
                <time dateTime={n.createdAt}>{fmt.dateTime(n.createdAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** `/spaces/:slug/moderation/log`: who did what, when, with which reason; filterable by action. */
export function ModerationLog() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('moderation');
  return (
    <StaffGate title={t('log.titleShort')}>
      <LogPage slug={slug} />
    </StaffGate>
  );
}

function LogPage({ slug }: { slug: string }) {
  const { t } = useTranslation('moderation');
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const actionParam = params.get('action');
  const action = isAction(actionParam) ? actionParam : undefined;
  const space = useSpace(slug);
  const log = useLog(slug, action);
  const title = t('log.title', { code: space.data?.code ?? slug });
  usePageTitle(title);
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];

  // New entries appear as they are written (any staff or public change in the space).
  const qc = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveSpace(slug, {
    onEvent: (e) => {
      if (e.kind === 'queue.counts' || e.kind === 'question.changed' || e.kind === 'space.changed') return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void qc.invalidateQueries({ queryKey: ['moderation-log', slug] }), 500);
    },
  });

  return (
    <div className="staff moderation-page">
      <header className="page-header">
        <h1>{title}</h1>
        {space.data && <p className="page-subtitle">{space.data.title}</p>}
        <nav aria-label={t('nav.space')} className="page-links">
          <ul>
            <li>
              <Link to={`/spaces/${slug}/moderation`}>{t('nav.queue')}</Link>
            </li>
            <li>
              <Link to={`/spaces/${slug}/dashboard`}>{t('nav.dashboard')}</Link>
            </li>
            <li>
              <Link to={`/spaces/${slug}`}>{t('nav.discussion')}</Link>
            </li>
          </ul>
        </nav>
      </header>

      <div className="field log-filter">
        <label htmlFor="log-action">{t('log.filter')}</label>
        <select
          id="log-action"
          value={action ?? ''}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            if (e.target.value) next.set('action', e.target.value);
            else next.delete('action');
            setParams(next, { replace: true });
          }}
        >
          <option value="">{t('log.allActions')}</option>
          {MODERATION_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`log.action.${a}`)}
            </option>
          ))}
        </select>
      </div>

      {log.isError && <ErrorMessage error={log.error} />}
      {log.isPending ? (
        <p role="status">{t('common:loading')}</p>
      ) : entries.length === 0 ? (
        <p className="notice">{t('log.empty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="log-caption" tabIndex={0}>
          <table className="data-table log-table">
            <caption id="log-caption">
              {action ? t('log.captionFiltered', { action: t(`log.action.${action}`) }) : t('log.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('log.when')}</th>
                <th scope="col">{t('log.who')}</th>
                <th scope="col">{t('log.what')}</th>
                <th scope="col">{t('log.comment')}</th>
                <th scope="col">{t('log.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.createdAt}>{fmt.dateTime(e.createdAt)}</time>
                  </td>
                  <td>
                    {e.actor ? (
                      <>
                        <bdi>{e.actor.displayName}</bdi>
                        <br />
                        <bdi className="muted">{e.actor.affiliation}</bdi>
                      </>
                    ) : (
                      <span className="muted">{t('log.formerUser')}</span>
                    )}
                  </td>
                  <td>
                    <span className={`badge log-${e.action}`}>{t(`log.action.${e.action}`)}</span>
                    {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                      <span className="muted log-change">
                        {' '}
                        {t('log.change', {
                          from: t(`status.${e.fromStatus}`, { defaultValue: e.fromStatus }),
                          to: t(`status.${e.toStatus}`, { defaultValue: e.toStatus }),
                        })}
                      </span>
                    )}
                  </td>
                  <td className="log-comment">
                    {e.commentAuthor && <strong>{e.commentAuthor}: </strong>}
                    {e.commentExcerpt}
                  </td>
                  <td>
                    <LogReason action={e.action} reason={e.reason} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LogStaffNotes notes={log.data?.pages[0]?.staffNotes ?? []} />
      {log.hasNextPage && (
        <p>
          <button
            type="button"
            className="button secondary"
            onClick={() => void log.fetchNextPage()}
            disabled={log.isFetchingNextPage}
          >
            {log.isFetchingNextPage ? t('common:loading') : t('common:actions.loadMore')}
          </button>
        </p>
      )}
    </div>
  );
}
