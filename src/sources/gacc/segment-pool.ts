// Worker threads that read segments of large downloads (segment-worker.ts), so reading uses
// every core. One pool serves the whole process; its threads keep the process alive only
// while they have work, and each reads the segments it is given in order, keeping one text
// cache per file, so the entry numbers in its results follow on from its previous result.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { rowBuffersOf, type SegmentResult, type SegmentTask } from './segment.ts';

interface Pending {
  resolve: (result: SegmentResult) => void;
  reject: (error: Error) => void;
}

class SegmentThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor() {
    // A small young generation: a thread's garbage is mostly transferred arrays, and each
    // thread's default young space would add tens of megabytes to the process's peak.
    this.worker = new Worker(new URL('./segment-worker.ts', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    this.worker.unref();
    this.worker.on('message', ({ id, result, error }: { id: number; result?: SegmentResult; error?: string }) => {
      const pending = this.pending.get(id)!;
      this.pending.delete(id);
      if (this.pending.size === 0) this.worker.unref();
      if (error !== undefined) pending.reject(new Error(error));
      else pending.resolve(result!);
    });
    this.worker.on('error', (error) => {
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    });
  }

  release(fileId: number): void {
    this.worker.postMessage({ release: fileId });
  }

  reuse(result: SegmentResult): void {
    const buffers = rowBuffersOf(result);
    this.worker.postMessage({ reuse: buffers }, [buffers.ints.buffer, buffers.floats.buffer, buffers.tails.buffer, buffers.tailEnds.buffer] as ArrayBuffer[]);
  }

  read(task: SegmentTask): Promise<SegmentResult> {
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, task });
    });
  }
}

let threads: SegmentThread[] | undefined;

/** How many threads read segments: one per core, at most four. */
export function segmentThreads(): number {
  return Math.min(4, availableParallelism());
}

/** Sends a segment to thread `index` of the pool, which grows to have one. */
export function readSegmentInThread(index: number, task: SegmentTask): Promise<SegmentResult> {
  threads ??= [];
  while (threads.length <= index) threads.push(new SegmentThread());
  return threads[index]!.read(task);
}

/** Gives a result's arrays back to thread `index`, which read it, once its rows are taken. */
export function reuseInThread(index: number, result: SegmentResult): void {
  threads![index]!.reuse(result);
}

/** Lets every thread drop what it kept for a file. */
export function releaseFile(fileId: number): void {
  for (const thread of threads ?? []) thread.release(fileId);
}
