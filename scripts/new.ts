// npm run new -- <slug>: starts content/stories/<slug>.md from a template that builds.
import { newCommand } from '../src/reporter/new-command.ts';

process.exitCode = await newCommand(process.argv.slice(2));
