// npm run check [-- FILE...] [--no-sheet]: stories, manifest and references checked without
// building; the copy-desk sheet on stdout.
import { checkCommand } from '../src/reporter/check-command.ts';

process.exitCode = await checkCommand(process.argv.slice(2));
