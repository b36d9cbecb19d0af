// npm run bench:lighthouse [-- --dist DIR --runs N]: Lighthouse (mobile, its default) on the
// built site's story pages as a static host serves them, with the cache headers of the
// build's _headers, in Debian's chromium. Prints each page's four category scores, the
// metrics behind the performance score and the bytes of fonts it downloads, the median of N
// runs with their range. Lighthouse simulates a slow phone from the main-thread work it
// observes, so a busy machine lowers the performance score. Run `npm run build` first; the
// embed pages are left out, since they carry noindex on purpose.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveBuild } from '../src/build/static-host.ts';
import { formatSpread, spread } from '../src/bench/stats.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** The metrics behind the performance score, in seconds or milliseconds as Lighthouse shows them. */
const METRICS = [
  { audit: 'first-contentful-paint', label: 'FCP s', scale: 1 / 1000, digits: 2 },
  { audit: 'largest-contentful-paint', label: 'LCP s', scale: 1 / 1000, digits: 2 },
  { audit: 'total-blocking-time', label: 'TBT ms', scale: 1, digits: 0 },
  { audit: 'cumulative-layout-shift', label: 'CLS', scale: 1, digits: 3 },
] as const;
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

/** Story pages, in every edition: each folder's index.html but the home page's and the embeds'. */
const stories = (readdirSync(dist, { recursive: true }) as string[])
  .map((file) => file.split('\\').join('/'))
  .filter((file) => file.endsWith('/index.html') && !/^(_astro|data|embed)\//.test(file))
  .sort()
  .map((file) => ({ path: file.slice(0, -'index.html'.length), lang: /<html lang="([^"]+)"/.exec(readFileSync(join(dist, file), 'utf8'))?.[1] ?? '?' }));

const base = process.env.BASE_PATH ?? '/';
const host = await serveBuild(dist, base);
const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
try {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  console.log(`Lighthouse ${runs}× per page, mobile, median (range)`);
  console.log(['page', ...CATEGORIES, ...METRICS.map((m) => m.label), 'font KB'].join(' | '));
  for (const story of stories) {
    const scores = new Map<string, number[]>(CATEGORIES.map((c) => [c, []]));
    const metrics = new Map<string, number[]>(METRICS.map((m) => [m.audit, []]));
    const fontBytes: number[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(`${host.origin}${prefix}${story.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse gave no result for ${story.path}`);
      for (const category of CATEGORIES) scores.get(category)!.push(Math.round((result.lhr.categories[category]?.score ?? 0) * 100));
      for (const metric of METRICS) metrics.get(metric.audit)!.push((result.lhr.audits[metric.audit]?.numericValue ?? Number.NaN) * metric.scale);
      const requests =
        (result.lhr.audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
      fontBytes.push(requests.filter((r) => r.resourceType === 'Font').reduce((sum, r) => sum + (r.transferSize ?? 0), 0));
    }
    const cells = CATEGORIES.map((c) => formatSpread(spread(scores.get(c)!), 0));
    const measured = METRICS.map((m) => formatSpread(spread(metrics.get(m.audit)!), m.digits));
    console.log([`${story.path} (${story.lang})`, ...cells, ...measured, formatSpread(spread(fontBytes.map((b) => b / 1024)), 1)].join(' | '));
  }
} finally {
  await chrome.kill();
  await host.close();
}
