// The built site as readers meet it in a real browser: the newsroom fixture's story pages (every
// chart type, both languages, a story on sample data) and an embed page per language, at phone
// (320px) and desktop (1280px) width, light and dark. The run's shared build of the fixture,
// served from loopback; one Chromium (Debian's) for every test.
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strings, type Lang } from '../../src/i18n/index.ts';
import { chartPath } from '../../src/site/charts.ts';
import { files, serve, type Running } from '../embed/server.ts';
import { BUILD_TIMEOUT } from '../support/build.ts';
import { sharedBuild } from '../support/project.ts';
import { projectCharts, publishedStories } from '../support/stories.ts';
import { INSTALL_TIMEOUT, launchChromium } from './chromium.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Every story page and an embed page in each language, with the language each is in. */
const PAGES: { path: string; lang: Lang }[] = [
  { path: 'soybeans/', lang: 'en' },
  { path: 'soybeans-ko/', lang: 'ko' },
  { path: 'wigs/', lang: 'en' },
  { path: 'embed/soy-months/', lang: 'en' },
  { path: 'embed/ko/soy-stacked/', lang: 'ko' },
];
const WIDTHS = [320, 1280];
const SCHEMES = ['light', 'dark'] as const;
const CASES = PAGES.flatMap(({ path, lang }) => WIDTHS.flatMap((width) => SCHEMES.map((scheme) => ({ path, lang, width, scheme }))));
type Case = (typeof CASES)[number];

/** Fonts arrive this late, so a font swap after first paint would show as a layout shift. */
const FONT_DELAY = 300;

let site: Running | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

/** Story and embed pages of the build, for the control below. */
let built: { stories: string[]; embeds: string[] } = { stories: [], embeds: [] };

beforeAll(async () => {
  const [project, launched] = await Promise.all([sharedBuild('newsroom'), launchChromium()]);
  browser = launched;
  site = await serve('127.0.0.1', files(project.dist));
  built = {
    stories: (await publishedStories(project)).map((story) => `${story.id}/`),
    embeds: (await projectCharts(project, project.data)).map((chart) => `embed/${chartPath(chart.spec)}/`),
  };
}, BUILD_TIMEOUT + INSTALL_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it('visits every story page and an embed page in each language the site has (the control)', () => {
  expect(
    PAGES.filter((page) => !page.path.startsWith('embed/'))
      .map((page) => page.path)
      .sort(),
  ).toEqual([...built.stories].sort());
  for (const page of PAGES) if (page.path.startsWith('embed/')) expect(built.embeds).toContain(page.path);
  expect(new Set(PAGES.filter((page) => page.path.startsWith('embed/')).map((page) => page.lang))).toEqual(new Set(['en', 'ko']));
});

interface Opened {
  page: Page;
  requests: string[];
  failed: string[];
  errors: string[];
}

/** A fresh context (no cache) with the page loaded, fonts in and a moment to settle. */
async function open(test: Case, options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await browser!.newContext({
    viewport: { width: test.width, height: 800 },
    colorScheme: test.scheme,
    ...options,
  });
  contexts.push(context);
  const page = await context.newPage();
  const opened: Opened = { page, requests: [], failed: [], errors: [] };
  page.on('request', (request) => opened.requests.push(request.url()));
  page.on('requestfailed', (request) => opened.failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) opened.failed.push(`${response.url()}: HTTP ${response.status()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(message.text());
  });
  page.on('pageerror', (error) => opened.errors.push(String(error)));
  await page.route(/\.woff2?$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, FONT_DELAY));
    await route.fallback();
  });
  if (options.javaScriptEnabled !== false) {
    await page.addInitScript(() => {
      const shifts: { value: number; sources: string[] }[] = [];
      (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] }[]) {
          if (entry.hadRecentInput) continue;
          shifts.push({
            value: entry.value,
            sources: (entry.sources ?? []).map((source) => {
              const node = source.node as Element | null | undefined;
              return node
                ? `${node.nodeName.toLowerCase()}${node instanceof Element && node.className ? `.${String(node.className).split(' ').join('.')}` : ''}`
                : '?';
            }),
          });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
  }
  await page.goto(`${site!.origin}/${test.path}`, { waitUntil: 'load' });
  if (options.javaScriptEnabled !== false) {
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForTimeout(FONT_DELAY);
  }
  return opened;
}

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function close(opened: Opened): Promise<void> {
  await opened.page.context().close();
}

/** Each drawn chart's visible artboard and its marks, as the page shows them; table charts have none. */
function visibleMarks(page: Page): Promise<{ chart: string; marks: { label: string; text: string }[] }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('figure.chart')]
      .filter((figure) => figure.querySelector('.chart__artboard'))
      .map((figure) => {
        const boards = [...figure.querySelectorAll<HTMLElement>('.chart__artboard')].filter((board) => board.checkVisibility());
        if (boards.length !== 1) throw new Error(`${figure.id}: ${boards.length} visible artboards`);
        return {
          chart: figure.id,
          marks: [...boards[0]!.querySelectorAll('[data-value]')].map((mark) => ({
            label: mark.getAttribute('data-label') ?? '',
            text: mark.getAttribute('data-text') ?? '',
          })),
        };
      }),
  );
}

describe.each(CASES)('$path at $width px, $scheme', (test) => {
  // One load serves the checks that only read the page; the keyboard test runs last on it.
  let loaded: Opened;
  beforeAll(async () => {
    loaded = await open(test);
  }, 60_000);
  afterAll(async () => {
    await loaded?.page.context().close();
  });

  it('loads with no console errors, no failed requests and nothing from outside the site', () => {
    expect(loaded.errors).toEqual([]);
    expect(loaded.failed).toEqual([]);
    const requests = loaded.requests.filter((url) => !url.startsWith('data:'));
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.filter((url) => new URL(url).origin !== site!.origin)).toEqual([]);
  });

  it('does not shift its layout while it loads and its fonts arrive', async () => {
    const shifts = await loaded.page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts);
    expect(shifts).toEqual([]);
  });

  it('has no axe-core violations', async () => {
    const { page } = loaded;
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const result = await axe.run();
      return result.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });

  it('reaches every value of every chart with the keyboard', async () => {
    const { page } = loaded;
    const expected = await visibleMarks(page);
    expect(expected.length).toBeGreaterThan(0);
    const heard = new Map<string, Set<string>>();
    const shown = new Map<string, Set<string>>();
    for (let presses = 0; presses < 200 && heard.size < expected.length; presses++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        if (!active?.matches('.chart__artboard')) return undefined;
        return { chart: active.closest('figure.chart')!.id, marks: active.querySelectorAll('[data-value]').length };
      });
      if (!focused || heard.has(focused.chart)) continue;
      // Focus shows the first value; each ArrowRight the next one.
      const said = await page.evaluate(async ({ chart, marks }) => {
        const figure = document.getElementById(chart)!;
        const board = document.activeElement as HTMLElement;
        const tooltip = figure.querySelector<HTMLElement>('.chart__tooltip')!;
        const status = figure.querySelector('[role=status]')!;
        const out: { status: string; tooltip: string }[] = [];
        for (let k = 0; k < marks; k++) {
          if (k > 0) board.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
          out.push({ status: status.textContent ?? '', tooltip: !tooltip.hidden && tooltip.checkVisibility() ? (tooltip.textContent ?? '') : '' });
        }
        return out;
      }, focused);
      heard.set(focused.chart, new Set(said.map((s) => s.status)));
      shown.set(focused.chart, new Set(said.map((s) => s.tooltip)));
    }
    for (const { chart, marks } of expected) {
      expect(heard.has(chart), `${chart}: Tab never reached its artboard`).toBe(true);
      const statuses = heard.get(chart)!;
      const tooltips = shown.get(chart)!;
      for (const mark of marks) {
        expect(statuses, `${chart}: the status region never said ${mark.label}`).toContain(`${mark.label}: ${mark.text}`);
        expect(tooltips, `${chart}: the tooltip never showed ${mark.label}`).toContain(`${mark.label}${mark.text}`);
      }
    }
    // The real key, once per chart, moves on from the first value too.
    await page.keyboard.press('Shift+Tab');
  });

  it('shows every value of every chart under a tap', async () => {
    const opened = await open(test, { hasTouch: true });
    const { page } = opened;
    try {
      const expected = await visibleMarks(page);
      const missed: string[] = [];
      for (const { chart, marks } of expected) {
        const board = page.locator(`#${chart} .chart__artboard`).filter({ visible: true });
        await board.scrollIntoViewIfNeeded();
        const centres = await board.evaluate((element) =>
          [...element.querySelectorAll('[data-value]')].map((mark) => {
            const r = mark.getBoundingClientRect();
            return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          }),
        );
        for (let k = 0; k < marks.length; k++) {
          await page.touchscreen.tap(centres[k]!.x, centres[k]!.y);
          const text = await page.evaluate((id) => {
            const tooltip = document.querySelector<HTMLElement>(`#${id} .chart__tooltip`);
            return tooltip && !tooltip.hidden && tooltip.checkVisibility() ? (tooltip.textContent ?? '') : '(hidden)';
          }, chart);
          if (!text.includes(`${marks[k]!.label}${marks[k]!.text}`)) missed.push(`${chart} ${marks[k]!.label}: showed ${text}`);
        }
      }
      expect(missed).toEqual([]);
      expect(opened.errors).toEqual([]);
    } finally {
      await close(opened);
    }
  });

  it('shows every chart, its title and its source with JavaScript disabled', async () => {
    const opened = await open(test, { javaScriptEnabled: false });
    const { page } = opened;
    try {
      const seen = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('figure.chart')].map((figure) => {
          const shown = (element: Element | null) =>
            !!element && element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && element.getBoundingClientRect().width > 0;
          const svgs = [...figure.querySelectorAll('.chart__artboard svg')].filter(shown);
          const box = svgs[0]?.getBoundingClientRect();
          return {
            chart: figure.id,
            table: !figure.querySelector('.chart__artboard'),
            rows: [...figure.querySelectorAll('table tbody tr')].filter(shown).length,
            title: shown(figure.querySelector('.chart__title')) ? figure.querySelector('.chart__title')!.textContent : '',
            source: shown(figure.querySelector('.chart__source')) ? figure.querySelector('.chart__source')!.textContent : '',
            svgs: svgs.length,
            width: Math.round(box?.width ?? 0),
            height: Math.round(box?.height ?? 0),
            svgText: svgs[0] ? [...svgs[0].querySelectorAll('text')].filter(shown).length : 0,
          };
        }),
      );
      expect(seen.length).toBeGreaterThan(0);
      for (const chart of seen) {
        expect(chart.title, chart.chart).not.toBe('');
        expect(chart.source, chart.chart).toMatch(new RegExp(`^${strings(test.lang).frame.source} `));
        if (chart.table) {
          expect(chart.rows, chart.chart).toBeGreaterThan(0);
          continue;
        }
        expect(chart.svgs, chart.chart).toBe(1);
        expect(chart.width, chart.chart).toBeGreaterThan(200);
        expect(chart.height, chart.chart).toBeGreaterThan(100);
        expect(chart.svgText, chart.chart).toBeGreaterThan(0);
      }
      expect(opened.errors).toEqual([]);
    } finally {
      await close(opened);
    }
  });
});
