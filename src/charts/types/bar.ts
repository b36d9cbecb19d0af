// type: bar — horizontal bars, a group per category: one bar per series, or stacked.
import { cellClass, seriesClasses } from '../colours.ts';
import { annotationBand, annotationMarks, type AnnotationAxes } from '../annotations.ts';
import { barChart, type BarGroup } from '../bars.ts';
import { datumOf, type DrawChart } from './input.ts';

export const drawBar: DrawChart = (input, layout) => {
  const { data, definition } = input;
  const classes = seriesClasses(data);
  const single = data.series.length === 1;
  const groups: BarGroup[] = data.categories.map((category, k) => ({
    label: category.label,
    ...(category.highlight && input.marker ? { marker: input.marker } : {}),
    highlight: category.highlight,
    bars: data.series.flatMap((series, s) => {
      const value = series.drawn[k]!;
      if (data.hideZero && value === 0) return [];
      const className = cellClass(category, classes[s]!, data);
      return [{ ...(single || definition.stack ? {} : { label: series.label }), value, className, datum: datumOf(input, category, series, k) }];
    }),
  }));
  const max = Math.max(0, ...groups.map((group) => (definition.stack ? group.bars.reduce((sum, bar) => sum + bar.value, 0) : Math.max(0, ...group.bars.map((bar) => bar.value)))));
  // Annotations on bars stand at values of the value axis, which runs across.
  const axes = (frame: { marginLeft: number; width: number; marginRight: number }, bandTop: number): AnnotationAxes => ({
    valueAcross: true,
    px: (value) => frame.marginLeft + (Number(value) / (max || 1)) * (frame.width - frame.marginLeft - frame.marginRight),
    bandTop,
  });
  const plotWidth = { left: 0, right: layout.width };
  const band = annotationBand(definition.annotations, axes({ marginLeft: 0, width: layout.width, marginRight: 0 }, 0), layout, input.lang, plotWidth);
  return barChart(groups, layout, {
    top: input.top + band,
    stacked: definition.stack,
    valueLabel: (value, first) => data.format.label(value, first),
    extra: (frame) => annotationMarks(definition.annotations, axes(frame, input.top), layout, input.lang, { left: frame.marginLeft, right: frame.width - frame.marginRight }),
  });
};
