// Monthly imports of ferrosilicon and tungsten ore: one line per product, named at its end
// instead of in a legend, with an invisible point per month for the tooltips.
import type { Aggregate, Month } from '../../contract/index.ts';
import * as Plot from '@observablehq/plot';
import { datumChannel } from '../datum.ts';
import { fullMoney, listText, monthText, periodText, shortMoney, unitName } from '../format.ts';
import { textWidth } from '../layouts.ts';
import type { ChartSpec } from '../spec.ts';

interface Point {
  month: Month;
  date: Date;
  value: number;
}

interface Series {
  label: string;
  points: Point[];
}

/** Chart colours come in this many classes (chart__series-1…); more series reuse them. */
const COLOURS = 3;

function seriesOf(aggregate: Aggregate): Series[] {
  const byProduct = new Map<string, Series>();
  for (const row of aggregate.rows) {
    const key = String(row.product);
    let series = byProduct.get(key);
    if (!series) {
      series = { label: String(row.product_label ?? key), points: [] };
      byProduct.set(key, series);
    }
    const month = String(row.month);
    const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
    series.points.push({ month, date, value: Number(row.value) });
  }
  for (const series of byProduct.values()) series.points.sort((a, b) => a.date.getTime() - b.date.getTime());
  return [...byProduct.values()];
}

/** The longest stretch of months with no trade, when there is one of two months or more. */
function longestGap(points: Point[]): [Point, Point] | undefined {
  let best: [Point, Point] | undefined;
  let length = 0;
  let start = 0;
  points.forEach((point, k) => {
    if (point.value !== 0) {
      start = k + 1;
    } else if (k - start + 1 > Math.max(1, length)) {
      length = k - start + 1;
      best = [points[start]!, point];
    }
  });
  return best;
}

function describeSeries(series: Series, aggregate: Aggregate): string {
  const money = (value: number) => fullMoney(value, aggregate.currency);
  const peak = series.points.reduce((max, point) => (point.value > max.value ? point : max));
  const last = series.points.at(-1)!;
  const parts = [`highest in ${monthText(peak.month)} at ${money(peak.value)}`, `${money(last.value)} in ${monthText(last.month)}`];
  const gap = longestGap(series.points);
  if (gap) parts.push(`none from ${monthText(gap[0].month)} to ${monthText(gap[1].month)}`);
  return `${series.label}: ${parts.join('; ')}.`;
}

export const monthlyFerrosiliconTungstenChart: ChartSpec = {
  id: 'monthly-ferrosilicon-tungsten',
  aggregate: 'monthly-ferrosilicon-tungsten',
  title: 'Ferrosilicon and tungsten, month by month',
  dek: "China's monthly imports of ferrosilicon and tungsten ore from North Korea. Trade all but stopped while the border was closed during the pandemic.",
  credit: 'Chart: Data desk',

  altText(aggregate) {
    return `Line chart of China's monthly imports of ferrosilicon and tungsten ore from North Korea, ${periodText(aggregate.period)}.`;
  },

  describe(aggregate) {
    const series = seriesOf(aggregate).filter((s) => s.points.length > 0);
    if (series.length === 0) return 'There are no monthly imports to show.';
    const intro = `Monthly imports of ${listText(series.map((s) => s.label))}, ${periodText(aggregate.period)}.`;
    return [intro, ...series.map((s) => describeSeries(s, aggregate))].join(' ');
  },

  table(aggregate) {
    const series = seriesOf(aggregate);
    const months = series[0]?.points.map((point) => point.month) ?? [];
    const unit = unitName(aggregate.currency);
    return {
      columns: [{ label: 'Month' }, ...series.map((s) => ({ label: `${s.label} (${unit})`, numeric: true }))],
      rows: months.map((month, k) => [monthText(month), ...series.map((s) => s.points[k]?.value ?? 0)]),
    };
  },

  plot(aggregate, layout) {
    const fs = layout.fontSize;
    const phone = layout.name === 'phone';
    const series = seriesOf(aggregate).filter((s) => s.points.length > 0);
    const ticks = phone ? 3 : 5;
    const max = Math.max(0, ...series.flatMap((s) => s.points.map((point) => point.value)));
    const tickFormat = (value: number) => shortMoney(value, aggregate.currency, false);
    // Line-end labels: the series ending higher is labelled above its end, the next below,
    // so two lines that end close together never get overlapping names.
    const ends = series
      .map((s, k) => ({ ...s.points.at(-1)!, label: s.label, colour: (k % COLOURS) + 1 }))
      .sort((a, b) => b.value - a.value);
    const marginRight = Math.ceil(Math.max(...ends.map((end) => textWidth(end.label, fs)))) + 10;

    return {
      height: phone ? 260 : Math.round(layout.width * 0.45),
      marginTop: Math.round(fs * 2),
      marginRight,
      marginBottom: Math.round(fs * 2),
      marginLeft: Math.ceil(textWidth(tickFormat(max), fs)) + 8,
      x: { type: 'utc' },
      y: { domain: [0, max || 1], nice: true },
      marks: [
        Plot.gridY({ ticks, className: 'chart__grid' }),
        Plot.axisY({
          ticks, tickFormat, tickSize: 0, className: 'chart__axis',
          label: `Monthly ${aggregate.flow}s (${unitName(aggregate.currency)})`, labelAnchor: 'top', labelArrow: 'none',
        }),
        Plot.axisX({ ticks: 'year', tickFormat: '%Y', className: 'chart__axis' }),
        Plot.ruleY([0], { className: 'chart__baseline', stroke: 'currentColor' }),
        ...series.flatMap((s, k) => {
          const colour = (k % COLOURS) + 1;
          return [
            Plot.line(s.points, { x: 'date', y: 'value', stroke: 'currentColor', strokeWidth: 2, className: `chart__series-${colour}` }),
            Plot.dot(s.points, {
              x: 'date', y: 'value', r: phone ? 3 : 4, fill: 'currentColor', fillOpacity: 0,
              className: `chart__point-${colour}`,
              ariaLabel: datumChannel((point: Point) => ({
                label: `${s.label}, ${monthText(point.month)}`,
                value: point.value,
                text: fullMoney(point.value, aggregate.currency),
              })),
            }),
          ];
        }),
        ...ends.map((end, k) =>
          Plot.text([end], {
            x: 'date', y: 'value', text: 'label', dx: 6, textAnchor: 'start',
            lineAnchor: k === 0 ? 'bottom' : 'top', dy: k === 0 ? -2 : 2,
            fill: 'currentColor', className: `chart__series-${end.colour}`,
          }),
        ),
      ],
    };
  },
};
