// The sortable-table script on a page of hand-written tables, in Debian's Chromium: the
// script as esbuild bundles it, chart.css for its arrows, nothing else of the site.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Running } from '../embed/server.ts';
import { INSTALL_TIMEOUT, launchChromium } from './chromium.ts';

const SCRIPT = fileURLToPath(new URL('../../src/client/sortable-table.ts', import.meta.url));
const CSS = fileURLToPath(new URL('../../src/charts/chart.css', import.meta.url));

const row = (name: string, amount: string, share: string) => `<tr><th scope="row">${name}</th>${amount}${share}</tr>`;
const number = (value: number, text: string) => `<td class="chart__num" data-value="${value}">${text}</td>`;

/** Swedish sorts Ä after Z; the amounts as text would put "1,200" before "200"; one share is missing. */
const PAGE = (css: string) => `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Tables</title><style>${css}</style></head><body>
<table data-sortable id="sortable"><caption>Fixture</caption>
<thead><tr><th scope="col">Name</th><th scope="col" class="chart__num">Amount <abbr title="yuan">(¥)</abbr></th><th scope="col" class="chart__num">Share</th></tr></thead>
<tbody>
${row('Zebra', number(1200, '1,200'), number(0.5, '50%'))}
${row('Äpple', number(30, '30'), number(0.05, '5%'))}
${row('apple', number(200, '200'), '<td class="chart__num">–</td>')}
${row('Item 10', number(-5, '−5'), number(0.2, '20%'))}
${row('Item 9', number(200, '200'), number(0.25, '25%'))}
</tbody></table>
<table data-sortable id="merged"><thead><tr><th colspan="2">Both</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>
<table id="plain"><thead><tr><th>Name</th></tr></thead><tbody><tr><td>b</td></tr><tr><td>a</td></tr></tbody></table>
<script src="/sortable.js"></script>
</body></html>`;

let server: Running | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: `import { initSortableTables } from ${JSON.stringify(SCRIPT)}; initSortableTables();`, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
  });
  const html = PAGE(await readFile(CSS, 'utf8'));
  server = await serve('127.0.0.1', async (path) => {
    if (path === '/') return { body: html, type: 'text/html; charset=utf-8' };
    if (path === '/sortable.js') return { body: bundle.outputFiles[0]!.text, type: 'text/javascript' };
    return undefined;
  });
  browser = await launchChromium();
}, INSTALL_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function load(): Promise<void> {
  await page?.context().close();
  page = await (await browser!.newContext()).newPage();
  await page.goto(`${server!.origin}/`);
}

const names = () => page.locator('#sortable tbody th').allTextContents();
const shares = () => page.locator('#sortable tbody tr td:nth-child(3)').allTextContents();
const sortState = () =>
  page.locator('#sortable thead th').evaluateAll((headers) =>
    headers.map((header) => ({
      sort: header.getAttribute('aria-sort'),
      arrow: getComputedStyle(header.querySelector('.chart__sort-arrow')!, '::after').content,
    })),
  );

describe('a sortable table', () => {
  beforeAll(load);

  it('gets a button in every column header, named by the header, with an arrow hidden from screen readers', async () => {
    const buttons = page.locator('#sortable thead th button');
    expect(await buttons.count()).toBe(3);
    expect(await page.getByRole('button', { name: 'Amount (¥)' }).count()).toBe(1);
    expect(await page.locator('#sortable thead abbr').count()).toBe(1);
    expect(await page.locator('.chart__sort-arrow').evaluateAll((arrows) => arrows.map((arrow) => arrow.getAttribute('aria-hidden')))).toEqual([
      'true',
      'true',
      'true',
    ]);
    expect((await sortState()).map((state) => state.sort)).toEqual([null, null, null]);
  });

  it('sorts text in the order of the page language, numbers in text numerically, ascending then descending', async () => {
    await page.getByRole('button', { name: 'Name' }).click();
    expect(await names()).toEqual(['apple', 'Item 9', 'Item 10', 'Zebra', 'Äpple']);
    await page.getByRole('button', { name: 'Name' }).click();
    expect(await names()).toEqual(['Äpple', 'Zebra', 'Item 10', 'Item 9', 'apple']);
  });

  it('sorts numbers by their data-value, not their text, keeping ties in their order', async () => {
    await page.getByRole('button', { name: 'Amount (¥)' }).click();
    expect(await names()).toEqual(['Item 10', 'Äpple', 'Item 9', 'apple', 'Zebra']);
    const state = await sortState();
    expect(state.map((s) => s.sort)).toEqual([null, 'ascending', null]);
    expect(state[1]!.arrow).toBe('"▲"');
    expect(state[0]!.arrow).not.toBe(state[1]!.arrow);
    await page.getByRole('button', { name: 'Amount (¥)' }).click();
    expect(await names()).toEqual(['Zebra', 'Item 9', 'apple', 'Äpple', 'Item 10']);
    expect((await sortState())[1]).toEqual({ sort: 'descending', arrow: '"▼"' });
  });

  it('puts cells without a number last, in either order', async () => {
    await page.getByRole('button', { name: 'Share' }).click();
    expect(await shares()).toEqual(['5%', '20%', '25%', '50%', '–']);
    await page.getByRole('button', { name: 'Share' }).click();
    expect(await shares()).toEqual(['50%', '25%', '20%', '5%', '–']);
  });

  it('is sorted from the keyboard: Tab reaches every column, Enter and Space sort', async () => {
    await load();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.closest('th')?.textContent?.trim());
    expect(await focused()).toBe('Name');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^Amount/);
    await page.keyboard.press('Enter');
    expect(await names()).toEqual(['Item 10', 'Äpple', 'apple', 'Item 9', 'Zebra']);
    await page.keyboard.press('Space');
    expect(await names()).toEqual(['Zebra', 'apple', 'Item 9', 'Äpple', 'Item 10']);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Share');
    await page.keyboard.press('Tab');
    // The last sortable column's button was the last stop: nothing else on the page is sortable.
    expect(await page.evaluate(() => document.activeElement?.closest('table'))).toBeNull();
  });
});

describe('tables the script leaves alone', () => {
  it('are the ones with merged cells and the ones not marked sortable', async () => {
    await load();
    expect(await page.locator('#merged button, #plain button').count()).toBe(0);
    expect(await page.locator('#plain td').allTextContents()).toEqual(['b', 'a']);
  });
});
