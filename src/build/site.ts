// `npm run build`: the data step, then the Astro site into a scratch folder that replaces
// dist/ only when the build succeeded and every page is within its JavaScript budget.
import { readdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'astro';
import { scratchFor, swapIn } from '../fs/swap.ts';
import { overBudget } from './budgets.ts';

export class BudgetError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`the build is over its JavaScript budget:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

export async function buildSite(options: { root: string; outDir: string }): Promise<void> {
  const outDir = resolve(options.root, options.outDir);
  const scratch = scratchFor(outDir);
  await rm(scratch, { recursive: true, force: true });
  try {
    await build({ root: options.root, outDir: scratch, logLevel: 'warn' });
    const pages = (await readdir(scratch, { recursive: true })).filter((f) => f.endsWith('.html')).map((f) => f.split('\\').join('/'));
    const problems = overBudget(scratch, pages, process.env.BASE_PATH ?? '/');
    if (problems.length > 0) throw new BudgetError(problems);
    await swapIn(scratch, outDir);
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
}
