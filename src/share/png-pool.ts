// Many PNGs at once, on one worker thread per core: rasterising is the slow part of a build
// and each picture is independent.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { PngJob } from './png.ts';

// Named from the project root, not next to this module: in a site build Vite bundles this
// module into a chunk elsewhere, where a path relative to import.meta.url names nothing.
// Every command runs from the project root.
const WORKER_FILE = 'src/share/png-worker.ts';

/**
 * The PNGs of `jobs`, in order, the same bytes renderPng gives. Each call starts and stops
 * its own threads, so a build should make one call with every job.
 */
export async function renderPngs(jobs: readonly PngJob[], threads = availableParallelism()): Promise<Buffer[]> {
  if (jobs.length === 0) return [];
  const workerFile = resolve(WORKER_FILE);
  if (!existsSync(workerFile)) throw new Error(`the PNG worker ${workerFile} is missing: run from the project root`);
  const size = Math.max(1, Math.min(threads, jobs.length));
  const pool = new Piscina<PngJob, Uint8Array>({ filename: pathToFileURL(workerFile).href, minThreads: size, maxThreads: size });
  try {
    const pngs = await Promise.all(
      jobs.map((job, i) =>
        pool.run(job).catch((error: unknown) => {
          throw new Error(`PNG job ${i + 1} of ${jobs.length}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }),
      ),
    );
    // Structured cloning hands back a Uint8Array; callers get Buffers as from renderPng.
    return pngs.map((png) => Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  } finally {
    await pool.destroy();
  }
}
