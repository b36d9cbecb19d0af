// China's exports in the groups of goods UN Security Council Resolution 2397 bans supplying
// to North Korea: zero in 2022, drawn as zero (a value label at the baseline), then 2023.
import type { Aggregate } from '../../contract/index.ts';
import { byYear, valueIn, yearGroups, yearTable } from '../by-year.ts';
import { barChart } from '../bars.ts';
import { countText, fullMoney, listText, yearPeriodText } from '../format.ts';
import type { ChartSpec } from '../spec.ts';

const groups = (aggregate: Aggregate) => byYear(aggregate, 'sanction_group', 'sanction_label');

export const sanctionedExportsChart: ChartSpec = {
  id: 'sanctioned-exports',
  aggregate: 'sanctioned-exports',
  title: 'Banned goods heading to North Korea',
  dek: "China's exports to North Korea in the groups of goods UN Security Council Resolution 2397 bans supplying, January–October of each year.",
  notes: 'Groups by HS chapter: industrial machinery 84–85, transport vehicles 86–89, iron, steel and other metals 72–83.',
  credit: 'Chart: Data desk',

  altText(aggregate) {
    const data = groups(aggregate);
    return `Grouped bar chart of China's exports to North Korea in ${countText(data.series.length)} groups of goods banned by UN sanctions, January–October of ${listText(data.years.map(String))}.`;
  },

  describe(aggregate) {
    const data = groups(aggregate);
    const sentences = data.years.map((year) => {
      const when = yearPeriodText(aggregate.period, year);
      if (data.series.every((series) => valueIn(series, year) === 0)) {
        return `In ${when}, exports were zero in every group.`;
      }
      // Semicolons, because group names contain commas ("Iron, steel and other metals").
      const values = data.series.map((series) => `${series.label}, ${fullMoney(valueIn(series, year), aggregate.currency)}`);
      return `In ${when}: ${values.join('; ')}.`;
    });
    return sentences.join(' ');
  },

  table(aggregate) {
    return yearTable(groups(aggregate), aggregate, 'Group of goods');
  },

  plot(aggregate, layout) {
    return barChart(yearGroups(groups(aggregate), aggregate), aggregate.currency, layout);
  },
};
