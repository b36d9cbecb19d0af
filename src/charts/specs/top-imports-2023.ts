// The ten products China imported most from North Korea, with the minerals for chips and
// batteries marked in words and colour.
import type { Aggregate, AggregateRow } from '../../contract/index.ts';
import { barChart } from '../bars.ts';
import { countText, fullMoney, ordinal, periodText, unitName } from '../format.ts';
import type { ChartSpec } from '../spec.ts';

const TOP = 10;
const GROUP = 'minerals';

const topRows = (aggregate: Aggregate): AggregateRow[] => aggregate.rows.slice(0, TOP);
const labelOf = (row: AggregateRow): string => String(row.product_label ?? row.product);
const isMineral = (row: AggregateRow): boolean => row.product_group === GROUP;
const valueOf = (row: AggregateRow): number => Number(row.value);

function mineralCount(aggregate: Aggregate): number {
  return topRows(aggregate).filter(isMineral).length;
}

export const topImportsChart: ChartSpec = {
  id: 'top-imports-2023',
  aggregate: 'top-imports-2023',
  title: 'What China buys from North Korea',
  dek: 'The ten products China imported most from North Korea by value, January–October 2023. Minerals used to make chips and batteries are highlighted.',
  notes: 'Minerals: ferrosilicon (HS 7202.21), tungsten ores (HS 2611), molybdenum ores (HS 2613.90), silicon carbide (HS 2849.20) and graphite (HS 2504, 3801.10).',
  credit: 'Chart: Data desk',

  altText(aggregate) {
    const rows = topRows(aggregate);
    return `Bar chart of the ${countText(rows.length)} products China imported most from North Korea in ${periodText(aggregate.period)}; ${countText(mineralCount(aggregate))} are minerals for chips and batteries.`;
  },

  describe(aggregate) {
    const [first, ...rest] = topRows(aggregate);
    if (!first) return `China recorded no imports from North Korea in ${periodText(aggregate.period)}.`;
    const money = (row: AggregateRow) => fullMoney(valueOf(row), aggregate.currency);
    const tag = (row: AggregateRow) => (isMineral(row) ? ', a mineral' : '');
    const others = rest.map((row, k) => `${labelOf(row)} was ${ordinal(k + 2)} with ${money(row)}${tag(row)}`);
    const lead = `In ${periodText(aggregate.period)}, ${labelOf(first)} led China's imports from North Korea with ${money(first)}${tag(first)}`;
    const count = `${countText(mineralCount(aggregate))} of the ${countText(rest.length + 1)}`;
    return `${[lead, ...others].join('; ')}. Minerals used to make chips and batteries account for ${count}.`;
  },

  table(aggregate) {
    return {
      columns: [
        { label: 'Product' },
        { label: 'Rank', numeric: true },
        { label: 'Mineral for chips and batteries' },
        { label: `Imports (${unitName(aggregate.currency)})`, numeric: true },
      ],
      rows: topRows(aggregate).map((row, k) => [labelOf(row), k + 1, isMineral(row) ? 'Yes' : 'No', valueOf(row)]),
    };
  },

  plot(aggregate, layout) {
    const groups = topRows(aggregate).map((row) => {
      const label = labelOf(row);
      const value = valueOf(row);
      const highlight = isMineral(row);
      return {
        label,
        ...(highlight ? { marker: 'mineral' } : {}),
        bars: [{ value, highlight, datum: { label, value, text: fullMoney(value, aggregate.currency) } }],
      };
    });
    return barChart(groups, aggregate.currency, layout);
  },
};
