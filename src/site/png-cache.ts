// PNGs, the slowest thing a build makes, drawn once and kept by the build cache
// (src/site/cache.ts), keyed by the input their SVG is composed from (words, the chart's
// standalone SVG, flags) and the code: a picture whose input did not change is read back,
// neither composed nor rasterised, by the next build. The others are drawn on the PNG pool's
// threads, started before their pages are rendered (prefetchPng), so the main thread renders
// other pages meanwhile.
import { drawPng } from '../share/png-pool.ts';
import type { PngJob } from '../share/png.ts';
import { hashParts } from '../fs/digest.ts';
import { BYTES, buildCache, buildCodeVersion } from './cache.ts';

const pngKey = (kind: string, input: object) => hashParts(buildCodeVersion(), kind, input);

// Each picture is asked for once per build: kept on disk only.
const ONCE = { memory: false };

/** The bytes renderPng(job()) gives, from the cache when `input` was drawn before. `kind` names the composition. */
export function cachedPng(kind: string, input: object, job: () => PngJob): Promise<Buffer> {
  return buildCache().memoAsync(
    'png',
    () => pngKey(kind, input),
    BYTES,
    () => drawPng(job()),
    ONCE,
  );
}

/** Starts drawing the picture cachedPng() with the same arguments will be asked for, unless it is cached. */
export function prefetchPng(kind: string, input: object, job: () => PngJob): void {
  buildCache().prefetch('png', pngKey(kind, input), BYTES, () => drawPng(job()), ONCE);
}
