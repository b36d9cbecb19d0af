// The task a PNG pool thread runs (see png-pool.ts): Node loads this file from the source
// tree, never from a bundle.
//
// resvg keeps each picture's pixels in native memory that V8 does not count. A thread whose
// own heap hardly grows would seldom collect, and would hold megabytes more with every
// picture (150 of the site's charts took it past 700 MB); so it collects after each one and
// lets the event loop turn, when the freed pictures' finalizers release that memory. A
// picture's objects die young, so a minor collection frees them: on 150 charts it peaks at the
// same memory as a full one, and the drawing takes a quarter less time.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { renderPng, type PngJob } from './png.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;

export default async function renderAndCollect(job: PngJob): Promise<Buffer> {
  const png = await renderPng(job);
  gc({ type: 'minor' });
  await new Promise((resolve) => setImmediate(resolve));
  return png;
}
