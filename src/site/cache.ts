// A content-addressed cache for the expensive, deterministic parts of a build (chart
// artboards, PNGs): an entry's key is a hash of everything its bytes depend on, so an entry
// is never stale, only unused. Two layers: memory, so one build draws each thing once however
// many pages ask for it; and packs of entries under node_modules/.cache/customs-story/
// (src/site/cache-packs.ts; git-ignored, and CI starts without it), so the next build draws
// only what changed. (An entry a reader must have as a file, a font resvg reads, is a file.)
// A hit returns exactly the bytes a miss would have produced, so a cached build is
// byte-identical to an uncached one.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATHS } from '../config.ts';
import { codeVersion } from '../fs/digest.ts';
import { PackStore } from './cache-packs.ts';

/** How a cached value is stored on disk. */
export interface Codec<T> {
  encode(value: T): string | Uint8Array;
  decode(bytes: Buffer): T;
}

export const BYTES: Codec<Buffer> = { encode: (value) => value, decode: (bytes) => bytes };

/** For plain data that survives JSON unchanged (no undefined, no class instances). */
export function jsonCodec<T>(): Codec<T> {
  return { encode: (value) => JSON.stringify(value), decode: (bytes) => JSON.parse(bytes.toString('utf8')) as T };
}

export interface ContentCacheOptions {
  /** Folder of the disk layer; none when absent. */
  dir?: string | undefined;
  /** Whether values are kept in memory for the rest of the process; true unless said. */
  memory?: boolean;
}

export interface CacheStats {
  memoryHits: number;
  diskHits: number;
  misses: number;
}

export class ContentCache {
  readonly dir: string | undefined;
  readonly stats: CacheStats = { memoryHits: 0, diskHits: 0, misses: 0 };
  private readonly memory: Map<string, unknown> | undefined;
  private readonly packs: PackStore | undefined;
  private readonly prefetched = new Map<string, Promise<unknown>>();

  constructor(options: ContentCacheOptions = {}) {
    this.dir = options.dir;
    this.memory = options.memory === false ? undefined : new Map();
    this.packs = options.dir === undefined ? undefined : new PackStore(options.dir);
  }

  /**
   * The value stored under `key` in `namespace`, or `compute()`'s, stored for next time. The
   * key may be given as a function: a cache with neither layer never computes it.
   * `memory: false` keeps large values that one build asks for once (PNGs) out of memory.
   */
  memo<T>(namespace: string, key: string | (() => string), codec: Codec<T>, compute: () => T, options: { memory?: boolean } = {}): T {
    const found = this.lookup(namespace, key, codec, options);
    if (found.hit) return found.value;
    return found.store(compute());
  }

  /** memo() for a value computed asynchronously (a PNG drawn on a worker thread); takes the value prefetch() started. */
  async memoAsync<T>(
    namespace: string,
    key: string | (() => string),
    codec: Codec<T>,
    compute: () => Promise<T>,
    options: { memory?: boolean } = {},
  ): Promise<T> {
    const address = typeof key === 'string' ? key : key();
    const id = `${namespace}/${address}`;
    const started = this.prefetched.get(id);
    if (started) {
      this.prefetched.delete(id);
      return started as Promise<T>;
    }
    const found = this.lookup(namespace, address, codec, options);
    if (found.hit) return found.value;
    return found.store(await compute());
  }

  /**
   * Starts working out what memoAsync() with the same arguments will be asked for, unless it
   * is stored: the next memoAsync() of the key takes it, succeeded or failed. A build starts
   * every picture it will need, so the threads drawing them never wait for the page asking.
   */
  prefetch<T>(namespace: string, key: string, codec: Codec<T>, compute: () => Promise<T>, options: { memory?: boolean } = {}): void {
    // A stored value is left where it is: the asking page reads it, once.
    if (this.prefetched.has(`${namespace}/${key}`) || this.stored(namespace, key)) return;
    const found = this.lookup(namespace, key, codec, options);
    if (found.hit) return;
    const started = compute().then(found.store);
    // The failure is the asking page's to report; unasked, it is not an unhandled rejection.
    started.catch(() => undefined);
    this.prefetched.set(`${namespace}/${key}`, started);
  }

  /**
   * The file holding the bytes stored under `key`, written from compute() when missing, for
   * a reader that takes paths, not bytes; undefined for a cache without a disk layer.
   */
  async file(namespace: string, key: string, compute: () => Promise<Uint8Array>): Promise<string | undefined> {
    if (this.dir === undefined) return undefined;
    const path = this.path(namespace, key);
    if (existsSync(path)) {
      this.stats.diskHits += 1;
      return path;
    }
    this.stats.misses += 1;
    const bytes = await compute();
    // Written beside the file and renamed over it, so builds running at once never read half of it.
    const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    mkdirSync(join(this.dir, namespace), { recursive: true });
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
    return path;
  }

  /** Every entry on disk, as `namespace/key`: for tests and benchmarks. */
  entries(): string[] {
    if (this.dir === undefined || !existsSync(this.dir)) return [];
    const namespaces = readdirSync(this.dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    return namespaces
      .flatMap(({ name }) => {
        const files = readdirSync(join(this.dir!, name)).filter((file) => /^[0-9a-f]+$/.test(file));
        return [...this.packs!.keys(name), ...files].map((key) => `${name}/${key}`);
      })
      .sort();
  }

  /** Whether a value is held under the key, in memory or on disk, without reading it. */
  private stored(namespace: string, key: string): boolean {
    return this.memory?.has(`${namespace}/${key}`) === true || (this.packs !== undefined && this.packs.has(namespace, checkedKey(namespace, key)));
  }

  /** The value held in memory or on disk under the key, or how to store the one computed. */
  private lookup<T>(
    namespace: string,
    key: string | (() => string),
    codec: Codec<T>,
    { memory = true }: { memory?: boolean },
  ): { hit: true; value: T } | { hit: false; store: (value: T) => T } {
    if (this.dir === undefined && this.memory === undefined) {
      this.stats.misses += 1;
      return { hit: false, store: (value) => value };
    }
    const id = `${namespace}/${typeof key === 'string' ? key : key()}`;
    const held = memory ? this.memory : undefined;
    if (held?.has(id)) {
      this.stats.memoryHits += 1;
      return { hit: true, value: held.get(id) as T };
    }
    const address = id.slice(namespace.length + 1);
    const stored = this.read(namespace, address);
    if (stored !== undefined) {
      this.stats.diskHits += 1;
      const value = codec.decode(stored);
      held?.set(id, value);
      return { hit: true, value };
    }
    this.stats.misses += 1;
    return {
      hit: false,
      store: (value) => {
        this.write(namespace, address, codec.encode(value));
        held?.set(id, value);
        return value;
      },
    };
  }

  /** The bytes on disk under `key`, if any. */
  read(namespace: string, key: string): Buffer | undefined {
    return this.packs?.read(namespace, checkedKey(namespace, key));
  }

  /** Stores bytes under `key` on disk, if the cache has a disk layer. */
  write(namespace: string, key: string, bytes: string | Uint8Array): void {
    this.packs?.write(namespace, checkedKey(namespace, key), bytes);
  }

  private path(namespace: string, key: string): string {
    return join(this.dir!, namespace, checkedKey(namespace, key));
  }
}

/** The key, if namespace and key are fit to name folders and files in the cache's folder. */
function checkedKey(namespace: string, key: string): string {
  if (!/^[a-z0-9-]+$/.test(namespace) || !/^[0-9a-f]{16,}$/.test(key)) throw new Error(`not a cache address: ${namespace}/${key}`);
  return key;
}

let version: string | undefined;

/** codeVersion() of the project this process builds, read once. */
export function buildCodeVersion(): string {
  return (version ??= codeVersion());
}

/**
 * Whether the build cache is off: with BUILD_CACHE=off, for a build that must draw everything
 * afresh, and in unit tests. (`npm run dev` keeps it on: src/dev/code-edits.ts loads this
 * module afresh after a code edit, so no drawing by the old code is served.)
 */
export function cacheDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.BUILD_CACHE === 'off' || env.VITEST !== undefined;
}

let shared: ContentCache | undefined;

const NO_CACHE = new ContentCache({ memory: false });

/** The build's cache: one per process, on disk at PATHS.cache; one that keeps nothing when disabled. */
export function buildCache(): ContentCache {
  if (cacheDisabled()) return NO_CACHE;
  return (shared ??= new ContentCache({ dir: PATHS.cache }));
}
