// npm run bench:ingest [-- --rows N --seed S]: see src/bench/ingest.ts.
import { main } from '../src/bench/ingest.ts';

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A crashed contender has already printed its own error; this says which one it was.
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
