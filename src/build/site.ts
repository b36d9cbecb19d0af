// `npm run build`: the data step, then the Astro site into a scratch folder, finished there
// (Korean pages' fonts, the web fonts cut to the site's characters, the hosts' cache headers), which replaces dist/ only when the build
// succeeded and every page is within its budgets.
import { readdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'astro';
import { scratchFor, swapIn } from '../fs/swap.ts';
import { fontsOverBudget, overBudget } from './budgets.ts';
import { BuiltTexts } from './built-texts.ts';
import { writeHeaders } from './headers.ts';
import { addKoreanFonts } from './korean-fonts.ts';
import { cutWebFonts } from './web-fonts.ts';

export class BudgetError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`the build is over its budget:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/**
 * What follows Astro's build of `dir`: the fonts of Korean pages and the `_headers` file.
 * Returns every page over its budget.
 */
export async function finishBuild(dir: string, base: string): Promise<string[]> {
  const pages = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html')).map((f) => f.split('\\').join('/'));
  const texts = new BuiltTexts(dir);
  const korean = await addKoreanFonts(dir, pages, base, texts);
  await cutWebFonts(dir, new Set(korean.flatMap((page) => page.files.map((font) => font.file))), texts);
  await writeHeaders(dir, base);
  return [...overBudget(dir, pages, base, texts), ...fontsOverBudget(korean)];
}

export async function buildSite(options: { root: string; outDir: string }): Promise<void> {
  const outDir = resolve(options.root, options.outDir);
  const scratch = scratchFor(outDir);
  await rm(scratch, { recursive: true, force: true });
  try {
    await build({ root: options.root, outDir: scratch, logLevel: 'warn' });
    const problems = await finishBuild(scratch, process.env.BASE_PATH ?? '/');
    if (problems.length > 0) throw new BudgetError(problems);
    await swapIn(scratch, outDir);
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
}
