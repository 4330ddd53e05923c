import { useTranslation } from 'react-i18next';
import { useComments } from '../api/getComments';
import { useDiscussion } from '../context';
import { CommentList } from './CommentList';

/** Comments on the space as a whole (not on one question), shown only when there are some. */
export function GeneralSection() {
  const { t } = useTranslation('discussion');
  const d = useDiscussion();
  const query = useComments(d.slug, 'none', d.filters);
  const any = (query.data?.pages[0]?.comments.length ?? 0) > 0;
  if (!any) return null;
  return (
    <section className="question" aria-labelledby="q-none">
      <h2 id="q-none" tabIndex={-1} className="question-title">
        {t('general.title')}
      </h2>
      <CommentList list="none" label={t('general.title')} />
    </section>
  );
}
