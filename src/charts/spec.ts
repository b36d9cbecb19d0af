// The contract every chart fulfils: the words around it, the text alternatives, the table
// and the Plot options per artboard, all computed from one aggregate.
import type { Aggregate } from '../contract/index.ts';
import type { PlotOptions } from '@observablehq/plot';

/** An artboard: one fixed width the chart is drawn at; CSS shows the one that fits. */
export interface Layout {
  name: 'phone' | 'desktop' | 'wide';
  width: number;
  /** Base text size in SVG pixels; margins that hold text are computed from it. */
  fontSize: number;
}

export interface TableColumn {
  label: string;
  /** Numbers are right-aligned and shown in full with thousands separators. */
  numeric?: boolean;
}

/** The data behind a chart, as a reader can read it: the HTML table and the CSV file. */
export interface ChartTable {
  columns: TableColumn[];
  /** The first cell of each row names the row. */
  rows: (string | number)[][];
}

export interface ChartSpec {
  id: string;
  /** Id of the aggregate in aggregates.json the chart is drawn from. */
  aggregate: string;
  title: string;
  dek: string;
  notes?: string;
  /** Who published the figures; defaults to GACC. */
  source?: string;
  credit: string;
  /** Short accessible name of the graphic, e.g. "Bar chart of …". */
  altText(aggregate: Aggregate): string;
  /** The chart in words, generated from the data, for screen readers. */
  describe(aggregate: Aggregate): string;
  table(aggregate: Aggregate): ChartTable;
  /** Plot options for one artboard; render.ts adds the document and the width. */
  plot(aggregate: Aggregate, layout: Layout): PlotOptions;
}

export const GACC = 'China General Administration of Customs (GACC)';
export const SAMPLE_NOTE = 'Sample data generated for this project, not GACC figures';

/** The "Source:" line: sample data always says so, whatever the spec names as source. */
export function sourceText(spec: ChartSpec, aggregate: Aggregate): string {
  const source = spec.source ?? GACC;
  return aggregate.synthetic ? `${source}. ${SAMPLE_NOTE}.` : `${source}.`;
}
