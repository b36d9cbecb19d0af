// The Korean edition in a real browser, built as `npm run build` builds it (its pages' own cuts
// of Pretendard included) from the newsroom fixture: the Korean story and one Korean embed at
// a phone's and a desktop's width, light and dark. Each passes axe, says it is Korean, draws
// its headline and its chart labels in the served Pretendard cut rather than a fallback (this
// machine, like CI, has no Korean font), and fetches nothing from another origin; the story
// links to its English edition. One build, shared with the other newsroom tests; one Chromium.
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KOREAN_FAMILY } from '../../src/fonts/korean.ts';
import { serveBuild, type StaticHost } from '../../src/build/static-host.ts';
import { BUILD_TIMEOUT } from '../support/build.ts';
import { sharedBuild, type BuiltProject } from '../support/project.ts';
import { INSTALL_TIMEOUT, launchChromium } from './chromium.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const HANGUL = /[\uac00-\ud7a3]/u;

const STORY = 'soybeans-ko/';
const ENGLISH = 'soybeans/';
/** The stacked bar chart, drawn in both editions; its Korean embed page is under embed/ko/. */
const EMBED = 'embed/ko/soy-stacked/';

let project: BuiltProject;
let host: StaticHost | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  [project, browser] = await Promise.all([sharedBuild('newsroom'), launchChromium()]);
  host = await serveBuild(project.dist, project.base);
  // The fonts are font-display: optional: a browser process's very first page, on a busy
  // machine, can miss the short wait for them and keep the fallback. Each visit below still
  // fetches the fonts afresh (a new context has an empty cache), from a warm browser.
  const warm = await browser!.newContext();
  await (await warm.newPage()).goto(`${host.origin}${project.base}${STORY}`, { waitUntil: 'load' });
  await warm.close();
}, BUILD_TIMEOUT + INSTALL_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

interface Visit {
  page: Page;
  errors: string[];
  /** Requests to any origin but the site's. */
  offOrigin: string[];
  /** Font files fetched. */
  fonts: string[];
}

async function visit(path: string, width: number, colorScheme: 'light' | 'dark', run: (visit: Visit) => Promise<void>): Promise<void> {
  const context = await browser!.newContext({ viewport: { width, height: 800 }, colorScheme });
  const page = await context.newPage();
  const seen: Visit = { page, errors: [], offOrigin: [], fonts: [] };
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${host!.origin}/`) && !url.startsWith('data:')) seen.offOrigin.push(url);
    if (request.resourceType() === 'font') seen.fonts.push(new URL(url).pathname);
  });
  try {
    await page.goto(`${host!.origin}${project.base}${path}`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await run(seen);
    expect(seen.errors).toEqual([]);
    expect(seen.offOrigin).toEqual([]);
  } finally {
    await context.close();
  }
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/**
 * The fonts Chromium drew the first element matching `selector` with, as the DevTools
 * protocol reports them (the glyphs each font drew), and that element's text.
 */
async function drawnWith(page: Page, selector: string): Promise<{ text: string; fonts: PlatformFont[] }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`nothing matches ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const { object } = await cdp.send('DOM.resolveNode', { nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { return this.textContent; }',
      returnByValue: true,
    });
    return { text: String(result.value), fonts: (fonts as PlatformFont[]).filter((font) => font.glyphCount > 0) };
  } finally {
    await cdp.detach();
  }
}

/** The fonts that drew an element's text, with "(system)" after those not from a web font. */
const fontNames = ({ fonts }: { fonts: PlatformFont[] }) => fonts.map((font) => `${font.familyName}${font.isCustomFont ? '' : ' (system)'}`);

/** A chart label with Hangul in it, in the visible artboard: the selector the DevTools protocol can find it by. */
async function markHangulLabel(page: Page): Promise<void> {
  const marked = await page.evaluate((hangul) => {
    const labels = [...document.querySelectorAll('.chart__artboard svg text')].filter(
      (node) => (node as SVGElement).closest<HTMLElement>('.chart__artboard')!.checkVisibility() && new RegExp(hangul, 'u').test(node.textContent ?? ''),
    );
    labels[0]?.setAttribute('data-test-label', '');
    return labels.length;
  }, HANGUL.source);
  expect(marked, 'a Korean label on the visible artboard').toBeGreaterThan(0);
}

const CASES = [320, 1280].flatMap((width) => (['light', 'dark'] as const).map((scheme) => ({ width, scheme })));

describe.each(CASES)('at $width px, $scheme', ({ width, scheme }) => {
  it('the Korean story passes axe, says it is Korean, links to the English edition and is set in Pretendard', async () => {
    await visit(STORY, width, scheme, async ({ page, fonts }) => {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
      const switchLinks = await page
        .locator('nav.language-switch a')
        .evaluateAll((links) =>
          links.map((a) => ({ href: new URL((a as HTMLAnchorElement).href).pathname, hreflang: a.getAttribute('hreflang'), lang: a.getAttribute('lang') })),
        );
      expect(switchLinks).toEqual([{ href: `${project.base}${ENGLISH}`, hreflang: 'en', lang: 'en' }]);
      // The link leads somewhere: the English edition, in English.
      const english = await page.request.get(`${host!.origin}${project.base}${ENGLISH}`);
      expect(english.status()).toBe(200);
      expect(await english.text()).toMatch(/<html lang="en"/);

      const headline = await drawnWith(page, 'h1');
      expect(headline.text).toMatch(HANGUL);
      expect(fontNames(headline)).toEqual([KOREAN_FAMILY]);
      await markHangulLabel(page);
      const label = await drawnWith(page, '[data-test-label]');
      expect(fontNames(label), label.text).toEqual([KOREAN_FAMILY]);
      // The font the page drew with is the build's own cut, served from the site.
      expect(fonts.length).toBeGreaterThan(0);
      expect(
        fonts.every((path) => path.startsWith(`${project.base}_astro/`) && path.endsWith('.woff2')),
        fonts.join(', '),
      ).toBe(true);

      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('a Korean embed passes axe, says it is Korean and is set in Pretendard', async () => {
    await visit(EMBED, width, scheme, async ({ page, fonts }) => {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
      const title = await drawnWith(page, '.chart__title');
      expect(title.text).toMatch(HANGUL);
      expect(fontNames(title)).toEqual([KOREAN_FAMILY]);
      await markHangulLabel(page);
      const label = await drawnWith(page, '[data-test-label]');
      expect(fontNames(label), label.text).toEqual([KOREAN_FAMILY]);
      expect(fonts.length).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
