// Charts as readers meet them in a real browser, on stories of this test's own over the sample
// data. One story of grouped bars, a monthly line chart and a table chart: data tables that
// scroll on a phone, baselines, tooltips, touch, text size, print, page titles, the colours an
// embed code asks for, embeds without script and sortable tables. Another with a chart of
// every type (bars and columns grouped and stacked, a line, stacked areas, dots, a table), at
// a phone's and a desktop's width, light and dark: axe, the console, the origin, and the
// keyboard reaching every value and every sortable column. One build, one Chromium (Debian's).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, serve, type Running } from '../embed/server.ts';
import { BUILD_TIMEOUT, buildSite, dataStep, removeTempDirs, tempDir } from '../site/helpers.ts';
import { INSTALL_TIMEOUT, launchChromium } from './chromium.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const SLUG = 'reading-fixture';
const BARS = 'reading-groups';
const LINE = 'reading-months';
const TABLE = 'reading-table';
const STORY = `---
title: A story to read charts in
dek: Grouped bars and a line of monthly points, to test how readers meet charts.
bylines:
  - name: Test desk
published: 2023-12-04
lang: en
summary: A fixture story for the browser tests of the charts.
shareImageAlt: A bar chart.
---

A paragraph before the charts.

\`\`\`chart
id: ${BARS}
type: bar
aggregate: minerals-by-year
x: product
colour: year
title: Minerals, year by year
dek: One bar per year in each group, the group's name above its bars on a phone.
\`\`\`

A paragraph between the charts.

\`\`\`chart
id: ${LINE}
type: line
aggregate: monthly-ferrosilicon-tungsten
x: month
colour: product
width: wide
title: Two minerals, month by month
dek: Nearly sixty months on one line each, a few pixels apart on a phone.
\`\`\`

\`\`\`chart
id: ${TABLE}
type: table
aggregate: minerals-by-year
x: product
colour: year
title: Minerals, year by year, as a table
dek: A chart that is its table, wider than a phone.
\`\`\`

A paragraph after the charts.
`;

/** A chart of every type, with the grammar's stack, highlight, hide_zero, annotations and format. */
const TYPES_SLUG = 'chart-types-fixture';
const TYPE_CHARTS = [
  { id: 'types-bar-grouped', settings: 'type: bar\naggregate: minerals-by-year\nx: product\ncolour: year' },
  { id: 'types-bar-stacked', settings: 'type: bar\naggregate: minerals-by-year\nx: product\ncolour: year\nstack: true\nhide_zero: true' },
  { id: 'types-column-grouped', settings: 'type: column\naggregate: minerals-by-year\nx: year\ncolour: product\nhighlight: "2023"\nhighlight_label: latest' },
  { id: 'types-column-stacked', settings: 'type: column\naggregate: minerals-by-year\nx: year\ncolour: product\nstack: true\nformat: percent' },
  {
    id: 'types-line',
    settings: 'type: line\naggregate: monthly-ferrosilicon-tungsten\nx: month\ncolour: product\nannotations:\n  - note: The border closes\n    x: 2020-01',
  },
  {
    id: 'types-area-stacked',
    settings:
      'type: area\naggregate: monthly-ferrosilicon-tungsten\nx: month\ncolour: product\nstack: true\nannotations:\n  - range: Border closed\n    from: 2020-01\n    to: 2022-09',
  },
  { id: 'types-dot', settings: 'type: dot\naggregate: minerals-by-year\nx: product\ncolour: year' },
  { id: 'types-table', settings: 'type: table\naggregate: minerals-by-year\nx: product\ncolour: year' },
];
const TYPES_TABLE = 'types-table';
const TYPES_STORY = `---
title: A chart of every type
dek: Bars, columns, a line, areas, dots and a table, to test every chart type in a browser.
bylines:
  - name: Test desk
published: 2023-12-05
lang: en
summary: A fixture story for the browser tests of every chart type.
shareImageAlt: A bar chart.
---

A paragraph before the charts.

${TYPE_CHARTS.map(({ id, settings }) => `\`\`\`chart\nid: ${id}\n${settings}\ntitle: Chart ${id}\ndek: The ${id.replace('types-', '').replace('-', ' ')} chart of this test.\n\`\`\`\n`).join('\n')}
A paragraph after the charts.
`;

let site: Running | undefined;
let browser: Browser | undefined;
let dist: string;

beforeAll(async () => {
  const work = await tempDir('browser-charts-');
  dist = join(work, 'dist');
  const stories = join(work, 'stories');
  await mkdir(stories, { recursive: true });
  await writeFile(join(stories, `${SLUG}.md`), STORY);
  await writeFile(join(stories, `${TYPES_SLUG}.md`), TYPES_STORY);
  site = await serve('127.0.0.1', files(dist));
  browser = await launchChromium();
  const data = await dataStep(join(work, 'data'));
  await buildSite({ dataDir: data, outDir: dist, site: site.origin, env: { STORIES_DIR: stories } });
}, BUILD_TIMEOUT + INSTALL_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await removeTempDirs();
});

interface Opened {
  page: Page;
  errors: string[];
  /** Requests to any origin but the site's. */
  offOrigin: string[];
}

async function open(path: string, width: number, options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await browser!.newContext({ viewport: { width, height: 800 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const offOrigin: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== site!.origin && url.protocol !== 'data:') offOrigin.push(url.href);
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${site!.origin}/${path}`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, errors, offOrigin };
}

async function withPage(path: string, width: number, options: BrowserContextOptions, run: (opened: Opened) => Promise<void>): Promise<void> {
  const opened = await open(path, width, options);
  try {
    await run(opened);
    expect(opened.errors).toEqual([]);
    expect(opened.offOrigin).toEqual([]);
  } finally {
    await opened.page.context().close();
  }
}

/** axe's findings on the page as it stands, one line per rule with the elements it failed on. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

const openTables = (page: Page) =>
  page.evaluate(() => {
    for (const details of document.querySelectorAll<HTMLDetailsElement>('details.chart__data')) details.open = true;
  });

/** The visible artboard of a chart. */
const artboard = (page: Page, id: string) => page.locator(`#chart-${id} .chart__artboard`).filter({ visible: true });

/**
 * How much of each edge strip of an element its background changes: the element as it is,
 * against the same element with no background images, compared pixel by pixel in the page.
 */
async function edgeShading(page: Page, element: Locator): Promise<{ left: number; right: number }> {
  const shaded = (await element.screenshot()).toString('base64');
  await element.evaluate((node: HTMLElement) => node.style.setProperty('background-image', 'none'));
  const plain = (await element.screenshot()).toString('base64');
  await element.evaluate((node: HTMLElement) => node.style.removeProperty('background-image'));
  return page.evaluate(
    async ([a, b]) => {
      const pixels = async (data: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height);
      };
      const [x, y] = await Promise.all([pixels(a), pixels(b)]);
      const strip = (from: number) => {
        let changed = 0;
        for (let row = 0; row < x.height; row++) {
          for (let column = from; column < from + 6; column++) {
            const k = (row * x.width + column) * 4;
            if (Math.abs(x.data[k]! - y.data[k]!) + Math.abs(x.data[k + 1]! - y.data[k + 1]!) + Math.abs(x.data[k + 2]! - y.data[k + 2]!) > 6) changed++;
          }
        }
        return changed / (6 * x.height);
      };
      return { left: strip(0), right: strip(x.width - 6) };
    },
    [shaded, plain] as const,
  );
}

describe('a data table on a phone', () => {
  it.each([
    { scheme: 'light' as const, javaScriptEnabled: true },
    { scheme: 'dark' as const, javaScriptEnabled: true },
    { scheme: 'light' as const, javaScriptEnabled: false },
  ])('scrolls in a named, focusable box that shades the edges with more table ($scheme, script: $javaScriptEnabled)', async ({ scheme, javaScriptEnabled }) => {
    await withPage(`${SLUG}/`, 320, { colorScheme: scheme, javaScriptEnabled }, async ({ page }) => {
      await openTables(page);
      const box = page.locator(`#chart-${BARS} .chart__table-scroll`);
      expect(await box.getAttribute('tabindex')).toBe('0');
      expect(await box.getAttribute('role')).toBe('region');
      expect(await box.getAttribute('aria-label')).toBeTruthy();
      const { scrollWidth, clientWidth } = await box.evaluate((node) => ({ scrollWidth: node.scrollWidth, clientWidth: node.clientWidth }));
      expect(scrollWidth).toBeGreaterThan(clientWidth + 40);
      await box.scrollIntoViewIfNeeded();

      const atStart = await edgeShading(page, box);
      expect(atStart.right, 'shadow at the right edge, with more table to the right').toBeGreaterThan(0.3);
      expect(atStart.left, 'no shadow at the left edge, with nothing to the left').toBeLessThan(0.02);
      await box.evaluate((node) => node.scrollTo({ left: node.scrollWidth }));
      const atEnd = await edgeShading(page, box);
      expect(atEnd.left).toBeGreaterThan(0.3);
      expect(atEnd.right).toBeLessThan(0.02);
      await box.evaluate((node) => node.scrollTo({ left: (node.scrollWidth - node.clientWidth) / 2 }));
      const between = await edgeShading(page, box);
      expect(between.left).toBeGreaterThan(0.3);
      expect(between.right).toBeGreaterThan(0.3);
    });
  });

  it('can be scrolled from the keyboard, and the page passes axe with every table open', async () => {
    await withPage(`${SLUG}/`, 320, {}, async ({ page }) => {
      await openTables(page);
      const box = page.locator(`#chart-${BARS} .chart__table-scroll`);
      await box.focus();
      expect(await box.evaluate((node) => node === document.activeElement)).toBe(true);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => box.evaluate((node) => node.scrollLeft)).toBeGreaterThan(0);

      expect(await axeViolations(page)).toEqual([]);
    });
  });
});

describe('grouped bars on a phone', () => {
  it('draw the baseline along the bars only, never through the group labels above them', async () => {
    await withPage(`${SLUG}/`, 320, {}, async ({ page }) => {
      const board = artboard(page, BARS);
      expect(await board.getAttribute('class')).toContain('chart__artboard--phone');
      const crossings = await board.evaluate((element) => {
        const boxes = (selector: string) =>
          [...element.querySelectorAll(selector)].map((node) => ({ text: node.textContent ?? '', ...(node.getBoundingClientRect().toJSON() as DOMRect) }));
        const labels = boxes('[class*="chart__label"] text, text[class*="chart__label"]');
        const baselines = boxes('.chart__baseline line, line.chart__baseline, .chart__baseline path');
        return {
          labels: labels.length,
          baselines: baselines.length,
          crossings: labels
            .filter((label) =>
              baselines.some(
                (line) => line.left < label.right && label.left < line.right + 0.5 && line.top < label.bottom - 0.5 && label.top < line.bottom - 0.5,
              ),
            )
            .map((label) => label.text),
        };
      });
      expect(crossings.labels).toBeGreaterThan(1);
      expect(crossings.baselines).toBeGreaterThan(0);
      expect(crossings.crossings).toEqual([]);
    });
  });
});

interface TooltipCheck {
  label: string;
  covered: boolean;
  outside: boolean;
}

/** Shows each mark's tooltip from the keyboard and says where it went. */
function keyboardTooltips(page: Page, id: string, scrollTo: 'middle' | 'top'): Promise<TooltipCheck[]> {
  return artboard(page, id).evaluate((board: HTMLElement, where) => {
    const figure = board.closest('figure')!;
    const tooltip = figure.querySelector<HTMLElement>('.chart__tooltip')!;
    const marks = [...board.querySelectorAll('[data-value]')];
    board.focus();
    const results: TooltipCheck[] = [];
    marks.forEach((mark, k) => {
      // The mark where the reader has scrolled it: mid-window, or at the very top.
      const top = mark.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, where === 'top' ? top - 2 : top - window.innerHeight / 2);
      board.dispatchEvent(new KeyboardEvent('keydown', { key: k === 0 ? 'Home' : 'ArrowRight', bubbles: true, cancelable: true }));
      const t = tooltip.getBoundingClientRect();
      const m = mark.getBoundingClientRect();
      const f = figure.getBoundingClientRect();
      results.push({
        label: `${mark.getAttribute('data-label')}${tooltip.hidden ? ' (hidden)' : ''}`,
        covered: tooltip.hidden || (t.left < m.right - 0.5 && m.left < t.right - 0.5 && t.top < m.bottom - 0.5 && m.top < t.bottom - 0.5),
        outside:
          t.left < Math.max(f.left, 0) - 0.5 ||
          t.right > Math.min(f.right, window.innerWidth) + 0.5 ||
          t.top < Math.max(f.top, 0) - 0.5 ||
          t.bottom > Math.min(f.bottom, window.innerHeight) + 0.5,
      });
    });
    return results;
  }, scrollTo);
}

describe.each([320, 1280])('tooltips at %i px', (width) => {
  it.each([BARS, LINE])('never cover the mark they describe, from the keyboard, wherever the mark is scrolled (%s)', async (id) => {
    await withPage(`${SLUG}/`, width, {}, async ({ page }) => {
      for (const where of ['middle', 'top'] as const) {
        const checks = await keyboardTooltips(page, id, where);
        expect(checks.length).toBeGreaterThan(5);
        expect(
          checks.filter((check) => check.covered).map((check) => check.label),
          `${where}: covered`,
        ).toEqual([]);
        expect(
          checks.filter((check) => check.outside).map((check) => check.label),
          `${where}: outside the figure or the window`,
        ).toEqual([]);
      }
    });
  });

  it.each([BARS, LINE])('never cover the mark under the mouse (%s)', async (id) => {
    await withPage(`${SLUG}/`, width, {}, async ({ page }) => {
      const board = artboard(page, id);
      await board.scrollIntoViewIfNeeded();
      const centres = await board.evaluate((element) =>
        [...element.querySelectorAll('[data-value]')].map((mark) => {
          const r = mark.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }),
      );
      const covered: string[] = [];
      for (let k = 0; k < centres.length; k += Math.ceil(centres.length / 24)) {
        await page.mouse.move(centres[k]!.x, centres[k]!.y);
        const seen = await page.evaluate((chart) => {
          const tooltip = document.querySelector<HTMLElement>(`#chart-${chart} .chart__tooltip`)!;
          const active = document.querySelector(`#chart-${chart} .is-active`);
          if (tooltip.hidden || !active) return { label: '(none)', covers: true };
          const t = tooltip.getBoundingClientRect();
          const m = active.getBoundingClientRect();
          return {
            label: active.getAttribute('data-label') ?? '',
            covers: t.left < m.right - 0.5 && m.left < t.right - 0.5 && t.top < m.bottom - 0.5 && m.top < t.bottom - 0.5,
          };
        }, id);
        if (seen.covers) covered.push(seen.label);
      }
      expect(covered).toEqual([]);
    });
  });
});

describe('touch on a phone', () => {
  it('scrubs along points too close to tap one by one, showing the nearest in time, above the finger', async () => {
    await withPage(`${SLUG}/`, 320, { hasTouch: true, isMobile: true }, async ({ page }) => {
      const board = artboard(page, LINE);
      await board.scrollIntoViewIfNeeded();
      expect(await board.evaluate((element) => getComputedStyle(element).touchAction)).toBe('pan-y pinch-zoom');
      expect(await artboard(page, BARS).evaluate((element) => getComputedStyle(element).touchAction)).toBe('auto');
      const points = await board.evaluate((element) =>
        [...element.querySelectorAll('[data-value]')].map((mark) => {
          const r = mark.getBoundingClientRect();
          return { label: mark.getAttribute('data-label') ?? '', x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }),
      );
      const xs = [...new Set(points.map((point) => Math.round(point.x * 10) / 10))].sort((a, b) => a - b);
      const spacing = (xs[xs.length - 1]! - xs[0]!) / (xs.length - 1);
      // The reason for scrubbing: far closer than a fingertip is wide.
      expect(spacing).toBeLessThan(8);

      const cdp = await page.context().newCDPSession(page);
      const y = points.reduce((sum, point) => sum + point.y, 0) / points.length;
      const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
        cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
      const seen = new Set<string>();
      const wrong: string[] = [];
      await touch('touchStart', xs[0]!);
      for (let x = xs[0]!; x <= xs[xs.length - 1]!; x += spacing / 2) {
        await touch('touchMove', x);
        // Browsers hand moves to the page with the next frame.
        const shown = await page.evaluate(
          async ({ chart, fingerX, fingerY }) => {
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
            const tooltip = document.querySelector<HTMLElement>(`#chart-${chart} .chart__tooltip`)!;
            const active = document.querySelector(`#chart-${chart} .is-active`);
            if (tooltip.hidden || !active) return undefined;
            const t = tooltip.getBoundingClientRect();
            const m = active.getBoundingClientRect();
            return {
              label: active.getAttribute('data-label') ?? '',
              x: m.left + m.width / 2,
              underFinger: t.left <= fingerX && fingerX <= t.right && t.top <= fingerY + 20 && fingerY - 20 <= t.bottom,
            };
          },
          { chart: LINE, fingerX: x, fingerY: y },
        );
        if (!shown) {
          wrong.push(`${x}: no tooltip`);
          continue;
        }
        seen.add(shown.label);
        const nearest = Math.min(...xs.map((px) => Math.abs(px - x)));
        if (Math.abs(shown.x - x) > nearest + 0.5) wrong.push(`${x}: showed a point at ${shown.x}, ${nearest}px from the nearest`);
        if (shown.underFinger) wrong.push(`${x}: the tooltip sits under the finger`);
      }
      await touch('touchEnd', 0);
      expect(wrong).toEqual([]);
      expect(seen.size).toBeGreaterThan(xs.length * 0.9);
      expect(await page.evaluate(() => window.scrollX)).toBe(0);
    });
  });
});

describe('chart text', () => {
  it('never grows past 1.25 times its size, at any width from a phone to a desktop', async () => {
    await withPage(`${SLUG}/`, 320, {}, async ({ page }) => {
      const largest = new Map<string, { width: number; scale: number }>();
      for (let width = 300; width <= 1000; width += 7) {
        await page.setViewportSize({ width, height: 800 });
        const scales = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.chart__artboard')]
            .filter((board) => board.checkVisibility())
            .map((board) => {
              const svg = board.querySelector('svg')!;
              return { board: board.className, scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width };
            }),
        );
        expect(scales).toHaveLength(2);
        for (const { board, scale } of scales) {
          if (scale > (largest.get(board)?.scale ?? 0)) largest.set(board, { width, scale });
        }
      }
      for (const [board, { width, scale }] of largest) expect(scale, `${board} at a ${width}px window`).toBeLessThanOrEqual(1.25 + 1e-3);
    });
  });
});

/** Every element's colours, as the page paints them. */
const paintedColours = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('*')].map((element) => {
      const style = getComputedStyle(element);
      const name = `${element.localName}${element.id ? `#${element.id}` : ''}${typeof element.className === 'string' && element.className ? `.${element.className.split(' ').join('.')}` : ''}`;
      return `${name}: ${['color', 'background-color', 'background-image', 'border-top-color', 'border-bottom-color', 'fill', 'stroke', 'outline-color']
        .map((property) => style.getPropertyValue(property))
        .join(' | ')}`;
    }),
  );

describe('printing', () => {
  it.each([`${SLUG}/`, '', 'embed/', `embed/${BARS}/`])('uses the light colours when the reader has chosen dark (/%s)', async (path) => {
    await withPage(path, 1000, {}, async ({ page }) => {
      await openTables(page);
      await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
      const screenLight = await paintedColours(page);
      await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
      // The comparison can tell: on screen, dark differs.
      expect(await paintedColours(page)).not.toEqual(screenLight);
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      const light = await paintedColours(page);
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      const dark = await paintedColours(page);
      expect(dark.filter((line, k) => line !== light[k])).toEqual([]);
    });
  });
});

describe('page titles at desktop width', () => {
  it('line up with the article column on the index, the embed index and the story', async () => {
    const lefts: Record<string, { title: number; text: number }> = {};
    for (const [path, text] of [
      ['', '.story-list'],
      ['embed/', '.article > p'],
      [`${SLUG}/`, '.article__dek'],
    ] as const) {
      await withPage(path, 1280, {}, async ({ page }) => {
        lefts[path] = await page.evaluate(
          (selector) => ({
            title: document.querySelector('h1')!.getBoundingClientRect().left,
            text: document.querySelector(selector)!.getBoundingClientRect().left,
          }),
          text,
        );
      });
    }
    for (const [path, { title, text }] of Object.entries(lefts)) expect(title, `/${path}`).toBe(text);
    expect(new Set(Object.values(lefts).map((left) => left.title)).size).toBe(1);
    expect(lefts['']!.title).toBeGreaterThan(100);
  });
});

describe('the colours an embed code asks for', () => {
  const themeOf = (snippet: string) => /<iframe src="[^"?]*(\?[^"]*)?"/.exec(snippet)?.[1] ?? '';

  it('are offered beside the code in the article, auto first, and rewrite the code to copy', async () => {
    await withPage(`${SLUG}/`, 1000, {}, async ({ page }) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site!.origin });
      const control = page.locator(`#chart-${BARS} details.chart__embed`);
      await control.locator('summary').click();
      const field = control.locator('textarea');
      const auto = await field.inputValue();
      expect(themeOf(auto)).toBe('');
      expect(await control.getByRole('radio').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual([
        'auto',
        'light',
        'dark',
      ]);
      expect(await control.locator('input[type=radio][value="auto"]').isChecked()).toBe(true);

      await control.getByRole('radio', { name: 'Dark' }).check();
      const dark = await field.inputValue();
      expect(themeOf(dark)).toBe('?theme=dark');
      expect(dark.replace('?theme=dark', '')).toBe(auto);
      await control.getByRole('button', { name: 'Copy code' }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(dark);

      await control.getByRole('radio', { name: 'Light' }).check();
      expect(themeOf(await field.inputValue())).toBe('?theme=light');
      await control.locator('input[type=radio][value="auto"]').check();
      expect(await field.inputValue()).toBe(auto);
    });
  });

  it('are offered on /embed/, where the live preview takes them', async () => {
    await withPage('embed/', 1000, { colorScheme: 'light' }, async ({ page }) => {
      const entry = page.locator('[data-embed-entry]').filter({ has: page.locator(`#embed-code-${BARS}`) });
      const preview = entry.locator('iframe[data-customs-story-embed]');
      await preview.scrollIntoViewIfNeeded();
      const background = async () => {
        const frame = (await (await preview.elementHandle())!.contentFrame())!;
        await frame.waitForLoadState('load');
        return frame.evaluate(() => getComputedStyle(document.querySelector('.chart')!).backgroundColor);
      };
      await expect.poll(background).toBe('rgb(255, 255, 255)');
      await entry.getByRole('radio', { name: 'Dark' }).check();
      expect(themeOf(await entry.locator('textarea').inputValue())).toBe('?theme=dark');
      await expect.poll(() => preview.getAttribute('src')).toBe(`/embed/${BARS}/?theme=dark`);
      await expect.poll(background).toBe('rgb(21, 21, 21)');
    });
  });

  it('are the automatic ones without JavaScript, with no controls', async () => {
    await withPage(`${SLUG}/`, 1000, { javaScriptEnabled: false }, async ({ page }) => {
      const control = page.locator(`#chart-${BARS} details.chart__embed`);
      expect(await control.getByRole('radio').count()).toBe(0);
      expect(themeOf((await control.locator('textarea').textContent()) ?? '')).toBe('');
    });
  });
});

describe('the data tables of charts', () => {
  it.each([`${SLUG}/`, `embed/${LINE}/`])('sort by any column from the keyboard (/%s)', async (path) => {
    await withPage(path, 1000, {}, async ({ page }) => {
      await openTables(page);
      const table = page.locator(`#chart-${LINE} table[data-sortable]`);
      const headers = table.locator('thead th');
      const count = await headers.count();
      expect(count).toBeGreaterThan(2);
      expect(await table.locator('thead th button').count()).toBe(count);
      // Tab reaches every column's button, in order.
      await table.locator('thead th button').first().focus();
      for (let k = 1; k < count; k++) {
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.closest('th')?.cellIndex)).toBe(k);
      }
      await page.keyboard.press('Enter');
      const last = headers.nth(count - 1);
      expect(await last.getAttribute('aria-sort')).toBe('ascending');
      const values = () =>
        table.locator(`tbody tr td:nth-child(${count})`).evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
      const ascending = await values();
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
      await page.keyboard.press('Space');
      expect(await last.getAttribute('aria-sort')).toBe('descending');
      expect(await values()).toEqual([...ascending].sort((a, b) => b - a));
    });
  });
});

/** An embed page of this build's charts, their scripts stripped, in columns of these widths. */
const COLUMNS = [260, 300, 360, 420, 480, 544, 600, 700, 800, 904, 1000];

describe('an embed on a page without any script', () => {
  it('is never too short for its chart in a column of any width, the table chart included', async () => {
    const snippets = await Promise.all(
      [BARS, LINE, TABLE].map(async (id) => {
        const { html } = JSON.parse(await readFile(join(dist, 'embed', id, 'oembed.json'), 'utf8')) as { html: string };
        // Loaded at once rather than as the reader scrolls, to measure them all.
        return html.replace(/<script\b[^>]*><\/script>/g, '').replace(' loading="lazy"', '');
      }),
    );
    const columns = snippets.flatMap((snippet) => COLUMNS.map((width) => `<div style="width:${width}px">${snippet}</div>`));
    await writeFile(
      join(dist, 'columns.html'),
      `<!doctype html><html lang="en"><title>Columns</title><link rel="icon" href="data:,"><body style="margin:0">${columns.join('')}</body></html>`,
    );
    await withPage('columns.html', 1280, {}, async ({ page }) => {
      await page.waitForLoadState('load');
      const frames = page.locator('iframe[data-customs-story-embed]');
      expect(await frames.count()).toBe(3 * COLUMNS.length);
      const short: string[] = [];
      for (const frame of await frames.elementHandles()) {
        const outer = await frame.evaluate((element: Element) => ({
          height: element.getBoundingClientRect().height,
          src: element.getAttribute('src'),
          width: element.getBoundingClientRect().width,
        }));
        const inner = await (await frame.contentFrame())!.evaluate(async () => {
          await document.fonts.ready;
          return document.documentElement.getBoundingClientRect().height;
        });
        if (outer.height < inner) short.push(`${outer.src} at ${outer.width}px: ${outer.height}px for ${inner}px`);
      }
      expect(short).toEqual([]);
    });
  });
});

interface KeyboardWalk {
  /** Every visible artboard Tab stopped at, by chart id, with the marks the arrow keys reached there. */
  artboards: Record<string, { marks: number; reached: number[]; unannounced: string[] }>;
  /** The column of each sort button of the table chart Tab stopped at, in order. */
  sortButtons: number[];
}

/**
 * Tabs through the page from its top until focus leaves the page; at each artboard,
 * walks its marks with the arrow keys, noting which mark each key made active and whether
 * the status line read it out.
 */
async function walkWithKeyboard(page: Page, tableId: string): Promise<KeyboardWalk> {
  const walk: KeyboardWalk = { artboards: {}, sortButtons: [] };
  for (let presses = 0; presses < 400; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((table) => {
      const active = document.activeElement;
      const figure = active?.closest('figure.chart');
      return {
        chart: figure?.id.replace(/^chart-/, ''),
        artboard: active?.classList.contains('chart__artboard') ?? false,
        sortColumn: figure?.id === `chart-${table}` && active?.matches('th > button') ? (active.closest('th') as HTMLTableCellElement).cellIndex : -1,
        body: active === document.body || active === null,
      };
    }, tableId);
    if (focused.body && presses > 0) break;
    if (focused.sortColumn >= 0) walk.sortButtons.push(focused.sortColumn);
    if (focused.artboard && focused.chart) {
      const board = page.locator(`#chart-${focused.chart} .chart__artboard`).filter({ visible: true });
      const marks = await board.locator('[data-value]').count();
      const seen = { marks, reached: [] as number[], unannounced: [] as string[] };
      for (let k = 0; k < marks; k++) {
        if (k > 0) await page.keyboard.press('ArrowRight');
        const state = await board.evaluate((element) => {
          const all = [...element.querySelectorAll('[data-value]')];
          const active = element.querySelector('[data-value].is-active');
          const status = element.closest('figure')!.querySelector('[role="status"]')?.textContent ?? '';
          return {
            index: active ? all.indexOf(active) : -1,
            label: active?.getAttribute('data-label') ?? '',
            text: active?.getAttribute('data-text') ?? '',
            status,
          };
        });
        seen.reached.push(state.index);
        if (state.index < 0 || state.status !== `${state.label}: ${state.text}`) seen.unannounced.push(`${k}: "${state.status}"`);
      }
      walk.artboards[focused.chart] = seen;
    }
  }
  return walk;
}

const TYPE_CASES = [320, 1280].flatMap((width) => (['light', 'dark'] as const).map((colorScheme) => ({ width, colorScheme })));

describe.each(TYPE_CASES)('every chart type at $width px, $colorScheme', ({ width, colorScheme }) => {
  it('passes axe, logs no error and fetches nothing from another origin', async () => {
    await withPage(`${TYPES_SLUG}/`, width, { colorScheme }, async ({ page }) => {
      const drawn = await page.locator('figure.chart').evaluateAll((figures) => figures.map((figure) => figure.id.replace(/^chart-/, '')));
      expect(drawn).toEqual(TYPE_CHARTS.map((chart) => chart.id));
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('lets the keyboard reach every value of every chart and every column of the table chart', async () => {
    await withPage(`${TYPES_SLUG}/`, width, { colorScheme }, async ({ page }) => {
      const walk = await walkWithKeyboard(page, TYPES_TABLE);
      const drawnCharts = TYPE_CHARTS.filter((chart) => chart.id !== TYPES_TABLE).map((chart) => chart.id);
      expect(Object.keys(walk.artboards).sort()).toEqual([...drawnCharts].sort());
      for (const [id, { marks, reached, unannounced }] of Object.entries(walk.artboards)) {
        expect(marks, `${id} has values`).toBeGreaterThan(1);
        expect(reached, `${id}: the mark each arrow key made active`).toEqual(Array.from({ length: marks }, (_, k) => k));
        expect(unannounced, `${id}: values the status line did not read out`).toEqual([]);
      }
      const table = page.locator(`#chart-${TYPES_TABLE} table[data-sortable]`);
      const columns = await table.locator('thead th').count();
      expect(columns).toBeGreaterThan(2);
      expect(walk.sortButtons, 'Tab stops at every column of the table chart, in order').toEqual(Array.from({ length: columns }, (_, k) => k));
    });
    // Hundreds of key presses: on a loaded 2-core machine the walk alone has taken 45 s.
  }, 240_000);

  it('sorts the table chart by each column with Enter, saying so with aria-sort', async () => {
    await withPage(`${TYPES_SLUG}/`, width, { colorScheme }, async ({ page }) => {
      const table = page.locator(`#chart-${TYPES_TABLE} table[data-sortable]`);
      const headers = table.locator('thead th');
      const columns = await headers.count();
      for (let k = 0; k < columns; k++) {
        await headers.nth(k).locator('button').focus();
        await page.keyboard.press('Enter');
        expect(await headers.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-sort')))).toEqual(
          Array.from({ length: columns }, (_, c) => (c === k ? 'ascending' : null)),
        );
        const keys = await table
          .locator(`tbody tr > :nth-child(${k + 1})`)
          .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-value') ?? (cell.textContent ?? '').trim()));
        const numeric = keys.map(Number);
        if (numeric.every((n) => !Number.isNaN(n))) expect(numeric, `column ${k}`).toEqual([...numeric].sort((a, b) => a - b));
        else expect(keys, `column ${k}`).toEqual([...keys].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
      }
    });
  });
});
