// npm run bench [-- --rows N --runs N --stories N --revision REV]: page weights, build time,
// the build at scale (cold and warm) and the ingest comparison in one table.
import { main } from '../src/bench/site.ts';

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
