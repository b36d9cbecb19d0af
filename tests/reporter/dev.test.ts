// `npm run dev` in a copy of the project: one command serves the site and re-runs the data
// step; an edited story and an edited download show on the served page without a restart;
// in a browser, a data or story error shows in a banner with file and line over the last
// good page, and fixing it clears the banner and shows the fix.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandEnv, copyProject, freePort, IMPORTS_2023, removeCopies, replaceIn, SILICON_CARBIDE_VALUE, STORY, waitFor } from './helpers.ts';

const PAGE = 'china-north-korea-minerals/';
const BANNER = '#customs-story-dev-problems';
const SILICON_CARBIDE = /data-fact="silicon-carbide-2023"[^>]*>([^<]+)</;

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
  root = await copyProject();
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
    expect(output).toMatch(/data: 7,419 records, 7 aggregates, 21 facts → data\/build/);
  });

  it('shows an edited story without a restart', async () => {
    await replaceIn(root, STORY, 'Much of what China now buys', 'Much of what China buys today');
    await pageWhere('the edited sentence', (html) => html.includes('Much of what China buys today'));
  });

  it('re-runs the data step when a download changes and serves the new figures', async () => {
    expect(SILICON_CARBIDE.exec((await page())!)?.[1]).toBe('47.35 million yuan');
    await replaceIn(root, IMPORTS_2023, SILICON_CARBIDE_VALUE, '"52,737,507"');
    await pageWhere('the new silicon carbide figure', (html) => SILICON_CARBIDE.exec(html)?.[1] === '97.35 million yuan');
    // The page can show the new figure a moment before the terminal summary is printed.
    await waitFor('the change summary', async () => output.includes('data:   silicon-carbide-2023: rank 6 → 5') || undefined, 60_000);
    expect(output).toContain(`data: ${IMPORTS_2023} changed; running the data step`);
  });

  describe('in a browser', () => {
    let browser: Browser | undefined;
    let tab: Page;

    beforeAll(async () => {
      if (!existsSync('/usr/bin/chromium')) {
        throw new Error("The browser tests need Debian's chromium at /usr/bin/chromium: apt-get update && apt-get install -y chromium");
      }
      browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      tab = await browser.newPage();
      await tab.goto(new URL(PAGE, url).href);
      await tab.locator('data[data-fact="silicon-carbide-2023"]').first().waitFor();
    }, 60_000);

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
    const figure = () => tab.locator('data[data-fact="silicon-carbide-2023"]').first().textContent();

    it('shows a data error with file and line over the last good page, and clears it once fixed', async () => {
      await replaceIn(root, IMPORTS_2023, '"52,737,507"', '"52,7x7,507"');
      await bannerShown();
      expect(await banner().textContent()).toContain(`${IMPORTS_2023}:31: value "52,7x7,507" is not a whole number`);
      expect(await figure()).toBe('97.35 million yuan');
      expect(output).toContain(`${IMPORTS_2023}:31: value "52,7x7,507" is not a whole number`);

      await replaceIn(root, IMPORTS_2023, '"52,7x7,507"', SILICON_CARBIDE_VALUE);
      await bannerGone();
      await expect.poll(figure, { timeout: WAIT_MS }).toBe('47.35 million yuan');
    }, 3 * WAIT_MS);

    it('shows a story error with file and line and keeps the last good page until it is fixed', async () => {
      await replaceIn(root, STORY, ':fact[tungsten-2023]{as=rank}', ':fact[tungstn-2023]{as=rank}');
      await bannerShown();
      expect(await banner().textContent()).toContain(`${STORY}:25: Unknown fact "tungstn-2023"`);
      // Still the article, not an error page.
      expect(await tab.locator('h1.article__title').textContent()).toContain("North Korea's minerals");

      await replaceIn(root, STORY, ':fact[tungstn-2023]{as=rank}', ':fact[tungsten-2023]{as=rank}');
      await replaceIn(root, STORY, 'Much of what China buys today', 'Much of what China buys now');
      await bannerGone();
      await tab.getByText('Much of what China buys now').waitFor({ timeout: WAIT_MS });
    }, 3 * WAIT_MS);
  });
});
