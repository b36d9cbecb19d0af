// npm run bench:lighthouse [-- --dist DIR --runs N]: Lighthouse (mobile, its default) on the
// built site's story pages as a static host serves them, with the cache headers of the
// build's _headers, in Debian's chromium. Prints each page's four category scores and the
// bytes of fonts it downloads, the median of N runs with their range. Run `npm run build`
// first; the embed pages are left out, since they carry noindex on purpose.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveBuild } from '../src/build/static-host.ts';
import { formatSpread, spread } from '../src/bench/stats.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { dist: { type: 'string', default: 'dist' }, runs: { type: 'string', default: '3' } },
});
const dist = values.dist;
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number above 0, not ${values.runs}`);
if (!existsSync(join(dist, '_headers'))) {
  console.error(`bench:lighthouse: ${dist}/ has no _headers; run npm run build first`);
  process.exit(1);
}

/** Story pages: top-level folders with an index.html, other than the embed index. */
const stories = readdirSync(dist, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !['_astro', 'data', 'embed'].includes(entry.name) && existsSync(join(dist, entry.name, 'index.html')))
  .map((entry) => ({ path: `${entry.name}/`, lang: /<html lang="([^"]+)"/.exec(readFileSync(join(dist, entry.name, 'index.html'), 'utf8'))?.[1] ?? '?' }));

const base = process.env.BASE_PATH ?? '/';
const host = await serveBuild(dist, base);
const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
try {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  console.log(`Lighthouse ${runs}× per page, mobile, median (range)`);
  console.log(['page', ...CATEGORIES, 'font KB'].join(' | '));
  for (const story of stories) {
    const scores = new Map<string, number[]>(CATEGORIES.map((c) => [c, []]));
    const fontBytes: number[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(`${host.origin}${prefix}${story.path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse gave no result for ${story.path}`);
      for (const category of CATEGORIES) scores.get(category)!.push(Math.round((result.lhr.categories[category]?.score ?? 0) * 100));
      const requests = (result.lhr.audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
      fontBytes.push(requests.filter((r) => r.resourceType === 'Font').reduce((sum, r) => sum + (r.transferSize ?? 0), 0));
    }
    const cells = CATEGORIES.map((c) => formatSpread(spread(scores.get(c)!), 0));
    console.log([`${story.path} (${story.lang})`, ...cells, formatSpread(spread(fontBytes.map((b) => b / 1024)), 1)].join(' | '));
  }
} finally {
  await chrome.kill();
  await host.close();
}
