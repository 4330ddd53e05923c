import type { CommentDto, SpaceDetail } from '@convene/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { countryName, useFormat } from '../../../i18n/format';
import { HighlightToggle } from '../../moderation/components/HighlightToggle';
import { patchPublished, usePublished } from '../api/publishedComments';

/**
 * The chairs' curation: every published contribution with its "relevant for the note" toggle,
 * and a filter to see only the ones already marked. A comment unmarked while the filter is on
 * stays in view (its toggle shows the change) until the list is next loaded, so focus and
 * reading position are not lost.
 */
export function CurationList({
  space,
  highlightedOnly,
  onHighlightedOnly,
}: {
  space: SpaceDetail;
  highlightedOnly: boolean;
  onHighlightedOnly: (on: boolean) => void;
}) {
  const { t, i18n } = useTranslation('dashboard');
  const fmt = useFormat();
  const qc = useQueryClient();
  const list = usePublished(space.slug, highlightedOnly);
  const comments = (list.data?.pages.flatMap((p) => p.comments) ?? []).filter((c) => c.status === 'approved');
  const questionNumber = new Map(space.questions.map((q) => [q.id, q.position]));

  const onChanged = (c: CommentDto) => {
    patchPublished(qc, space.slug, c);
    void qc.invalidateQueries({ queryKey: ['participation', space.slug] });
  };

  return (
    <section className="curation" aria-labelledby="curation-title">
      <h2 id="curation-title">{t('curation.title')}</h2>
      <p className="muted">{t('curation.intro')}</p>
      <div className="curation-filter">
        <label>
          <input
            type="checkbox"
            checked={highlightedOnly}
            onChange={(e) => onHighlightedOnly(e.target.checked)}
            aria-controls="curation-results"
          />{' '}
          {t('curation.onlyHighlighted')}
        </label>
        <p className="muted" aria-live="polite">
          {list.isSuccess &&
            (list.hasNextPage
              ? t('curation.shownMore', { count: comments.length })
              : t('curation.shown', { count: comments.length }))}
        </p>
      </div>
      {list.isError && <ErrorMessage error={list.error} />}
      {/* Always rendered, so the filter's aria-controls names an element while the list loads. */}
      <div id="curation-results">
        {list.isPending ? (
          <p role="status">{t('common:loading')}</p>
        ) : comments.length === 0 ? (
          <p className="notice">{highlightedOnly ? t('curation.noneHighlighted') : t('curation.none')}</p>
        ) : (
          <ol className="curation-list">
            {comments.map((c) => {
              const headingId = `curation-${c.id}`;
              const q = c.questionId ? questionNumber.get(c.questionId) : undefined;
              return (
                <li key={c.id}>
                  <article className={c.highlighted ? 'curation-item on' : 'curation-item'} aria-labelledby={headingId}>
                    <header>
                      <h3 id={headingId}>
                        {c.author.displayName}
                        <span className="curation-affiliation">
                          {' '}
                          — {c.author.affiliation}
                          {c.author.country && `, ${countryName(c.author.country, i18n.language)}`}
                        </span>
                      </h3>
                      <p className="muted curation-meta">
                        {t(`common:category.${c.author.stakeholderCategory}`)} ·{' '}
                        {q ? t('curation.question', { n: q }) : t('curation.general')}
                        {c.inReplyTo && <> · {t('curation.reply', { name: c.inReplyTo.authorName })}</>} ·{' '}
                        {c.publishedAt && <time dateTime={c.publishedAt}>{fmt.date(c.publishedAt)}</time>}
                      </p>
                    </header>
                    <div
                      className="prose staff-comment-body"
                      lang={c.language === 'other' ? undefined : c.language}
                      dir="auto"
                      dangerouslySetInnerHTML={{ __html: c.bodyHtml }}
                    />
                    {c.abilities.highlight && (
                      <div className="queue-actions">
                        <HighlightToggle comment={c} describedBy={headingId} onChanged={onChanged} />
                      </div>
                    )}
                  </article>
                </li>
              );
            })}
          </ol>
        )}
      </div>
      {list.hasNextPage && (
        <p>
          <button
            type="button"
            className="button secondary"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {list.isFetchingNextPage ? t('common:loading') : t('common:actions.loadMore')}
          </button>
        </p>
      )}
    </section>
  );
}
