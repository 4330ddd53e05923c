import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { COLORS } from './Chart';

export interface Day {
  /** YYYY-MM-DD (UTC). */
  date: string;
  /** The day as shown, in the interface language. */
  label: string;
  contributions: number;
}

/** Bar-area geometry, in the SVG's own units (it is stretched to the box's width). */
const SLOT = 10;
const GAP = 2;
const HEIGHT = 100;

/** Axis maximum: the count itself up to 5, else 1, 2, 5 × 10ⁿ at or above it. */
function axisMax(max: number): number {
  if (max <= 5) return Math.max(1, Math.ceil(max));
  const pow = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * pow >= max) return m * pow;
  return 10 * pow;
}

/**
 * Contributions per day as bars: a day is a count, not a point on a trend, so each one stands
 * on its own and a quiet day is an empty slot, not a dip in a smoothed line. Drawn in SVG (one
 * `rect` per day, its date and count in a tooltip); it is an image to screen readers, and the
 * same numbers are in the table beside it and summed up in the sentence above.
 */
export function DayBars({ days, label }: { days: Day[]; label: string }) {
  const { t } = useTranslation('dashboard');
  const fmt = useFormat();
  const max = axisMax(Math.max(0, ...days.map((d) => d.contributions)));
  const width = days.length * SLOT;
  const ticks =
    max <= 5
      ? Array.from({ length: max + 1 }, (_, i) => max - i)
      : [max, max / 2, 0].filter((v, i, a) => Number.isInteger(v) && a.indexOf(v) === i);
  // The first, middle and last days are named under their bars.
  const named = [...new Set([0, days.length > 2 ? Math.floor((days.length - 1) / 2) : 0, days.length - 1])];
  return (
    <div className="day-bars">
      <div className="day-bars-plot">
        <ul className="day-bars-y" aria-hidden="true">
          {ticks.map((v) => (
            <li key={v} style={{ bottom: `${(v / max) * 100}%` }}>
              {fmt.number(v)}
            </li>
          ))}
        </ul>
        <svg
          className="day-bars-svg"
          viewBox={`0 0 ${width} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={label}
          data-chart="bars"
        >
          {ticks.map((v) => (
            <line
              key={v}
              x1={0}
              x2={width}
              y1={HEIGHT - (v / max) * HEIGHT}
              y2={HEIGHT - (v / max) * HEIGHT}
              className="day-bars-grid"
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {days.map((d, i) => {
            const h = (d.contributions / max) * HEIGHT;
            return (
              <rect
                key={d.date}
                data-date={d.date}
                data-count={d.contributions}
                x={i * SLOT + GAP / 2}
                width={SLOT - GAP}
                y={HEIGHT - h}
                height={h}
                fill={COLORS.contributions}
              >
                <title>{t('dayBar', { day: d.label, count: d.contributions })}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <ul className="day-bars-x" aria-hidden="true">
        {named.map((i) => (
          <li
            key={i}
            className={i === 0 ? 'first' : i === days.length - 1 ? 'last' : undefined}
            style={
              i === 0 || i === days.length - 1 ? undefined : { insetInlineStart: `${((i + 0.5) / days.length) * 100}%` }
            }
          >
            {days[i]?.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
