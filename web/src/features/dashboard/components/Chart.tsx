import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// Only what the dashboard draws: bars and a line.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

export const COLORS = { contributions: '#0a4a7a', contributors: '#2a8a7e' };

export interface Series {
  label: string;
  data: number[];
  color: string;
}

/**
 * A chart drawn on a canvas. It is an image to screen readers (`label` says what it shows and
 * that the numbers are in the table beside it); the table is the accessible version.
 */
export function ChartCanvas({
  type,
  labels,
  series,
  label,
  horizontal = false,
  height,
}: {
  type: 'bar' | 'line';
  labels: string[];
  series: Series[];
  label: string;
  horizontal?: boolean;
  height: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  // Right to left (Arabic): the chart mirrors, as the page does. Horizontal bars grow leftwards
  // from an axis at the right, with their labels at the right; a chart over days runs from
  // the right (the first day) to the left, its count axis at the right.
  const { i18n } = useTranslation();
  const rtl = i18n.dir(i18n.resolvedLanguage) === 'rtl';
  const key = JSON.stringify({ type, labels, series, horizontal, rtl });
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const {
      type: kind,
      labels: l,
      series: s,
      horizontal: h,
      rtl: r,
    } = JSON.parse(key) as {
      type: 'bar' | 'line';
      labels: string[];
      series: Series[];
      horizontal: boolean;
      rtl: boolean;
    };
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const config: ChartConfiguration<'bar' | 'line'> = {
      type: kind,
      data: {
        labels: l,
        datasets: s.map((x) => ({
          label: x.label,
          data: x.data,
          backgroundColor: x.color,
          borderColor: x.color,
          borderWidth: kind === 'line' ? 2 : 0,
          pointRadius: kind === 'line' ? 3 : 0,
          tension: 0.2,
        })),
      },
      options: {
        indexAxis: h ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: reduced ? false : { duration: 300 },
        plugins: {
          legend: { display: s.length > 1, position: 'bottom', rtl: r },
          tooltip: { rtl: r },
        },
        scales: {
          // The value axis: in RTL, horizontal bars start at the right (reversed); vertical ones
          // keep growing upwards, their axis on the right.
          [h ? 'x' : 'y']: {
            beginAtZero: true,
            ticks: { precision: 0 },
            ...(r ? (h ? { reverse: true } : { position: 'right' as const }) : {}),
          },
          // The category axis: in RTL, labels at the right of horizontal bars, days from the right.
          [h ? 'y' : 'x']: {
            ...(r ? (h ? { position: 'right' as const } : { reverse: true }) : {}),
            ticks: {
              autoSkip: !h,
              // Long labels (questions, categories) are cut on the chart; the table has them whole.
              callback(this: { getLabelForValue: (v: number) => string }, value: string | number) {
                const text = this.getLabelForValue(Number(value));
                return text.length > 28 ? `${text.slice(0, 27)}…` : text;
              },
            },
          },
        },
      },
    };
    const chart = new Chart(canvas, config);
    return () => chart.destroy();
  }, [key]);
  return (
    <div className="chart-box" style={{ height }}>
      <canvas ref={ref} role="img" aria-label={label} />
    </div>
  );
}
