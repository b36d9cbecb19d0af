// What a story language must say: every word the site draws around the reporter's own text,
// from the frame under a chart to the generated descriptions. A new language is one module
// implementing this (plus its number rules in src/format and its fonts).
import type { Flow } from '../contract/index.ts';
import type { Lang, LangRules } from '../format/rules.ts';

export type ChartKind = 'bar' | 'column' | 'line' | 'area' | 'dot' | 'table';

export interface Strings {
  lang: Lang;
  /** The language's own name, for the language switch. */
  name: string;
  /** BCP 47 tag for `lang` attributes, hreflang and Intl collation. */
  tag: string;
  /** Number, money, period and rank rules. */
  numbers: LangRules;

  site: {
    name: string;
    indexDescription: string;
    footer: string;
    skipToContent: string;
    sampleBanner: { strong: string; text: string };
    home: string;
    storiesHeading: string;
    oembedProvider: string;
    languageSwitch: string;
  };

  /** The editors' page listing every chart with its embed code. */
  embedIndex: {
    title: string;
    description: string;
    /** HTML: may hold <code>. */
    intro: string;
    page: string;
    png(width: number): string;
  };

  article: {
    by: string;
    published: string;
    updated: string;
    corrections: string;
    methodology: string;
    sources: string;
    sampleSource: string;
    files(count: number): string;
  };

  frame: {
    source: string;
    note: string;
    getData: string;
    showTable: string;
    embed: string;
    pasteCode: string;
    copy: string;
    copied: string;
    /** Where the clipboard cannot be written: the code is selected for the reader to copy. */
    selected: string;
    theme: { label: string; auto: string; light: string; dark: string };
    compiledFrom: string;
    sampleBadge: string;
    /** Appended to the source line of charts drawn from generated data. */
    sampleNote: string;
    /** Accessible name of the box a table scrolls in. */
    tableRegion(title: string): string;
    /** Accessible name of an artboard whose values the arrow keys read. */
    valuesLabel: string;
    /** Where a chart's amounts were restated in another currency: which rates. */
    convertedAt(rates: string): string;
  };

  chart: {
    kind(kind: ChartKind, stacked: boolean): string;
    field(field: string): string | undefined;
    flow(flow: Flow): string;
    /** "Imports (yuan)". */
    measureHeading(what: string, unit: string): string;
    /** Unit names for headings: "yuan". */
    unit(currency: 'CNY' | 'USD'): string;
    records: string;
    share: string;
    rank: string;
    yes: string;
    no: string;
    other: string;
    /** Written after a highlighted name in the chart: "Copper ore (metal)". */
    marker(label: string, marker: string): string;
    list(items: readonly string[]): string;
    /** "Bar chart: What China buys, January–October 2023." */
    alt(kind: string, title: string, period: string): string;
    /** Sentences of the generated description. */
    describe: {
      nothing: string;
      /** "Copper ore, 181.53 million yuan" */
      item(label: string, value: string): string;
      /** "Copper ore: 2 million yuan (2021), 3 million yuan (2022)" */
      itemSeries(label: string, values: string): string;
      seriesValue(value: string, series: string): string;
      /** "from 5 million yuan in January 2019 to 7 million yuan in October 2023" */
      fromTo(first: string, firstAt: string, last: string, lastAt: string): string;
      at(value: string, when: string): string;
      peak(when: string, value: string): string;
      seriesLine(series: string, text: string): string;
      highlighted(legend: string, labels: string): string;
      annotations(items: readonly string[]): string;
      noteAt(text: string, where: string): string;
      rangeFromTo(text: string, from: string, to: string): string;
      lineAt(text: string, where: string): string;
    };
  };

  /** A date as the language writes it: "December 4, 2023" / "2023년 12월 4일". */
  date(date: Date): string;
}
