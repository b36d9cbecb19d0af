// PNGs, the slowest thing a build makes, drawn once and kept by the build cache
// (src/site/cache.ts), keyed by the input their SVG is composed from (words, the chart's
// standalone SVG, flags) and the code: a picture whose input did not change is read back,
// neither composed nor rasterised, by the next build.
import { renderPng, type PngJob } from '../share/png.ts';
import { BYTES, buildCache, buildCodeVersion } from './cache.ts';
import { hashParts } from '../fs/digest.ts';

/** The bytes renderPng(job()) gives, from the cache when `input` was drawn before. `kind` names the composition. */
export function cachedPng(kind: string, input: object, job: () => PngJob): Buffer {
  // Each picture is asked for once per build: kept on disk only.
  return buildCache().memo(
    'png',
    () => hashParts(buildCodeVersion(), kind, input),
    BYTES,
    () => renderPng(job()),
    { memory: false },
  );
}
