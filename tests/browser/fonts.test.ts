// Fonts as a first-time reader meets them, on a cold cache: the English story's headline is
// set in Source Serif 4 even when the font files come late, its first screen in the
// preloaded web fonts when they come at once, and nothing moves either way; a Korean story
// (tests/fixtures/fonts/) shows every character in its own cut of Pretendard on a machine
// with no Korean font, downloads at most 150 KB of fonts, and moves nothing. One build under
// a sub-path, finished as `npm run build` finishes it.
import { cp, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KOREAN_FONT_BUDGET } from '../../src/build/budgets.ts';
import { finishBuild } from '../../src/build/site.ts';
import { serveBuild, type StaticHost } from '../../src/build/static-host.ts';
import { BUILD_TIMEOUT, buildSite, dataStep, hashFiles, removeTempDirs, STORY_FILE, STORY_SLUG, tempDir } from '../site/helpers.ts';
import { INSTALL_TIMEOUT, launchChromium } from './chromium.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/fonts/stories/', import.meta.url));
const KOREAN_SLUG = 'korean-fonts-fixture';
const BASE = '/news/fonts-test/';
/** Late font files arrive this late, well after the first paint. */
const LATE = 300;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/u;

let host: StaticHost | undefined;
let browser: Browser | undefined;
let dist: string;
let again: string;
let problems: string[];

beforeAll(async () => {
  const work = await tempDir('browser-fonts-');
  const stories = join(work, 'stories');
  await mkdir(stories);
  await cp(STORY_FILE, join(stories, `${STORY_SLUG}.md`));
  for (const file of await readdir(FIXTURE)) await cp(join(FIXTURE, file), join(stories, file));
  dist = join(work, 'dist');
  again = join(work, 'dist-again');
  [, browser] = await Promise.all([
    buildSite({ dataDir: await dataStep(join(work, 'data')), outDir: dist, base: BASE, env: { STORIES_DIR: stories } }),
    launchChromium(),
  ]);
  // The same Astro output finished twice, for the reproducibility test.
  await cp(dist, again, { recursive: true });
  problems = await finishBuild(dist, BASE);
  await finishBuild(again, BASE);
  host = await serveBuild(dist, BASE);
}, BUILD_TIMEOUT + INSTALL_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await removeTempDirs();
});

interface Visit {
  page: Page;
  /** Font files fetched, with their sizes. */
  fonts: { url: string; bytes: number }[];
  requests: string[];
  shifts: () => Promise<unknown[]>;
}

/** A first visit (fresh context, empty cache) at `width`, font files held back `delay` ms. */
async function firstVisit(path: string, width: number, delay: number): Promise<Visit> {
  const context = await browser!.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const visit: Visit = {
    page,
    fonts: [],
    requests: [],
    shifts: () => page.evaluate(() => (window as unknown as { __shifts: unknown[] }).__shifts),
  };
  page.on('request', (request) => visit.requests.push(request.url()));
  page.on('requestfinished', async (request) => {
    if (request.resourceType() !== 'font') return;
    const response = await request.response();
    visit.fonts.push({ url: request.url(), bytes: (await response!.body()).length });
  });
  if (delay > 0) {
    await page.route(/\.woff2$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      await route.fallback();
    });
  }
  await page.addInitScript(() => {
    const shifts: { value: number; sources: string[] }[] = [];
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] }[]) {
        if (!entry.hadRecentInput) shifts.push({ value: entry.value, sources: (entry.sources ?? []).map((s) => s.node?.nodeName ?? '?') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${host!.origin}${BASE}${path}`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(LATE);
  return visit;
}

/**
 * What `check` finds wrong with the fonts of a first visit with no delay, trying up to five
 * visits: nothing, if one of them is right. The fonts are `font-display: optional`, so a
 * visit whose files arrive after the first layout is drawn in the stand-ins by design, and on
 * a busy machine (the whole suite at once) files with no delay still can. A page that never
 * shows its fonts, or lacks a glyph, preload or cut, fails every time.
 */
async function fontProblems(visit: Visit, again: () => Promise<Visit>, check: (visit: Visit) => Promise<string[]>): Promise<string[]> {
  let problems = await check(visit);
  for (let attempt = 1; attempt < 5 && problems.length > 0; attempt += 1) {
    const retry = await again();
    try {
      problems = await check(retry);
    } finally {
      await retry.page.context().close();
    }
  }
  return problems;
}

interface PlatformFont {
  familyName: string;
  postScriptName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/** The fonts Chromium drew each matching element's own text with (DevTools protocol). */
async function platformFonts(page: Page, selector: string): Promise<{ text: string; fonts: PlatformFont[] }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const found: { text: string; fonts: PlatformFont[] }[] = [];
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const { object } = await cdp.send('DOM.resolveNode', { nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { return [...this.childNodes].filter((n) => n.nodeType === 3).map((n) => n.nodeValue).join(""); }',
      returnByValue: true,
    });
    found.push({ text: String(result.value), fonts: fonts as PlatformFont[] });
  }
  await cdp.detach();
  return found;
}

it('finishes the build within its budgets, the same bytes every time', async () => {
  expect(problems).toEqual([]);
  expect(await hashFiles(again)).toEqual(await hashFiles(dist));
});

const WIDTHS = [320, 1280];
const hasGlyphs = (fonts: PlatformFont[]) => fonts.filter((f) => f.glyphCount > 0);

// 412 px is Lighthouse's phone.
describe.each([...WIDTHS, 412])('the English story, first visit at %i px, fonts late', (width) => {
  let visit: Visit;
  beforeAll(async () => {
    visit = await firstVisit(`${STORY_SLUG}/`, width, LATE);
  }, 60_000);
  afterAll(() => visit?.page.context().close());

  it('sets the headline in Source Serif 4', async () => {
    const [headline] = await platformFonts(visit.page, 'h1');
    expect(hasGlyphs(headline!.fonts).map((f) => ({ family: f.familyName, custom: f.isCustomFont }))).toEqual([{ family: 'Source Serif 4', custom: true }]);
  });

  it('moves nothing when the fonts arrive', async () => {
    expect(await visit.shifts()).toEqual([]);
  });
});

describe.each(WIDTHS)('the English story, first visit at %i px, fonts at once', (width) => {
  let visit: Visit;
  beforeAll(async () => {
    visit = await firstVisit(`${STORY_SLUG}/`, width, 0);
  }, 60_000);
  afterAll(() => visit?.page.context().close());

  it('draws its first screen in the web fonts, from files it preloads, and uses every file it preloads', async () => {
    const problems = await fontProblems(
      visit,
      () => firstVisit(`${STORY_SLUG}/`, width, 0),
      async ({ page, fonts }) => {
        const preloads = await page.$$eval('link[rel=preload][as=font]', (links) => links.map((l) => (l as HTMLLinkElement).href));
        expect(preloads.length).toBeGreaterThan(0);
        expect(fonts.map((f) => f.url)).toEqual(expect.arrayContaining(preloads));
        // Elements with text of their own on the first screen; code is set in the system's monospace.
        await page.$$eval('body :not(textarea, pre, code)', (all) => {
          for (const e of all) {
            const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.nodeValue!.trim());
            if (own && e.getBoundingClientRect().top < innerHeight) e.setAttribute('data-first-screen', '');
          }
        });
        const drawn = await platformFonts(page, '[data-first-screen]');
        expect(drawn.length).toBeGreaterThan(5);
        const system = drawn.flatMap((element) => {
          const families = hasGlyphs(element.fonts)
            .filter((f) => !f.isCustomFont)
            .map((f) => f.familyName);
          return families.length > 0 ? [`${element.text}: drawn in ${families.join(', ')}`] : [];
        });
        // Each web font file the first screen is drawn with is one of the preloads.
        const used = new Set(drawn.flatMap((e) => hasGlyphs(e.fonts).map((f) => f.postScriptName)));
        return used.size === preloads.length ? system : [...system, `${used.size} web fonts drawn, ${preloads.length} preloaded`];
      },
    );
    expect(problems).toEqual([]);
  });

  it('moves nothing', async () => {
    expect(await visit.shifts()).toEqual([]);
  });

  it('fetches nothing from another origin', () => {
    expect(visit.requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== host!.origin)).toEqual([]);
  });
});

describe.each(WIDTHS)('the Korean story, first visit at %i px', (width) => {
  let visit: Visit;
  beforeAll(async () => {
    visit = await firstVisit(`${KOREAN_SLUG}/`, width, 0);
  }, 60_000);
  afterAll(() => visit?.page.context().close());

  it('draws every element with Hangul in its text with its cuts of Pretendard, no system font', async () => {
    const problems = await fontProblems(
      visit,
      () => firstVisit(`${KOREAN_SLUG}/`, width, 0),
      async ({ page }) => {
        // Elements drawn with no font at all are not drawn: hidden descriptions, SVG titles.
        const elements = (await platformFonts(page, 'body *')).filter((e) => HANGUL.test(e.text) && e.fonts.length > 0);
        expect(elements.length).toBeGreaterThan(5);
        return elements.flatMap((element) => {
          const fonts = [...new Set(hasGlyphs(element.fonts).map((f) => `${f.familyName}${f.isCustomFont ? '' : ' (system)'}`))];
          return fonts.join() === 'Pretendard' ? [] : [`${element.text}: drawn in ${fonts.join(', ')}`];
        });
      },
    );
    expect(problems).toEqual([]);
  });

  it(`downloads only its own cuts of Pretendard, at most ${KOREAN_FONT_BUDGET / 1024} KB`, () => {
    expect(visit.fonts.length).toBeGreaterThan(0);
    for (const font of visit.fonts) expect(font.url).toMatch(new RegExp(`^${host!.origin}${BASE}_astro/pretendard-(400|700)\\.[\\w-]+\\.woff2$`));
    expect(visit.fonts.reduce((sum, f) => sum + f.bytes, 0)).toBeLessThanOrEqual(KOREAN_FONT_BUDGET);
  });

  it('moves nothing, and nothing when the fonts come late', async () => {
    expect(await visit.shifts()).toEqual([]);
    const late = await firstVisit(`${KOREAN_SLUG}/`, width, LATE);
    try {
      expect(await late.shifts()).toEqual([]);
    } finally {
      await late.page.context().close();
    }
  });
});

describe('the Korean story’s fonts, read with fontkit', () => {
  it('cover every Hangul character the page shows, in the regular and in the bold cut', async () => {
    const visit = await firstVisit(`${KOREAN_SLUG}/`, 1280, 0);
    try {
      const { all, bold } = await visit.page.evaluate(() => {
        const shown = ['title', 'alt', 'placeholder', 'data-label', 'data-text'];
        const attributes = [...document.querySelectorAll('body *')].flatMap((e) => shown.map((name) => e.getAttribute(name) ?? ''));
        const boldText = [...document.querySelectorAll('body *')]
          .filter((e) => Number(getComputedStyle(e).fontWeight) >= 600)
          .map((e) => (e as HTMLElement).innerText);
        return { all: document.body.innerText + attributes.join(''), bold: boldText.join('') };
      });
      const hangul = (text: string) => [...new Set([...text].filter((c) => HANGUL.test(c)))];
      expect(hangul(all).length).toBeGreaterThan(50);
      expect(hangul(bold).length).toBeGreaterThan(10);
      const cut = async (weight: number) => {
        const url = visit.fonts.find((f) => f.url.includes(`/pretendard-${weight}.`))!.url;
        const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
        return fontkit.create(bytes) as fontkit.Font;
      };
      const [regular, boldCut] = [await cut(400), await cut(700)];
      expect(hangul(all).filter((c) => !regular.hasGlyphForCodePoint(c.codePointAt(0)!))).toEqual([]);
      expect(hangul(bold).filter((c) => !boldCut.hasGlyphForCodePoint(c.codePointAt(0)!))).toEqual([]);
      // A cut, not the whole font.
      expect(regular.numGlyphs).toBeLessThan(2000);
    } finally {
      await visit.page.context().close();
    }
  }, 60_000);
});
