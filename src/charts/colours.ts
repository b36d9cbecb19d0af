// Colour classes the chart types share, styled in chart.css for light, dark and print: series
// colours in turn, or, when something is highlighted, the highlight colour for it and a muted
// one for the rest.
import type { Category, ChartData } from './data.ts';

/** chart.css has this many series colours (chart__series-1…); more series reuse them. */
export const SERIES_COLOURS = 6;
export const MUTED = 'chart__bar';
export const HIGHLIGHT = 'chart__bar--highlight';

export const seriesColour = (k: number): string => `chart__series-${(k % SERIES_COLOURS) + 1}`;

/**
 * A class per series. One series is muted, its highlighted categories coloured cell by cell;
 * several take the series colours in turn, or, when series are highlighted, only those do.
 */
export function seriesClasses(data: ChartData): string[] {
  if (data.series.length === 1) return [MUTED];
  const bySeries = data.series.some((s) => s.highlight);
  let next = 0;
  return data.series.map((series, k) => {
    if (!bySeries) return seriesColour(k);
    return series.highlight ? seriesColour(next++) : MUTED;
  });
}

/** Class of one mark: a highlighted category stands out; with several series, the others are muted. */
export function cellClass(category: Category, seriesClass: string, data: ChartData): string {
  if (data.series.length === 1) return category.highlight ? HIGHLIGHT : MUTED;
  return data.categories.some((c) => c.highlight) && !category.highlight ? MUTED : seriesClass;
}
