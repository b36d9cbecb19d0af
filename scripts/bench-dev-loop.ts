// npm run bench:dev [-- --runs N --revision REV]: save-to-screen time of npm run dev for a
// Markdown edit and a download edit, median and range.
import { main } from '../src/bench/dev-loop.ts';

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`bench:dev: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
