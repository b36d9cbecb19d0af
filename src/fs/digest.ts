// Content digests: what the build cache and the data step key their work by, so a result is
// reused only when everything it was made from is the same.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Each object's JSON digest, worked out once: one aggregate keys every artboard of its charts. */
const objectDigests = new WeakMap<object, string>();

function objectDigest(value: object): string {
  let digest = objectDigests.get(value);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(value)).digest('hex');
    objectDigests.set(value, digest);
  }
  return digest;
}

/** What hashParts() hashes: text and bytes as they are, objects by their JSON, the rest as JSON. */
export type HashPart = string | Uint8Array | object | number | undefined;

/**
 * A hash of the parts in order, as hex. Each part is length-prefixed, so ("ab", "c") and
 * ("a", "bc") differ. Objects are hashed by the digest of their JSON, taken once per object:
 * what is hashed is the build's data, which nothing changes after it is read.
 */
export function hashParts(...parts: readonly HashPart[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes =
      typeof part === 'string' || part instanceof Uint8Array
        ? part
        : typeof part === 'object' && part !== null
          ? `{}${objectDigest(part)}`
          : JSON.stringify(part ?? null);
    hash.update(`${Buffer.byteLength(bytes)}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/**
 * A version of the code: every source file under `src/` but tests, and the installed
 * packages (npm's record of node_modules). Deliberately wide: charts, PNGs and the words
 * around them reach into formatting, i18n, config and fonts, and the data step into the
 * readers and reference loaders; a narrower list would go stale the day a new import crosses
 * it. Editing any source file redoes everything once; editing a story or the data does not
 * change it.
 */
export function codeVersion(root: string = process.cwd()): string {
  const parts: (string | Buffer)[] = [];
  const src = join(root, 'src');
  for (const name of readdirSync(src, { recursive: true, encoding: 'utf8' }).sort()) {
    if (/\.test\.ts$/.test(name)) continue;
    const path = join(src, name);
    if (statSync(path).isFile()) parts.push(name, readFileSync(path));
  }
  const installed = ['node_modules/.package-lock.json', 'package-lock.json'].map((name) => join(root, name)).find((path) => existsSync(path));
  if (installed) parts.push(readFileSync(installed));
  return hashParts(...parts);
}
