// The chart in words, generated from its data for every chart type: every value for
// categories; first, last and peak for series over time; what the highlight marks; and the
// annotations. Screen readers get it in place of the picture.
import { formatPeriod } from '../format/index.ts';
import { strings, type Lang } from '../i18n/index.ts';
import { describeAnnotations } from './annotations.ts';
import type { ChartData } from './data.ts';
import type { AxisValue, ChartDefinition } from './definition.ts';
import { highlightedLabels, highlightMeaning } from './legend.ts';

function axisText(value: AxisValue, data: ChartData, lang: Lang): string {
  const text = String(value);
  if (/^\d{4}-\d{2}$/.test(text)) return formatPeriod({ start: text, end: text }, lang);
  if (/^\d{4}$/.test(text)) return lang === 'ko' ? `${text}년` : text;
  return data.categories.find((category) => category.key === text || category.label === text)?.label ?? text;
}

export function describeChart(data: ChartData, definition: ChartDefinition, lang: Lang): string {
  const words = strings(lang).chart;
  const say = words.describe;
  if (data.categories.length === 0) return say.nothing;
  const single = data.series.length === 1;
  // A share comes with its amount; beside a series name in brackets, alone (the table has the amounts).
  const value = (series: ChartData['series'][number], k: number) => {
    if (!data.format.percent) return data.format.prose(series.values[k]!);
    return single ? data.format.tooltip(series.drawn[k]!, series.values[k]!) : data.format.label(series.drawn[k]!, true);
  };
  const sentences: string[] = [];
  if (data.time) {
    for (const series of data.series) {
      const last = series.values.length - 1;
      const peak = series.drawn.reduce((best, drawn, k) => (drawn > series.drawn[best]! ? k : best), 0);
      const at = (k: number) => data.categories[k]!.label;
      const parts = [last > 0 ? say.fromTo(value(series, 0), at(0), value(series, last), at(last)) : say.at(value(series, last), at(last))];
      if (peak !== 0 && peak !== last) parts.push(say.peak(at(peak), value(series, peak)));
      const text = parts.join('; ');
      sentences.push(single ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : say.seriesLine(series.label, text));
    }
  } else {
    // Semicolons between items, because names contain commas ("Iron, steel and other metals").
    const items = data.categories.map((category, k) =>
      single
        ? say.item(category.label, value(data.series[0]!, k))
        : say.itemSeries(category.label, words.list(data.series.map((series) => say.seriesValue(value(series, k), series.label)))),
    );
    sentences.push(`${items.join('; ')}.`);
  }
  if (definition.highlight) {
    const marked = highlightedLabels(data);
    if (marked.length > 0) sentences.push(say.highlighted(highlightMeaning(definition, lang) ?? words.field('highlight')!, words.list(marked)));
  }
  const annotations = describeAnnotations(
    definition.annotations,
    lang,
    (at) => axisText(at, data, lang),
    (y) => data.format.label(y, true),
  );
  if (annotations) sentences.push(annotations);
  return sentences.join(' ');
}
