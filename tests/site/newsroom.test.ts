// A newsroom's own project (tests/fixtures/projects/newsroom/) built as `npm run build`
// builds it: soybean stories on downloads declared real, in English and Korean editions, and
// a wig story on generated sample data. Each page says where its own figures come from, the
// editions link to each other, every chart type is drawn, and every chart has its embed page
// and pictures in each language it is drawn in.
import type { AggregatesFile } from '../../src/contract/index.ts';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_TYPES } from '../../src/charts/index.ts';
import { IMAGE_LAYOUTS } from '../../src/embed/images.ts';
import { DEFAULT_SOURCE } from '../../src/config.ts';
import { DEFAULT_LANG, LANGUAGES, strings } from '../../src/i18n/index.ts';
import { chartPath, type SiteChart } from '../../src/site/charts.ts';
import { BUILD_TIMEOUT } from '../support/build.ts';
import { listFiles, pngSize, text, type Page } from '../support/pages.ts';
import { sharedBuild, type BuiltProject } from '../support/project.ts';
import { projectCharts, publishedStories, type ProjectStory } from '../support/stories.ts';
import { removeTempDirs } from '../support/temp.ts';

const en = strings('en');

let project: BuiltProject;
let stories: ProjectStory[];
let charts: SiteChart[];
let aggregates: AggregatesFile;
/** The fixture's sources.yaml: which file is sample data, and what each says it is. */
let manifest: { file: string; source: string; synthetic: boolean }[];
const pages = new Map<string, Page>();

beforeAll(async () => {
  project = await sharedBuild('newsroom');
  stories = await publishedStories(project);
  charts = await projectCharts(project, project.data);
  aggregates = JSON.parse(await readFile(join(project.data, 'aggregates.json'), 'utf8')) as AggregatesFile;
  manifest = parseYaml(await readFile(join(project.raw, 'sources.yaml'), 'utf8')) as typeof manifest;
  for (const path of ['', 'soybeans/', 'soybeans-ko/', 'wigs/']) pages.set(path, await project.page(path));
}, BUILD_TIMEOUT);

afterAll(removeTempDirs);

const page = (path: string) => pages.get(path)!;
const embedPath = (chart: SiteChart) => `embed/${chartPath(chart.spec)}/`;
const chartsOf = (id: string) => charts.filter((chart) => chart.story?.id === id);

describe('the fixture', () => {
  it('has the stories the tests below read, and a draft the build leaves out', () => {
    expect(stories.map((story) => [story.id, story.data.lang])).toEqual([
      ['soybeans-ko', 'ko'],
      ['soybeans', 'en'],
      ['wigs', 'en'],
    ]);
    expect(manifest.filter((entry) => entry.synthetic).map((entry) => entry.file)).toEqual(['sample-wig-exports.csv']);
  });

  it('publishes a chart of every type', () => {
    expect(new Set(charts.map((chart) => chart.spec.type))).toEqual(new Set(CHART_TYPES));
  });
});

describe('provenance per page', () => {
  /** The Sources lines a page built from these files must show, worked out from sources.yaml. */
  const sourceLines = (synthetic: boolean, lang: 'en' | 'ko') => {
    const words = strings(lang).article;
    const bySource = new Map<string, number>();
    for (const entry of manifest.filter((e) => e.synthetic === synthetic)) bySource.set(entry.source, (bySource.get(entry.source) ?? 0) + 1);
    return [...bySource].map(([source, count]) => `${source}${synthetic ? ` ${words.sampleSource}` : ''} (${words.files(count)})`);
  };
  const sourceItems = (path: string) => [...page(path).querySelectorAll('.sources li')].map((li) => text(li));

  it('labels the page on sample data: banner, fact styles, chart badges and sample source lines', () => {
    const wigs = page('wigs/');
    expect(text(wigs.querySelector('.sample-banner'))).toBe(`${en.site.sampleBanner.strong} ${en.site.sampleBanner.text}`);
    expect(wigs.querySelectorAll('data.fact').length).toBeGreaterThan(0);
    expect(wigs.querySelectorAll('data.fact:not(.fact--sample)')).toHaveLength(0);
    const figures = [...wigs.querySelectorAll('figure.chart')];
    expect(figures).toHaveLength(chartsOf('wigs').length);
    for (const figure of figures) {
      expect(text(figure.querySelector('.chart__badge')), figure.id).toBe(en.frame.sampleBadge);
      expect(text(figure.querySelector('.chart__source')), figure.id).toContain(en.frame.sampleNote);
    }
  });

  it('lists on the sample-data page only the sample download', () => {
    expect(sourceItems('wigs/')).toEqual(sourceLines(true, 'en'));
  });

  it.each([
    ['soybeans/', 'en'],
    ['soybeans-ko/', 'ko'],
  ] as const)('shows no sample label on %s, whose downloads are declared real', (path, lang) => {
    const words = strings(lang);
    const story = page(path);
    expect(story.querySelector('.sample-banner')).toBeNull();
    expect(story.querySelectorAll('.chart__badge')).toHaveLength(0);
    expect(story.querySelectorAll('data.fact--sample')).toHaveLength(0);
    expect(story.querySelectorAll('data.fact').length).toBeGreaterThan(0);
    expect(text(story.querySelector('main'))).not.toContain(words.frame.sampleNote);
    expect(text(story.querySelector('main'))).not.toContain(words.site.sampleBanner.strong);
    for (const source of story.querySelectorAll('.chart__source')) expect(text(source)).toBe(`${words.frame.source} ${DEFAULT_SOURCE[lang]}.`);
  });

  it.each([
    ['soybeans/', 'en'],
    ['soybeans-ko/', 'ko'],
  ] as const)('lists on %s the real downloads and not the sample one', (path, lang) => {
    expect(sourceItems(path)).toEqual(sourceLines(false, lang));
  });

  it('names under each chart only the downloads its own aggregate was summed from', () => {
    for (const chart of charts.filter((c) => c.story)) {
      const figure = page(`${chart.story!.id}/`).querySelector(`figure#chart-${chart.spec.id}`);
      const files = [...figure!.querySelectorAll('.chart__files code')].map((code) => text(code));
      expect(files, chart.spec.id).toEqual(aggregates[chart.spec.aggregate]!.sources);
      const sample = manifest.filter((entry) => entry.synthetic).map((entry) => entry.file);
      expect(
        files.some((file) => sample.includes(file)),
        chart.spec.id,
      ).toBe(chart.story!.id === 'wigs');
    }
  });

  it('marks on the index the story on sample data, and only that one', () => {
    const items = [...page('').querySelectorAll('.story-list li')];
    const sampled = items.filter((li) => li.querySelector('.story-list__sample')).map((li) => li.querySelector('a')!.getAttribute('href'));
    expect(sampled).toEqual([`${project.base}wigs/`]);
    expect(page('').querySelector('.sample-banner')).toBeNull();
  });

  it('labels the sample-data charts on their embed pages, and only those', async () => {
    for (const chart of charts) {
      const embed = await project.page(embedPath(chart));
      expect(embed.querySelectorAll('.chart__badge').length, embedPath(chart)).toBe(chart.aggregate.synthetic ? 1 : 0);
    }
  });
});

describe('language editions', () => {
  const editions = [
    ['soybeans/', 'en'],
    ['soybeans-ko/', 'ko'],
  ] as const;

  it.each(editions)('%s names both editions as hreflang alternates, itself included', (path, lang) => {
    const story = page(path);
    expect(story.documentElement.getAttribute('lang')).toBe(strings(lang).tag);
    const alternates = [...story.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]);
    expect(alternates).toEqual([
      ['en', project.url('soybeans/')],
      ['ko', project.url('soybeans-ko/')],
    ]);
    expect(story.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(project.url(path));
  });

  it.each(editions)('%s shows a language switch to the other edition, named in its own language', (path, lang) => {
    const [otherPath, other] = editions.find(([, l]) => l !== lang)!;
    const nav = page(path).querySelector('nav.language-switch');
    expect(nav?.getAttribute('aria-label')).toBe(strings(lang).site.languageSwitch);
    const links = [...nav!.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('hreflang'), a.getAttribute('lang'), text(a)])).toEqual([
      [`${project.base}${otherPath}`, strings(other).tag, strings(other).tag, strings(other).name],
    ]);
  });

  it('shows no language switch on a story with one edition', () => {
    expect(page('wigs/').querySelector('nav.language-switch')).toBeNull();
    expect(page('wigs/').querySelectorAll('link[rel="alternate"][hreflang]')).toHaveLength(0);
  });

  it('lists both editions on the index, each in its language and linked to the other', () => {
    const items = [...page('').querySelectorAll('.story-list li')];
    const item = (path: string) => items.find((li) => li.querySelector('a')?.getAttribute('href') === `${project.base}${path}`)!;
    for (const [path, lang] of editions) {
      const [otherPath, other] = editions.find(([, l]) => l !== lang)!;
      expect(item(path), path).toBeDefined();
      expect(item(path).getAttribute('lang')).toBe(strings(lang).tag);
      const link = item(path).querySelector(`a[hreflang="${strings(other).tag}"]`);
      expect(link?.getAttribute('href'), path).toBe(`${project.base}${otherPath}`);
      expect(text(link)).toBe(strings(other).name);
    }
  });

  it('lists both editions in the sitemap, each with the pair of hreflang alternates', async () => {
    const xml = await readFile(join(project.dist, 'sitemap.xml'), 'utf8');
    const pair = editions.map(([path, lang]) => `<xhtml:link rel="alternate" hreflang="${strings(lang).tag}" href="${project.url(path)}"/>`).join('');
    for (const [path] of editions) {
      const entry = new RegExp(`<url><loc>${project.url(path)}</loc><lastmod>[\\d-]+</lastmod>(.*?)</url>`).exec(xml);
      expect(entry?.[1], path).toBe(pair);
    }
    expect(xml).toMatch(new RegExp(`<url><loc>${project.url('wigs/')}</loc><lastmod>[\\d-]+</lastmod></url>`));
  });

  it('publishes a chart drawn in both languages at two addresses, each in its language', async () => {
    const drawn = charts.filter((chart) => chart.spec.id === 'soy-stacked');
    expect(drawn.map((chart) => embedPath(chart)).sort()).toEqual(['embed/ko/soy-stacked/', 'embed/soy-stacked/']);
    for (const chart of drawn) {
      const embed = await project.page(embedPath(chart));
      expect(embed.documentElement.getAttribute('lang'), embedPath(chart)).toBe(strings(chart.spec.lang).tag);
      expect(text(embed.querySelector('.chart__title'))).toBe(chart.spec.title);
      expect(await readFile(join(project.dist, 'data', `${chartPath(chart.spec)}.csv`), 'utf8')).toContain(
        chart.spec.lang === 'ko' ? '교역 상대국' : 'Partner',
      );
    }
    expect(new Set(drawn.map((chart) => chart.spec.title)).size).toBe(2);
  });

  it("draws each story page's charts in its language and points their embed code at that language's embed", () => {
    for (const chart of charts.filter((c) => c.story)) {
      const figure = page(`${chart.story!.id}/`).querySelector(`figure#chart-${chart.spec.id}`);
      expect(figure?.getAttribute('lang'), chart.spec.id).toBe(strings(chart.spec.lang).tag);
      expect(figure!.querySelector('.chart__embed textarea')?.textContent, chart.spec.id).toContain(project.url(embedPath(chart)));
    }
  });

  it('makes a Korean share card of its own for the Korean edition', async () => {
    const card = async (path: string) => readFile(join(project.dist, path, 'share.png'));
    const [english, korean] = [await card('soybeans'), await card('soybeans-ko')];
    expect(pngSize(korean)).toEqual({ width: 1200, height: 630 });
    expect(korean.equals(english)).toBe(false);
    expect(page('soybeans-ko/').querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(project.url('soybeans-ko/share.png'));
  });
});

describe('facts in the headline', () => {
  it.each(['soybeans/', 'soybeans-ko/'])('binds the figures in the <h1> of %s, as one run of text, and states them in the <title>', (path) => {
    const h1 = page(path).querySelector('h1')!;
    expect(h1.getAttribute('data-facts')).toBe(
      path === 'soybeans/' ? 'top-supplier-2024 top-supplier-share-2024' : 'top-supplier-share-2024 top-supplier-2024',
    );
    // The headline's font swaps in late; an element inside it would make the words after it move.
    expect(h1.children.length).toBe(0);
    expect(text(h1)).toMatch(path === 'soybeans/' ? /^\S+ supplies \d+\.\d% of China's soybeans$/ : /\d+\.\d%/);
    expect(text(page(path).querySelector('title'))).toBe(text(h1));
    expect(text(h1)).not.toContain(':fact');
  });
});

describe('every chart type', () => {
  const figureOf = (chart: SiteChart) => page(`${chart.story!.id}/`).querySelector(`figure#chart-${chart.spec.id}`)!;
  const drawnCharts = () => charts.filter((chart) => chart.story && chart.spec.type !== 'table');

  it('draws each chart but the table as SVG artboards on its story page and its embed page', async () => {
    expect(drawnCharts().length).toBeGreaterThanOrEqual(CHART_TYPES.length - 1);
    for (const chart of drawnCharts()) {
      const svgs = [...figureOf(chart).querySelectorAll('.chart__artboard svg')];
      expect(svgs.length, chart.spec.id).toBeGreaterThanOrEqual(2);
      for (const svg of svgs) expect(svg.querySelectorAll('[data-value]').length, chart.spec.id).toBeGreaterThan(0);
      const embed = await project.page(embedPath(chart));
      expect(embed.querySelectorAll('.chart__artboard svg').length, embedPath(chart)).toBeGreaterThanOrEqual(svgs.length);
    }
  });

  it('draws the table chart as a sortable table with a row per data row and no artboard', () => {
    const tables = charts.filter((chart) => chart.story && chart.spec.type === 'table');
    expect(tables.length).toBeGreaterThan(0);
    for (const chart of tables) {
      const figure = figureOf(chart);
      expect(figure.querySelector('.chart__artboard'), chart.spec.id).toBeNull();
      const table = figure.querySelector('table[data-sortable]');
      expect(table, chart.spec.id).not.toBeNull();
      expect(table!.querySelectorAll('tbody tr')).toHaveLength(aggregates[chart.spec.aggregate]!.rows.length);
    }
  });

  it('draws no zero segment in the stacked bar that hides zeros', () => {
    const chart = charts.find((c) => c.spec.id === 'soy-stacked' && c.spec.lang === 'en')!;
    const rows = aggregates['soy-by-partner']!.rows;
    const nonZero = rows.filter((row) => Number(row.value) !== 0);
    expect(nonZero.length).toBeLessThan(rows.length);
    for (const svg of figureOf(chart).querySelectorAll('.chart__artboard svg')) {
      const values = [...svg.querySelectorAll('rect[data-value]')].map((rect) => Number(rect.getAttribute('data-value')));
      expect(values.filter((value) => value === 0)).toEqual([]);
      expect(values.sort((a, b) => a - b)).toEqual(nonZero.map((row) => Number(row.value)).sort((a, b) => a - b));
    }
  });

  it('highlights the columns the attribute picks, with a key that names them', () => {
    const chart = charts.find((c) => c.spec.id === 'soy-kinds')!;
    const picked = aggregates['soy-by-kind']!.rows.filter((row) => row.product_group === 'gm').map((row) => String(row.product_label));
    expect(picked.length).toBeGreaterThan(0);
    for (const svg of figureOf(chart).querySelectorAll('.chart__artboard svg')) {
      const marks = [...svg.querySelectorAll('rect[data-label]')];
      expect(marks.filter((mark) => mark.classList.contains('chart__bar--highlight')).map((mark) => mark.getAttribute('data-label'))).toEqual(picked);
      expect(marks.length).toBeGreaterThan(picked.length);
      expect(svg.querySelector('g.chart__bar--highlight path'), 'a swatch in the key').not.toBeNull();
      expect([...svg.querySelectorAll('.chart__key-label text')].map((label) => text(label))).toContain('Genetically modified');
    }
    expect(text(figureOf(chart).querySelector('.chart__description'))).toContain(`Genetically modified: ${picked.join(', ')}`);
  });

  it('writes the annotations into every artboard of the line chart and into its description', () => {
    const annotations = ['Harvest arrives', "Brazil's season", 'Two billion yuan'];
    const figure = figureOf(charts.find((c) => c.spec.id === 'soy-months')!);
    for (const svg of figure.querySelectorAll('.chart__artboard svg')) {
      const texts = [...svg.querySelectorAll('.chart__annotation-text text')].map((node) => text(node));
      expect(texts).toEqual(annotations);
    }
    const description = text(figure.querySelector('.chart__description'));
    for (const annotation of annotations) expect(description).toContain(annotation);
  });
});

describe('embed pages and pictures', () => {
  /** The index of charts to embed, and one per language but the default if the site has one. */
  const embedIndexes = [
    'embed/index.html',
    ...Object.keys(LANGUAGES)
      .filter((lang) => lang !== DEFAULT_LANG)
      .map((lang) => `embed/${lang}/index.html`),
  ];

  it('has an embed page, a CSV, an oEmbed file and the PNGs for every chart, in each language, and nothing else', async () => {
    const files = await listFiles(join(project.dist, 'embed'));
    const expected = charts.flatMap((chart) =>
      ['index.html', 'oembed.json', ...IMAGE_LAYOUTS.map((layout) => `${layout.width}.png`)].map((file) => `${chartPath(chart.spec)}/${file}`),
    );
    expect(files.filter((file) => !embedIndexes.includes(`embed/${file}`))).toEqual(expected.sort());
    for (const chart of charts) expect(await readFile(join(project.dist, 'data', `${chartPath(chart.spec)}.csv`), 'utf8')).not.toBe('');
  });

  it("draws every chart's PNGs at twice the artboard's width", async () => {
    for (const chart of charts) {
      for (const layout of IMAGE_LAYOUTS) {
        const png = await readFile(join(project.dist, 'embed', chartPath(chart.spec), `${layout.width}.png`));
        expect(pngSize(png).width, `${chartPath(chart.spec)}/${layout.width}.png`).toBe(2 * layout.width);
      }
    }
  });

  it('lists every chart on an embed index, linked to its embed page', async () => {
    const links = new Set<string>();
    for (const index of embedIndexes.filter((file) => existsSync(join(project.dist, file)))) {
      for (const a of (await project.page(index.replace(/index\.html$/, ''))).querySelectorAll('a[href]'))
        links.add(new URL(a.getAttribute('href')!, project.url(index)).href);
    }
    for (const chart of charts) expect(links.has(project.url(embedPath(chart))), embedPath(chart)).toBe(true);
  });
});
