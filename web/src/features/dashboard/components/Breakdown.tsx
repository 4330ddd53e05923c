import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { COLORS, ChartCanvas } from './Chart';

export interface Row {
  key: string;
  /** Full label, in the table. */
  label: string;
  /** Short label on the chart (defaults to the full one). */
  short?: string;
  contributions: number;
  contributors?: number;
}

/**
 * One breakdown of participation: a heading, a chart and the same numbers as a table beside it.
 * The chart is for the eye; the table is for everyone (screen readers, copying into a report).
 */
export function Breakdown({
  id,
  title,
  intro,
  rows,
  kind = 'bar',
  horizontal = true,
  chartRows,
  firstColumn,
  chart,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  rows: Row[];
  kind?: 'bar' | 'line';
  horizontal?: boolean;
  /** Rows drawn on the chart when not all of them (e.g. the top 15 countries). */
  chartRows?: Row[];
  firstColumn: string;
  /** A chart drawn otherwise than on the canvas (the days, as SVG bars). */
  chart?: ReactNode;
}) {
  const { t } = useTranslation('dashboard');
  const fmt = useFormat();
  const withContributors = rows.some((r) => r.contributors !== undefined);
  const drawn = chartRows ?? rows;
  const series = [
    { label: t('contributions'), data: drawn.map((r) => r.contributions), color: COLORS.contributions },
    ...(withContributors
      ? [{ label: t('contributors'), data: drawn.map((r) => r.contributors ?? 0), color: COLORS.contributors }]
      : []),
  ];
  const height = kind === 'bar' && horizontal ? Math.max(160, drawn.length * (withContributors ? 34 : 24) + 70) : 260;
  const captionId = `${id}-caption`;
  return (
    <section className="breakdown" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro}
      {rows.length === 0 ? (
        <p className="muted">{t('noData')}</p>
      ) : (
        <div className="chart-pair">
          {chart ?? (
            <ChartCanvas
              type={kind}
              horizontal={horizontal}
              labels={drawn.map((r) => r.short ?? r.label)}
              series={series}
              height={height}
              label={t('chartLabel', { title })}
            />
          )}
          <div className="table-scroll table-limit" role="region" aria-labelledby={captionId} tabIndex={0}>
            <table className="data-table">
              <caption id={captionId}>{t('tableCaption', { title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{firstColumn}</th>
                  {withContributors && (
                    <th scope="col" className="num">
                      {t('contributors')}
                    </th>
                  )}
                  <th scope="col" className="num">
                    {t('contributions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    {withContributors && <td className="num">{fmt.number(r.contributors ?? 0)}</td>}
                    <td className="num">{fmt.number(r.contributions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
