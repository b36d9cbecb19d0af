// The site half of `npm run build` (scripts/build.ts, src/build/site.ts) for a test's
// project, as a script: `node tests/support/site-build.ts OUT_DIR CACHE_DIR [--astro-only]`,
// run from the project root with the project's folders in STORIES_DIR, CHARTS_DIR and
// DATA_BUILD_DIR. It checks the stories' frontmatter, builds with Astro and finishes the
// build (Korean fonts, _headers, budgets) as `npm run build` does, but writes into OUT_DIR
// directly and keeps Astro's and Vite's caches in CACHE_DIR, so that builds running at the
// same time share no cache files. --astro-only stops after Astro, for tests that finish the
// build themselves.
import { join } from 'node:path';
import { build } from 'astro';
import { PATHS } from '../../src/config.ts';
import { BudgetError, finishBuild } from '../../src/build/site.ts';
import { formatProblem } from '../../src/ingest/errors.ts';
import { storiesFrontmatterProblems } from '../../src/story/frontmatter.ts';

const [outDir, cacheDir, mode] = process.argv.slice(2);
if (!outDir || !cacheDir) throw new Error('usage: node tests/support/site-build.ts OUT_DIR CACHE_DIR [--astro-only]');

const frontmatter = await storiesFrontmatterProblems(PATHS.stories);
if (frontmatter.length > 0) throw new Error(frontmatter.map(formatProblem).join('\n'));

await build({ root: process.cwd(), outDir, cacheDir: join(cacheDir, 'astro'), vite: { cacheDir: join(cacheDir, 'vite') }, logLevel: 'warn' });
if (mode !== '--astro-only') {
  const problems = await finishBuild(outDir, process.env.BASE_PATH ?? '/');
  if (problems.length > 0) throw new BudgetError(problems);
}
