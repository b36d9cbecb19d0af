// English: every word the site draws, in one place.
import { en as numbers } from '../format/en.ts';
import type { Strings } from './types.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const list = (items: readonly string[]): string => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

const KINDS = { bar: 'Bar chart', column: 'Column chart', line: 'Line chart', area: 'Area chart', dot: 'Dot chart', table: 'Table' } as const;

const FIELDS: Readonly<Record<string, string>> = {
  year: 'Year',
  month: 'Month',
  product: 'Product',
  product_group: 'Product group',
  hs_code: 'HS code',
  hs_chapter: 'HS chapter',
  partner: 'Partner',
  trade_mode: 'Customs regime',
  place: 'Province',
  sanction_group: 'Group of goods',
  value: 'Value',
  records: 'Customs rows',
  rank: 'Rank',
  share: 'Share',
  highlight: 'Highlighted',
};

export const en: Strings = {
  lang: 'en',
  name: 'English',
  tag: 'en',
  numbers,
  site: {
    name: 'Trade stories',
    indexDescription: "Data stories built from China's customs statistics.",
    footer: 'Built from China customs (GACC) statistics with customs-story.',
    skipToContent: 'Skip to the story',
    sampleBanner: {
      strong: 'Sample data.',
      text: "The figures on this page come from generated files made to demonstrate the site, not from China's customs.",
    },
    home: 'All stories',
    storiesHeading: 'Stories',
    oembedProvider: 'Trade stories',
    languageSwitch: 'Language',
  },
  embedIndex: {
    title: 'Embed a chart',
    description: 'Embed codes for every chart on this site.',
    intro:
      "Paste a chart's code into any page or CMS that accepts HTML. The chart sizes itself with the script in the code, with pym.js, or with a Datawrapper or AMP resizer already on the page; without any script it keeps a fixed height that fits. A chart takes the reader's light or dark setting; for a page with fixed colours, choose Light or Dark beside its code, or add <code>?theme=light</code> or <code>?theme=dark</code> to the address in the iframe.",
    page: 'Embed page',
    png: (width) => `PNG, ${width}px`,
  },
  article: {
    by: 'By',
    published: 'Published',
    updated: 'Updated',
    corrections: 'Corrections',
    methodology: 'How we did it',
    sources: 'Sources',
    sampleSource: '(generated sample data)',
    files: (count) => (count === 1 ? '1 file' : `${count} files`),
  },
  frame: {
    source: 'Source:',
    note: 'Note:',
    getData: 'Get the data (CSV)',
    showTable: 'Show the data as a table',
    embed: 'Embed this chart',
    pasteCode: 'Paste this code into your page:',
    copy: 'Copy code',
    copied: 'Copied',
    selected: 'Selected: press Ctrl+C or ⌘C to copy',
    theme: { label: 'Colours', auto: "Follow the reader's setting", light: 'Light', dark: 'Dark' },
    compiledFrom: 'Compiled from:',
    sampleBadge: 'Sample data',
    sampleNote: 'Sample data generated for this project, not GACC figures',
    valuesLabel: 'Chart values: use the arrow keys to read them',
    tableRegion: (title) => `Data table: ${title}`,
    convertedAt: (rates) => `Amounts restated at ${rates}.`,
  },
  chart: {
    kind: (kind, stacked) => (stacked && (kind === 'bar' || kind === 'column') ? `Stacked ${KINDS[kind].toLowerCase()}` : KINDS[kind]),
    field: (field) => FIELDS[field],
    flow: (flow) => (flow === 'import' ? 'Imports' : 'Exports'),
    measureHeading: (what, unit) => `${what} (${unit})`,
    unit: (currency) => (currency === 'CNY' ? 'yuan' : 'US dollars'),
    records: 'customs rows',
    share: 'Share',
    rank: 'Rank',
    yes: 'Yes',
    no: 'No',
    other: 'Other',
    marker: (label, marker) => `${label} (${marker})`,
    list,
    alt: (kind, title, period) => `${kind}: ${title}, ${period}.`,
    describe: {
      nothing: 'There is nothing to show.',
      item: (label, value) => `${label}, ${value}`,
      itemSeries: (label, values) => `${label}: ${values}`,
      seriesValue: (value, series) => `${value} (${series})`,
      fromTo: (first, firstAt, last, lastAt) => `from ${first} in ${firstAt} to ${last} in ${lastAt}`,
      at: (value, when) => `${value} in ${when}`,
      peak: (when, value) => `highest in ${when} at ${value}`,
      seriesLine: (series, text) => `${series}: ${text}.`,
      highlighted: (legend, labels) => `${legend}: ${labels}.`,
      annotations: (items) => `Marked on the chart: ${items.join('; ')}.`,
      noteAt: (text, where) => `"${text}" at ${where}`,
      rangeFromTo: (text, from, to) => `"${text}" from ${from} to ${to}`,
      lineAt: (text, where) => `a line for "${text}" at ${where}`,
    },
  },
  date: (date) => `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`,
};
