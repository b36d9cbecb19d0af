import { describe, expect, it } from 'vitest';
import { renderPng, type PngJob } from './png.ts';
import { pngJob } from './png-job.ts';
import { renderPngs } from './png-pool.ts';

const job = (label: string, zoom = 1): PngJob =>
  pngJob(
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="100%" height="100%" fill="#fff"/><text x="4" y="28" font-size="20">${label} 硅铁 북한</text></svg>`,
    zoom,
  );

describe('renderPngs', () => {
  it("gives each job's PNG, in order, the same bytes as rendering it in this thread", async () => {
    const jobs = [job('one'), job('two', 2), job('three'), job('four', 3), job('five')];
    const pngs = await renderPngs(jobs, 2);
    expect(pngs).toHaveLength(jobs.length);
    for (const [i, png] of pngs.entries()) {
      expect(Buffer.isBuffer(png)).toBe(true);
      expect(png.equals(await renderPng(jobs[i]!))).toBe(true);
    }
  });

  it('has nothing to do for no jobs', async () => {
    expect(await renderPngs([])).toEqual([]);
  });

  it('fails naming the job whose SVG cannot be drawn', async () => {
    await expect(renderPngs([job('fine'), { svg: '<svg', zoom: 1, fonts: [] }], 2)).rejects.toThrow(/^PNG job 2 of 2: /);
  });
});
