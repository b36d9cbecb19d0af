// A project's stories and charts as the site reads them, for tests that check a build
// against its inputs: every story file with its frontmatter, the published ones, and the
// charts the site publishes for them (src/site/model.ts, the build's own model).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { SiteChart } from '../../src/site/charts.ts';
import { siteModel } from '../../src/site/model.ts';
import { validateStoryFrontmatter } from '../../src/story/validate.ts';
import type { StoryFrontmatter } from '../../src/story/schema.ts';
import type { ProjectFolders } from './project.ts';

export interface ProjectStory {
  /** The page's address inside the site: the file's path in the stories folder, without ".md". */
  id: string;
  path: string;
  /** The frontmatter as validated. */
  data: StoryFrontmatter;
  /** The frontmatter as written, before defaults and dates. */
  frontmatter: Record<string, unknown>;
  /** The whole file. */
  source: string;
}

/** Every story file of the project, drafts included, in path order. */
export async function projectStories(folders: Pick<ProjectFolders, 'stories'>): Promise<ProjectStory[]> {
  const names = (await readdir(folders.stories, { recursive: true })).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(
    names.map(async (name) => {
      const path = join(folders.stories, name);
      const source = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
      const frontmatter = (parseYaml(/^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '') ?? {}) as Record<string, unknown>;
      return {
        id: relative(folders.stories, path).split('\\').join('/').replace(/\.md$/, ''),
        path,
        data: validateStoryFrontmatter(path, frontmatter),
        frontmatter,
        source,
      };
    }),
  );
}

/** The stories a build publishes: all but drafts. */
export async function publishedStories(folders: Pick<ProjectFolders, 'stories'>): Promise<ProjectStory[]> {
  return (await projectStories(folders)).filter((story) => !story.data.draft);
}

/** Every chart the site publishes for the project's published stories and chart files, with the data step's output in `dataDir`. */
export async function projectCharts(folders: Pick<ProjectFolders, 'stories' | 'charts'>, dataDir: string): Promise<SiteChart[]> {
  const stories = await publishedStories(folders);
  const sources = stories.map((story) => ({ id: story.id, published: story.data.published, lang: story.data.lang, path: story.path }));
  return siteModel(sources, { buildDir: dataDir, chartsDir: folders.charts }).charts;
}
