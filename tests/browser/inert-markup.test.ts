// Markup in the data and in a story's text is inert: product, commodity and partner names,
// source lines and frontmatter strings holding <script>, "><img onerror=…> and javascript:
// URLs come out as text everywhere (HTML, attributes, SVG, JSON-LD, CSV downloads, image
// alt, oEmbed) and execute nothing in a browser. One data step and one build of a hostile
// copy of the newsroom fixture project: its downloads, reference tables and a story.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvParse, csvParseRows } from 'd3-dsv';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { chartPath } from '../../src/site/charts.ts';
import { files, serve, type Running } from '../embed/server.ts';
import { BUILD_TIMEOUT } from '../support/build.ts';
import { listFiles, text } from '../support/pages.ts';
import { buildProject, layOutFixture, type BuiltProject, type ProjectFolders } from '../support/project.ts';
import { projectCharts } from '../support/stories.ts';
import { removeTempDirs } from '../support/temp.ts';
import { INSTALL_TIMEOUT, launchChromium } from './chromium.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror="window.__xss=1">';
const JS_URL = 'javascript:alert(1)';
/** Closes the JSON-LD script element if it is not escaped. */
const CLOSE = '</script><script>window.__xss=2</script>';

const SLUG = 'hostile-story';
const TITLE = `Trade: ${SCRIPT} and ${IMG}`;
const DEK = `A dek with ${IMG} and ${JS_URL}`;
const SUMMARY = `Summary ${CLOSE} ${SCRIPT} ${JS_URL}`;
const SHARE_ALT = `Share image: ${IMG}`;
const CORRECTION = `Corrected ${SCRIPT} ${IMG}`;
const METHODOLOGY = `Method ${IMG} ${JS_URL} ${CLOSE}`;
const BYLINE = `Desk ${IMG}`;
/** A chart block's display text: written by the reporter, published on its own embed page. */
const BLOCK = { id: 'hostile-block', title: `Block ${SCRIPT}`, dek: `Block dek ${IMG}`, notes: `Block note ${JS_URL}`, source: `Block source ${CLOSE}` };

/** The modified soybeans' label in the temporary reference tables. */
const PRODUCT = SCRIPT;
/** GACC's commodity name for the other soybeans, shown once their product entry is gone. */
const COMMODITY = `${IMG}非转基因黄大豆`;
/** The largest supplier's English name in the partner table. */
const PARTNER_NAME = JS_URL;
/** The same partner's name as the Chinese downloads write it. */
const PARTNER = `巴西${SCRIPT}`;
const SOURCE = `GACC download ${IMG} ${JS_URL}`;
/** The chart of products, whose marks, ticks and table rows carry the product names. */
const PRODUCT_CHART = 'soy-kinds';
/** The chart of partners by product, whose marks and key carry both kinds of name. */
const PARTNER_CHART = 'soy-stacked';

/** A GACC CSV field: quoted, inner quotes doubled. */
const field = (value: string) => `"${value.replaceAll('"', '""')}"`;

let project: BuiltProject;
let site: Running | undefined;
let browser: Browser | undefined;
/** Every chart the site publishes, by its path under embed/. */
let chartPaths: string[];

/** A raw file's text and how to write it back in its own encoding (UTF-8 or GB18030). */
function decode(bytes: Buffer): { csv: string; encode: (csv: string) => Buffer } {
  try {
    return { csv: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encode: (csv) => Buffer.from(csv, 'utf8') };
  } catch {
    return { csv: iconv.decode(bytes, 'gb18030'), encode: (csv) => iconv.encode(csv, 'gb18030') };
  }
}

async function hostileRaw(dir: string): Promise<void> {
  for (const name of (await readdir(dir)).filter((file) => file.startsWith('soy-imports-'))) {
    const file = join(dir, name);
    const { csv, encode } = decode(await readFile(file));
    // The other soybeans' commodity name, whatever the file's language; the partner's Chinese name.
    const hostile = csv.replace(/^("\d{6}","\d{3}","[^"]*","12019011",)"[^"]*"/gm, `$1${field(COMMODITY)}`).replaceAll('"巴西"', field(PARTNER));
    expect(hostile, name).toContain(field(COMMODITY));
    await writeFile(file, encode(hostile));
  }
  const manifest = parse(await readFile(join(dir, 'sources.yaml'), 'utf8')) as { file: string; source: string }[];
  manifest.find((entry) => entry.file === 'soy-imports-2024.csv')!.source = SOURCE;
  await writeFile(join(dir, 'sources.yaml'), stringify(manifest));
}

async function hostileReference(dir: string): Promise<void> {
  const products = parse(await readFile(join(dir, 'products.yaml'), 'utf8')) as { products: { key: string; label: { en: string } }[] };
  products.products = products.products.filter((product) => product.key !== 'soy-non-gm');
  products.products.find((product) => product.key === 'soy-gm')!.label.en = PRODUCT;
  await writeFile(join(dir, 'products.yaml'), stringify(products));
  // Without its official HS8 name too, the other soybeans are labelled with GACC's commodity text.
  const hs8 = join(dir, 'hs8-2023.csv');
  await writeFile(hs8, (await readFile(hs8, 'utf8')).replace(/^12019011,.*\n/m, ''));
  const partners = join(dir, 'partners.csv');
  await writeFile(partners, (await readFile(partners, 'utf8')).replace(/^410,BR,BRA,Brazil,/m, `410,BR,BRA,"${PARTNER_NAME}",`));
}

/** The soybean story's body under hostile frontmatter, with a hostile chart block, as the project's only story. */
async function hostileStory(folders: ProjectFolders): Promise<void> {
  const source = await readFile(join(folders.stories, 'soybeans.md'), 'utf8');
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  await rm(folders.stories, { recursive: true });
  await mkdir(folders.stories);
  // Headline, dek, summary and share text are Markdown that may cite facts: a reporter who
  // means a literal "<" or a colon before a word escapes it, and the page shows the character.
  const markdown = (text: string) => text.replace(/[<:]/g, '\\$&');
  const frontmatter = {
    title: markdown(TITLE),
    dek: markdown(DEK),
    bylines: [{ name: BYLINE, role: SCRIPT }],
    published: '2025-02-01',
    lang: 'en',
    summary: markdown(SUMMARY),
    shareImageAlt: markdown(SHARE_ALT),
    corrections: [{ date: '2025-02-02', text: CORRECTION }],
    methodology: METHODOLOGY,
  };
  // JSON strings are YAML strings, so each value stays one literal line.
  const block = [
    '```chart',
    'type: bar',
    'aggregate: soy-partners-2024',
    'x: partner',
    'top: 5',
    ...Object.entries(BLOCK).map(([key, value]) => `${key}: ${JSON.stringify(value)}`),
    '```',
  ];
  await writeFile(join(folders.stories, `${SLUG}.md`), `---\n${stringify(frontmatter)}---\n${body}\n${block.join('\n')}\n`);
}

beforeAll(async () => {
  const folders = await layOutFixture('newsroom');
  await Promise.all([hostileRaw(folders.raw), hostileReference(folders.reference), hostileStory(folders)]);
  site = await serve('127.0.0.1', (path) => files(project.dist)(path));
  [project, browser] = await Promise.all([buildProject(folders, { site: site.origin }), launchChromium()]);
  chartPaths = (await projectCharts(project, project.data)).map((chart) => chartPath(chart.spec));
}, BUILD_TIMEOUT + INSTALL_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await removeTempDirs();
});

describe('hostile strings in the built files', () => {
  it('the data step keeps them as text and the records CSV quotes them', async () => {
    const records = await readFile(join(project.data, 'records.csv'), 'utf8');
    expect(records).toContain(field(COMMODITY));
    const rows = csvParse(records);
    expect(rows.some((row) => row.commodity === COMMODITY)).toBe(true);
    expect(rows.some((row) => row.partner === PARTNER)).toBe(true);
  });

  it('no page holds markup from them, only escaped text', async () => {
    const pages = await project.htmlFiles();
    expect(pages).toContain(`${SLUG}/index.html`);
    for (const file of pages) {
      // Read as a browser would: inside a quoted attribute "<" is text, so look at elements.
      const page = await project.page(file);
      expect(page.querySelectorAll('[onerror]').length, file).toBe(0);
      expect(page.querySelectorAll('img[src="x"]').length, file).toBe(0);
      // Only the page's own scripts: the JSON-LD and Astro's bundled modules.
      for (const script of page.querySelectorAll('script:not([type="application/ld+json"]):not([type="module"])')) {
        expect(script.textContent ?? '', file).not.toMatch(/<|alert|__xss/);
      }
      for (const script of page.querySelectorAll('script')) {
        if (script.getAttribute('type') === 'application/ld+json') continue;
        expect(script.textContent ?? '', file).not.toMatch(/alert\(1\)|__xss/);
      }
      for (const element of page.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]')) {
        for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
          expect(element.getAttribute(name) ?? '', `${file}: ${element.localName} ${name}`).not.toMatch(/^\s*javascript:/i);
        }
      }
    }
  });

  it('the story page shows the frontmatter strings as text, in elements and attributes', async () => {
    const page = await project.page(`${SLUG}/`);
    expect(text(page.querySelector('h1'))).toBe(TITLE);
    expect(page.querySelector('title')?.textContent).toBe(TITLE);
    expect(text(page.querySelector('.article__dek'))).toBe(DEK);
    expect(text(page.querySelector('.article__meta'))).toContain(BYLINE);
    expect(text(page.querySelector('.box--corrections'))).toContain(CORRECTION);
    expect(text(page.querySelector('.box--methodology'))).toContain(METHODOLOGY);
    expect(page.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(SUMMARY);
    expect(page.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(TITLE);
    expect(page.querySelector('meta[property="og:image:alt"]')?.getAttribute('content')).toBe(SHARE_ALT);
    expect(page.querySelector('meta[name="twitter:image:alt"]')?.getAttribute('content')).toBe(SHARE_ALT);
    expect(text(page.querySelector('.sources'))).toContain(SOURCE);
  });

  it('the chart block shows its strings as text in the story, on its own embed page and in its oEmbed', async () => {
    for (const file of [`${SLUG}/index.html`, `embed/${BLOCK.id}/index.html`]) {
      const figure = (await project.page(file)).querySelector(`#chart-${BLOCK.id}`);
      expect(text(figure?.querySelector('.chart__title')), file).toBe(BLOCK.title);
      expect(text(figure?.querySelector('.chart__dek')), file).toBe(BLOCK.dek);
      expect(text(figure?.querySelector('.chart__notes')), file).toContain(BLOCK.notes);
      expect(text(figure?.querySelector('.chart__source')), file).toContain(BLOCK.source);
    }
    const oembed = JSON.parse(await readFile(join(project.dist, 'embed', BLOCK.id, 'oembed.json'), 'utf8')) as { title: string };
    expect(oembed.title).toBe(BLOCK.title);
  });

  it('the chart block is published like a chart file: CSV file, embed code, PNGs', async () => {
    const figure = (await project.page(`${SLUG}/`)).querySelector(`#chart-${BLOCK.id}`)!;
    expect(figure.querySelector('a[download]')?.getAttribute('href')).toBe(`/data/${BLOCK.id}.csv`);
    expect(figure.querySelector('.chart__embed')?.textContent).toContain(`/embed/${BLOCK.id}/`);
    // A header, the five rows, then the note on the rates the amounts were restated at.
    const rows = csvParseRows(await readFile(join(project.dist, 'data', `${BLOCK.id}.csv`), 'utf8'));
    expect(rows.map((row) => row.length)).toEqual([...Array<number>(6).fill(rows[0]!.length), 1]);
    expect(await listFiles(join(project.dist, 'embed', BLOCK.id))).toEqual(['320.png', '640.png', 'index.html', 'oembed.json']);
  });

  it('the JSON-LD parses and holds the literal strings', async () => {
    const page = await project.page(`${SLUG}/`);
    const scripts = [...page.querySelectorAll('script[type="application/ld+json"]')];
    expect(scripts).toHaveLength(1);
    const jsonLd = JSON.parse(scripts[0]!.textContent ?? '') as { headline: string; description: string; author: { name: string; jobTitle?: string }[] };
    expect(jsonLd.headline).toBe(TITLE);
    expect(jsonLd.description).toBe(SUMMARY);
    expect(jsonLd.author[0]).toEqual({ '@type': 'Person', name: BYLINE, jobTitle: SCRIPT });
  });

  it('chart SVGs, tables, tooltip data and keys carry the names as text', async () => {
    // The bar chart names every partner beside its bar and every product in its key.
    const drawn: [string, string[]][] = [
      [PARTNER_CHART, [PARTNER_NAME, PRODUCT, COMMODITY]],
      [PRODUCT_CHART, []],
    ];
    for (const [id, inSvg] of drawn) {
      for (const file of [`${SLUG}/`, `embed/${id}/`]) {
        const figure = (await project.page(file)).querySelector(`#chart-${id}`)!;
        const svgText = [...figure.querySelectorAll('svg text')].map((node) => text(node)).join(' | ');
        const labels = [...figure.querySelectorAll('[data-label]')].map((node) => node.getAttribute('data-label') ?? '').join(' | ');
        const cells = [...figure.querySelectorAll('.chart__table th')].map((node) => text(node)).join(' | ');
        for (const name of inSvg) expect(svgText, `${file} #${id}: SVG text`).toContain(name);
        for (const name of [PRODUCT, COMMODITY]) {
          expect(labels, `${file} #${id}: data-label`).toContain(name);
          expect(cells, `${file} #${id}: table`).toContain(name);
        }
      }
    }
  });

  it('the CSV download holds each name as one field, quoted where it must be', async () => {
    const csv = await readFile(join(project.dist, 'data', `${PRODUCT_CHART}.csv`), 'utf8');
    expect(csv).toContain(field(COMMODITY));
    const cells = csvParse(csv).flatMap((row) => Object.values(row));
    for (const name of [PRODUCT, COMMODITY]) expect(cells).toContain(name);
    const partners = csvParse(await readFile(join(project.dist, 'data', `${PARTNER_CHART}.csv`), 'utf8')).flatMap((row) => Object.values(row));
    expect(partners).toContain(PARTNER_NAME);
  });

  it('the image alt texts and the oEmbed files escape them', async () => {
    expect(chartPaths).toContain(BLOCK.id);
    for (const path of chartPaths) {
      const html = await readFile(join(project.dist, 'embed', path, 'index.html'), 'utf8');
      const noscript = /<noscript>(.*?)<\/noscript>/s.exec(html)?.[1] ?? '';
      const fallback = parseHTML(`<body>${noscript}</body>`).document;
      expect(fallback.querySelectorAll('script, [onerror], img[src="x"]'), path).toHaveLength(0);
      const oembed = JSON.parse(await readFile(join(project.dist, 'embed', path, 'oembed.json'), 'utf8')) as { html: string; title: string };
      expect(oembed.html, path).not.toMatch(/<script>alert|<img src=x|javascript:/);
      expect(oembed.html, path).toMatch(/^<div [^<>]*><iframe [^<>]*><\/iframe><\/div><script src="[^"<>]*" async><\/script>$/);
    }
  });
});

describe('hostile strings in a browser', () => {
  const paths = () => ['', `${SLUG}/`, 'embed/', ...chartPaths.map((path) => `embed/${path}/`)];

  it('covers the story, the indexes and every embed page (the control)', () => {
    expect(paths().length).toBeGreaterThanOrEqual(6);
  });

  it('executes nothing on any page, on load, hover, tap and keyboard', async () => {
    for (const path of paths()) {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, hasTouch: true });
      try {
        const page = await context.newPage();
        const dialogs: string[] = [];
        page.on('dialog', async (dialog) => {
          dialogs.push(dialog.message());
          await dialog.dismiss();
        });
        await page.goto(`${site!.origin}/${path}`, { waitUntil: 'load' });
        // Render the tooltips of the charts with the hostile names: each mark under the pointer
        // and tapped; every chart's first values by keyboard.
        for (const id of [PRODUCT_CHART, PARTNER_CHART]) {
          const board = page.locator(`#chart-${id} .chart__artboard`).filter({ visible: true });
          if (!(await board.count())) continue;
          await board.scrollIntoViewIfNeeded();
          const centres = await board.evaluate((element) =>
            [...element.querySelectorAll('[data-value]')].map((mark) => {
              const r = mark.getBoundingClientRect();
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            }),
          );
          expect(centres.length, `${path} #${id}`).toBeGreaterThan(0);
          for (const { x, y } of centres) {
            await page.mouse.move(x, y);
            await page.touchscreen.tap(x, y);
          }
        }
        for (let k = 0; k < 30; k++) {
          await page.keyboard.press('Tab');
          await page.keyboard.press('ArrowRight');
        }
        await page.waitForTimeout(100);
        const found = await page.evaluate(() => ({
          xss: (window as unknown as { __xss?: unknown }).__xss,
          images: document.querySelectorAll('img[src="x"], [onerror]').length,
          javascriptUrls: [...document.querySelectorAll('[href], [src]')]
            .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '')
            .filter((url) => /^\s*javascript:/i.test(url)),
          tooltips: [...document.querySelectorAll('.chart__tooltip')].map((tooltip) => tooltip.innerHTML).join(' '),
        }));
        expect(dialogs, path).toEqual([]);
        expect(found.xss, path).toBeUndefined();
        expect(found.images, path).toBe(0);
        expect(found.javascriptUrls, path).toEqual([]);
        expect(found.tooltips, path).not.toMatch(/<script|<img/);
      } finally {
        await context.close();
      }
    }
  }, 600_000);
});
