import type { CommentDto } from '@convene/shared';
import { useQuery } from '@tanstack/react-query';
import { Suspense, lazy, memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AffiliationMarks } from '../../affiliations/components/AffiliationMarks';
import { Link } from 'react-router';
import { countryName } from '../../../i18n/format';
import { meQuery } from '../../auth/api/me';
import { isNewFor, useDiscussion, useDiscussionTexts } from '../context';
import { useCommentCache } from '../hooks/useCommentCache';
import { targetKey } from '../lib/drafts';
import { focusWhenReady } from '../lib/focus';
import { formatBytes, formatDateTime, langAttr } from '../lib/intl';
import { tagLabel, tagShortName } from '../lib/tags';
import { type ThreadNode, indents } from '../lib/tree';
import { LazyHighlightToggle } from '../../moderation/components/LazyHighlightToggle';

import { TranslatedBody } from './translations/TranslatedBody';
import { AffiliationAfter } from '../../../lib/punctuation';

// Loaded when first needed, not with the page: the composer when a person opens it, the report
// dialog when they report, the translation editor only for staff who may translate.
const Composer = lazy(() => import('./Composer'));
const ReportDialog = lazy(() => import('./ReportDialog').then((m) => ({ default: m.ReportDialog })));
const TranslationEditor = lazy(() =>
  import('./translations/TranslationEditor').then((m) => ({ default: m.TranslationEditor })),
);

function OwnStatus({ comment }: { comment: CommentDto }) {
  const { t } = useDiscussionTexts();
  const { t: ti } = useTranslation('identity');
  // Held out of the moderation queue until its author verifies their address (UNVERIFIED_COMMENTS=hold).
  const held = useQuery(meQuery).data?.account?.commentsHeld === true;
  if (comment.status === 'pending' && held) {
    return (
      <p className="comment-status">
        <span className="badge warn">{ti('held.badge')}</span> <span className="muted">{ti('held.explain')}</span>
      </p>
    );
  }
  if (comment.status === 'pending') {
    return (
      <p className="comment-status">
        <span className="badge warn">{t('comment.pending')}</span> <span className="muted">{t('comment.onlyYou')}</span>
      </p>
    );
  }
  if (comment.status === 'rejected') {
    return (
      <div className="comment-status">
        <p>
          <span className="badge danger">{t('comment.rejected')}</span>{' '}
          <span className="muted">{t('comment.onlyYouRejected')}</span>
        </p>
        {comment.reason && <p className="comment-reason">{t('comment.reason', { reason: comment.reason })}</p>}
        {comment.abilities.edit && <p className="muted">{t('comment.rejectedCanEdit')}</p>}
      </div>
    );
  }
  if (comment.pendingRevision) {
    return (
      <div className="comment-status">
        <p>
          <span className="badge warn">{t('comment.revisionBadge')}</span>{' '}
          <span className="muted">{t('comment.revisionPending')}</span>
        </p>
        <details className="pending-revision">
          <summary>{t('comment.showRevision')}</summary>
          <div
            className="prose comment-body"
            lang={langAttr(comment.language)}
            dir="auto"
            dangerouslySetInnerHTML={{ __html: comment.pendingRevision.bodyHtml }}
          />
        </details>
      </div>
    );
  }
  return null;
}

function Tags({ tags }: { tags: CommentDto['tags'] }) {
  const { t, i18n } = useDiscussionTexts();
  if (tags.length === 0) return null;
  return (
    <ul className="comment-tags" aria-label={t('comment.tags')}>
      {tags.map((tag) => {
        const label = tagLabel(tag, i18n.language);
        const name = tagShortName(t, tag, label);
        return (
          <li key={tag.id}>
            {/* The short name on screen, the objective's full wording as the tooltip. */}
            <Link
              to={{ search: `?tag=${encodeURIComponent(tag.slug)}` }}
              className="tag"
              title={label}
              aria-label={`${t('comment.tagName', { code: tag.code, name })} (${t('comment.tagShow')})`}
            >
              <span className="tag-code">{tag.code}</span> <span className="tag-name">{name}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

const fileType = (name: string) => /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toUpperCase() ?? 'FILE';

function Attachments({ attachments }: { attachments: CommentDto['attachments'] }) {
  const { t, i18n } = useDiscussionTexts();
  if (attachments.length === 0) return null;
  return (
    <ul className="comment-attachments" aria-label={t('comment.attachments')}>
      {attachments.map((a) => (
        <li key={a.id}>
          <span aria-hidden="true" className="file-type">
            {fileType(a.filename)}
          </span>{' '}
          <a href={a.url} download={a.filename}>
            {a.filename}
          </a>{' '}
          <span className="muted">({formatBytes(a.size, i18n.language)})</span>
        </li>
      ))}
    </ul>
  );
}

type Open = null | 'reply' | 'edit';
type Opened = { what: Open; byUser: boolean };

/** One comment. Memoized: a live change re-renders the comment concerned, not its neighbours. */
export const CommentItem = memo(function CommentItem({
  comment,
  showQuestion,
}: {
  comment: CommentDto;
  /** In search results: which question it answers. */
  showQuestion?: string | undefined;
}) {
  const { t, i18n } = useDiscussionTexts();
  const d = useDiscussion();
  const [opened, setOpened] = useState<Opened>(() => ({
    what: d.drafts.has(targetKey({ kind: 'edit', commentId: comment.id }))
      ? 'edit'
      : d.drafts.has(targetKey({ kind: 'reply', parentId: comment.id }))
        ? 'reply'
        : null,
    byUser: false,
  }));
  const open = opened.what;
  const setOpen = (what: Open) => setOpened({ what, byUser: true });
  const lng = i18n.language;
  const mine = d.meId !== null && comment.author.id === d.meId;
  const isNew = isNewFor(d, comment);
  const when = comment.publishedAt ?? comment.createdAt;
  const headingId = `comment-${comment.id}-author`;
  const canReply = d.canPost && comment.status === 'approved';
  const country = countryName(comment.author.country, lng);
  const replyButtonId = `reply-${comment.id}`;
  const editButtonId = `edit-${comment.id}`;
  const reportButtonId = `report-${comment.id}`;
  const cache = useCommentCache(d.slug);
  const [reporting, setReporting] = useState(false);
  const [justReported, setJustReported] = useState(false);
  // Reported by this viewer: from the API (after a reload too) or just now. Latched, because a
  // live update carries the public copy of the comment, which knows nothing of this viewer.
  const [reportedSeen, setReportedSeen] = useState(comment.reportedByMe);
  if (comment.reportedByMe && !reportedSeen) setReportedSeen(true);
  const reported = comment.reportedByMe || reportedSeen || justReported;

  const close = (focusId: string) => {
    setOpen(null);
    focusWhenReady(focusId);
  };

  const [copied, setCopied] = useState<null | 'done' | 'failed'>(null);
  const permalink = `${window.location.origin}/spaces/${encodeURIComponent(d.slug)}#comment-${comment.id}`;
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(permalink);
      setCopied('done');
      d.announce(t('comment.linkCopied'));
    } catch {
      // No clipboard (permission refused, insecure page): the address is shown to copy by hand.
      setCopied('failed');
    }
  };

  return (
    <article
      id={`comment-${comment.id}`}
      className={`comment${isNew ? ' is-new' : ''}${mine ? ' is-own' : ''}${comment.status !== 'approved' ? ' is-unpublished' : ''}`}
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <header className="comment-header">
        <h3 id={headingId} className="comment-author">
          <bdi>{comment.author.displayName}</bdi>
          <AffiliationAfter affiliation={comment.author.affiliation} className="comment-affiliation" />
          <AffiliationMarks person={comment.author} />
        </h3>
        <p className="comment-meta">
          <span className="badge category">{t(`common:category.${comment.author.stakeholderCategory}`)}</span>
          {country && <span>{country}</span>}
          {/* The date is the comment's permalink. */}
          <a href={`#comment-${comment.id}`} className="comment-permalink">
            <time dateTime={when}>{formatDateTime(when, lng)}</time>
          </a>
          <span>{t(`common:contentLanguage.${comment.language}`)}</span>
          {comment.editedAt && (
            <span className="comment-edited" title={formatDateTime(comment.editedAt, lng)}>
              {t('comment.edited')}
            </span>
          )}
          {isNew && <span className="badge new">{t('comment.new')}</span>}
          {comment.highlighted && <span className="badge highlight">{t('comment.highlighted')}</span>}
        </p>
        {showQuestion && <p className="comment-question">{showQuestion}</p>}
        {comment.inReplyTo && (
          <p className="comment-reply-to">
            {t('comment.inReplyTo')} <a href={`#comment-${comment.inReplyTo.id}`}>{comment.inReplyTo.authorName}</a>
          </p>
        )}
      </header>
      {mine && <OwnStatus comment={comment} />}
      {open === 'edit' ? (
        <Suspense fallback={<p className="muted">{t('common:loading')}</p>}>
          <Composer
            target={{ kind: 'edit', commentId: comment.id }}
            comment={comment}
            focusOnMount={opened.byUser}
            onDone={() => {
              setOpen(null);
              focusWhenReady(`comment-${comment.id}`);
            }}
            onCancel={() => close(editButtonId)}
          />
        </Suspense>
      ) : (
        <TranslatedBody comment={comment} />
      )}
      <Tags tags={comment.tags} />
      <Attachments attachments={comment.attachments} />
      <div className="comment-actions">
        {/* Chairs curate from the discussion itself: "relevant for the note". */}
        {comment.abilities.highlight && <LazyHighlightToggle comment={comment} describedBy={headingId} />}
        {canReply && (
          <button
            type="button"
            id={replyButtonId}
            className="link-button"
            aria-expanded={open === 'reply'}
            onClick={() => setOpen(open === 'reply' ? null : 'reply')}
          >
            {t('actions.reply')}
            <span className="visually-hidden"> {t('actions.toAuthor', { name: comment.author.displayName })}</span>
          </button>
        )}
        {comment.abilities.edit && (
          <button
            type="button"
            id={editButtonId}
            className="link-button"
            aria-expanded={open === 'edit'}
            onClick={() => setOpen(open === 'edit' ? null : 'edit')}
          >
            {t('actions.edit')}
          </button>
        )}
        {comment.abilities.withdraw && (
          <button
            type="button"
            className="link-button"
            onClick={(e) => d.openDialog({ kind: 'withdraw', comment, opener: e.currentTarget })}
          >
            {t('actions.withdraw')}
          </button>
        )}
        {comment.abilities.report && !mine && !reported && (
          <button
            type="button"
            id={reportButtonId}
            className="link-button"
            aria-haspopup="dialog"
            aria-label={t('actions.reportComment', { name: comment.author.displayName })}
            onClick={() => setReporting(true)}
          >
            {t('actions.report')}
          </button>
        )}
        {reported && !mine && (
          // Focusable (aria-disabled, not disabled) so focus can come back here from the dialog.
          <button
            type="button"
            id={reportButtonId}
            className="link-button is-reported"
            aria-disabled="true"
            aria-label={t('actions.reportedComment', { name: comment.author.displayName })}
          >
            <span aria-hidden="true">✓ </span>
            {t('actions.reported')}
          </button>
        )}
        <button type="button" className="link-button" onClick={() => void copyLink()}>
          {t('actions.copyLink')}
          <span className="visually-hidden"> {t('actions.copyLinkTo', { name: comment.author.displayName })}</span>
        </button>
        {copied === 'done' && (
          <span className="copy-status" role="status">
            {t('comment.linkCopied')}
          </span>
        )}
        {copied === 'failed' && (
          <span className="copy-status" role="status">
            {t('comment.copyFailed')} <input readOnly value={permalink} aria-label={t('actions.copyLink')} />
          </span>
        )}
      </div>
      {comment.abilities.translate && (
        <div className="comment-translate">
          <Suspense fallback={null}>
            <TranslationEditor comment={comment} describedBy={headingId} />
          </Suspense>
        </div>
      )}
      {justReported && (
        <p className="comment-report-done" id={`report-done-${comment.id}`}>
          {t('report.done')}
        </p>
      )}
      {reporting && (
        <Suspense fallback={null}>
          <ReportDialog
            comment={comment}
            onReported={() => {
              cache.update(comment.id, (c) => ({
                ...c,
                reportedByMe: true,
                abilities: { ...c.abilities, report: false },
              }));
              setJustReported(true);
              d.announce(t('report.done'));
            }}
            onClose={() => {
              setReporting(false);
              requestAnimationFrame(() => document.getElementById(reportButtonId)?.focus());
            }}
          />
        </Suspense>
      )}
      {open === 'reply' && (
        <Suspense fallback={<p className="muted">{t('common:loading')}</p>}>
          <Composer
            target={{ kind: 'reply', parentId: comment.id }}
            parent={comment}
            focusOnMount={opened.byUser}
            onDone={(reply) => {
              setOpen(null);
              focusWhenReady(`comment-${reply.id}`, replyButtonId);
            }}
            onCancel={() => close(replyButtonId)}
          />
        </Suspense>
      )}
    </article>
  );
});

/** Replies a thread shows before "Show N more replies". */
export const REPLIES_SHOWN = 3;

const size = (n: ThreadNode): number => 1 + n.replies.reduce((sum, r) => sum + size(r), 0);
const holds = (n: ThreadNode, id: string): boolean => n.comment.id === id || n.replies.some((r) => holds(r, id));
const hashId = () => /^#comment-([0-9a-f-]{36})$/i.exec(window.location.hash)?.[1]?.toLowerCase() ?? '';

/** A comment and its replies; indentation stops after three levels; long threads fold. */
export const CommentThread = memo(function CommentThread({ node, depth }: { node: ThreadNode; depth: number }) {
  const { t } = useDiscussionTexts();
  const folded = node.replies.slice(REPLIES_SHOWN);
  // A permalink to a folded reply unfolds its thread (at once, and when the address changes).
  const [all, setAll] = useState(() => folded.some((r) => holds(r, hashId())));
  const foldsSome = folded.length > 0 && !all;
  useEffect(() => {
    if (!foldsSome) return;
    const onHash = () => {
      if (folded.some((r) => holds(r, hashId()))) setAll(true);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  });
  const shown = foldsSome ? node.replies.slice(0, REPLIES_SHOWN) : node.replies;
  const hidden = foldsSome ? folded.reduce((sum, r) => sum + size(r), 0) : 0;
  return (
    <li className={`thread-item${indents(depth) ? ' indented' : ''}`}>
      <CommentItem comment={node.comment} />
      {node.replies.length > 0 && (
        <ol className="thread replies">
          {shown.map((r) => (
            <CommentThread key={r.comment.id} node={r} depth={depth + 1} />
          ))}
          {foldsSome && (
            <li className="thread-more">
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setAll(true);
                  const first = folded[0];
                  if (first) focusWhenReady(`comment-${first.comment.id}`);
                }}
              >
                {t('thread.more', { count: hidden })}
                <span className="visually-hidden">
                  {' '}
                  {t('actions.toAuthor', { name: node.comment.author.displayName })}
                </span>
              </button>
            </li>
          )}
        </ol>
      )}
    </li>
  );
});
