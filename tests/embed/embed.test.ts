// Chart embeds as editors, host pages and readers meet them. The site is built once, into a
// throwaway folder, with its address set to the loopback server that then serves it; a test
// "CMS" on another origin embeds every chart. One Chromium (Debian's) runs every browser test.
import type { AggregatesFile } from '../../src/contract/index.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageWeight } from '../../src/build/budgets.ts';
import { escapeHtml } from '../../src/charts/html.ts';
import { readChartLibrary } from '../../src/site/chart-files.ts';
import { compileChartFile } from '../../src/story/charts.ts';
import { IMAGE_LAYOUTS } from '../../src/embed/images.ts';
import {
  BUILD_TIMEOUT,
  buildSite,
  dataStep,
  listFiles,
  pngSize,
  readAggregates,
  readPage,
  removeTempDirs,
  SAMPLE_CHARTS,
  STORY_SLUG,
  tempDir,
} from '../site/helpers.ts';
import { INSTALL_TIMEOUT, launchChromium } from '../browser/chromium.ts';
import { cmsRoutes, COLUMN_WIDTHS, PAGE_MARGIN, type EmbedCode } from './cms.ts';
import { files, serve, type Running } from './server.ts';

/** The sample story's charts, kept as chart files (the build's, not the shipped project's); English, the story's language. */
const LIBRARY = readChartLibrary(SAMPLE_CHARTS);
const IDS = [...LIBRARY.keys()];
const resolveChart = (id: string, aggregates: AggregatesFile) => compileChartFile(id, { aggregates, library: LIBRARY, lang: 'en' });
const WIDTHS = [320, 600, 1000];
/** Where each browser test moves the window after its first check. */
const NEXT_WIDTH: Record<number, number> = { 320: 600, 600: 1000, 1000: 320 };
const OURS = 'iframe[data-customs-story-embed]';

/**
 * The artboard a chart should show in an iframe as wide as the CMS column at this page
 * width: chart.css switches at 520px and 880px of the figure's content, inside embed.css's
 * 12px padding.
 */
function artboardAt(pageWidth: number): string {
  const content = pageWidth - 2 * PAGE_MARGIN - 2 * 12;
  return content < 520 ? 'phone' : content < 880 ? 'desktop' : 'wide';
}

let dist: string;
let aggregates: AggregatesFile;
let site: Running | undefined;
let cms: Running | undefined;
let embeds: EmbedCode[];

beforeAll(async () => {
  const work = await tempDir('embed-test-');
  dist = join(work, 'dist');
  // The server comes first: its port is the site address the build writes into every URL.
  site = await serve('127.0.0.1', files(dist));
  const data = await dataStep(join(work, 'data'));
  await buildSite({ dataDir: data, outDir: dist, site: site.origin });
  aggregates = await readAggregates(data);
  embeds = await Promise.all(
    IDS.map(async (id) => ({
      id,
      url: `${site!.origin}/embed/${id}/`,
      snippet: (JSON.parse(await readFile(join(dist, 'embed', id, 'oembed.json'), 'utf8')) as { html: string }).html,
    })),
  );
  cms = await serve('localhost', cmsRoutes(embeds, site.origin));
}, BUILD_TIMEOUT);

afterAll(async () => {
  await site?.close();
  await cms?.close();
  await removeTempDirs();
});

const siteUrl = (path: string) => `${site!.origin}/${path}`;

describe('the built embeds', () => {
  it.each(IDS)('%s: an embed page with the frame alone, noindex, canonical to its story, og:image and oEmbed link', async (id) => {
    const page = await readPage(dist, `embed/${id}/index.html`);
    const { spec, aggregate } = resolveChart(id, aggregates);
    expect(page.querySelector(`figure.chart#chart-${id} .chart__title`)?.textContent).toBe(spec.title);
    expect(page.querySelector('.chart__badge')?.textContent).toBe('Sample data');
    expect(page.querySelector('.site-header, .site-footer, .sample-banner')).toBeNull();
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex');
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(siteUrl(`${STORY_SLUG}/`));
    expect(page.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(siteUrl(`embed/${id}/640.png`));
    expect(page.querySelector('link[rel="alternate"][type="application/json+oembed"]')?.getAttribute('href')).toBe(siteUrl(`embed/${id}/oembed.json`));
    const html = await readFile(join(dist, 'embed', id, 'index.html'), 'utf8');
    const noscript = /<noscript>(.*?)<\/noscript>/s.exec(html)?.[1] ?? '';
    const image = parseHTML(`<body>${noscript}</body>`).document.querySelector('img');
    expect(image?.getAttribute('src')).toBe(`/embed/${id}/640.png`);
    expect(image?.getAttribute('alt')).toBe(spec.altText(aggregate));
  });

  it.each(IDS)('%s: a PNG of the phone and of the desktop artboard, at twice their width', async (id) => {
    for (const layout of IMAGE_LAYOUTS) {
      const size = pngSize(await readFile(join(dist, 'embed', id, `${layout.width}.png`)));
      expect(size.width).toBe(2 * layout.width);
      expect(size.height).toBeGreaterThan(100);
    }
  });

  it.each(IDS)('%s: an oEmbed file with the snippet, its size and a thumbnail', async (id) => {
    const oembed = JSON.parse(await readFile(join(dist, 'embed', id, 'oembed.json'), 'utf8')) as Record<string, unknown>;
    const { spec } = resolveChart(id, aggregates);
    expect(oembed).toMatchObject({
      type: 'rich',
      version: '1.0',
      title: spec.title,
      provider_url: siteUrl(''),
      width: 640,
      thumbnail_url: siteUrl(`embed/${id}/640.png`),
      thumbnail_width: 1280,
    });
    expect(oembed.provider_name).toEqual(expect.any(String));
    expect(oembed.height).toBeGreaterThan(200);
    const thumbnail = pngSize(await readFile(join(dist, 'embed', id, '640.png')));
    expect(oembed.thumbnail_height).toBe(thumbnail.height);
    const snippet = String(oembed.html);
    // A size container as wide as the host's column, so the iframe's fallback height can use its width.
    expect(snippet).toMatch(
      new RegExp(
        `^<div style="container-type:inline-size;width:100%"><iframe src="${siteUrl(`embed/${id}/`)}" title="${spec.title}" loading="lazy"` +
          ` width="100%" height="\\d+" style="display:block;border:0;height:[^"]+" data-customs-story-embed></iframe></div>`,
      ),
    );
    expect(snippet).toMatch(new RegExp(`<script src="${siteUrl('embed.js')}" async></script>$`));
  });

  it.each(IDS)('%s: the embed page ships under 5 KB of gzipped JavaScript', (id) => {
    const { js } = pageWeight(dist, `embed/${id}/index.html`);
    expect(js).toBeGreaterThan(0);
    expect(js).toBeLessThan(5 * 1024);
  });

  it('serves embed.js at a stable address as a classic script', async () => {
    const script = await readFile(join(dist, 'embed.js'), 'utf8');
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    expect(script).toContain('data-customs-story-embed');
  });

  it('names nothing outside the site in any src or href of the embed pages', async () => {
    const pages = (await listFiles(dist)).filter((file) => file.startsWith('embed/') && file.endsWith('.html'));
    // Every chart's page, and those of its other editions (the Korean ones under embed/ko/).
    expect(pages).toEqual(expect.arrayContaining(['embed/index.html', ...IDS.map((id) => `embed/${id}/index.html`)]));
    const outside: string[] = [];
    for (const file of pages) {
      const page = await readPage(dist, file);
      for (const element of page.querySelectorAll('[src], [href]')) {
        for (const url of [element.getAttribute('src'), element.getAttribute('href')]) {
          if (url && !url.startsWith('data:') && new URL(url, siteUrl(file)).origin !== site!.origin) outside.push(`${file}: ${url}`);
        }
      }
    }
    expect(outside).toEqual([]);
  });

  it('offers each chart of the story its snippet behind an "Embed this chart" control', async () => {
    const story = await readPage(dist, `${STORY_SLUG}/index.html`);
    const figures = [...story.querySelectorAll('figure.chart')];
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      const id = figure.id.replace(/^chart-/, '');
      const control = figure.querySelector('details.chart__embed');
      expect(control?.querySelector('summary')?.textContent).toBe('Embed this chart');
      // linkedom keeps a textarea's text as the HTML writes it, entities and all.
      expect(control?.querySelector('textarea[readonly]')?.textContent).toBe(escapeHtml(embeds.find((e) => e.id === id)!.snippet));
      // The copy button is the script's to add.
      expect(control?.querySelector('button')).toBeNull();
    }
  });

  it('lists every chart on /embed/ with a live preview of this build and the snippet to copy', async () => {
    const index = await readPage(dist, 'embed/index.html');
    expect(index.querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex');
    for (const { id, snippet } of embeds) {
      // Site-relative, so a staging or preview build previews itself, not the published site.
      expect(index.querySelector(`iframe[data-customs-story-embed][src="/embed/${id}/"]`), id).not.toBeNull();
      expect(index.querySelector(`textarea#embed-code-${id}`)?.textContent).toBe(escapeHtml(snippet));
    }
  });
});

describe('in a browser', () => {
  let browser: Browser | undefined;
  const errors = new Map<Page, string[]>();

  beforeAll(async () => {
    browser = await launchChromium();
  }, INSTALL_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(url: string, width: number, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width, height: 800 }, ...options });
    const page = await context.newPage();
    errors.set(page, []);
    page.on('pageerror', (error) => errors.get(page)!.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.get(page)!.push(message.text());
    });
    await page.goto(url);
    return page;
  }

  async function frameOf(page: Page, selector: string, k: number): Promise<Frame> {
    const frame = await (await page.locator(selector).nth(k).elementHandle())?.contentFrame();
    if (!frame) throw new Error(`no frame for ${selector} #${k}`);
    return frame;
  }

  /** The document height inside a frame: where the chart's figure ends (NaN until it loads). */
  const contentHeight = (frame: Frame) =>
    frame
      .evaluate(() => {
        const figure = document.querySelector('figure.chart');
        return figure ? figure.getBoundingClientRect().bottom + window.scrollY : Number.NaN;
      })
      .catch(() => Number.NaN);

  const outerHeights = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((frames) => frames.map((frame) => frame.getBoundingClientRect().height));

  /** Scrolls to each frame, as a reader would, until its chart has loaded: the snippet's iframes load lazily. */
  async function loadFrames(page: Page, selector: string): Promise<void> {
    const count = await page.locator(selector).count();
    expect(count).toBeGreaterThan(0);
    for (let k = 0; k < count; k++) {
      await page.locator(selector).nth(k).scrollIntoViewIfNeeded();
      await expect.poll(async () => contentHeight(await frameOf(page, selector, k)), { timeout: 15_000 }).not.toBeNaN();
    }
  }

  /** Frames whose height does not match their content (`fits`), as messages. */
  async function misfits(page: Page, selector: string, fits: (outer: number, inner: number) => boolean, from = 0): Promise<string[]> {
    const problems: string[] = [];
    const outer = await outerHeights(page, selector);
    for (let k = from; k < outer.length; k++) {
      const inner = await contentHeight(await frameOf(page, selector, k));
      if (!fits(outer[k]!, inner)) problems.push(`frame ${k}: iframe ${outer[k]}px, content ${inner}px`);
    }
    return problems;
  }

  const exactly = (outer: number, inner: number) => Math.abs(outer - inner) <= 2;
  const expectFitted = (page: Page, selector: string, from = 0) =>
    expect.poll(() => misfits(page, selector, exactly, from), { timeout: 15_000, interval: 100 }).toEqual([]);

  /** The artboard a frame's page shows, named by its layout. */
  const visibleArtboards = (frame: Frame) =>
    frame
      .locator('.chart__artboard')
      .evaluateAll((boards) =>
        boards.filter((board) => getComputedStyle(board).display !== 'none').map((board) => /chart__artboard--(\w+)/.exec(board.className)![1]),
      );

  const PARENTS = [
    { name: 'our embed.js', path: '/ours.html', selector: OURS },
    { name: 'the pym.js parent', path: '/pym.html', selector: 'div[id^="pym-"] > iframe' },
  ];

  describe.each(PARENTS)('sized by $name', ({ path, selector }) => {
    it.each(WIDTHS)('at %i px each iframe is as tall as its chart, after a width change and after the table opens', async (width) => {
      const page = await open(`${cms!.origin}${path}`, width);
      await loadFrames(page, selector);
      await expectFitted(page, selector);
      expect(await visibleArtboards(await frameOf(page, selector, 0))).toEqual([artboardAt(width)]);

      await page.setViewportSize({ width: NEXT_WIDTH[width]!, height: 800 });
      await expectFitted(page, selector);
      expect(await visibleArtboards(await frameOf(page, selector, 0))).toEqual([artboardAt(NEXT_WIDTH[width]!)]);

      const [before] = await outerHeights(page, selector);
      // A reader opens the data table: the content grows without any change of width.
      await page.locator(selector).first().scrollIntoViewIfNeeded();
      await (await frameOf(page, selector, 0)).locator('details.chart__data').evaluate((details: HTMLDetailsElement) => {
        details.open = true;
      });
      await expectFitted(page, selector);
      expect((await outerHeights(page, selector))[0]).toBeGreaterThan(before! + 100);
      expect(errors.get(page)).toEqual([]);
      await page.context().close();
    });
  });

  it.each(WIDTHS)('at %i px a height message from another origin, or from a frame not ours, changes nothing', async (width) => {
    const page = await open(`${cms!.origin}/ours.html`, width);
    await loadFrames(page, OURS);
    await expectFitted(page, OURS);
    const heights = await outerHeights(page, OURS);
    const bogus = [
      'pymxPYMxpym-top-imports-2023xPYMxheightxPYMx7',
      { 'datawrapper-height': { 'top-imports-2023': 7 } },
      { sentinel: 'amp', type: 'embed-size', height: 7 },
    ];
    await page.evaluate((messages) => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      window.addEventListener('message', (event) => {
        if (messages.some((message) => JSON.stringify(message) === JSON.stringify(event.data))) seen.push(event.origin);
      });
    }, bogus);
    const post = (frame: Frame) =>
      frame.evaluate((messages) => {
        for (const message of messages) window.parent.postMessage(message, '*');
      }, bogus);

    // The host page itself, an origin other than the charts'.
    await page.evaluate((messages) => {
      for (const message of messages) window.postMessage(message, '*');
    }, bogus);
    // A frame of the charts' own origin that the page did not mark as ours.
    await post(await frameOf(page, '#not-ours', 0));
    // One of our frames, after it was navigated to a page of another origin.
    const elsewhere = `${cms!.origin}/blank.html`;
    await (await frameOf(page, OURS, 0)).evaluate((url) => location.assign(url), elsewhere).catch(() => undefined);
    await expect.poll(() => page.frames().some((frame) => frame.url() === elsewhere)).toBe(true);
    const hijacked = page.frames().find((frame) => frame.url() === elsewhere)!;
    await hijacked.waitForLoadState();
    await post(hijacked);

    await expect.poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen.length)).toBe(3 * bogus.length);
    expect(await outerHeights(page, OURS)).toEqual(heights);
    // The other frames still follow their charts.
    await page.setViewportSize({ width: NEXT_WIDTH[width]!, height: 800 });
    await expectFitted(page, OURS, 1);
    await page.context().close();
  });

  it.each(WIDTHS)('at %i px with no script on the host page, each iframe is tall enough for its chart', async (width) => {
    const page = await open(`${cms!.origin}/none.html`, width);
    await loadFrames(page, OURS);
    await expect.poll(() => misfits(page, OURS, (outer, inner) => outer >= inner), { timeout: 15_000, interval: 100 }).toEqual([]);
    expect(errors.get(page)).toEqual([]);
    await page.context().close();
  });

  it('with no script on the host page, each iframe fits the column it sits in, not the window: never too short, never much too tall', async () => {
    const page = await open(`${cms!.origin}/columns.html`, 1280);
    await loadFrames(page, OURS);
    expect(await page.locator(OURS).count()).toBe(IDS.length * COLUMN_WIDTHS.length);
    // A height planned for the window's width, or for a phone, left 300 to 500 pixels empty in a desktop column;
    // the estimate's generous text widths leave up to a few lines' room on a phone.
    const fits = (outer: number, inner: number) => outer >= inner && outer - inner < 200;
    await expect.poll(() => misfits(page, OURS, fits), { timeout: 15_000, interval: 100 }).toEqual([]);
    expect(errors.get(page)).toEqual([]);
    await page.context().close();
  });

  it.each(IDS)('with JavaScript off, the %s embed page shows its chart and its words at every width', async (id) => {
    const { spec } = resolveChart(id, aggregates);
    const page = await open(siteUrl(`embed/${id}/`), WIDTHS[0]!, { javaScriptEnabled: false });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const svg = page.locator('.chart__artboard svg').filter({ visible: true });
      await expect.poll(() => svg.count()).toBe(1);
      expect((await svg.boundingBox())!.width).toBeGreaterThan(Math.min(width, 984) - 30);
      const words = { '.chart__title': spec.title, '.chart__dek': spec.dek, '.chart__badge': 'Sample data', '.chart__download a': 'Get the data (CSV)' };
      for (const [selector, text] of Object.entries(words)) {
        expect(await page.locator(selector).filter({ visible: true }).textContent(), selector).toBe(text);
      }
      expect(await page.locator('.chart__source').filter({ visible: true }).textContent()).toMatch(/^Source: .*Sample data generated for this project/);
      expect(await page.locator('.embed__fallback').isVisible()).toBe(false);
    }
    await page.context().close();
  });

  it('adds a copy button to each embed control on the story page, which copies the snippet', async () => {
    const page = await open(siteUrl(`${STORY_SLUG}/`), 1000);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site!.origin });
    const control = page.locator('details.chart__embed').first();
    await control.locator('summary').click();
    await control.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => control.getByRole('status').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await control.locator('textarea').inputValue());
    const id = (await control.evaluate((node) => node.closest('figure')!.id)).replace(/^chart-/, '');
    expect(await control.locator('textarea').inputValue()).toBe(embeds.find((embed) => embed.id === id)!.snippet);
    expect(errors.get(page)).toEqual([]);
    await page.context().close();
  });

  it('takes light or dark from the reader or from ?theme=, paints no page background, and loads only from the site', async () => {
    const page = await open(siteUrl('embed/top-imports-2023/'), 600);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const colours = () =>
      page.evaluate(() => ({
        chart: getComputedStyle(document.querySelector('.chart')!).backgroundColor,
        page: [document.documentElement, document.body].map((element) => getComputedStyle(element).backgroundColor),
      }));
    const WHITE = 'rgb(255, 255, 255)';
    const DARK = 'rgb(21, 21, 21)';
    const NONE = ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'];

    await page.reload();
    expect(await colours()).toEqual({ chart: WHITE, page: NONE });
    await page.goto(siteUrl('embed/top-imports-2023/?theme=dark'));
    expect(await colours()).toEqual({ chart: DARK, page: NONE });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(siteUrl('embed/top-imports-2023/'));
    expect(await colours()).toEqual({ chart: DARK, page: NONE });
    await page.goto(siteUrl('embed/top-imports-2023/?theme=light'));
    expect(await colours()).toEqual({ chart: WHITE, page: NONE });

    expect(requests.length).toBeGreaterThan(4);
    expect(requests.filter((url) => !url.startsWith(`${site!.origin}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(errors.get(page)).toEqual([]);
    await page.context().close();
  });
});
