// A chart ready to draw in one language: the words around it, the text alternatives, the table
// and the Plot options per artboard, all computed from the definition and one aggregate. The
// frame, SSR, embeds, CSV files and PNGs all take this one shape, for every chart type.
import { createHash } from 'node:crypto';
import type { PlotOptions } from '@observablehq/plot';
import type { Aggregate } from '../contract/index.ts';
import { DEFAULT_SOURCE, DEFAULT_CREDIT } from '../config.ts';
import { formatPeriod } from '../format/index.ts';
import { strings, type Lang } from '../i18n/index.ts';
import { readChartData, measureHeading, type ChartData } from './data.ts';
import { ChartDefinitionError, textIn, type ChartDefinition, type ChartType, type Localized, type Placement } from './definition.ts';
import { describeChart } from './describe.ts';
import { layoutLegend, legendItems } from './legend.ts';
import { chartTable, type ChartTable } from './table.ts';
import { drawArea, drawLine } from './types/time.ts';
import { drawBar } from './types/bar.ts';
import { drawColumn } from './types/column.ts';
import { drawDot } from './types/dot.ts';
import type { DrawChart } from './types/input.ts';
import { drawTable } from './types/table.ts';

/** An artboard: one fixed width the chart is drawn at; CSS shows the one that fits. */
export interface Layout {
  name: 'phone' | 'desktop' | 'wide';
  width: number;
  /** Base text size in SVG pixels; margins that hold text are computed from it. */
  fontSize: number;
}

export interface ChartSpec {
  id: string;
  /** Id of the aggregate in aggregates.json the chart is drawn from. */
  aggregate: string;
  lang: Lang;
  type: ChartType;
  width: Placement;
  title: string;
  dek: string;
  notes?: string;
  /** Who published the figures. */
  source: string;
  credit: string;
  /** Changes whenever anything the drawing depends on but the data changes: for caches. */
  cacheKey: string;
  /** Short accessible name of the graphic. */
  altText(aggregate: Aggregate): string;
  /** The chart in words, generated from the data, for screen readers. */
  describe(aggregate: Aggregate): string;
  table(aggregate: Aggregate): ChartTable;
  /** Plot options for one artboard; render.ts adds the document and the width. */
  plot(aggregate: Aggregate, layout: Layout): PlotOptions;
}

const DRAW: Record<Exclude<ChartType, 'table'>, DrawChart> = { bar: drawBar, column: drawColumn, line: drawLine, area: drawArea, dot: drawDot };

/** The "Source:" line's text: sample data always says so, whatever the chart names as source. */
export function sourceText(spec: ChartSpec, aggregate: Aggregate): string {
  return aggregate.synthetic ? `${spec.source}. ${strings(spec.lang).frame.sampleNote}.` : `${spec.source}.`;
}

/** Compiles a checked definition into a chart in `lang`; every text it shows must exist in that language. */
export function chartSpec(definition: ChartDefinition, lang: Lang): ChartSpec {
  const words = strings(lang);
  const need = (key: string, text: Localized | undefined, line?: number): string | undefined => {
    if (text === undefined) return undefined;
    const value = textIn(text, lang);
    if (value === undefined) {
      throw new ChartDefinitionError(
        line ?? definition.lines.get(key) ?? 1,
        `${key} has no ${words.name} text (${key}.${lang}), and chart "${definition.id}" is drawn in a ${words.name} story; add "${lang}:" to ${key}`,
      );
    }
    return value;
  };
  const title = need('title', definition.title)!;
  const dek = need('dek', definition.dek)!;
  const notes = need('notes', definition.notes);
  const marker = need('highlight_label', definition.highlightLabel);
  need('legend', definition.legend);
  for (const annotation of definition.annotations) need('annotations', annotation.text, annotation.line);
  for (const column of definition.columns ?? []) need('columns', column.heading);
  const source = need('source', definition.source) ?? DEFAULT_SOURCE[lang];
  const credit = need('credit', definition.credit) ?? DEFAULT_CREDIT[lang];

  const read = (aggregate: Aggregate): ChartData => readChartData(aggregate, definition, lang);
  const table = (aggregate: Aggregate) => chartTable(read(aggregate), definition, aggregate, lang);
  const kind = words.chart.kind(definition.type, definition.stack);
  return {
    id: definition.id,
    aggregate: definition.aggregate,
    lang,
    type: definition.type,
    width: definition.width,
    title,
    dek,
    ...(notes ? { notes } : {}),
    source,
    credit,
    cacheKey: createHash('sha256')
      .update(JSON.stringify({ definition: { ...definition, lines: [...definition.lines] }, lang }))
      .digest('hex')
      .slice(0, 16),
    altText: (aggregate) => words.chart.alt(kind, title, formatPeriod(aggregate.period, lang)),
    describe: (aggregate) => describeChart(read(aggregate), definition, lang),
    table,
    plot: (aggregate, layout) => {
      if (definition.type === 'table') return drawTable(table(aggregate), layout);
      const data = read(aggregate);
      const legend = layoutLegend(legendItems(data, definition, lang), layout);
      const options = DRAW[definition.type](
        {
          data,
          definition,
          aggregate,
          lang,
          top: legend.height,
          marker,
          axisLabel: measureHeading(aggregate, definition.y, lang),
        },
        layout,
      );
      return { ...options, marks: [...(options.marks ?? []), ...legend.marks(options.marginLeft ?? 0, options.marginTop ?? 0)] };
    },
  };
}
