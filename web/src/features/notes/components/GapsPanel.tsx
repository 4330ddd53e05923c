import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useFormat } from '../../../i18n/format';
import { useGaps } from '../api/getGaps';

/** Who has not been heard: categories and questions with no or few highlighted contributions. */
export function GapsPanel({ slug }: { slug: string }) {
  const { t } = useTranslation('notes');
  const f = useFormat();
  const gaps = useGaps(slug);
  if (gaps.isPending) return <p role="status">{t('common:loading')}</p>;
  if (gaps.isError)
    return (
      <div>
        <ErrorMessage error={gaps.error} />
        <button type="button" className="button secondary" onClick={() => void gaps.refetch()}>
          {t('common:errors.retry')}
        </button>
      </div>
    );
  const { categories, questions, threshold } = gaps.data;
  const state = (highlighted: number, published: number) =>
    published === 0
      ? t('gaps.noContribution')
      : highlighted === 0
        ? t('gaps.noneHighlighted')
        : t('gaps.fewHighlighted');
  return (
    <div className="gaps">
      <p className="muted">{t('gaps.intro', { count: threshold, n: f.number(threshold) })}</p>
      <h3 id="gaps-categories">{t('gaps.categories')}</h3>
      {categories.length === 0 ? (
        <p>{t('gaps.allCategories')}</p>
      ) : (
        <div className="table-wrap">
          <table className="gaps-table" aria-labelledby="gaps-categories">
            <thead>
              <tr>
                <th scope="col">{t('gaps.col.category')}</th>
                <th scope="col" className="num">
                  {t('gaps.col.highlighted')}
                </th>
                <th scope="col" className="num">
                  {t('gaps.col.published')}
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.category}>
                  <th scope="row">
                    {t(`common:category.${c.category}`)}
                    <span className="gaps-state">{state(c.highlighted, c.published)}</span>
                  </th>
                  <td className="num">{f.number(c.highlighted)}</td>
                  <td className="num">{f.number(c.published)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 id="gaps-questions">{t('gaps.questions')}</h3>
      {questions.length === 0 ? (
        <p>{t('gaps.allQuestions')}</p>
      ) : (
        <div className="table-wrap">
          <table className="gaps-table" aria-labelledby="gaps-questions">
            <thead>
              <tr>
                <th scope="col">{t('gaps.col.question')}</th>
                <th scope="col" className="num">
                  {t('gaps.col.highlighted')}
                </th>
                <th scope="col" className="num">
                  {t('gaps.col.published')}
                </th>
              </tr>
            </thead>
            <tbody>
              {questions.map((q) => (
                <tr key={q.questionId ?? 'none'}>
                  <th scope="row">
                    <span className="gaps-question">
                      {q.position !== null ? t('contrib.question', { n: q.position }) : t('contrib.general')}
                    </span>{' '}
                    <span className="gaps-question-text">{q.text}</span>
                    <span className="gaps-state">{state(q.highlighted, q.published)}</span>
                  </th>
                  <td className="num">{f.number(q.highlighted)}</td>
                  <td className="num">{f.number(q.published)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to={`/spaces/${slug}/dashboard`}>{t('gaps.toDashboard')}</Link>
      </p>
    </div>
  );
}
