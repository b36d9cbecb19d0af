// Throwaway folders for tests, under the project's git-ignored tmp/. Builds go there rather
// than to the system's temporary folder: Astro writes a build's intermediate server files
// inside the output folder when that is inside the working directory, and into the
// project's shared .astro/ folder otherwise, where two builds at once would overwrite each
// other's chunks.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const made: string[] = [];

/** A fresh folder under tmp/, removed by `removeTempDirs`. */
export async function tempDir(prefix = 'test-'): Promise<string> {
  await mkdir(join(ROOT, 'tmp'), { recursive: true });
  const dir = await mkdtemp(join(ROOT, 'tmp', prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made in this test file; use in afterAll. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
