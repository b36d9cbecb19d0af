// Errors a reporter can act on: every problem names the file (relative to the raw folder)
// and, where it has one, the line.
import type { Problem } from '../contract/index.ts';

export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.message}`;
}

/** A problem that stops one file from being read at all (bad header, unknown encoding…). */
export class FileError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(formatProblem(problem));
    this.name = 'FileError';
    this.problem = problem;
  }
}

/** The data step failed; `problems` lists everything found, not just the first thing. */
export class DataStepError extends Error {
  readonly problems: Problem[];
  constructor(summary: string, problems: Problem[]) {
    super(summary);
    this.name = 'DataStepError';
    this.problems = problems;
  }
}
