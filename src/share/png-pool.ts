// PNGs on worker threads: rasterising is the slowest part of a build and each picture is
// independent, so the pages go on being rendered on the main thread while the pictures are
// drawn beside it, on every other core.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { PngJob } from './png.ts';
import { drawingFiles } from './png-fonts.ts';

// Named from the project root, not next to this module: in a site build Vite bundles this
// module into a chunk elsewhere, where a path relative to import.meta.url names nothing.
// Every command runs from the project root.
const WORKER_FILE = 'src/share/png-worker.ts';

/** Threads that draw while the main thread renders pages: one per core, as the main thread spends much of a build waiting for them. */
export const DRAWING_THREADS = availableParallelism();

export class PngPool {
  private readonly pool: Piscina<PngJob, Uint8Array>;

  /** Threads start with the first picture and stop when idle: a pool left open does not keep the process alive. */
  constructor(threads = DRAWING_THREADS) {
    const workerFile = resolve(WORKER_FILE);
    if (!existsSync(workerFile)) throw new Error(`the PNG worker ${workerFile} is missing: run from the project root`);
    this.pool = new Piscina<PngJob, Uint8Array>({ filename: pathToFileURL(workerFile).href, minThreads: 0, maxThreads: threads, idleTimeout: 1000 });
  }

  /** The same bytes renderPng(job) gives. */
  async draw(job: PngJob): Promise<Buffer> {
    const png = await this.pool.run(job);
    // Structured cloning hands back a Uint8Array; callers get Buffers as from renderPng.
    return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

/** The PNGs of `jobs`, in order, on a pool of their own, closed when they are drawn. */
export async function renderPngs(jobs: readonly PngJob[], threads = DRAWING_THREADS): Promise<Buffer[]> {
  if (jobs.length === 0) return [];
  const pool = new PngPool(Math.min(threads, jobs.length));
  try {
    return await Promise.all(
      jobs.map((job, i) =>
        pool.draw(job).catch((error: unknown) => {
          throw new Error(`PNG job ${i + 1} of ${jobs.length}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }),
      ),
    );
  } finally {
    await pool.close();
  }
}

let shared: PngPool | undefined;

/**
 * renderPng(job) on the process's pool, for a build's pages: every picture the build draws
 * shares its threads. The fonts' cuts are chosen and made here, so the threads load nothing
 * but resvg.
 */
export async function drawPng(job: PngJob): Promise<Buffer> {
  return (shared ??= new PngPool()).draw({ ...job, fonts: await drawingFiles(job) });
}
