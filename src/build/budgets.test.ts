import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { overBudget } from './budgets.ts';

/** Code gzip cannot shrink: `kilobytes` KB of it, as a string literal. */
const incompressible = (kilobytes: number) => `console.log("${randomBytes(kilobytes * 1024).toString('base64')}");`;
/** A story page's bulk: chart SVG with text that looks like a script but is not one. */
const charts = `<figure><svg viewBox="0 0 10 10"><title>a &lt;script&gt; tag</title><rect data-label="x&lt;script&gt;" width="1" height="1"/></svg></figure>`;

let dist: string;

beforeEach(async () => {
  dist = await mkdtemp(join(tmpdir(), 'budgets-'));
  await mkdir(join(dist, 'story'));
  await mkdir(join(dist, '_astro'));
});
afterEach(() => rm(dist, { recursive: true, force: true }));

const page = (body: string) => writeFile(join(dist, 'story/index.html'), `<!doctype html><html><head></head><body>${charts}${body}</body></html>`);

describe('overBudget', () => {
  it('passes a story page whose scripts are light, and ignores structured data', async () => {
    await page(`<script type="module">${incompressible(2)}</script><script type="application/ld+json">{"x":"${'a'.repeat(30_000)}"}</script>`);
    expect(overBudget(dist, ['story/index.html'])).toEqual([]);
  });

  it('counts inline scripts, linked modules and the chunks they import, each once', async () => {
    await writeFile(join(dist, '_astro/chunk.js'), incompressible(6));
    await writeFile(join(dist, '_astro/entry.js'), `import"./chunk.js";${incompressible(1)}`);
    await page(
      `<script type="module" src="/_astro/entry.js"></script><script>${incompressible(3)}</script><script type="module" src="/_astro/entry.js"></script>`,
    );
    expect(overBudget(dist, ['story/index.html'])).toEqual([
      expect.stringMatching(/^story\/index\.html ships 1\d\.\d KB of gzipped JavaScript; a story page may ship 10 KB$/),
    ]);
  });

  it('finds a script after attributes holding a ">" and in an SVG', async () => {
    await page(`<svg><script data-note="a > b">${incompressible(11)}</script></svg>`);
    expect(overBudget(dist, ['story/index.html'])).toHaveLength(1);
  });
});
