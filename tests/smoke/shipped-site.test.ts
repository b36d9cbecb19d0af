// The project as shipped, built as `npm run build` builds it: whatever stories, charts and
// downloads a newsroom keeps in content/ and data/, every published story has its page and
// share image, every chart its embed page, CSV, oEmbed file and PNGs, and every chart is
// drawn. Nothing here knows what the stories say.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_LAYOUTS } from '../../src/embed/images.ts';
import { chartPath, type SiteChart } from '../../src/site/charts.ts';
import { BUILD_TIMEOUT } from '../support/build.ts';
import { listFiles, pngSize, text } from '../support/pages.ts';
import { buildProject, shippedProject, type BuiltProject } from '../support/project.ts';
import { projectCharts, publishedStories, type ProjectStory } from '../support/stories.ts';
import { removeTempDirs } from '../support/temp.ts';

let project: BuiltProject;
let stories: ProjectStory[];
let charts: SiteChart[];
let files: Set<string>;

beforeAll(async () => {
  project = await buildProject(shippedProject());
  stories = await publishedStories(project);
  charts = await projectCharts(project, project.data);
  files = new Set(await listFiles(project.dist));
}, BUILD_TIMEOUT);

afterAll(removeTempDirs);

const embedPath = (chart: SiteChart) => `embed/${chartPath(chart.spec)}/`;

describe('the shipped site', () => {
  it('has something to publish', () => {
    expect(stories.length).toBeGreaterThan(0);
    expect(charts.length).toBeGreaterThan(0);
  });

  it('has a page with a headline and a 1200×630 share image for every published story', async () => {
    for (const story of stories) {
      expect(files.has(`${story.id}/index.html`), story.id).toBe(true);
      const page = await project.page(`${story.id}/`);
      expect(text(page.querySelector('h1')).length, story.id).toBeGreaterThan(0);
      expect(page.documentElement.getAttribute('lang'), story.id).toBe(story.data.lang);
      expect(pngSize(await readFile(join(project.dist, story.id, 'share.png'))), story.id).toEqual({ width: 1200, height: 630 });
    }
  });

  it('lists every published story on the index and in the sitemap', async () => {
    const index = await project.page('');
    const sitemap = await readFile(join(project.dist, 'sitemap.xml'), 'utf8');
    for (const story of stories) {
      expect(index.querySelector(`a[href="${project.base}${story.id}/"]`), story.id).not.toBeNull();
      expect(sitemap, story.id).toContain(`<loc>${project.url(`${story.id}/`)}</loc>`);
    }
  });

  it('has an embed page, a CSV, an oEmbed file and a PNG per artboard for every chart', async () => {
    for (const chart of charts) {
      const path = chartPath(chart.spec);
      for (const file of [
        `embed/${path}/index.html`,
        `embed/${path}/oembed.json`,
        `data/${path}.csv`,
        ...IMAGE_LAYOUTS.map((layout) => `embed/${path}/${layout.width}.png`),
      ]) {
        expect(files.has(file), file).toBe(true);
      }
      for (const layout of IMAGE_LAYOUTS)
        expect(pngSize(await readFile(join(project.dist, 'embed', path, `${layout.width}.png`))).width, path).toBe(2 * layout.width);
    }
  });

  it('draws every chart on its embed page and on the story that places it', async () => {
    for (const chart of charts) {
      const pages = [embedPath(chart), ...(chart.story ? [`${chart.story.id}/`] : [])];
      for (const path of pages) {
        const figure = (await project.page(path)).querySelector(`figure#chart-${chart.spec.id}`);
        expect(figure, `${path}: #chart-${chart.spec.id}`).not.toBeNull();
        if (chart.spec.type === 'table') {
          expect(figure!.querySelectorAll('table[data-sortable] tbody tr').length, path).toBeGreaterThan(0);
        } else {
          const svgs = [...figure!.querySelectorAll('.chart__artboard svg')];
          expect(svgs.length, path).toBeGreaterThanOrEqual(2);
          for (const svg of svgs) expect(svg.querySelectorAll('[data-value]').length, `${path}: marks`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('prints no unbound directive and no missing value on any page', async () => {
    const broken: string[] = [];
    for (const file of await project.htmlFiles()) {
      const page = await project.page(file);
      for (const node of page.querySelectorAll('script, style, textarea')) node.remove();
      const shown = text(page.body);
      for (const slip of [':fact[', '::chart', 'undefined', 'NaN', '[object Object]']) if (shown.includes(slip)) broken.push(`${file}: ${slip}`);
    }
    expect(broken).toEqual([]);
  });
});
