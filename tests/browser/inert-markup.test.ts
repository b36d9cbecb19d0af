// Markup in the data and in a story's text is inert: product, commodity and partner names,
// source lines and frontmatter strings holding <script>, "><img onerror=…> and javascript:
// URLs come out as text everywhere (HTML, attributes, SVG, JSON-LD, CSV downloads, image
// alt, oEmbed) and execute nothing in a browser. One data step and one build of a hostile
// copy of the data and of the story.
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { charts } from '../../src/charts/index.ts';
import { files, serve, type Running } from '../embed/server.ts';
import {
  BUILD_TIMEOUT, buildSite, dataStep, listFiles, RAW, readPage, removeTempDirs, ROOT, STORY_FILE, tempDir, text,
} from '../site/helpers.ts';
import { INSTALL_TIMEOUT, launchChromium } from './chromium.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror="window.__xss=1">';
const JS_URL = 'javascript:alert(1)';
/** Closes the JSON-LD script element if it is not escaped. */
const CLOSE = '</script><script>window.__xss=2</script>';

const SLUG = 'hostile-story';
const TITLE = `Trade ${SCRIPT} and ${IMG}`;
const DEK = `A dek with ${IMG} and ${JS_URL}`;
const SUMMARY = `Summary ${CLOSE} ${SCRIPT} ${JS_URL}`;
const SHARE_ALT = `Share image ${IMG}`;
const CORRECTION = `Corrected ${SCRIPT} ${IMG}`;
const METHODOLOGY = `Method ${IMG} ${JS_URL} ${CLOSE}`;
const BYLINE = `Desk ${IMG}`;
/** A chart block's display text: written by the reporter, published on its own embed page. */
const BLOCK = { id: 'hostile-block', title: `Block ${SCRIPT}`, dek: `Block dek ${IMG}`, notes: `Block note ${JS_URL}`, source: `Block source ${CLOSE}` };
/** Every chart the site publishes: the registered ones and the story's chart block. */
const CHART_IDS = [...charts.keys(), BLOCK.id];

/** Labels of products the top-imports chart shows, in the temporary reference tables. */
const LABELS: Record<string, string> = { 'watch-movements': SCRIPT, bristles: IMG, 'shoe-uppers': JS_URL };
/** GACC's commodity name for electricity, shown once its product entry is gone. */
const COMMODITY = `${IMG}电力`;
const PARTNER = `朝鲜${SCRIPT}`;
const SOURCE = `GACC download ${IMG} ${JS_URL}`;

/** A GACC CSV field: quoted, inner quotes doubled. */
const field = (value: string) => `"${value.replaceAll('"', '""')}"`;

let dist: string;
let data: string;
let site: Running | undefined;
let browser: Browser | undefined;

/** A raw file's text and how to write it back in its own encoding (UTF-8 or GB18030). */
function decode(bytes: Buffer): { csv: string; encode: (csv: string) => Buffer } {
  try {
    return { csv: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encode: (csv) => Buffer.from(csv, 'utf8') };
  } catch {
    return { csv: iconv.decode(bytes, 'gb18030'), encode: (csv) => iconv.encode(csv, 'gb18030') };
  }
}

async function hostileRaw(dir: string): Promise<void> {
  await cp(RAW, dir, { recursive: true });
  for (const name of (await readdir(dir)).filter((file) => file.startsWith('kp-imports-'))) {
    const file = join(dir, name);
    const { csv, encode } = decode(await readFile(file));
    // Electricity's commodity name, whatever the file's language; the partner's Chinese name.
    const hostile = csv
      .replace(/^("\d{6}","27160000",)"[^"]*"/gm, `$1${field(COMMODITY)}`)
      .replaceAll('"朝鲜"', field(PARTNER));
    expect(hostile).toContain(field(COMMODITY));
    await writeFile(file, encode(hostile));
  }
  const manifest = parse(await readFile(join(dir, 'sources.yaml'), 'utf8')) as { file: string; source: string }[];
  manifest.find((entry) => entry.file === 'kp-imports-2023-01-10.csv')!.source = SOURCE;
  await writeFile(join(dir, 'sources.yaml'), stringify(manifest));
}

async function hostileReference(dir: string): Promise<void> {
  await cp(join(ROOT, 'data/reference'), dir, { recursive: true });
  const products = parse(await readFile(join(dir, 'products.yaml'), 'utf8')) as { products: { key: string; label: { en: string } }[] };
  products.products = products.products.filter((product) => product.key !== 'electricity');
  for (const product of products.products) if (LABELS[product.key]) product.label.en = LABELS[product.key]!;
  await writeFile(join(dir, 'products.yaml'), stringify(products));
  // Without its official HS8 name too, electricity is labelled with GACC's commodity text.
  const hs8 = join(dir, 'hs8-2023.csv');
  await writeFile(hs8, (await readFile(hs8, 'utf8')).replace(/^27160000,.*\n/m, ''));
}

async function hostileStory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const source = await readFile(STORY_FILE, 'utf8');
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const frontmatter = {
    title: TITLE,
    dek: DEK,
    bylines: [{ name: BYLINE, role: SCRIPT }],
    published: '2023-12-04',
    lang: 'en',
    summary: SUMMARY,
    shareImageAlt: SHARE_ALT,
    corrections: [{ date: '2023-12-05', text: CORRECTION }],
    methodology: METHODOLOGY,
  };
  // JSON strings are YAML strings, so each value stays one literal line.
  const block = ['```chart', 'type: bar', 'aggregate: top-imports-2023', 'x: product', 'top: 5', ...Object.entries(BLOCK).map(([key, value]) => `${key}: ${JSON.stringify(value)}`), '```'];
  await writeFile(join(dir, `${SLUG}.md`), `---\n${stringify(frontmatter)}---\n${body}\n${block.join('\n')}\n`);
}

beforeAll(async () => {
  const work = await tempDir('inert-markup-');
  dist = join(work, 'dist');
  await Promise.all([hostileRaw(join(work, 'raw')), hostileReference(join(work, 'reference')), hostileStory(join(work, 'stories'))]);
  site = await serve('127.0.0.1', files(dist));
  browser = await launchChromium();
  data = await dataStep(join(work, 'data'), join(work, 'raw'), join(work, 'reference'));
  await buildSite({ dataDir: data, outDir: dist, site: site.origin, env: { STORIES_DIR: join(work, 'stories') } });
}, BUILD_TIMEOUT + INSTALL_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await removeTempDirs();
});

const htmlFiles = async () => (await listFiles(dist)).filter((file) => file.endsWith('.html'));

describe('hostile strings in the built files', () => {
  it('the data step keeps them as text and the records CSV quotes them', async () => {
    const records = await readFile(join(data, 'records.csv'), 'utf8');
    expect(records).toContain(field(COMMODITY));
    const rows = csvParse(records);
    expect(rows.some((row) => row.commodity === COMMODITY)).toBe(true);
    expect(rows.some((row) => row.partner === PARTNER)).toBe(true);
  });

  it('no page holds markup from them, only escaped text', async () => {
    const pages = await htmlFiles();
    expect(pages).toContain(`${SLUG}/index.html`);
    for (const file of pages) {
      // Read as a browser would: inside a quoted attribute "<" is text, so look at elements.
      const page = await readPage(dist, file);
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
    const page = await readPage(dist, `${SLUG}/index.html`);
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
      const figure = (await readPage(dist, file)).querySelector(`#chart-${BLOCK.id}`);
      expect(text(figure?.querySelector('.chart__title')), file).toBe(BLOCK.title);
      expect(text(figure?.querySelector('.chart__dek')), file).toBe(BLOCK.dek);
      expect(text(figure?.querySelector('.chart__notes')), file).toContain(BLOCK.notes);
      expect(text(figure?.querySelector('.chart__source')), file).toContain(BLOCK.source);
    }
    const oembed = JSON.parse(await readFile(join(dist, 'embed', BLOCK.id, 'oembed.json'), 'utf8')) as { title: string };
    expect(oembed.title).toBe(BLOCK.title);
  });

  it('the chart block is published like a registered chart: CSV file, embed code, PNGs', async () => {
    const figure = (await readPage(dist, `${SLUG}/index.html`)).querySelector(`#chart-${BLOCK.id}`)!;
    expect(figure.querySelector('a[download]')?.getAttribute('href')).toBe(`/data/${BLOCK.id}.csv`);
    expect(figure.querySelector('.chart__embed')?.textContent).toContain(`/embed/${BLOCK.id}/`);
    expect(csvParse(await readFile(join(dist, 'data', `${BLOCK.id}.csv`), 'utf8'))).toHaveLength(5);
    const files = await listFiles(join(dist, 'embed', BLOCK.id));
    expect(files).toEqual(['320.png', '640.png', 'index.html', 'oembed.json']);
  });

  it('the JSON-LD parses and holds the literal strings', async () => {
    const page = await readPage(dist, `${SLUG}/index.html`);
    const scripts = [...page.querySelectorAll('script[type="application/ld+json"]')];
    expect(scripts).toHaveLength(1);
    const jsonLd = JSON.parse(scripts[0]!.textContent ?? '') as { headline: string; description: string; author: { name: string; jobTitle?: string }[] };
    expect(jsonLd.headline).toBe(TITLE);
    expect(jsonLd.description).toBe(SUMMARY);
    expect(jsonLd.author[0]).toEqual({ '@type': 'Person', name: BYLINE, jobTitle: SCRIPT });
  });

  it('chart SVGs, tables, tooltips data and sources carry the names as text', async () => {
    for (const file of [`${SLUG}/index.html`, 'embed/top-imports-2023/index.html']) {
      const page = await readPage(dist, file);
      const figure = page.querySelector('#chart-top-imports-2023')!;
      const svgText = [...figure.querySelectorAll('svg text')].map((node) => text(node));
      const labels = [...figure.querySelectorAll('[data-label]')].map((node) => node.getAttribute('data-label'));
      const cells = [...figure.querySelectorAll('.chart__table th')].map((node) => text(node));
      for (const name of [...Object.values(LABELS), COMMODITY]) {
        expect(svgText.some((line) => line.includes(name)), `${file}: SVG text ${name}`).toBe(true);
        expect(labels, `${file}: data-label`).toContain(name);
        expect(cells, `${file}: table`).toContain(name);
      }
    }
  });

  it('the CSV download holds each name as one field, quoted where it must be', async () => {
    const csv = await readFile(join(dist, 'data/top-imports-2023.csv'), 'utf8');
    expect(csv).toContain(field(IMG));
    expect(csv).toContain(field(COMMODITY));
    const cells = csvParse(csv).flatMap((row) => Object.values(row));
    for (const name of [...Object.values(LABELS), COMMODITY]) expect(cells).toContain(name);
  });

  it('the image alt texts and the oEmbed files escape them', async () => {
    for (const id of CHART_IDS) {
      const html = await readFile(join(dist, 'embed', id, 'index.html'), 'utf8');
      const noscript = /<noscript>(.*?)<\/noscript>/s.exec(html)?.[1] ?? '';
      const fallback = parseHTML(`<body>${noscript}</body>`).document;
      expect(fallback.querySelectorAll('script, [onerror], img[src="x"]')).toHaveLength(0);
      const oembed = JSON.parse(await readFile(join(dist, 'embed', id, 'oembed.json'), 'utf8')) as { html: string; title: string };
      expect(oembed.html).not.toMatch(/<script>alert|<img src=x|javascript:/);
      expect(oembed.html).toMatch(/^<iframe [^<>]*><\/iframe><script src="[^"<>]*" async><\/script>$/);
    }
  });
});

describe('hostile strings in a browser', () => {
  const paths = ['', `${SLUG}/`, 'embed/', ...CHART_IDS.map((id) => `embed/${id}/`)];

  it.each(paths)('/%s executes nothing, on load, hover, tap and keyboard', async (path) => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, hasTouch: true });
    try {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await page.goto(`${site!.origin}/${path}`, { waitUntil: 'load' });
      // Render the tooltips of the chart with the hostile labels: each bar under the pointer
      // and tapped; every chart's first values by keyboard.
      const board = page.locator('#chart-top-imports-2023 .chart__artboard').filter({ visible: true });
      if (await board.count()) {
        await board.scrollIntoViewIfNeeded();
        const centres = await board.evaluate((element) => [...element.querySelectorAll('[data-value]')].map((mark) => {
          const r = mark.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }));
        expect(centres).toHaveLength(10);
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
      expect(dialogs).toEqual([]);
      expect(found.xss).toBeUndefined();
      expect(found.images).toBe(0);
      expect(found.javascriptUrls).toEqual([]);
      expect(found.tooltips).not.toMatch(/<script|<img/);
    } finally {
      await context.close();
    }
  });
});
