// npm run data [-- --raw DIR --out DIR --allow-rejects]: GACC downloads in data/raw →
// records, report, aggregates and facts in data/build.
import { dataCommand } from '../src/cli/data-command.ts';

process.exitCode = await dataCommand(process.argv.slice(2));
