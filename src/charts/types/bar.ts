// type: bar — horizontal bars, a group per category: one bar per series, or stacked.
import { cellClass, seriesClasses } from '../colours.ts';
import { annotationBand, annotationMarks, annotationValues, type AnnotationAxes } from '../annotations.ts';
import { barChart, type BarGroup } from '../bars.ts';
import { strings } from '../../i18n/index.ts';
import { datumOf, type DrawChart } from './input.ts';

export const drawBar: DrawChart = (input, layout) => {
  const { data, definition } = input;
  const classes = seriesClasses(data);
  const single = data.series.length === 1;
  const groups: BarGroup[] = data.categories.map((category, k) => ({
    label: category.label,
    // The language's way of adding the word: "Copper ore (metal)", "구리광(금속)".
    ...(category.highlight && input.marker ? { marker: strings(input.lang).chart.marker('', input.marker) } : {}),
    highlight: category.highlight,
    bars: data.series.flatMap((series, s) => {
      const value = series.drawn[k]!;
      if (data.hideZero && value === 0) return [];
      const className = cellClass(category, classes[s]!, data);
      return [{ ...(single || definition.stack ? {} : { label: series.label }), value, className, datum: datumOf(input, category, series, k) }];
    }),
  }));
  const reach = Math.max(0, ...annotationValues(definition.annotations));
  const max = Math.max(
    reach,
    ...groups.map((group) => (definition.stack ? group.bars.reduce((sum, bar) => sum + bar.value, 0) : Math.max(0, ...group.bars.map((bar) => bar.value)))),
  );
  // Annotations on bars stand at values of the value axis, which runs across.
  const axes = (frame: { marginLeft: number; width: number; marginRight: number }, bandTop: number): AnnotationAxes => ({
    valueAcross: true,
    px: (value) => frame.marginLeft + (Number(value) / (max || 1)) * (frame.width - frame.marginLeft - frame.marginRight),
    bandTop,
  });
  const options = { stacked: definition.stack, reach, valueLabel: (value: number, first: boolean) => data.format.label(value, first) };
  // The bars' margins do not depend on what is above them: drawn once without the annotation
  // texts, they say where the texts go and so how many rows the band needs.
  const bare = barChart(groups, layout, { ...options, top: input.top });
  const frame = { marginLeft: bare.marginLeft!, width: layout.width, marginRight: bare.marginRight! };
  const plotSpan = { left: frame.marginLeft, right: layout.width - frame.marginRight };
  const band = annotationBand(definition.annotations, axes(frame, 0), layout, input.lang, plotSpan);
  return barChart(groups, layout, {
    ...options,
    top: input.top + band,
    extra: (drawn) => annotationMarks(definition.annotations, axes(drawn, -band), layout, input.lang, plotSpan),
  });
};
