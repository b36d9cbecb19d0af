// Output folders are written beside their final place and swapped in only when complete,
// so a failed run leaves the last good output where it was.
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

export function scratchFor(outDir: string): string {
  return `${outDir}.partial-${process.pid}`;
}

export async function swapIn(scratch: string, outDir: string): Promise<void> {
  const old = `${outDir}.old-${process.pid}`;
  const hadOld = existsSync(outDir);
  if (hadOld) await rename(outDir, old);
  await rename(scratch, outDir);
  if (hadOld) await rm(old, { recursive: true, force: true });
}
