// PNGs, the slowest thing a build makes, drawn once and kept by the build cache
// (src/site/cache.ts): keyed by the SVG, zoom and fonts they are drawn from, so a picture
// whose chart did not change is copied, not drawn, by the next build.
import { renderPng, type PngJob } from '../share/png.ts';
import { BYTES, buildCache, buildCodeVersion, hashParts } from './cache.ts';

/** The bytes renderPng(job) gives, from the cache when it has them. */
export function cachedPng(job: PngJob): Buffer {
  // Each picture is asked for once per build: kept on disk only.
  return buildCache().memo('png', () => hashParts(buildCodeVersion(), job.svg, job.zoom, job.fonts), BYTES, () => renderPng(job), { memory: false });
}
