// npm run bench:dev [-- --runs N --revision REV]: how long a reporter waits in `npm run dev`,
// from saving a file to the open page showing the change, for a Markdown edit and for an edit
// to a download in data/raw. Runs the dev server in a copy of the project and watches the
// page in headless Chromium: the page reports the text of every frame that draws a change,
// from its first bytes parsed (not at DOMContentLoaded, which waits for every module script
// too), and the time is taken when a frame showing the change has been drawn.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { editStoryText } from './generated-stories.ts';
import { copyEnv, copyProject } from './project-copy.ts';
import { formatSpread, spread, type Spread } from './stats.ts';

const HELP = `Usage: npm run bench:dev -- [--runs N] [--revision REV]

Starts npm run dev in a copy of the project (the working tree, or the commit REV), opens the
first story in headless Chromium, and saves (by rename, as editors do) N Markdown edits and
N edits to a download the story's charts are compiled from, printing the median time from
save to the page showing the change, with its range, against the targets.`;

const TARGETS = { markdownMs: 500, csvMs: 2000 } as const;
const WAIT_MS = 60_000;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface DevLoopResult {
  markdown: Spread;
  csv: Spread;
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { runs: { type: 'string', default: '5' }, revision: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const runs = Number(values.runs);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, got "${values.runs}"`);
  const result = await measureDevLoop(runs, values.revision);
  const rows = [
    { what: 'Markdown edit → page shows it (ms)', value: result.markdown, target: TARGETS.markdownMs },
    { what: 'CSV edit in data/raw → page shows it (ms)', value: result.csv, target: TARGETS.csvMs },
  ];
  console.log('');
  for (const row of rows) {
    console.log(`${row.what.padEnd(44)} ${formatSpread(row.value, 0).padStart(20)}  ≤ ${row.target}  ${row.value.median <= row.target ? 'holds' : 'MISSED'}`);
  }
  return 0;
}

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `npm run dev` in `root`, in its own process group so it can be stopped with everything it started. */
async function startDevServer(root: string): Promise<{ url: string; output: () => string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['scripts/dev.ts', '--port', String(port)], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: copyEnv(),
  });
  let output = '';
  const collect = (chunk: Buffer) => (output += stripVTControlCharacters(chunk.toString()));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const stop = async () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    const closed = new Promise((resolve) => child.once('close', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  };
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const url = /Local\s+(http:\/\/localhost:\d+\/)/.exec(output)?.[1];
    if (url) return { url, output: () => output, stop };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`npm run dev did not start:\n${output.slice(-3000)}`);
}

/** What a frame of the page shows: its text, and which document load it came from. */
interface PageReport {
  text: string;
  /** performance.timeOrigin of the document: a new value after every reload. */
  document: number;
  /** Whether the document was parsed whole, so the text is all of it. */
  parsed: boolean;
}

/** The page's text as it reports it, with when each report arrived. */
class PageText {
  private latest: PageReport = { text: '', document: 0, parsed: false };
  private lastReportAt = performance.now();
  private waiters: { test: (report: PageReport) => boolean; resolve: (at: number) => void }[] = [];

  static async watch(tab: Page): Promise<PageText> {
    const watcher = new PageText();
    await tab.exposeBinding('__benchPageText', (_source, report: PageReport) => watcher.report(report));
    await tab.addInitScript(() => {
      // The text is read in an animation frame, just before the browser paints it, and sent
      // from the next frame, once it has been painted.
      let queued = false;
      const report = () => {
        if (queued) return;
        queued = true;
        requestAnimationFrame(() => {
          queued = false;
          const shown: PageReport = { text: document.body?.innerText ?? '', document: performance.timeOrigin, parsed: document.readyState !== 'loading' };
          requestAnimationFrame(() => (window as unknown as { __benchPageText(report: PageReport): void }).__benchPageText(shown));
        });
      };
      new MutationObserver(report).observe(document, { subtree: true, childList: true, characterData: true });
      document.addEventListener('readystatechange', report);
    });
    return watcher;
  }

  get current(): PageReport {
    return this.latest;
  }

  private report(report: PageReport): void {
    const at = performance.now();
    this.latest = report;
    this.lastReportAt = at;
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.test(report)) return true;
      waiter.resolve(at);
      return false;
    });
  }

  /** When the page first reports something that passes `test` (now, if it already does). */
  until(test: (report: PageReport) => boolean, what: string): Promise<number> {
    if (test(this.latest)) return Promise.resolve(performance.now());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the page did not show ${what} within ${WAIT_MS / 1000} s`)), WAIT_MS);
      this.waiters.push({
        test,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      });
    });
  }

  /** Resolves once the page has reported nothing for `quietMs`: its scripts are done and no reload is on the way. */
  async settled(quietMs = 1000): Promise<void> {
    while (performance.now() - this.lastReportAt < quietMs) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Saves as editors do: written whole beside the file, then renamed over it. */
async function save(path: string, bytes: string | Buffer): Promise<number> {
  const temporary = join(path, '..', `.bench-save-${process.pid}.tmp`);
  await writeFile(temporary, bytes);
  const at = performance.now();
  await rename(temporary, path);
  return at;
}

/** Every value (the last quoted number of a data row) of a GACC download doubled; ASCII-safe in GB18030 and UTF-8 alike. */
export function doubleValues(bytes: Buffer): Buffer {
  const lines = bytes.toString('latin1').split('\n');
  const doubled = lines.map((line, index) =>
    index === 0
      ? line
      : line.replace(
          /"(\d{1,3}(?:,\d{3})*)"(,?\r?)$/,
          (_, value: string, end: string) => `"${(Number(value.replaceAll(',', '')) * 2).toLocaleString('en-US')}"${end}`,
        ),
  );
  return Buffer.from(doubled.join('\n'), 'latin1');
}

export async function measureDevLoop(runs: number, revision?: string): Promise<DevLoopResult> {
  if (!existsSync(CHROMIUM)) throw new Error(`the dev-loop bench needs Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  const copy = await copyProject('customs-story-dev-loop-', revision);
  let server: Awaited<ReturnType<typeof startDevServer>> | undefined;
  let browser: Browser | undefined;
  try {
    const stories = (await readdir(join(copy.root, 'content/stories'))).filter((name) => name.endsWith('.md')).sort();
    if (stories.length === 0) throw new Error('content/stories holds no story to edit');
    const storyFile = join(copy.root, 'content/stories', stories[0]!);
    server = await startDevServer(copy.root);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const tab = await browser.newPage();
    const page = await PageText.watch(tab);
    await tab.goto(new URL(`${stories[0]!.replace(/\.md$/, '')}/`, server.url).href, { timeout: WAIT_MS });
    await page.until((report) => report.text.length > 0, 'the story');

    const markdown: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const marker = `Edit number ${run} to the text.`;
      await page.settled();
      const saved = await save(storyFile, editStoryText(await readFile(storyFile, 'utf8'), run));
      markdown.push((await page.until((report) => report.text.includes(marker), `the Markdown edit "${marker}"`)) - saved);
    }

    // A download the story's charts are compiled from, as the page names it.
    const download = await tab.locator('.chart__files code').first().textContent({ timeout: WAIT_MS });
    const csvFile = join(copy.root, 'data/raw', download ?? '');
    if (!download || !existsSync(csvFile)) throw new Error(`the page names no download in data/raw its charts are compiled from (found "${download}")`);
    const original = await readFile(csvFile);
    const csv: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      // Doubled, then back: each save changes the figures on the page, which reloads to show them.
      await page.settled();
      const before = page.current;
      const saved = await save(csvFile, run % 2 === 1 ? doubleValues(original) : original);
      // A new document, parsed whole: a frame drawn halfway through parsing differs from the old page too.
      const shown = (report: PageReport) => report.document !== before.document && report.parsed && report.text !== before.text;
      csv.push((await page.until(shown, `new figures after editing ${download}`)) - saved);
    }
    return { markdown: spread(markdown), csv: spread(csv) };
  } catch (error) {
    if (server) throw new Error(`${(error as Error).message}\n--- npm run dev said:\n${server.output().slice(-3000)}`, { cause: error });
    throw error;
  } finally {
    await browser?.close();
    await server?.stop();
    await copy.remove();
  }
}
