import type { CommentDto, Decision, QueueItem } from '@convene/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AffiliationMarks } from '../../affiliations/components/AffiliationMarks';
import { Link } from 'react-router';
import { countryName, useFormat } from '../../../i18n/format';
import { availableDecisions, decisionVerb } from '../lib/decisions';
import type { PresetReason } from '../lib/reasons';
import { HighlightToggle } from './HighlightToggle';
import { type RejectDraft, RejectForm } from './RejectForm';
import { RevisionDiff } from './RevisionDiff';
import { StaffNotes } from './StaffNotes';
import { tagLabel } from '../../discussion/lib/tags';
import { Quote, useNameSeparator } from '../../../lib/punctuation';

export interface QueueItemCardProps {
  item: QueueItem;
  /** The cross-space queue names each item's space. */
  showSpace: boolean;
  selected: boolean;
  onToggleSelect: () => void;
  onDecide: (action: Decision, preset?: PresetReason, message?: string) => void;
  rejectOpen: boolean;
  onRejectOpen: (open: boolean) => void;
  draft: RejectDraft;
  onDraft: (draft: RejectDraft) => void;
  onHighlighted: (comment: CommentDto) => void;
  now: number;
  /** The compact view's one line (author, kind, excerpt, time); it opens when focused. */
  collapsed?: boolean;
  /** In the compact view, even open items can be reached with Tab. */
  compact?: boolean;
}

/** The first words of a comment as plain text, for the compact view's one line. */
function excerptOf(item: QueueItem): string {
  const html = item.kind === 'revision' && item.revision ? item.revision.proposedHtml : item.comment.bodyHtml;
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** One item of the queue with everything needed to decide it without leaving the page. */
export function QueueItemCard({
  item,
  showSpace,
  selected,
  onToggleSelect,
  onDecide,
  rejectOpen,
  onRejectOpen,
  draft,
  onDraft,
  onHighlighted,
  now,
  collapsed = false,
  compact = false,
}: QueueItemCardProps) {
  const { t, i18n } = useTranslation('moderation');
  const sep = useNameSeparator();
  const fmt = useFormat();
  const c = item.comment;
  const id = c.id;
  const headingId = `item-${id}-heading`;
  const lang = c.language === 'other' ? undefined : c.language;
  const decisions = availableDecisions(item);
  const canReject = decisions.includes('reject');
  const waitedMs = Math.max(0, now - new Date(item.waitingSince).getTime());
  const rejectButtonId = `item-${id}-reject`;
  const excerpt = useMemo(() => (collapsed ? excerptOf(item) : ''), [collapsed, item]);
  const waited = (
    <time dateTime={item.waitingSince} title={fmt.dateTime(item.waitingSince)}>
      {waitedMs < 60_000 ? t('item.justNow') : fmt.relative(item.waitingSince)}
    </time>
  );

  return (
    <article
      className={collapsed ? 'queue-item queue-item-compact' : compact ? 'queue-item queue-item-open' : 'queue-item'}
      tabIndex={compact ? 0 : -1}
      aria-labelledby={headingId}
      aria-describedby={collapsed ? `item-${id}-excerpt` : undefined}
      data-comment-id={id}
      data-collapsed={collapsed ? '' : undefined}
    >
      <header className="queue-item-header">
        {decisions.length > 0 ? (
          <label className="select-box">
            <input type="checkbox" checked={selected} onChange={onToggleSelect} />
            <span className="visually-hidden">{t('item.select', { author: c.author.displayName })}</span>
          </label>
        ) : (
          <span className="select-box" />
        )}
        <div className="queue-item-who">
          <h2 id={headingId} className="queue-item-title">
            <span className="visually-hidden">{t(`kind.${item.kind}`)}: </span>
            <bdi>{c.author.displayName}</bdi>
          </h2>
          <AffiliationMarks person={c.author} />
          {collapsed ? (
            <span className="queue-item-excerpt" id={`item-${id}-excerpt`} lang={lang}>
              {excerpt}
            </span>
          ) : (
            <p className="queue-item-affiliation">
              <bdi>{c.author.affiliation}</bdi>
              {c.author.country && <> · {countryName(c.author.country, i18n.language)}</>}
            </p>
          )}
        </div>
        <p className="queue-item-badges">
          <span className={`badge kind-${item.kind}${item.kind === 'decided' ? ` status-${c.status}` : ''}`}>
            {item.kind === 'decided' ? t(`status.${c.status}`) : t(`kind.${item.kind}`)}
          </span>
          {!collapsed && <span className="badge">{t(`common:category.${c.author.stakeholderCategory}`)}</span>}
          {showSpace && (
            <Link className="badge space-badge" to={`/spaces/${item.space.slug}/moderation`} title={item.space.title}>
              {item.space.code}
            </Link>
          )}
          {c.highlighted && <span className="badge ok">{t('highlight.marked')}</span>}
          {collapsed && (
            <span className="queue-item-when muted">
              {item.kind === 'decided' && item.decidedAt ? (
                <time dateTime={item.decidedAt}>{fmt.dateTime(item.decidedAt)}</time>
              ) : (
                waited
              )}
            </span>
          )}
        </p>
      </header>
      {!collapsed && (
        <>
          <dl className="queue-item-facts">
            <div>
              <dt>{item.kind === 'decided' ? t('item.decided') : t('item.waiting')}</dt>
              <dd>
                {item.kind === 'decided' && item.decidedAt ? (
                  <>
                    {item.decidedBy ? t('item.decidedBy', { name: item.decidedBy }) + sep : ''}
                    <time dateTime={item.decidedAt}>{fmt.dateTime(item.decidedAt)}</time>
                  </>
                ) : (
                  waited
                )}
              </dd>
            </div>
            <div>
              <dt>{t('item.record')}</dt>
              <dd>
                {t('item.recordValue', {
                  approved: item.authorRecord.approved,
                  rejected: item.authorRecord.rejected,
                  pending: item.authorRecord.pending,
                })}
              </dd>
            </div>
            <div>
              <dt>{t('item.language')}</dt>
              <dd>{t(`common:contentLanguage.${c.language}`)}</dd>
            </div>
          </dl>

          <div className="queue-context">
            {item.question ? (
              <p className="context-question">
                <span className="context-label">{t('item.question', { n: item.question.position })}</span>{' '}
                <bdi>{item.question.text}</bdi>
              </p>
            ) : (
              !item.parent && <p className="context-question context-label">{t('item.general')}</p>
            )}
            {item.parent && (
              <div className="context-parent">
                <p className="context-label">
                  {t('item.inReplyTo', { name: item.parent.authorName })}
                  {item.parent.status !== 'approved' && <> ({t(`status.${item.parent.status}`)})</>}
                </p>
                <blockquote>{item.parent.excerpt}</blockquote>
              </div>
            )}
          </div>

          {item.kind === 'revision' && item.revision ? (
            <RevisionDiff
              publishedMd={item.revision.publishedMd}
              proposedMd={item.revision.proposedMd}
              proposedHtml={item.revision.proposedHtml}
              language={c.language}
            />
          ) : (
            <div
              className="prose staff-comment-body"
              lang={lang}
              dir="auto"
              dangerouslySetInnerHTML={{ __html: c.bodyHtml }}
            />
          )}

          {(c.tags.length > 0 || c.attachments.length > 0) && (
            <div className="queue-item-extras">
              {c.tags.length > 0 && (
                <ul className="tag-list" aria-label={t('item.tags')}>
                  {c.tags.map((tag) => (
                    <li key={tag.id} className="badge" title={tagLabel(tag, i18n.language)}>
                      {t('item.objective', { code: tag.code })}
                    </li>
                  ))}
                </ul>
              )}
              {c.attachments.length > 0 && (
                <ul className="attachment-list" aria-label={t('item.attachments')}>
                  {c.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={a.url} download>
                        {a.filename}
                      </a>{' '}
                      <span className="muted">({fmt.bytes(a.size)})</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}

          {item.reports.length > 0 && (
            <section className="queue-reports" aria-label={t('item.reportsLabel', { count: item.reports.length })}>
              <p className="context-label">{t('item.reports', { count: item.reports.length })}</p>
              <ul>
                {item.reports.map((r, i) => (
                  <li key={i}>
                    <span className="badge report-category">{t(`reportCategory.${r.category}`)}</span>{' '}
                    {r.note && (
                      <Quote>
                        <bdi>{r.note}</bdi>
                      </Quote>
                    )}{' '}
                    <span className="muted">
                      — {r.reporter}
                      {sep}
                      <time dateTime={r.createdAt}>{fmt.dateTime(r.createdAt)}</time>
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <StaffNotes item={item} describedBy={headingId} />

          {c.status === 'rejected' && c.reason && (
            <p className="queue-reason">
              <span className="context-label">{t('item.reasonGiven')}</span> {c.reason}
            </p>
          )}

          <div className="queue-actions">
            {decisions
              .filter((d) => d !== 'reject')
              .map((d) => (
                <button
                  key={d}
                  type="button"
                  className="button"
                  aria-describedby={headingId}
                  onClick={() => onDecide(d)}
                >
                  {t(`action.${decisionVerb(item, d)}`)}
                </button>
              ))}
            {canReject && (
              <button
                id={rejectButtonId}
                type="button"
                className="button secondary danger-outline"
                aria-expanded={rejectOpen}
                aria-describedby={headingId}
                onClick={() => onRejectOpen(!rejectOpen)}
              >
                {t(`action.${decisionVerb(item, 'reject')}`)}…
              </button>
            )}
            {c.status === 'approved' && c.abilities.highlight && (
              <HighlightToggle comment={c} describedBy={headingId} onChanged={onHighlighted} />
            )}
          </div>
          {rejectOpen && canReject && (
            <RejectForm
              idBase={`item-${id}-reject`}
              draft={draft}
              onDraft={onDraft}
              describedBy={headingId}
              submitLabel={t(`action.${decisionVerb(item, 'reject')}`)}
              onSubmit={(preset, message) => onDecide('reject', preset, message)}
              onCancel={() => {
                onRejectOpen(false);
                document.getElementById(rejectButtonId)?.focus();
              }}
            />
          )}
        </>
      )}
    </article>
  );
}
