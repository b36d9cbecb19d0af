// Horizontal bars in labelled groups, shared by the bar charts. Rows are laid out here in
// pixels (Plot's y scale is the identity) so a phone artboard can put each group's label on
// its own line above the bars and a desktop one beside them, without a legend: values are
// written at the bar ends and highlighted groups say so in words as well as in colour.
import type { Currency } from '../contract/index.ts';
import * as Plot from '@observablehq/plot';
import { datumChannel, type Datum } from './datum.ts';
import { shortMoney } from './format.ts';
import { fitText, textWidth } from './layouts.ts';
import type { Layout } from './spec.ts';

export interface Bar {
  /** Label inside the group, e.g. the year; left out when a group has a single bar. */
  label?: string;
  value: number;
  highlight?: boolean;
  datum: Datum;
}

export interface BarGroup {
  label: string;
  /** Highlights the group's label and follows it in words, e.g. "mineral". */
  marker?: string;
  bars: Bar[];
}

interface Row extends Bar {
  y1: number;
  y2: number;
  y: number;
  valueText: string;
}

interface GroupLabel {
  text: string;
  highlight: boolean;
  y: number;
}

/** The group's label, cut to fit; the marker is never cut. The table has every name whole. */
function groupText(group: BarGroup, maxWidth: number, fs: number): string {
  if (!group.marker) return fitText(group.label, maxWidth, fs);
  const marker = ` (${group.marker})`;
  return fitText(group.label, maxWidth - textWidth(marker, fs), fs) + marker;
}

/** Writes a bar's value label; `first` is true for the first label, which carries the unit. */
export type ValueLabel = (value: number, first: boolean) => string;

export function barChart(
  groups: BarGroup[],
  currency: Currency,
  layout: Layout,
  valueLabel: ValueLabel = (value, first) => shortMoney(value, currency, first),
): Plot.PlotOptions {
  const fs = layout.fontSize;
  const above = layout.name === 'phone';
  const barHeight = Math.round(fs * (above ? 1.25 : 1.4));
  const barGap = Math.round(fs * 0.3);
  const groupGap = Math.round(fs * (above ? 0.8 : 0.9));
  const labelRow = above ? Math.round(fs * 1.5) : 0;
  // Desktop labels sit in a column left of the bars, as wide as the longest needs, up to 40%.
  const labelWidth = above ? 0 : Math.min(
    Math.ceil(Math.max(...groups.map((group) => textWidth(groupText(group, Infinity, fs), fs)))) + 8,
    Math.round(layout.width * 0.4),
  );
  const labelSpace = above ? layout.width : labelWidth - 8;

  const rows: Row[] = [];
  const labels: GroupLabel[] = [];
  let y = fs * 0.5;
  for (const group of groups) {
    y += labelRow;
    const top = y;
    for (const bar of group.bars) {
      // The unit is written once, on the first value label.
      const valueText = valueLabel(bar.value, rows.length === 0);
      rows.push({ ...bar, y1: y, y2: y + barHeight, y: y + barHeight / 2, valueText });
      y += barHeight + barGap;
    }
    labels.push({ text: groupText(group, labelSpace, fs), highlight: group.marker !== undefined, y: above ? top - fs * 0.35 : (top + y - barGap) / 2 });
    y += groupGap - barGap;
  }
  const height = Math.ceil(y - groupGap + fs * 0.5);

  const innerWidth = Math.max(0, ...rows.map((row) => (row.label ? textWidth(row.label, fs) + 6 : 0)));
  const marginLeft = Math.ceil(labelWidth + innerWidth) + 1;
  const marginRight = Math.ceil(Math.max(...rows.map((row) => textWidth(row.valueText, fs)))) + 8;
  const max = Math.max(0, ...rows.map((row) => row.value));

  const groupLabels = (highlight: boolean) =>
    Plot.text(labels.filter((label) => label.highlight === highlight), {
      y: 'y',
      text: 'text',
      frameAnchor: 'left',
      dx: -marginLeft + (above ? 0 : labelWidth - 8),
      textAnchor: above ? 'start' : 'end',
      lineAnchor: above ? 'bottom' : 'middle',
      fill: 'currentColor',
      className: highlight ? 'chart__label--highlight' : 'chart__label',
    });

  return {
    height,
    marginTop: 0,
    marginBottom: 0,
    marginLeft,
    marginRight,
    x: { domain: [0, max || 1], axis: null },
    y: { type: 'identity', axis: null },
    marks: [
      // One mark for all bars keeps them in reading order for the keyboard; highlighted
      // bars get their colour class through the datum.
      Plot.rect(rows, {
        x1: 0,
        x2: 'value',
        y1: 'y1',
        y2: 'y2',
        fill: 'currentColor',
        className: 'chart__bar',
        ariaLabel: datumChannel((row: Row) => ({ ...row.datum, ...(row.highlight ? { className: 'chart__bar--highlight' } : {}) })),
      }),
      Plot.ruleX([0], { className: 'chart__baseline', stroke: 'currentColor' }),
      Plot.text(rows, {
        x: 'value', y: 'y', text: 'valueText', dx: 4, textAnchor: 'start', fill: 'currentColor', className: 'chart__value',
      }),
      Plot.text(rows.filter((row) => row.label), {
        y: 'y', text: 'label', frameAnchor: 'left', dx: -6, textAnchor: 'end', fill: 'currentColor', className: 'chart__tick',
      }),
      groupLabels(false),
      groupLabels(true),
    ],
  };
}
