import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentCache } from '../site/cache.ts';
import { BUNDLED_FONTS, KOREAN_FONT_FAMILY, PNG_FONT_FAMILY } from './fonts.ts';
import { renderPng } from './png.ts';
import { drawingFiles } from './png-fonts.ts';
import { pngJob } from './png-job.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'png-fonts-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = (family: string, weight: number) => BUNDLED_FONTS.find((f) => f.family === family && f.weight === weight)!.file;
const LATIN = [file(PNG_FONT_FAMILY, 400), file(PNG_FONT_FAMILY, 700)];

const picture = (words: string, rootFamily = PNG_FONT_FAMILY) =>
  pngJob(
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" font-family="${rootFamily}"><rect width="100%" height="100%" fill="#fff"/>` +
      `<text x="4" y="40" font-size="24">${words}</text><text x="4" y="90" font-size="24" font-weight="700">${words}</text></svg>`,
    2,
  );

describe('drawingFiles', () => {
  it('draws Latin text from small cuts of the Latin fonts, to the same bytes as from the whole files', async () => {
    const job = picture('Côte d’Ivoire: −12.5% × 3 → 2019–2023, AVAWAY fi');
    const files = await drawingFiles(job, new ContentCache({ dir }));
    expect(files).toHaveLength(2);
    for (const [k, cut] of files.entries()) {
      expect(cut.startsWith(dir)).toBe(true);
      expect((await stat(cut)).size).toBeLessThan((await stat(LATIN[k]!)).size / 3);
    }
    expect((await renderPng({ ...job, fonts: files })).equals(await renderPng(job))).toBe(true);
  });

  it('draws from the whole file when the font has a character of the picture outside its cut', async () => {
    expect(await drawingFiles(picture('Łódź, Ωmega'), new ContentCache({ dir }))).toEqual(LATIN);
  });

  it('keeps the cut beside Hangul, which the Latin font lacks, and the Korean font whole', async () => {
    const job = picture('북한 2023', KOREAN_FONT_FAMILY);
    const files = await drawingFiles(job, new ContentCache({ dir }));
    expect(files.slice(0, 2).every((cut) => cut.startsWith(dir))).toBe(true);
    expect(files.slice(2)).toEqual([file(KOREAN_FONT_FAMILY, 400), file(KOREAN_FONT_FAMILY, 700)]);
    expect((await renderPng({ ...job, fonts: files })).equals(await renderPng(job))).toBe(true);
  });

  it('cuts each font once, and the next build finds the cut on disk', async () => {
    const first = new ContentCache({ dir });
    const files = await drawingFiles(picture('One'), first);
    expect(await drawingFiles(picture('Two'), first)).toEqual(files);
    expect(first.stats.misses).toBe(2);
    const next = new ContentCache({ dir });
    expect(await drawingFiles(picture('Three'), next)).toEqual(files);
    expect(next.stats).toMatchObject({ diskHits: 2, misses: 0 });
  });

  it('makes a cut again when its file went, as when the cache is emptied while the dev server runs', async () => {
    const cache = new ContentCache({ dir });
    const [cut] = await drawingFiles(picture('One'), cache);
    await rm(cut!);
    expect((await drawingFiles(picture('Two'), cache))[0]).toBe(cut);
    expect((await stat(cut!)).size).toBeGreaterThan(0);
  });

  it('draws from the whole files without a disk cache to keep cuts in', async () => {
    expect(await drawingFiles(picture('Exports'), new ContentCache())).toEqual(LATIN);
  });
});
