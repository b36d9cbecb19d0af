// `npm run dev` in a copy of the project holding the newsroom fixture: one command serves the
// site and re-runs the data step; an edited story and an edited download show on the served
// page without a restart; in a browser, a data or story error shows in a banner with file
// and line over the last good page, and fixing it clears the banner and shows the fix.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/project.ts';
import { INSTALL_TIMEOUT, launchChromium } from '../browser/chromium.ts';
import { commandEnv, copyProject, freePort, removeCopies, replaceIn, waitFor } from './helpers.ts';

const STORY = 'content/stories/soybeans.md';
const PAGE = 'soybeans/';
/** The 2024 yuan download, and Argentina's January row in it (line 4). */
const SOY_2024 = 'data/raw/soy-imports-2024.csv';
const ARGENTINA_JANUARY = '"111,220,040"';
const SENTENCE = "China's largest soybean supplier in 2024 was";
/** The fact the page shows in yuan first, then in dollars. */
const FACT = 'soy-2024';
const FIGURE = new RegExp(`data-fact="${FACT}"[^>]*>([^<]+)<`);
/** The story's line that cites the fact in dollars, where a typo will go. */
const DOLLARS = `:fact[${FACT}]{as=usd}`;
const DOLLARS_LINE =
  readFileSync(join(FIXTURES, 'newsroom', STORY), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(DOLLARS)) + 1;
const BANNER = '#customs-story-dev-problems';

let root: string;
let server: ChildProcess | undefined;
let output = '';
let url: string;

async function page(): Promise<string | undefined> {
  const response = await fetch(new URL(PAGE, url));
  return response.ok ? response.text() : undefined;
}

/** Polls the served page until `test` holds, and returns the page. */
function pageWhere(what: string, test: (html: string) => boolean): Promise<string> {
  return waitFor(what, async () => {
    const html = await page();
    return html !== undefined && test(html) ? html : undefined;
  });
}

beforeAll(async () => {
  root = await copyProject('newsroom');
  const port = await freePort();
  // Its own process group, so afterAll can stop npm, node and everything they started.
  server = spawn('npm', ['run', 'dev', '--', '--port', String(port)], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: commandEnv(),
  });
  // Astro colours its output when CI is set; the assertions read the plain text.
  const collect = (chunk: Buffer) => (output += stripVTControlCharacters(chunk.toString()));
  server.stdout!.on('data', collect);
  server.stderr!.on('data', collect);
  try {
    url = await waitFor('the dev server to print its address', async () => /Local\s+(http:\/\/localhost:\d+\/)/.exec(output)?.[1], 60_000);
    await waitFor('the story page', page, 60_000);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- npm run dev said:\n${output}`);
  }
}, 120_000);

afterAll(async () => {
  if (server?.pid !== undefined && server.exitCode === null) {
    const closed = new Promise((resolve) => server!.once('close', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
  }
  await removeCopies();
}, 30_000);

describe('npm run dev', () => {
  it('runs the data step first and serves the story', () => {
    expect(output).toMatch(/data: 182 records, 6 aggregates, 6 facts → data\/build/);
  });

  it('shows an edited story without a restart', async () => {
    await replaceIn(root, STORY, SENTENCE, 'In 2024 the largest supplier of soybeans was');
    await pageWhere('the edited sentence', (html) => html.includes('In 2024 the largest supplier of soybeans was'));
  });

  it('draws the charts again after an edit to the code that draws them', async () => {
    // Drawings are kept between reloads; one the old code made must not be served again.
    await replaceIn(
      root,
      'src/charts/render.ts',
      "root.setAttribute('role', 'img');",
      "root.setAttribute('role', 'img');\n  root.setAttribute('data-drawn-by', 'edited code');",
    );
    await pageWhere('charts drawn by the edited code', (html) => html.includes('data-drawn-by="edited code"'));
  });

  it('re-runs the data step when a download changes and serves the new figures', async () => {
    expect(FIGURE.exec((await page())!)?.[1]).toBe('24.46 billion yuan');
    await replaceIn(root, SOY_2024, ARGENTINA_JANUARY, '"1,111,220,040"');
    await pageWhere('the new soybean figure', (html) => FIGURE.exec(html)?.[1] === '25.46 billion yuan');
    // The page can show the new figure a moment before the terminal summary is printed.
    await waitFor('the change summary', async () => output.includes(`data:   ${FACT}: 24.46B → 25.46B yuan (+4.1%)`) || undefined, 60_000);
    expect(output).toContain(`data: ${SOY_2024} changed; running the data step`);
  });

  describe('in a browser', () => {
    let browser: Browser | undefined;
    let tab: Page;

    beforeAll(async () => {
      browser = await launchChromium();
      tab = await browser.newPage();
      await tab.goto(new URL(PAGE, url).href);
      await tab.locator(`data[data-fact="${FACT}"]`).first().waitFor();
    }, INSTALL_TIMEOUT);

    afterAll(async () => {
      await browser?.close();
    });

    const banner = () => tab.locator(BANNER);
    // Generous waits: with the whole suite running on two cores, checking every story can take
    // many seconds. A miss reports what the dev server printed.
    const WAIT_MS = 60_000;
    /** Waits for the banner to show, or fails with the dev server's output. */
    async function bannerShown(): Promise<void> {
      try {
        await banner().waitFor({ timeout: WAIT_MS });
      } catch {
        throw new Error(`no banner appeared\n--- npm run dev said:\n${output.slice(-3000)}`);
      }
    }
    /** Waits for the banner to go, or fails saying what it still shows. */
    async function bannerGone(): Promise<void> {
      try {
        await banner().waitFor({ state: 'detached', timeout: WAIT_MS });
      } catch {
        throw new Error(`the banner stayed: ${await banner().textContent()}\n--- npm run dev said:\n${output.slice(-3000)}`);
      }
    }
    const figure = () => tab.locator(`data[data-fact="${FACT}"]`).first().textContent();

    it(
      'shows a data error with file and line over the last good page, and clears it once fixed',
      async () => {
        await replaceIn(root, SOY_2024, '"1,111,220,040"', '"1,111,2x0,040"');
        await bannerShown();
        expect(await banner().textContent()).toContain(`${SOY_2024}:4: value "1,111,2x0,040" is not a whole number`);
        expect(await figure()).toBe('25.46 billion yuan');
        expect(output).toContain(`${SOY_2024}:4: value "1,111,2x0,040" is not a whole number`);

        await replaceIn(root, SOY_2024, '"1,111,2x0,040"', ARGENTINA_JANUARY);
        await bannerGone();
        await expect.poll(figure, { timeout: WAIT_MS }).toBe('24.46 billion yuan');
      },
      3 * WAIT_MS,
    );

    it(
      'shows a story error with file and line and keeps the last good page until it is fixed',
      async () => {
        const typo = DOLLARS.replace(FACT, 'soy-2042');
        await replaceIn(root, STORY, DOLLARS, typo);
        await bannerShown();
        expect(await banner().textContent()).toContain(`${STORY}:${DOLLARS_LINE}: Unknown fact "soy-2042"`);
        // Still the article, not an error page.
        expect(await tab.locator('h1.article__title').textContent()).toContain("of China's soybeans");

        await replaceIn(root, STORY, typo, DOLLARS);
        await replaceIn(root, STORY, 'In 2024 the largest supplier of soybeans was', 'In 2024 the biggest supplier of soybeans was');
        await bannerGone();
        await tab.getByText('In 2024 the biggest supplier of soybeans was').waitFor({ timeout: WAIT_MS });
      },
      3 * WAIT_MS,
    );
  });
});
