import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ListView, useComments } from '../api/getComments';
import { useDiscussion } from '../context';
import { findComment } from '../lib/commentCache';
import { CommentList } from './CommentList';

/** Comments on the space as a whole (not on one question), shown only when there are some. */
export function GeneralSection({ linkedId = null }: { linkedId?: string | null }) {
  const { t } = useTranslation('discussion');
  const d = useDiscussion();
  const [from, setFrom] = useState<string | undefined>(undefined);
  const view = useMemo<ListView>(() => ({ order: 'oldest', from }), [from]);
  const query = useComments(d.slug, 'none', d.filters, view);
  // A permalink to a comment beyond the first page: the list starts at it.
  const [handled, setHandled] = useState<string | null>(null);
  if (linkedId && handled !== linkedId && query.isSuccess) {
    setHandled(linkedId);
    if (!findComment(query.data, linkedId)) setFrom(linkedId);
  }
  const any = (query.data?.pages[0]?.comments.length ?? 0) > 0;
  if (!any) return null;
  return (
    <section className="question" aria-labelledby="q-none">
      <h2 id="q-none" tabIndex={-1} className="question-title">
        {t('general.title')}
      </h2>
      <CommentList list="none" label={t('general.title')} view={view} onShowFromStart={() => setFrom(undefined)} />
    </section>
  );
}
