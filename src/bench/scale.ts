// How `npm run build` grows with a newsroom's archive: the shipped site alone, then with a
// number of generated stories of chart blocks, each cold (no caches, as CI starts) and warm
// (rebuilt after one story's text changed), with wall time and the peak memory of the build's
// process tree. Runs in a copy of the project, so it neither reads nor disturbs the working
// tree's caches and outputs.
import type { AggregatesFile } from '../contract/index.ts';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clearBuildState, copyEnv, copyProject } from './project-copy.ts';
import { editStoryText, generatedStory } from './generated-stories.ts';
import { readCpuTimes, stealShare } from './host-steal.ts';
import { runMeasured } from './process-tree.ts';
import { spread, type Spread } from './stats.ts';

export interface ScaleOptions {
  /** Builds of each kind; the median is reported. */
  runs: number;
  /** Generated stories added to the shipped ones. */
  stories: number;
  /** Chart blocks in each generated story. */
  charts: number;
  /** Measure this commit instead of the working tree. */
  revision?: string | undefined;
  log?: (line: string) => void;
}

export const SCALE_DEFAULTS = { runs: 3, stories: 40, charts: 4 } as const;

/** One `npm run build`. */
export interface BuildSample {
  wallMs: number;
  /** The site part alone, as the build prints it (the rest is the data step and start-up). */
  siteMs: number | undefined;
  peakRssBytes: number;
  /** CPU time of the build's processes, less disturbed by other work on the machine than wall time. */
  cpuMs: number;
}

export interface SiteSamples {
  cold: BuildSample[];
  warm: BuildSample[];
}

export interface ScaleResult {
  options: ScaleOptions;
  shipped: SiteSamples;
  scaled: SiteSamples;
  /** The host's share of this machine's CPU time during the builds, where the system reports it. */
  hostSteal: number | undefined;
}

const STORIES = 'content/stories';
/** Sizes are shown in MiB, labelled MB as memory tools usually do. */
export const MB = 1 << 20;

async function build(root: string): Promise<BuildSample> {
  const run = await runMeasured(process.execPath, ['scripts/build.ts'], { cwd: root, env: copyEnv() });
  if (run.code !== 0) throw new Error(`npm run build failed in ${root} (exit ${run.code}):\n${run.output.slice(-4000)}`);
  const site = /build: site → \S+ \((\d+(?:\.\d+)?) s\)/.exec(run.output)?.[1];
  return { wallMs: run.wallMs, siteMs: site === undefined ? undefined : Number(site) * 1000, peakRssBytes: run.peakRssBytes, cpuMs: run.cpuMs };
}

/** Saves a story as editors do: written whole beside it, then renamed over it. */
async function saveStory(path: string, text: string): Promise<void> {
  const temporary = `${path}.saving`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/** `runs` cold builds, each followed by a warm one after `edited`'s text changed. */
async function measureSite(root: string, edited: string, runs: number, label: string, log: (line: string) => void): Promise<SiteSamples> {
  const samples: SiteSamples = { cold: [], warm: [] };
  for (let run = 1; run <= runs; run += 1) {
    await clearBuildState(root);
    const cold = await build(root);
    samples.cold.push(cold);
    const path = join(root, edited);
    await saveStory(path, editStoryText(await readFile(path, 'utf8'), run));
    const warm = await build(root);
    samples.warm.push(warm);
    log(`scale: ${label}, run ${run}/${runs}: cold ${(cold.wallMs / 1000).toFixed(1)} s, warm ${(warm.wallMs / 1000).toFixed(1)} s`);
  }
  return samples;
}

export async function measureScale(options: ScaleOptions): Promise<ScaleResult> {
  const log = options.log ?? ((line: string) => console.error(line));
  const copy = await copyProject('customs-story-scale-', options.revision);
  const cpuTimes = readCpuTimes();
  try {
    const shippedStories = (await readdir(join(copy.root, STORIES))).filter((name) => name.endsWith('.md')).sort();
    if (shippedStories.length === 0) throw new Error(`${STORIES} holds no story to edit`);
    const shipped = await measureSite(copy.root, `${STORIES}/${shippedStories[0]}`, options.runs, 'shipped site', log);

    // The last run left data/build in place: the generated charts draw its aggregates.
    const aggregates = JSON.parse(await readFile(join(copy.root, 'data/build/aggregates.json'), 'utf8')) as AggregatesFile;
    let middle = '';
    for (let index = 1; index <= options.stories; index += 1) {
      const story = generatedStory(index, aggregates, options.charts);
      await writeFile(join(copy.root, STORIES, `${story.slug}.md`), story.markdown);
      if (index === Math.ceil(options.stories / 2)) middle = `${STORIES}/${story.slug}.md`;
    }
    const scaled = await measureSite(copy.root, middle, options.runs, `with ${options.stories} generated stories`, log);
    return { options, shipped, scaled, hostSteal: stealShare(cpuTimes, readCpuTimes()) };
  } finally {
    await copy.remove();
  }
}

/** One kind of build, summarised over its runs. */
export interface BuildSummary {
  /** Seconds. */
  wall: Spread;
  /** Seconds of CPU time. */
  cpu: Spread;
  /** Bytes. */
  peak: Spread;
  /** Seconds in the site part, when the build printed it. */
  site: Spread | undefined;
}

export interface ScaleSummary {
  shippedCold: BuildSummary;
  shippedWarm: BuildSummary;
  scaledCold: BuildSummary;
  scaledWarm: BuildSummary;
}

function summariseBuilds(samples: readonly BuildSample[]): BuildSummary {
  const site = samples.map((s) => s.siteMs).filter((ms): ms is number => ms !== undefined);
  return {
    wall: spread(samples.map((s) => s.wallMs / 1000)),
    cpu: spread(samples.map((s) => s.cpuMs / 1000)),
    peak: spread(samples.map((s) => s.peakRssBytes)),
    site: site.length === samples.length ? spread(site.map((ms) => ms / 1000)) : undefined,
  };
}

export function summarise({ shipped, scaled }: ScaleResult): ScaleSummary {
  return {
    shippedCold: summariseBuilds(shipped.cold),
    shippedWarm: summariseBuilds(shipped.warm),
    scaledCold: summariseBuilds(scaled.cold),
    scaledWarm: summariseBuilds(scaled.warm),
  };
}

/** What the issue asks of a build at scale. */
export const SCALE_TARGETS = {
  /** The generated stories add at most this much to the shipped site's cold build. */
  maxColdGrowth: 1,
  /** A rebuild after one story's edit takes at most this share of the cold build. */
  maxWarmShare: 0.25,
  maxPeakBytes: 500 * MB,
} as const;

export interface ScaleTarget {
  name: string;
  value: string;
  target: string;
  holds: boolean;
}

// One decimal: a share just over its target (25.4%) must not print as the target itself.
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function scaleTargets(summary: ScaleSummary): ScaleTarget[] {
  const growth = summary.scaledCold.wall.median / summary.shippedCold.wall.median - 1;
  const warmShare = summary.scaledWarm.wall.median / summary.scaledCold.wall.median;
  const peak = Math.max(summary.scaledCold.peak.max, summary.scaledWarm.peak.max);
  return [
    {
      name: 'cold build growth from the generated stories',
      value: `+${percent(growth)}`,
      target: `≤ +${SCALE_TARGETS.maxColdGrowth * 100}%`,
      holds: growth <= SCALE_TARGETS.maxColdGrowth,
    },
    {
      name: 'warm rebuild as a share of the cold build',
      value: percent(warmShare),
      target: `≤ ${SCALE_TARGETS.maxWarmShare * 100}%`,
      holds: warmShare <= SCALE_TARGETS.maxWarmShare,
    },
    {
      name: 'highest peak memory of the scaled builds (MB)',
      value: (peak / MB).toFixed(0),
      target: `≤ ${SCALE_TARGETS.maxPeakBytes / MB}`,
      holds: peak <= SCALE_TARGETS.maxPeakBytes,
    },
  ];
}
