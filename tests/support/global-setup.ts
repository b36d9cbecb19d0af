// Vitest's global setup: one folder per test run for the fixture builds test files share
// (tests/support/project.ts sharedBuild), emptied when a watch run starts again, since the
// code under test may have changed, and removed at the end.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT } from './temp.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await mkdir(join(ROOT, 'tmp'), { recursive: true });
  const dir = await mkdtemp(join(ROOT, 'tmp', 'shared-builds-'));
  project.provide('sharedBuilds', dir);
  project.onTestsRerun(async () => {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
  });
  return () => rm(dir, { recursive: true, force: true });
}
