import type { Aggregate } from '../../src/contract/index.ts';
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileBlock } from '../../src/charts/index.ts';
import { DESKTOP, PHONE } from '../../src/charts/layouts.ts';
import { standaloneSvg } from '../../src/charts/standalone.ts';
import { rankedProducts } from '../../src/charts/fixtures.ts';
import { chartGraphicInput, chartPng, chartPngJob, IMAGE_LAYOUTS, thumbnailSize } from '../../src/embed/images.ts';
import type { Lang } from '../../src/i18n/index.ts';
import { renderPng, type PngJob } from '../../src/share/png.ts';
import { BUILD_TIMEOUT, pngSize, removeTempDirs, ROOT, tempDir } from '../site/helpers.ts';

/** A bar chart in both languages, as a story's chart block would define it. */
const BLOCK = `type: bar
aggregate: ranked-products
x: product
top: 10
title: { en: What China buys from North Korea, ko: 중국이 북한에서 사들이는 것 }
dek: { en: The ten products China imported most from North Korea by value., ko: 중국이 북한에서 가장 많이 수입한 10개 품목(금액 기준). }
notes: { en: "Minerals: ferrosilicon (HS 7202.21) and tungsten ores (HS 2611).", ko: "광물: 페로실리콘(HS 7202.21)과 텅스텐 광석(HS 2611)." }
`;

function chart(lang: Lang = 'en', aggregate: Aggregate = rankedProducts()) {
  return compileBlock(BLOCK, lang, { 'ranked-products': aggregate });
}

/** The chart with its second bar named as GACC names the product, in Chinese. */
function pngWithLabel(label: string): Promise<Buffer> {
  const aggregate = rankedProducts();
  aggregate.rows[1]!.product_label = label;
  aggregate.names!.product!.ferrosilicon = { en: label };
  const { spec } = chart('en', aggregate);
  return chartPng(spec, aggregate, PHONE);
}

afterAll(removeTempDirs);

describe('the PNG fallback', () => {
  // Without a font for them, every Chinese character is drawn as the same empty box, so two
  // labels of equal length would give identical pictures.
  it('draws Chinese product names with the bundled CJK font', async () => {
    expect((await pngWithLabel('硅铁')).equals(await pngWithLabel('钨矿'))).toBe(false);
  });

  it('is the same bytes on every run', async () => {
    expect((await pngWithLabel('硅铁')).equals(await pngWithLabel('硅铁'))).toBe(true);
  });

  it.each(IMAGE_LAYOUTS.map((layout) => [layout.name, layout] as const))(
    'at the %s artboard is twice its width, with the words around the chart',
    async (_name, layout) => {
      const { spec, aggregate } = chart();
      const size = pngSize(await chartPng(spec, aggregate, layout));
      expect(size.width).toBe(2 * layout.width);
      expect(size.height).toBeGreaterThan(2 * standaloneSvg(spec, aggregate, layout).height + 150);
    },
  );

  it.each<[Lang, Record<string, string>]>([
    [
      'en',
      {
        title: 'What China buys from North Korea',
        notes: 'Note: Minerals: ferrosilicon (HS 7202.21) and tungsten ores (HS 2611).',
        source: 'Source: China General Administration of Customs (GACC). Sample data generated for this project, not GACC figures.',
        credit: 'Chart: Data desk',
        sample: 'Sample data',
      },
    ],
    [
      'ko',
      {
        title: '중국이 북한에서 사들이는 것',
        notes: '참고: 광물: 페로실리콘(HS 7202.21)과 텅스텐 광석(HS 2611).',
        source: '출처: 중국 해관총서(GACC). 이 프로젝트를 위해 생성한 샘플 데이터로, GACC 수치가 아님.',
        credit: '그래픽: 데이터팀',
        sample: '샘플 데이터',
      },
    ],
  ])("says what the chart's frame says, in the chart's language (%s)", (lang, words) => {
    const { spec, aggregate } = chart(lang);
    expect(chartGraphicInput(spec, aggregate, DESKTOP)).toMatchObject({ lang, dek: spec.dek, ...words });
  });

  it('carries the sample-data label only when the figures are synthetic', () => {
    const real = { ...rankedProducts(), synthetic: false };
    expect(chartGraphicInput(chart('en', real).spec, real, DESKTOP)).not.toHaveProperty('sample');
  });

  it("gives og:image and oEmbed the desktop PNG's size in pixels, and an <img> half that", async () => {
    const { spec, aggregate } = chart();
    const png = pngSize(await chartPng(spec, aggregate, DESKTOP));
    expect(thumbnailSize(spec, aggregate)).toEqual({ ...png, cssWidth: png.width / 2, cssHeight: png.height / 2 });
  });
});

/**
 * `astro build` of a fixture project whose one route renders with the pool, from the project
 * root as every build runs: the pool module is bundled into the route's chunk there.
 */
async function buildFixture(jobs: PngJob[]): Promise<string> {
  const fixture = await tempDir('png-pool-astro-');
  const pages = join(fixture, 'src/pages');
  await mkdir(pages, { recursive: true });
  const pool = relative(pages, join(ROOT, 'src/share/png-pool.ts')).split('\\').join('/');
  await writeFile(
    join(pages, 'pooled.png.ts'),
    [
      `import { renderPngs } from '${pool}';`,
      `const jobs = ${JSON.stringify(jobs)};`,
      'export const GET = async () => new Response(Buffer.concat(await renderPngs(jobs)));',
    ].join('\n'),
  );
  const outDir = join(fixture, 'dist');
  const script = `
    const { build } = await import('astro');
    await build({ root: ${JSON.stringify(fixture)}, outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(join(fixture, '.astro'))}, vite: { cacheDir: ${JSON.stringify(join(fixture, '.vite'))} }, logLevel: 'warn' });`;
  const output = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, text }));
  });
  if (output.code !== 0) throw new Error(`astro build failed (exit ${output.code}):\n${output.text}`);
  return outDir;
}

describe('the PNG pool inside an Astro build', () => {
  it(
    'renders on worker threads from a bundled route, the same bytes as in this thread',
    async () => {
      const { spec, aggregate } = chart();
      const jobs = [chartPngJob(spec, aggregate, PHONE), chartPngJob(spec, aggregate, DESKTOP)];
      const dist = await buildFixture(jobs);
      expect((await readFile(join(dist, 'pooled.png'))).equals(Buffer.concat(await Promise.all(jobs.map(renderPng))))).toBe(true);
    },
    BUILD_TIMEOUT,
  );
});
