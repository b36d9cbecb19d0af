// The built site as a reader, an editor and a crawler meet it: the story pages' charts and
// facts, their head tags and share images, what they download, the sitemap and index, and
// the promise that the same inputs build the same bytes. The newsroom fixture project's
// English stories, built once for the run (and once more, elsewhere, for reproducibility).
// What the pages must show is worked out here from the stories' Markdown and the data
// step's JSON, not from the site's chart code.
import type { Aggregate, AggregatesFile, FactsFile } from '../../src/contract/index.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { csvParseRows } from 'd3-dsv';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT, DEFAULT_SOURCE } from '../../src/config.ts';
import { strings } from '../../src/i18n/index.ts';
import { BUILD_TIMEOUT } from '../support/build.ts';
import { assetUrls, cssUrls, hashFiles, listFiles, pngSize, text, type Page } from '../support/pages.ts';
import { buildProject, layOutFixture, sharedBuild, type BuiltProject } from '../support/project.ts';
import { publishedStories, type ProjectStory } from '../support/stories.ts';
import { removeTempDirs } from '../support/temp.ts';

const words = strings('en');

let project: BuiltProject;
let rebuilt: BuiltProject;
let facts: FactsFile;
let aggregates: AggregatesFile;
let stories: ProjectStory[];
/** The English stories, each with its built page. */
let english: { story: ProjectStory; page: Page }[];

beforeAll(async () => {
  // The second build is for the reproducibility test: the same inputs laid out elsewhere, its own caches.
  [project, rebuilt] = await Promise.all([sharedBuild('newsroom'), layOutFixture('newsroom').then((folders) => buildProject(folders))]);
  facts = JSON.parse(await readFile(join(project.data, 'facts.json'), 'utf8')) as FactsFile;
  aggregates = JSON.parse(await readFile(join(project.data, 'aggregates.json'), 'utf8')) as AggregatesFile;
  stories = await publishedStories(project);
  english = await Promise.all(stories.filter((story) => story.data.lang === 'en').map(async (story) => ({ story, page: await project.page(`${story.id}/`) })));
}, 2 * BUILD_TIMEOUT);

afterAll(removeTempDirs);

const fileExists = (path: string) =>
  readFile(path).then(
    () => true,
    () => false,
  );

// ---------------------------------------------------------------------------------------
// What the stories place, read from their Markdown

interface Placement {
  id: string;
  wide: boolean;
  /** The chart's definition: the block's YAML or the chart file's, English text picked. */
  title: string;
  dek: string;
  aggregate: string;
  type: string;
}

async function placementsIn(story: ProjectStory): Promise<Placement[]> {
  const placements: Placement[] = [];
  const english = (value: unknown) => (typeof value === 'string' ? value : (value as { en: string }).en);
  const definition = (yaml: Record<string, unknown>, id: string, wide: boolean): Placement => ({
    id,
    wide,
    title: english(yaml.title),
    dek: english(yaml.dek),
    aggregate: String(yaml.aggregate),
    type: String(yaml.type),
  });
  for (const match of story.source.matchAll(/^::chart\{([^}]*)\}\s*$|^```chart\n([\s\S]*?)\n```$/gm)) {
    if (match[1] !== undefined) {
      const id = /#([\w-]+)/.exec(match[1])![1]!;
      const yaml = parseYaml(await readFile(join(project.charts, `${id}.yaml`), 'utf8')) as Record<string, unknown>;
      placements.push(definition(yaml, id, /\bwidth=("?)wide\1/.test(match[1]) || yaml.width === 'wide'));
    } else {
      const yaml = parseYaml(match[2]!) as Record<string, unknown>;
      placements.push(definition(yaml, String(yaml.id), yaml.width === 'wide'));
    }
  }
  return placements;
}

// ---------------------------------------------------------------------------------------
// 1. Charts

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** A table as { row label → { column header without its unit → cell } }. */
type Cells = Map<string, Record<string, string>>;
type Row = Aggregate['rows'][number];

function pivot(aggregate: Aggregate, rowKey: (row: Row) => string, columnKey: (row: Row) => string): Cells {
  const cells: Cells = new Map();
  for (const row of aggregate.rows) {
    const cellsOfRow = cells.get(rowKey(row)) ?? {};
    cellsOfRow[columnKey(row)] = String(Number(cellsOfRow[columnKey(row)] ?? 0) + Number(row.value));
    cells.set(rowKey(row), cellsOfRow);
  }
  return cells;
}

const byPartnerAndYear = (aggregate: Aggregate) =>
  pivot(
    aggregate,
    (row) => String(row.partner_name),
    (row) => String(row.year),
  );

/** What each chart's table must show, computed here from aggregates.json on its own terms. */
const EXPECTED_TABLES: Record<string, (aggregate: Aggregate) => Cells> = {
  'soy-stacked': (aggregate) =>
    pivot(
      aggregate,
      (row) => String(row.partner_name),
      (row) => String(row.product_label),
    ),
  'soy-kinds': (aggregate) =>
    pivot(
      aggregate,
      (row) => String(row.product_label),
      () => 'Imports',
    ),
  'soy-months': (aggregate) =>
    pivot(
      aggregate,
      (row) => monthName(String(row.month)),
      () => 'Imports',
    ),
  'soy-partners': (aggregate) => {
    const total = aggregate.rows.reduce((sum, row) => sum + Number(row.value), 0);
    return new Map(
      aggregate.rows.map((row) => [
        String(row.partner_name),
        { Rank: String(row.rank), Imports: String(row.value), Share: `${((100 * Number(row.value)) / total).toFixed(1)}%` },
      ]),
    );
  },
  'wig-exports': byPartnerAndYear,
  'wig-dots': byPartnerAndYear,
};

function tableHeaders(table: Element): string[] {
  return [...table.querySelectorAll('thead th')].map((th) => text(th));
}

function tableRows(table: Element): string[][] {
  return [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => text(cell)));
}

const NUMBER = /^-?[\d,]+(\.\d+)?$/;

/** Parses a rendered table into Cells: units dropped from headers, thousands separators from numbers. */
function readTable(table: Element): Cells {
  const headers = tableHeaders(table).map((h) => h.replace(/\s*\([^)]*\)$/, ''));
  const cells: Cells = new Map();
  for (const [label, ...values] of tableRows(table)) {
    cells.set(label!, Object.fromEntries(values.map((value, k) => [headers[k + 1]!, NUMBER.test(value) ? value.replaceAll(',', '') : value])));
  }
  return cells;
}

/** "14.56 billion yuan", as the charts' descriptions and the prose write yuan. */
function englishMoney(value: number): string {
  const trimmed = (n: number) => n.toFixed(2).replace(/\.?0+$/, '');
  if (value >= 1e9) return `${trimmed(value / 1e9)} billion yuan`;
  if (value >= 1e6) return `${trimmed(value / 1e6)} million yuan`;
  return `${value.toLocaleString('en-US')} yuan`;
}

describe('charts on the story pages', () => {
  it('places every chart the Markdown asks for, in order, and no other', async () => {
    let total = 0;
    for (const { story, page } of english) {
      const placed = (await placementsIn(story)).map((p) => `chart-${p.id}`);
      total += placed.length;
      expect(
        [...page.querySelectorAll('article figure.chart')].map((figure) => figure.id),
        story.id,
      ).toEqual(placed);
    }
    expect(total).toBeGreaterThanOrEqual(6);
  });

  it('has an expected table for every chart placed (the control for the tests below)', async () => {
    for (const { story } of english) for (const { id } of await placementsIn(story)) expect(EXPECTED_TABLES[id], id).toBeDefined();
  });

  it('draws every chart but tables at a phone and a desktop width, and wide ones wider, each SVG with an accessible name', async () => {
    for (const { story, page } of english) {
      for (const { id, wide, type } of await placementsIn(story)) {
        const figure = page.querySelector(`figure#chart-${id}`)!;
        expect(figure.classList.contains('chart--wide'), id).toBe(wide);
        if (type === 'table') {
          expect(figure.querySelector('.chart__artboard'), id).toBeNull();
          continue;
        }
        const names = ['phone', 'desktop', ...(wide ? ['wide'] : [])];
        for (const name of names) {
          const svg = figure.querySelector(`.chart__artboard--${name} svg`);
          expect(svg, `${id}: ${name} artboard`).not.toBeNull();
          expect(svg!.getAttribute('role')).toBe('img');
          const labelId = svg!.getAttribute('aria-labelledby');
          const label = svg!.getAttribute('aria-label') ?? (labelId ? text(page.getElementById(labelId)) : '');
          expect(label.length, `${id}: ${name} artboard's accessible name`).toBeGreaterThan(20);
        }
        // Artboards are drawn at different widths, phone narrowest, so the layouts really differ.
        const widths = names.map((name) => Number(figure.querySelector(`.chart__artboard--${name} svg`)!.getAttribute('viewBox')!.split(/\s+/)[2]));
        expect(widths, id).toEqual([...widths].sort((a, b) => a - b));
        expect(new Set(widths).size, id).toBe(names.length);
      }
    }
  });

  it("shows each chart's title, dek, source line and credit", async () => {
    for (const { story, page } of english) {
      for (const placement of await placementsIn(story)) {
        const figure = page.querySelector(`figure#chart-${placement.id}`)!;
        const sample = aggregates[placement.aggregate]!.synthetic ? ` ${words.frame.sampleNote}.` : '';
        expect(text(figure.querySelector('.chart__title')), placement.id).toBe(placement.title);
        expect(text(figure.querySelector('.chart__dek')), placement.id).toBe(placement.dek);
        expect(text(figure.querySelector('.chart__source')), placement.id).toBe(`${words.frame.source} ${DEFAULT_SOURCE.en}.${sample}`);
        expect(text(figure.querySelector('.chart__credit')), placement.id).toBe(DEFAULT_CREDIT.en);
      }
    }
  });

  it("has a table whose rows are the chart's data from aggregates.json, money columns naming their unit", async () => {
    for (const { story, page } of english) {
      for (const { id, aggregate, type } of await placementsIn(story)) {
        const table = page.querySelector(`figure#chart-${id} ${type === 'table' ? '' : 'details '}table`);
        expect(table, `${id}: a table${type === 'table' ? '' : ' inside a <details> disclosure'}`).not.toBeNull();
        expect(Object.fromEntries(readTable(table!)), id).toEqual(Object.fromEntries(EXPECTED_TABLES[id]!(aggregates[aggregate]!)));
        for (const header of tableHeaders(table!).slice(1)) {
          if (/^(\d{4}|Imports|Exports|.*soybeans)$/.test(header.replace(/\s*\(.*$/, ''))) expect(header, id).toMatch(/\(yuan\)$/);
        }
      }
    }
  });

  it('links "Get the data" to a CSV in the build holding the same rows as the table', async () => {
    for (const { story, page } of english) {
      for (const { id, aggregate } of await placementsIn(story)) {
        const figure = page.querySelector(`figure#chart-${id}`)!;
        const link = figure.querySelector('a[href$=".csv"]');
        expect(text(link), id).toBe(words.frame.getData);
        const csv = await readFile(project.file(link!.getAttribute('href')!), 'utf8');
        const table = figure.querySelector('table')!;
        const [header, ...rows] = csvParseRows(csv);
        expect(header, id).toEqual(tableHeaders(table));
        // The CSV holds the numbers, the table shows them formatted; a note on converted amounts may follow.
        const shown = tableRows(table).map((row) => row.map((cell) => (NUMBER.test(cell) ? cell.replaceAll(',', '') : cell)));
        expect(rows.slice(0, shown.length), id).toEqual(shown);
        const notes = rows.slice(shown.length);
        expect(notes.length, id).toBe(aggregates[aggregate]!.conversion ? 1 : 0);
        for (const note of notes) expect(note.join(','), id).toBe(text(figure.querySelector('.chart__notes')));
      }
    }
  });

  it('describes each drawn chart in words a screen reader reads, with its largest figure', async () => {
    for (const { story, page } of english) {
      for (const { id, aggregate, type } of await placementsIn(story)) {
        if (type === 'table') continue;
        const description = page.querySelector(`figure#chart-${id} .chart__description`);
        expect(description?.classList.contains('visually-hidden'), id).toBe(true);
        const largest = Math.max(...aggregates[aggregate]!.rows.map((row) => Number(row.value)));
        expect(text(description), id).toContain(englishMoney(largest));
      }
    }
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
  const percent = /^(\d+)(?:\.(\d+))?%$/.exec(figure);
  if (percent) return { value: Number(`${percent[1]}.${percent[2] ?? '0'}`) / 100, tolerance: 0.5 / 100 / 10 ** (percent[2]?.length ?? 0) };
  const times = /^(\d+)(?:\.(\d+))? times$/.exec(figure);
  if (times) return { value: Number(`${times[1]}.${times[2] ?? '0'}`), tolerance: 0.5 / 10 ** (times[2]?.length ?? 0) };
  const match = /^\$?(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?(?: (thousand|million|billion))?(?: yuan)?$/.exec(figure);
  if (!match) return undefined;
  const scale = match[3] ? SCALES[match[3]]! : 1;
  const decimals = match[2]?.length ?? 0;
  return { value: Number(`${match[1]!.replaceAll(',', '')}.${match[2] ?? '0'}`) * scale, tolerance: (0.5 * scale) / 10 ** decimals };
}

const factElements = (page: Page) => [...page.querySelectorAll('article data.fact')];
const allFacts = () => english.flatMap(({ page }) => factElements(page));

describe('facts in the stories', () => {
  it('binds every figure to a fact in facts.json, with its value as the machine-readable value', () => {
    expect(allFacts().length).toBeGreaterThanOrEqual(5);
    for (const element of allFacts()) {
      const key = element.getAttribute('data-fact')!;
      const fact = facts[key];
      expect(fact, `facts.json has "${key}"`).toBeDefined();
      const value = Number(element.getAttribute('value'));
      if (text(element).startsWith('$')) expect(value, `${key} in dollars`).toBe(fact!.usd?.value);
      else expect(value, key).toBe(fact!.value);
    }
  });

  it('writes each figure so that it reads as its value', () => {
    for (const element of allFacts()) {
      const shown = text(element);
      const read = readFigure(shown);
      expect(read, `"${shown}" is a figure in house style`).toBeDefined();
      expect(Math.abs(read!.value - Number(element.getAttribute('value'))), `"${shown}" states ${element.getAttribute('value')}`).toBeLessThanOrEqual(
        read!.tolerance,
      );
    }
  });

  it('names the row a label fact picks, and states its value beside it', () => {
    const soybeans = english.find(({ story }) => story.id === 'soybeans')!.page;
    const label = soybeans.querySelector('article > p span.fact--label[data-fact="top-supplier-2024"]');
    expect(text(label)).toBe(facts['top-supplier-2024']!.label);
    const value = soybeans.querySelector('article > p data[data-fact="top-supplier-2024"]');
    expect(text(value)).toBe(englishMoney(facts['top-supplier-2024']!.value));
  });

  it('converts to dollars at a declared rate and names the rate beside the figure', () => {
    const fact = facts['soy-2024']!;
    const dollars = allFacts().find((el) => el.getAttribute('data-fact') === 'soy-2024' && text(el).startsWith('$'));
    expect(dollars, 'a dollar figure for soy-2024').toBeDefined();
    expect(Math.abs(fact.usd!.value * fact.usd!.rate - fact.value)).toBeLessThan(fact.usd!.rate);
    // A reader sees the rate in the text, not only in a tooltip.
    expect(text(dollars!.closest('p'))).toContain(String(fact.usd!.rate));
  });
});

// ---------------------------------------------------------------------------------------
// 3. Head tags, structured data and the share image

const meta = (document: Page, attribute: 'name' | 'property', key: string) =>
  document.querySelector(`meta[${attribute}="${key}"]`)?.getAttribute('content') ?? undefined;

/**
 * Checks `shown` is the frontmatter text `written` with each :fact[…] replaced by a figure or
 * label that states that fact; facts in the frontmatter are bound like those in the body.
 */
function expectBound(shown: string | undefined, written: string, where: string) {
  const parts = written.split(/(:fact\[[^\]]+\](?:\{[^}]*\})?)/);
  const pattern = parts.map((part, k) => (k % 2 ? '(.+?)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  const match = new RegExp(`^${pattern}$`).exec(shown ?? '');
  expect(match, `${where}: "${shown}" is "${written}" with its facts filled in`).not.toBeNull();
  parts
    .filter((_, k) => k % 2)
    .forEach((directive, k) => {
      const fact = facts[/:fact\[([^\]]+)\]/.exec(directive)![1]!]!;
      const figure = match![k + 1]!;
      if (/as=label/.test(directive)) expect(figure, where).toBe(fact.label);
      else if (/as=times/.test(directive)) expect(Math.abs(readFigure(figure)!.value - fact.times!), where).toBeLessThanOrEqual(readFigure(figure)!.tolerance);
      else expect(Math.abs(readFigure(figure)!.value - fact.value), `${where}: ${figure}`).toBeLessThanOrEqual(readFigure(figure)!.tolerance);
    });
}

describe('head of the story pages', () => {
  it('has the title, description and an absolute canonical URL, its facts filled in', () => {
    for (const { story, page } of english) {
      expectBound(text(page.querySelector('head title')), String(story.frontmatter.title), `${story.id} <title>`);
      expectBound(meta(page, 'name', 'description'), String(story.frontmatter.summary), `${story.id} description`);
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(project.url(`${story.id}/`));
      expect(page.documentElement.getAttribute('lang')).toBe(story.data.lang);
    }
  });

  it('has Open Graph and Twitter tags with absolute URLs', () => {
    for (const { story, page } of english) {
      const url = project.url(`${story.id}/`);
      expect(meta(page, 'property', 'og:title')).toBe(text(page.querySelector('head title')));
      expect(meta(page, 'property', 'og:description')).toBe(meta(page, 'name', 'description'));
      expect(meta(page, 'property', 'og:url')).toBe(url);
      expect(meta(page, 'property', 'og:type')).toBe('article');
      expect(meta(page, 'property', 'og:image')).toBe(`${url}share.png`);
      expect(meta(page, 'property', 'og:image:alt')).toBe(story.frontmatter.shareImageAlt);
      expect(meta(page, 'name', 'twitter:card')).toBe('summary_large_image');
      expect(meta(page, 'name', 'twitter:image')).toBe(meta(page, 'property', 'og:image'));
      expect(meta(page, 'name', 'twitter:title')).toBe(meta(page, 'property', 'og:title'));
    }
  });

  it('points og:image at a 1200×630 PNG in the build', async () => {
    for (const { page } of english) {
      const png = await readFile(project.file(meta(page, 'property', 'og:image')!));
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      expect(meta(page, 'property', 'og:image:width')).toBe('1200');
      expect(meta(page, 'property', 'og:image:height')).toBe('630');
    }
  });

  it('has NewsArticle JSON-LD that parses and agrees with the page', () => {
    for (const { story, page } of english) {
      const url = project.url(`${story.id}/`);
      const scripts = [...page.querySelectorAll('script[type="application/ld+json"]')];
      expect(scripts).toHaveLength(1);
      const data = JSON.parse(scripts[0]!.textContent!) as Record<string, unknown>;
      expect(data['@context']).toBe('https://schema.org');
      expect(data['@type']).toBe('NewsArticle');
      expect(data.headline).toBe(text(page.querySelector('h1')));
      expect(String(data.headline).length).toBeLessThanOrEqual(110);
      const day = (value: Date) => value.toISOString().slice(0, 10);
      expect(data.datePublished).toBe(day(story.data.published));
      expect(data.dateModified).toBe(day(story.data.updated ?? story.data.published));
      expect(data.author).toEqual(
        story.data.bylines.map((b) => expect.objectContaining({ '@type': expect.stringMatching(/^(Person|Organization)$/), name: b.name })),
      );
      expect(([] as unknown[]).concat(data.image)).toContain(`${url}share.png`);
      const main = data.mainEntityOfPage as string | { '@id': string };
      expect(typeof main === 'string' ? main : main['@id']).toBe(url);
    }
  });

  it('tells browsers not to ask for /favicon.ico', async () => {
    for (const file of await project.htmlFiles()) {
      const document = await project.page(file);
      expect(document.querySelector('link[rel~="icon"]'), `${file} declares an icon`).not.toBeNull();
    }
  });
});

// ---------------------------------------------------------------------------------------
// 4. Nothing leaves the site's origin; 5. the JavaScript budget

describe('what the pages download', () => {
  it('loads every script, stylesheet, icon, image and frame from the site itself', async () => {
    const external: string[] = [];
    let checked = 0;
    for (const file of await project.htmlFiles()) {
      const document = await project.page(file);
      const pageUrl = project.url(file.replace(/index\.html$/, ''));
      for (const { tag, url } of assetUrls(document)) {
        checked++;
        if (url.startsWith('data:')) continue;
        if (new URL(url, pageUrl).origin !== project.site) external.push(`${file}: <${tag}> ${url}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(external).toEqual([]);
  });

  it('serves its fonts itself: stylesheets, in files or inline, name no URL on another host', async () => {
    // Each stylesheet with the URL its own url()s are relative to.
    const sheets: { name: string; css: string; base: string }[] = [];
    for (const file of (await listFiles(project.dist)).filter((f) => f.endsWith('.css'))) {
      sheets.push({ name: file, css: await readFile(join(project.dist, file), 'utf8'), base: project.url(file) });
    }
    for (const file of await project.htmlFiles()) {
      const styles = (await project.page(file)).querySelectorAll('style');
      for (const style of styles) sheets.push({ name: `${file} <style>`, css: style.textContent ?? '', base: project.url(file) });
    }
    const offsite: string[] = [];
    let fonts = 0;
    for (const sheet of sheets) {
      for (const url of cssUrls(sheet.css)) {
        if (/^(https?:)?\/\//i.test(url)) offsite.push(`${sheet.name}: ${url}`);
        if (/\.woff2?$/.test(url)) {
          fonts++;
          expect(await fileExists(project.file(new URL(url, sheet.base).href)), `${sheet.name} → ${url}`).toBe(true);
        }
      }
    }
    expect(offsite).toEqual([]);
    expect(fonts).toBeGreaterThan(0);
  });

  it('keeps each story page under 10 KB of gzipped JavaScript, inline and external together', async () => {
    for (const { story, page } of english) {
      let total = 0;
      for (const script of page.querySelectorAll('script')) {
        if (script.getAttribute('type') === 'application/ld+json') continue;
        const src = script.getAttribute('src');
        const code = src ? await readFile(project.file(src)) : Buffer.from(script.textContent ?? '');
        total += gzipSync(code).length;
      }
      expect(total, story.id).toBeGreaterThan(0);
      expect(total, story.id).toBeLessThan(10 * 1024);
    }
  });
});

// ---------------------------------------------------------------------------------------
// 6. Reproducible builds

describe('reproducible builds', () => {
  it('builds the same files, byte for byte, from the same inputs in another folder', async () => {
    const first = await hashFiles(project.dist);
    const second = await hashFiles(rebuilt.dist);
    expect([...second.keys()]).toEqual([...first.keys()]);
    const differing = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// 7. Sitemap and index

describe('sitemap and index', () => {
  it('lists the index and every published story with absolute URLs and the day it last changed', async () => {
    const xml = await readFile(join(project.dist, 'sitemap.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    expect(xml).toContain('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"');
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    const byId = [...stories].sort((a, b) => a.id.localeCompare(b.id));
    expect(locs).toEqual([project.home, ...byId.map((story) => project.url(`${story.id}/`))]);
    for (const story of stories) {
      const updated = (story.data.updated ?? story.data.published).toISOString().slice(0, 10);
      expect(xml).toContain(`<loc>${project.url(`${story.id}/`)}</loc><lastmod>${updated}</lastmod>`);
    }
  });

  it('links every story from the index page, under its headline, newest first', async () => {
    const index = await project.page('');
    const links = [...index.querySelectorAll('main .story-list > li > a[href]')];
    const newestFirst = [...stories].sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id));
    expect(links.map((a) => new URL(a.getAttribute('href')!, project.home).href)).toEqual(newestFirst.map((story) => project.url(`${story.id}/`)));
    for (const { story, page } of english) {
      const link = links.find((a) => a.getAttribute('href') === `${project.base}${story.id}/`);
      expect(text(link)).toBe(text(page.querySelector('h1')));
    }
    expect(index.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(project.home);
  });
});
