// Imports of each mineral for chips and batteries in the same months of each year: how the
// trade fell away while the border was closed and came back above its 2019 level.
import type { Aggregate } from '../../contract/index.ts';
import { byYear, valueIn, yearGroups, yearTable, yearTotal } from '../by-year.ts';
import { barChart } from '../bars.ts';
import { countText, fullMoney, listText, yearPeriodText } from '../format.ts';
import type { ChartSpec } from '../spec.ts';

const minerals = (aggregate: Aggregate) => byYear(aggregate, 'product', 'product_label');

export const mineralsByYearChart: ChartSpec = {
  id: 'minerals-by-year',
  aggregate: 'minerals-by-year',
  title: 'Mineral imports from North Korea, year by year',
  dek: "China's imports of five minerals used to make chips and batteries, January–October of each year. The latest year is highlighted.",
  notes: '2020, when the border was closed for the pandemic, is not shown.',
  credit: 'Chart: Data desk',

  altText(aggregate) {
    const data = minerals(aggregate);
    return `Grouped bar chart of China's imports of ${countText(data.series.length)} minerals from North Korea in January–October of ${listText(data.years.map(String))}.`;
  },

  describe(aggregate) {
    const data = minerals(aggregate);
    const money = (value: number) => fullMoney(value, aggregate.currency);
    const [first, ...later] = data.years;
    if (first === undefined) return 'There are no mineral imports to show.';
    const totals = [
      `${money(yearTotal(data, first))} in ${yearPeriodText(aggregate.period, first)}`,
      ...later.map((year) => `${money(yearTotal(data, year))} in ${year}`),
    ];
    const perMineral = data.series.map(
      (series) => `${series.label}: ${listText(data.years.map((year) => `${money(valueIn(series, year))} in ${year}`))}.`,
    );
    return [`Imports of the ${countText(data.series.length)} minerals together came to ${listText(totals)}.`, ...perMineral].join(' ');
  },

  table(aggregate) {
    return yearTable(minerals(aggregate), aggregate, 'Mineral');
  },

  plot(aggregate, layout) {
    return barChart(yearGroups(minerals(aggregate), aggregate), aggregate.currency, layout);
  },
};
