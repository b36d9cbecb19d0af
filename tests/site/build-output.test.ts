// The built site as a reader, an editor and a crawler meet it: the story page's charts and
// facts, its head tags and share image, what it downloads, the sitemap and index, and the
// promise that the same inputs build the same bytes. One data step and two builds of the
// shipped (synthetic) sample data serve every test here.
import type { Aggregate, AggregatesFile, FactsFile } from '../../src/contract/index.ts';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { csvParseRows } from 'd3-dsv';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charts } from '../../src/charts/index.ts';
import {
  assetUrls, BUILD_TIMEOUT, buildSite, chartPlacements, cssUrls, dataStep, hashFiles, listFiles, pngSize, readAggregates,
  readFacts, readPage, removeTempDirs, STORY_FILE, STORY_SLUG, tempDir, text, type Page,
} from './helpers.ts';

const SITE = 'https://stories.example.net';
/** Read while collecting: the per-chart tests are made from it. */
const PLACEMENTS = chartPlacements(readFileSync(STORY_FILE, 'utf8'));
const STORY_URL = `${SITE}/${STORY_SLUG}/`;

let dist: string;
let rebuilt: string;
let facts: FactsFile;
let aggregates: AggregatesFile;
let story: Page;
let markdown: string;
let frontmatter: Record<string, unknown>;

beforeAll(async () => {
  const work = await tempDir();
  const data = await dataStep(join(work, 'data'));
  // The second build is for the reproducibility test: same inputs, its own caches.
  [dist, rebuilt] = await Promise.all([
    buildSite({ dataDir: data, outDir: join(work, 'dist'), site: SITE }),
    buildSite({ dataDir: data, outDir: join(work, 'dist-again'), site: SITE }),
  ]);
  facts = await readFacts(data);
  aggregates = await readAggregates(data);
  story = await readPage(dist, `${STORY_SLUG}/index.html`);
  markdown = await readFile(STORY_FILE, 'utf8');
  frontmatter = parseYaml(/^---\n([\s\S]*?)\n---/.exec(markdown)![1]!) as Record<string, unknown>;
}, BUILD_TIMEOUT);

afterAll(removeTempDirs);

/** A path on the site (from a root-relative or absolute same-site URL) as a file in dist. */
function distFile(url: string, from = STORY_URL): string {
  const resolved = new URL(url, from);
  if (resolved.origin !== SITE) throw new Error(`${url} is not on ${SITE}`);
  const path = decodeURIComponent(resolved.pathname);
  return join(dist, path.endsWith('/') ? `${path}index.html` : path);
}

const fileExists = (path: string) => readFile(path).then(() => true, () => false);

// ---------------------------------------------------------------------------------------
// 1. Charts

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** A table as { row label → { column header without its unit → cell } }, in row order. */
type Cells = Map<string, Record<string, string>>;

/** What each chart's table must show, computed here from aggregates.json on its own terms. */
const EXPECTED_TABLES: Record<string, (aggregate: Aggregate) => Cells> = {
  'top-imports-2023': (aggregate) =>
    new Map(
      [...aggregate.rows]
        .sort((a, b) => Number(a.rank) - Number(b.rank))
        .slice(0, 10)
        .map((row) => [
          String(row.product_label),
          { Rank: String(row.rank), 'Mineral for chips and batteries': row.product_group === 'minerals' ? 'Yes' : 'No', Imports: String(row.value) },
        ]),
    ),
  'minerals-by-year': (aggregate) => pivot(aggregate, (row) => String(row.product_label), (row) => String(row.year)),
  'monthly-ferrosilicon-tungsten': (aggregate) => pivot(aggregate, (row) => monthName(String(row.month)), (row) => String(row.product_label)),
  'sanctioned-exports': (aggregate) => pivot(aggregate, (row) => String(row.sanction_label), (row) => String(row.year)),
};

function pivot(aggregate: Aggregate, rowKey: (row: Aggregate['rows'][number]) => string, columnKey: (row: Aggregate['rows'][number]) => string): Cells {
  const cells: Cells = new Map();
  for (const row of aggregate.rows) {
    const cellsOfRow = cells.get(rowKey(row)) ?? {};
    cellsOfRow[columnKey(row)] = String(Number(cellsOfRow[columnKey(row)] ?? 0) + Number(row.value));
    cells.set(rowKey(row), cellsOfRow);
  }
  return cells;
}

function tableHeaders(table: Element): string[] {
  return [...table.querySelectorAll('thead th')].map((th) => text(th));
}

function tableRows(table: Element): string[][] {
  return [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => text(cell)));
}

/** Parses a rendered table into Cells: units dropped from headers, thousands separators from numbers. */
function readTable(table: Element): Cells {
  const headers = tableHeaders(table).map((h) => h.replace(/\s*\([^)]*\)$/, ''));
  const cells: Cells = new Map();
  for (const row of tableRows(table)) {
    const [label, ...values] = row;
    cells.set(label!, Object.fromEntries(values.map((value, k) => [headers[k + 1]!, /^-?[\d,]+(\.\d+)?$/.test(value) ? value.replaceAll(',', '') : value])));
  }
  return cells;
}

describe('charts on the story page', () => {
  it('places every chart the Markdown asks for, in order, and no other', () => {
    const placed = chartPlacements(markdown).map((c) => `chart-${c.id}`);
    expect(placed.length).toBeGreaterThanOrEqual(4);
    expect([...story.querySelectorAll('article figure.chart')].map((figure) => figure.id)).toEqual(placed);
  });

  it.each(['top-imports-2023', 'minerals-by-year', 'monthly-ferrosilicon-tungsten', 'sanctioned-exports'])(
    'the launch story needs %s',
    (id) => {
      expect(chartPlacements(markdown).map((c) => c.id)).toContain(id);
    },
  );

  describe.each(PLACEMENTS)('$id', ({ id, wide }) => {
    const figure = () => {
      const element = story.querySelector(`figure#chart-${id}`);
      if (!element) throw new Error(`no figure#chart-${id} on the story page`);
      return element;
    };
    const spec = () => charts.get(id)!;

    it(`has a phone and a desktop artboard${wide ? ' and a wide one' : ''}, each an SVG with an accessible name`, () => {
      const names = ['phone', 'desktop', ...(wide ? ['wide'] : [])];
      for (const name of names) {
        const svg = figure().querySelector(`.chart__artboard--${name} svg`);
        expect(svg, `${name} artboard`).not.toBeNull();
        expect(svg!.getAttribute('role')).toBe('img');
        const labelId = svg!.getAttribute('aria-labelledby');
        const label = svg!.getAttribute('aria-label') ?? (labelId ? text(story.getElementById(labelId)) : '');
        expect(label.length, `${name} artboard's accessible name`).toBeGreaterThan(20);
      }
      // Artboards are drawn at different widths, phone narrowest, so the layouts really differ.
      const widths = names.map((name) => Number(figure().querySelector(`.chart__artboard--${name} svg`)!.getAttribute('viewBox')!.split(/\s+/)[2]));
      expect(widths).toEqual([...widths].sort((a, b) => a - b));
      expect(new Set(widths).size).toBe(names.length);
      expect(figure().classList.contains('chart--wide')).toBe(wide);
    });

    it('shows its title, dek, source line and credit', () => {
      expect(text(figure().querySelector('.chart__title'))).toBe(spec().title);
      expect(text(figure().querySelector('.chart__dek'))).toBe(spec().dek);
      expect(text(figure().querySelector('.chart__source'))).toMatch(/^Source: China General Administration of Customs \(GACC\)/);
      expect(text(figure().querySelector('.chart__credit'))).toBe(spec().credit);
    });

    it("has a table whose rows are the chart's data from aggregates.json", () => {
      const table = figure().querySelector('details table');
      expect(table, 'a table inside a <details> disclosure').not.toBeNull();
      const aggregate = aggregates[spec().aggregate]!;
      const expected = EXPECTED_TABLES[id]!(aggregate);
      const shown = readTable(table!);
      expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));
      if (id === 'top-imports-2023') expect([...shown.keys()]).toEqual([...expected.keys()]);
      // Money columns name their unit.
      for (const header of tableHeaders(table!).slice(1)) {
        if (/^\d{4}$|Imports|Exports|Ferrosilicon|Tungsten/.test(header.replace(/\s*\(.*$/, ''))) expect(header).toMatch(/\(yuan\)$/);
      }
    });

    it('links "Get the data" to a CSV in the build holding the same rows as the table', async () => {
      const link = figure().querySelector('a[href$=".csv"]');
      expect(link, '"Get the data" link').not.toBeNull();
      expect(text(link)).toMatch(/Get the data/);
      const csv = await readFile(distFile(link!.getAttribute('href')!), 'utf8');
      const table = figure().querySelector('details table')!;
      const [header, ...rows] = csvParseRows(csv);
      expect(header).toEqual(tableHeaders(table));
      expect(rows).toEqual(tableRows(table).map((row) => row.map((cell) => (/^-?[\d,]+(\.\d+)?$/.test(cell) ? cell.replaceAll(',', '') : cell))));
    });

    it('describes the chart in words a screen reader reads, with its largest figure', () => {
      const description = figure().querySelector('.chart__description');
      expect(description).not.toBeNull();
      expect(description!.classList.contains('visually-hidden')).toBe(true);
      const words = text(description);
      expect(words.length).toBeGreaterThan(60);
      const values = spec().table(aggregates[spec().aggregate]!).rows.flatMap((row) => row.filter((cell): cell is number => typeof cell === 'number' && cell > 100));
      expect(words).toContain(englishMoney(Math.max(...values)));
    });
  });
});

// ---------------------------------------------------------------------------------------
// 2. Facts

const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const COUNTS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** Reads an English figure as the house style writes it, with how far rounding may move it. */
function readFigure(figure: string): { value: number; tolerance: number } | undefined {
  if (ORDINALS.includes(figure)) return { value: ORDINALS.indexOf(figure), tolerance: 0 };
  if (COUNTS.includes(figure)) return { value: COUNTS.indexOf(figure), tolerance: 0 };
  const match = /^\$?(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?(?: (thousand|million|billion))?(?: yuan)?$/.exec(figure);
  if (!match) return undefined;
  const scale = match[3] ? SCALES[match[3]]! : 1;
  const decimals = match[2]?.length ?? 0;
  return { value: Number(`${match[1]!.replaceAll(',', '')}.${match[2] ?? '0'}`) * scale, tolerance: (0.5 * scale) / 10 ** decimals };
}

/** "181.53 million yuan", as the charts' descriptions and the prose write yuan. */
function englishMoney(value: number): string {
  if (value >= 1e9) return `${(value / 1e9).toFixed(2)} billion yuan`;
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} million yuan`;
  return `${value.toLocaleString('en-US')} yuan`;
}

const factElements = () => [...story.querySelectorAll('data.fact')];
const factText = (key: string) => factElements().filter((el) => el.getAttribute('data-fact') === key).map((el) => text(el));
/** The article's words, without markup, scripts or the charts' hidden SVG titles. */
const articleText = () => text(story.querySelector('article'));

describe('facts in the story', () => {
  it('binds every figure to a fact in facts.json, with its value as the machine-readable value', () => {
    expect(factElements().length).toBeGreaterThanOrEqual(15);
    for (const element of factElements()) {
      const key = element.getAttribute('data-fact')!;
      const fact = facts[key];
      expect(fact, `facts.json has "${key}"`).toBeDefined();
      const shown = text(element);
      const value = Number(element.getAttribute('value'));
      if (shown.startsWith('$')) expect(value, `${key} in dollars`).toBe(fact!.usd?.value);
      else if (ORDINALS.includes(shown)) expect(value, `${key} as a rank`).toBe(fact!.rank ?? fact!.value);
      else expect(value, `${key}`).toBe(fact!.value);
    }
  });

  it('writes each figure so that it reads as its value', () => {
    for (const element of factElements()) {
      const shown = text(element);
      const read = readFigure(shown);
      expect(read, `"${shown}" is a figure in house style`).toBeDefined();
      expect(Math.abs(read!.value - Number(element.getAttribute('value'))), `"${shown}" states ${element.getAttribute('value')}`).toBeLessThanOrEqual(read!.tolerance);
    }
  });

  it("states the brief's figures for ferrosilicon and tungsten with their ranks", () => {
    expect(factText('ferrosilicon-2023')).toEqual(expect.arrayContaining(['181.53 million yuan', 'second']));
    expect(factText('tungsten-2023')).toEqual(expect.arrayContaining(['151.92 million yuan', 'third']));
    expect(articleText()).toContain('181.53 million yuan');
    expect(articleText()).toContain('151.92 million yuan');
    expect(factText('tungsten-2022')).toContain('first');
    expect(factText('ferrosilicon-2022')).toContain('second');
  });

  it('says five of the top ten imports are minerals for chips and batteries', () => {
    expect(factText('minerals-in-top-ten-2023')).toContain('five');
  });

  it('converts ferrosilicon to dollars at a declared rate and names the rate beside the figure', () => {
    const fact = facts['ferrosilicon-2023']!;
    const dollars = factElements().find((el) => el.getAttribute('data-fact') === 'ferrosilicon-2023' && text(el).startsWith('$'));
    expect(dollars, 'a dollar figure for ferrosilicon').toBeDefined();
    expect(text(dollars)).toBe('$25.8 million');
    expect(Math.abs(fact.usd!.value * fact.usd!.rate - fact.value)).toBeLessThan(fact.usd!.rate);
    // A reader sees the rate in the text, not only in a tooltip.
    const paragraph = dollars!.closest('p');
    expect(text(paragraph)).toContain(String(fact.usd!.rate));
    // The source article's "$28.3 million" cannot be reproduced at any declared rate.
    expect(articleText()).not.toMatch(/28\.3/);
  });

  it('reports zero banned exports in 2022 and a range from hundreds of thousands to over 6 million yuan in 2023', () => {
    const zero = factElements().find((el) => el.getAttribute('data-fact') === 'sanctioned-exports-2022');
    expect(zero).toBeDefined();
    expect(zero!.getAttribute('value')).toBe('0');
    expect(text(zero)).toMatch(/^(0 yuan|zero|nothing|none)$/);
    const min = factElements().find((el) => el.getAttribute('data-fact') === 'sanctioned-exports-2023-min');
    const max = factElements().find((el) => el.getAttribute('data-fact') === 'sanctioned-exports-2023-max');
    expect(Number(min?.getAttribute('value'))).toBeGreaterThanOrEqual(100_000);
    expect(Number(min?.getAttribute('value'))).toBeLessThan(1_000_000);
    expect(Number(max?.getAttribute('value'))).toBeGreaterThan(6_000_000);
    expect(min!.closest('p')).toBe(max!.closest('p'));
    expect(text(min!.closest('p'))).toMatch(new RegExp(`from ${text(min)} to ${text(max)}`));
  });
});

// ---------------------------------------------------------------------------------------
// 3. Head tags, structured data and the share image

const meta = (document: Page, attribute: 'name' | 'property', key: string) =>
  document.querySelector(`meta[${attribute}="${key}"]`)?.getAttribute('content') ?? undefined;

describe('head of the story page', () => {
  it('has the title, description and an absolute canonical URL', () => {
    expect(text(story.querySelector('head title'))).toBe(frontmatter.title);
    expect(meta(story, 'name', 'description')).toBe(frontmatter.summary);
    expect(story.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(STORY_URL);
    expect(story.documentElement.getAttribute('lang')).toBe(frontmatter.lang);
  });

  it('has Open Graph and Twitter tags with absolute URLs', () => {
    expect(meta(story, 'property', 'og:title')).toBe(frontmatter.title);
    expect(meta(story, 'property', 'og:description')).toBe(frontmatter.summary);
    expect(meta(story, 'property', 'og:url')).toBe(STORY_URL);
    expect(meta(story, 'property', 'og:type')).toBe('article');
    expect(meta(story, 'property', 'og:image')).toBe(`${STORY_URL}share.png`);
    expect(meta(story, 'property', 'og:image:alt')).toBe(frontmatter.shareImageAlt);
    expect(meta(story, 'name', 'twitter:card')).toBe('summary_large_image');
    expect(meta(story, 'name', 'twitter:image')).toBe(meta(story, 'property', 'og:image'));
    expect(meta(story, 'name', 'twitter:title')).toBe(frontmatter.title);
  });

  it('points og:image at a 1200×630 PNG in the build', async () => {
    const png = await readFile(distFile(meta(story, 'property', 'og:image')!));
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(meta(story, 'property', 'og:image:width')).toBe('1200');
    expect(meta(story, 'property', 'og:image:height')).toBe('630');
  });

  it('has NewsArticle JSON-LD that parses and agrees with the page', () => {
    const scripts = [...story.querySelectorAll('script[type="application/ld+json"]')];
    expect(scripts).toHaveLength(1);
    const data = JSON.parse(scripts[0]!.textContent!) as Record<string, unknown>;
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('NewsArticle');
    expect(data.headline).toBe(frontmatter.title);
    expect(String(data.headline).length).toBeLessThanOrEqual(110);
    const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
    expect(data.datePublished).toBe(day(frontmatter.published));
    expect(data.dateModified).toBe(day(frontmatter.updated ?? frontmatter.published));
    const bylines = frontmatter.bylines as { name: string }[];
    expect(data.author).toEqual(bylines.map((b) => expect.objectContaining({ '@type': expect.stringMatching(/^(Person|Organization)$/), name: b.name })));
    const images = ([] as unknown[]).concat(data.image);
    expect(images).toContain(`${STORY_URL}share.png`);
    const page = data.mainEntityOfPage as string | { '@id': string };
    expect(typeof page === 'string' ? page : page['@id']).toBe(STORY_URL);
  });

  it('tells browsers not to ask for /favicon.ico', async () => {
    for (const file of (await listFiles(dist)).filter((f) => f.endsWith('.html'))) {
      const document = await readPage(dist, file);
      expect(document.querySelector('link[rel~="icon"]'), `${file} declares an icon`).not.toBeNull();
    }
  });
});

// ---------------------------------------------------------------------------------------
// 4. Nothing leaves the site's origin; 5. the JavaScript budget

describe('what the pages download', () => {
  it('loads every script, stylesheet, icon, image and frame from the site itself', async () => {
    const pages = (await listFiles(dist)).filter((f) => f.endsWith('.html'));
    expect(pages).toContain(`${STORY_SLUG}/index.html`);
    const external: string[] = [];
    let checked = 0;
    for (const file of pages) {
      const document = await readPage(dist, file);
      const pageUrl = new URL(file.replace(/index\.html$/, ''), `${SITE}/`);
      for (const { tag, url } of assetUrls(document)) {
        checked++;
        if (url.startsWith('data:')) continue;
        if (new URL(url, pageUrl).origin !== SITE) external.push(`${file}: <${tag}> ${url}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(external).toEqual([]);
  });

  it('serves its fonts itself: stylesheets name no URL on another host', async () => {
    const sheets = (await listFiles(dist)).filter((f) => f.endsWith('.css'));
    expect(sheets.length).toBeGreaterThan(0);
    const offsite: string[] = [];
    let fonts = 0;
    for (const sheet of sheets) {
      const css = await readFile(join(dist, sheet), 'utf8');
      for (const url of cssUrls(css)) {
        if (/^(https?:)?\/\//i.test(url)) offsite.push(`${sheet}: ${url}`);
        if (/\.woff2?$/.test(url)) {
          fonts++;
          expect(await fileExists(distFile(url, `${SITE}/${sheet}`)), `${sheet} → ${url}`).toBe(true);
        }
      }
    }
    expect(offsite).toEqual([]);
    expect(fonts).toBeGreaterThan(0);
  });

  it('keeps the story page under 10 KB of gzipped JavaScript, inline and external together', async () => {
    let total = 0;
    for (const script of story.querySelectorAll('script')) {
      if (script.getAttribute('type') === 'application/ld+json') continue;
      const src = script.getAttribute('src');
      const code = src ? await readFile(distFile(src)) : Buffer.from(script.textContent ?? '');
      total += gzipSync(code).length;
    }
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(10 * 1024);
  });
});

// ---------------------------------------------------------------------------------------
// 6. Reproducible builds

describe('reproducible builds', () => {
  it('builds the same files, byte for byte, from the same inputs', async () => {
    const first = await hashFiles(dist);
    const second = await hashFiles(rebuilt);
    expect([...second.keys()]).toEqual([...first.keys()]);
    const differing = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// 8. Sitemap and index

describe('sitemap and index', () => {
  it('lists the index and the story with absolute URLs', async () => {
    const xml = await readFile(join(dist, 'sitemap.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    expect(xml).toContain('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"');
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([`${SITE}/`, STORY_URL]);
    const updated = frontmatter.updated instanceof Date ? frontmatter.updated.toISOString().slice(0, 10) : String(frontmatter.updated);
    expect(xml).toContain(`<loc>${STORY_URL}</loc><lastmod>${updated}</lastmod>`);
  });

  it('links the story from the index page, under its headline', async () => {
    const index = await readPage(dist, 'index.html');
    const links = [...index.querySelectorAll('main a[href]')].filter((a) => new URL(a.getAttribute('href')!, `${SITE}/`).href === STORY_URL);
    expect(links).toHaveLength(1);
    expect(text(links[0])).toBe(frontmatter.title);
    expect(index.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE}/`);
  });
});

// ---------------------------------------------------------------------------------------
// 10. Sample data is labelled (the shipped data is synthetic; see real-data.test.ts for the reverse)

describe('sample-data label', () => {
  it('says "Sample data" at the top of the story page and the index', async () => {
    expect(text(story.querySelector('.sample-banner'))).toMatch(/^Sample data\./);
    const index = await readPage(dist, 'index.html');
    expect(text(index.querySelector('.sample-banner'))).toMatch(/^Sample data\./);
  });

  it('says "Sample data" on every chart and in its source line', () => {
    const figures = [...story.querySelectorAll('figure.chart')];
    expect(figures.length).toBe(chartPlacements(markdown).length);
    for (const figure of figures) {
      expect(text(figure.querySelector('figcaption')), figure.id).toContain('Sample data');
      expect(text(figure.querySelector('.chart__source')), figure.id).toMatch(/not GACC figures/);
    }
  });
});
