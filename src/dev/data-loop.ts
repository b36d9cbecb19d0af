// The data step in watch mode: runs once, then again whenever a download, sources.yaml, a
// reference table or data/aggregates.yaml changes. Runs never overlap: changes during a run
// start one more run after it. A failed run leaves the last good data/build in place (the
// data step swaps its output in only on success) and reports its problems.
import type { Problem } from '../contract/index.ts';
import { join } from 'node:path';
import { DataStepError, formatProblem } from '../ingest/errors.ts';
import { runDataStep } from '../pipeline.ts';
import { CHANGES_FILE, changeSummary } from '../reporter/changes.ts';
import { PROJECT_PATHS, problemFromRoot } from '../reporter/check.ts';
import { watchPaths, type Watcher } from './watch.ts';

export type DataStatus = { ok: true } | { ok: false; summary: string; problems: Problem[] };

export interface DataLoopOptions {
  root: string;
  /** Called after every run. */
  onRun: (status: DataStatus) => void;
  log?: (line: string) => void;
}

const DATA_INPUTS: readonly string[] = [PROJECT_PATHS.raw, PROJECT_PATHS.reference, PROJECT_PATHS.aggregates];

export class DataLoop {
  private readonly options: DataLoopOptions;
  private readonly log: (line: string) => void;
  private running: Promise<void> | undefined;
  private again = false;
  private watcher: Watcher | undefined;

  constructor(options: DataLoopOptions) {
    this.options = options;
    this.log = options.log ?? ((line) => console.error(line));
  }

  /** Runs the data step now and starts watching its inputs. */
  async start(): Promise<void> {
    await this.run();
    this.watcher = watchPaths(this.options.root, DATA_INPUTS, (changed) => {
      this.log(`data: ${changed.join(', ')} changed; running the data step`);
      void this.run();
    });
  }

  close(): void {
    this.watcher?.close();
  }

  /** Runs the data step, or queues one more run if one is under way. */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.once().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.run();
      }
    });
    return this.running;
  }

  private async once(): Promise<void> {
    const { root } = this.options;
    const started = performance.now();
    try {
      const result = await runDataStep({
        rawDir: join(root, PROJECT_PATHS.raw),
        outDir: join(root, PROJECT_PATHS.build),
        referenceDir: join(root, PROJECT_PATHS.reference),
        aggregatesFile: join(root, PROJECT_PATHS.aggregates),
        changeReport: true,
      });
      for (const warning of result.report.warnings) this.log(`data: warning: ${formatProblem(warning)}`);
      this.log(
        `data: ${result.records.toLocaleString('en-US')} records, ${result.aggregates} aggregates, ${result.facts} facts → ${PROJECT_PATHS.build} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
      for (const line of result.changes ? changeSummary(result.changes, `${PROJECT_PATHS.build}/${CHANGES_FILE}`) : []) this.log(`data: ${line}`);
      this.options.onRun({ ok: true });
    } catch (error) {
      // Anything else is a bug, but the server stays up to show it.
      const problems =
        error instanceof DataStepError
          ? error.problems.map(problemFromRoot)
          : [{ file: 'the data step', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }];
      const summary = error instanceof Error ? error.message : String(error);
      this.log(`data: ${summary}; the pages keep the last good data`);
      for (const problem of problems) this.log(`  ${formatProblem(problem)}`);
      this.options.onRun({ ok: false, summary, problems });
    }
  }
}
