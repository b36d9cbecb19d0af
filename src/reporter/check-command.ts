// `npm run check [-- FILE…] [--no-sheet]`: prints the copy-desk sheet on stdout, then every
// error and warning as file:line lines and a count on stderr; exits 1 when there are errors.
import { parseArgs } from 'node:util';
import { formatProblem } from '../ingest/errors.ts';
import { runCheck } from './check.ts';

const CHECK_USAGE = `Usage: npm run check -- [FILE...] [--no-sheet]

Checks the stories (all of content/stories, or the files named), sources.yaml, the
reference tables and data/aggregates.yaml without building the site. Errors stop a build;
warnings (figures typed by hand, placeholders, stale data) are for the reporter to judge.
Prints the copy-desk sheet unless --no-sheet.`;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export async function checkCommand(args: string[], root = process.cwd()): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    allowNegative: true,
    options: {
      sheet: { type: 'boolean', default: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(CHECK_USAGE);
    return 0;
  }
  const result = await runCheck({ root, ...(positionals.length > 0 ? { stories: positionals } : {}) });
  if (values.sheet) console.log(result.sheet);
  for (const warning of result.warnings) console.error(`warning: ${formatProblem(warning)}`);
  for (const error of result.errors) console.error(`error: ${formatProblem(error)}`);
  console.error(
    `check: ${count(result.stories.length, 'story', 'stories')}, ${count(result.errors.length, 'error', 'errors')}, ${count(result.warnings.length, 'warning', 'warnings')}`,
  );
  return result.errors.length > 0 ? 1 : 0;
}
