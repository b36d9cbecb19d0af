// Runs a command and measures it as a whole: wall time, and the peak resident memory of its
// process tree, read from /proc while it runs (a build may start helpers such as esbuild's
// service; worker threads share their process's memory and are counted with it).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface MeasuredRun {
  code: number | null;
  wallMs: number;
  /**
   * The sum over every process seen in the tree of its own peak resident set (VmHWM):
   * exact for a tree with one big process, an upper bound otherwise.
   */
  peakRssBytes: number;
  /**
   * CPU time (user + system) of the tree, in ms: less disturbed than wall time when other
   * work shares the machine. Read at the last sample, so it may miss the final interval.
   */
  cpuMs: number;
  /** stdout and stderr, interleaved as they came. */
  output: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** How often the tree is sampled. */
  sampleMs?: number;
}

const KB = 1024;
/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second on every architecture Node runs on. */
const CLOCK_TICK_MS = 10;

/** Child process ids of `pid`, from each of its threads' children lists. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return children;
  }
  for (const task of tasks) {
    try {
      for (const id of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(/\s+/)) if (id) children.push(Number(id));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return children;
}

/** The process's own peak resident set in bytes, or undefined once it is gone. */
function highWaterMark(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * KB : undefined;
  } catch {
    return undefined;
  }
}

/** A process's CPU time with that of its children it has reaped, in ms; undefined once it is gone. */
function cpuTime(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: state is the first, utime the 12th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [11, 12, 13, 14].reduce((sum, k) => sum + Number(fields[k]), 0) * CLOCK_TICK_MS;
  } catch {
    return undefined;
  }
}

/**
 * Samples the tree under `root`: keeps each process's highest VmHWM seen, and returns the
 * tree's CPU time so far (a process reaped since the last sample is in its parent's count).
 */
function sampleTree(root: number, peaks: Map<number, number>): number {
  const queue = [root];
  let cpu = 0;
  while (queue.length > 0) {
    const pid = queue.pop()!;
    const peak = highWaterMark(pid);
    if (peak === undefined) continue;
    peaks.set(pid, Math.max(peaks.get(pid) ?? 0, peak));
    cpu += cpuTime(pid) ?? 0;
    queue.push(...childrenOf(pid));
  }
  return cpu;
}

export function runMeasured(command: string, args: readonly string[], options: RunOptions): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const peaks = new Map<number, number>();
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let cpuMs = 0;
    const sample = () => {
      if (child.pid !== undefined) cpuMs = Math.max(cpuMs, sampleTree(child.pid, peaks));
    };
    // VmHWM only grows, so sampling misses at most what a process adds in its last interval.
    const timer = setInterval(sample, options.sampleMs ?? 100);
    child.once('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearInterval(timer);
      const peakRssBytes = [...peaks.values()].reduce((sum, peak) => sum + peak, 0);
      resolve({ code, wallMs: performance.now() - started, peakRssBytes, cpuMs, output });
    });
  });
}
