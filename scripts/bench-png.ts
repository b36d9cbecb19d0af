// npm run bench:png [-- --runs N]: every PNG the shipped site publishes (each chart's
// graphics, each story's share card), rendered one after another in this thread and then
// with the worker pool. Prints wall and CPU time, the median of N runs with their range;
// needs `npm run data`.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { DESKTOP } from '../src/charts/layouts.ts';
import { standaloneSvg } from '../src/charts/standalone.ts';
import { PATHS } from '../src/config.ts';
import { chartPngJob, IMAGE_LAYOUTS } from '../src/embed/images.ts';
import { renderPng, type PngJob } from '../src/share/png.ts';
import { DRAWING_THREADS, renderPngs } from '../src/share/png-pool.ts';
import { shareImageJob } from '../src/share/share-image.ts';
import { siteModel } from '../src/site/model.ts';
import { storyCharts } from '../src/story/charts.ts';
import { withoutBom } from '../src/story/render.ts';
import { validateStoryFrontmatter } from '../src/story/validate.ts';

/** The PNG jobs of the published stories: each chart's graphics, each story's share card (title unbound). */
function siteJobs(): PngJob[] {
  const stories = (readdirSync(PATHS.stories, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.md'))
    .sort()
    .flatMap((name) => {
      const path = join(PATHS.stories, name);
      const frontmatter = validateStoryFrontmatter(path, parseYaml(/^---\r?\n([\s\S]*?)\r?\n---/.exec(withoutBom(readFileSync(path, 'utf8')))?.[1] ?? ''));
      if (frontmatter.draft) return [];
      return [{ id: name.replace(/\.md$/, ''), published: frontmatter.published, lang: frontmatter.lang, path, title: frontmatter.title }];
    });
  const model = siteModel(stories);
  return [
    ...model.charts.flatMap(({ spec, aggregate }) => IMAGE_LAYOUTS.map((layout) => chartPngJob(spec, aggregate, layout))),
    ...stories.flatMap(({ path, lang, title }, i) => {
      const [lead] = storyCharts(model.stories[i]!.markdown, { aggregates: model.aggregates, library: model.library, path, lang });
      return lead
        ? [shareImageJob({ headline: title, lang, chartSvg: standaloneSvg(lead.spec, lead.aggregate, DESKTOP).svg, synthetic: lead.aggregate.synthetic })]
        : [];
    }),
  ];
}

interface Timing {
  wall: number;
  /** User and system time of every thread of this process. */
  cpu: number;
}

async function timed(run: () => unknown): Promise<Timing> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
}

function median(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} s (${sorted[0]!.toFixed(2)}–${sorted.at(-1)!.toFixed(2)})`;
}

const summary = (timings: Timing[]) => `wall ${median(timings.map((t) => t.wall))}, CPU ${median(timings.map((t) => t.cpu))}`;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const jobs = siteJobs();
const serial: Timing[] = [];
const pooled: Timing[] = [];
for (let run = 0; run < runs; run++) {
  serial.push(
    await timed(async () => {
      for (const job of jobs) await renderPng(job);
    }),
  );
  pooled.push(await timed(() => renderPngs(jobs)));
}
// Other work on the machine takes cores from the pool, not from the single thread: say how busy it was.
console.log(`${jobs.length} PNGs, ${availableParallelism()} cores (load average ${loadavg()[0]!.toFixed(1)} after the runs), median (range) of ${runs} runs`);
console.log(`serial, one thread:          ${summary(serial)}`);
console.log(`pool, ${DRAWING_THREADS} worker threads:     ${summary(pooled)}`);
