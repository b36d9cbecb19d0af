// npm run build: the data step, then the site into dist/ (swapped in only on success).
import { dataCommand } from '../src/cli/data-command.ts';
import { buildSite, BudgetError } from '../src/build/site.ts';
import { PATHS } from '../src/config.ts';
import { formatProblem } from '../src/ingest/errors.ts';
import { storiesFrontmatterProblems } from '../src/story/frontmatter.ts';

// Astro would stop on these too, but without the line; say where each one is.
const frontmatter = await storiesFrontmatterProblems(PATHS.stories);
if (frontmatter.length > 0) {
  for (const problem of frontmatter) console.error(`build: ${formatProblem(problem)}`);
  console.error('build: fix the frontmatter above; dist/ is unchanged');
  process.exit(1);
}

// A story edit leaves the data as it was: an unchanged run is kept, not read again.
const code = await dataCommand(['--keep-unchanged']);
if (code !== 0) {
  console.error('build: the data step failed; dist/ is unchanged');
  process.exit(code);
}
try {
  const started = performance.now();
  await buildSite({ root: process.cwd(), outDir: 'dist' });
  console.error(`build: site → dist/ (${((performance.now() - started) / 1000).toFixed(1)} s)`);
} catch (error) {
  console.error(`build: ${error instanceof BudgetError ? error.message : String(error)}`);
  console.error('build: dist/ is unchanged');
  process.exit(1);
}
