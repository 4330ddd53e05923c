import type { ReactNode } from 'react';
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
      <GapsTable
        labelledBy="gaps-categories"
        firstColumn={t('gaps.col.category')}
        empty={t('gaps.allCategories')}
        rows={categories.map((c) => ({
          key: c.category,
          label: t(`common:category.${c.category}`),
          state: state(c.highlighted, c.published),
          highlighted: c.highlighted,
          published: c.published,
        }))}
      />
      <h3 id="gaps-questions">{t('gaps.questions')}</h3>
      <GapsTable
        labelledBy="gaps-questions"
        firstColumn={t('gaps.col.question')}
        empty={t('gaps.allQuestions')}
        rows={questions.map((q) => ({
          key: q.questionId ?? 'none',
          label: (
            <>
              <span className="gaps-question">
                {q.position !== null ? t('contrib.question', { n: q.position }) : t('contrib.general')}
              </span>{' '}
              <span className="gaps-question-text">{q.text}</span>
            </>
          ),
          state: state(q.highlighted, q.published),
          highlighted: q.highlighted,
          published: q.published,
        }))}
      />
      <p>
        <Link to={`/spaces/${slug}/dashboard`}>{t('gaps.toDashboard')}</Link>
      </p>
    </div>
  );
}

interface GapRow {
  key: string;
  label: ReactNode;
  state: string;
  highlighted: number;
  published: number;
}

/** One table of the panel: a row per category or question, with its counts. */
function GapsTable({
  labelledBy,
  firstColumn,
  empty,
  rows,
}: {
  labelledBy: string;
  firstColumn: string;
  empty: string;
  rows: GapRow[];
}) {
  const { t } = useTranslation('notes');
  const f = useFormat();
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="gaps-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            <th scope="col" className="num">
              {t('gaps.col.highlighted')}
            </th>
            <th scope="col" className="num">
              {t('gaps.col.published')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                {r.label}
                <span className="gaps-state">{r.state}</span>
              </th>
              <td className="num">{f.number(r.highlighted)}</td>
              <td className="num">{f.number(r.published)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
