// The build cache's disk layer (src/site/cache.ts): each namespace's entries appended to pack
// files, one for each process that wrote to it, instead of a file for each entry. A cold build
// of 45 stories writes some 2,400 entries, and as files they cost the main thread more than
// working most of them out did (ext4 allocates each file an inode; 3 cold builds: 1.2 s of
// 15 s). A pack is read by walking its records, so a record cut short (a build stopped while
// writing it, or another build still writing) is left out, never read in half; and as each
// process appends only to its own packs, builds running at once never mix their records.
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, writevSync } from 'node:fs';
import { join } from 'node:path';

const PACK = /\.pack$/;
/** A record: its key's length (2 bytes) and its value's (4 bytes), then the key, then the value. */
const HEAD = 6;
/** Keys are hashes in hex: one read takes a record's head and key. */
const KEY_ROOM = 128;

interface Place {
  file: string;
  /** Where the value starts. */
  offset: number;
  length: number;
}

interface OwnPack {
  file: string;
  size: number;
}

/** `use` of the file opened with `flags`. Nothing is kept open: a dev server makes a new store after each code edit. */
function withFile<T>(file: string, flags: string, use: (fd: number) => T): T {
  const fd = openSync(file, flags);
  try {
    return use(fd);
  } finally {
    closeSync(fd);
  }
}

function readAt(fd: number, length: number, position: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, bytes, done, length - done, position + done);
    if (read === 0) return bytes.subarray(0, done);
    done += read;
  }
  return bytes;
}

/** Every whole record of the pack, by key. */
function walkPack(file: string, fd: number, into: Map<string, Place>): void {
  const size = fstatSync(fd).size;
  let position = 0;
  while (position + HEAD <= size) {
    const head = readAt(fd, HEAD + KEY_ROOM, position);
    const keyLength = head.readUInt16BE(0);
    const length = head.readUInt32BE(2);
    const offset = position + HEAD + keyLength;
    if (offset + length > size) return;
    const key = (keyLength <= KEY_ROOM ? head.subarray(HEAD, HEAD + keyLength) : readAt(fd, keyLength, position + HEAD)).toString('latin1');
    into.set(key, { file, offset, length });
    position = offset + length;
  }
}

/** The pack files in `folder`; none when there is no folder yet. */
function packsIn(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => PACK.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export class PackStore {
  readonly dir: string;
  private readonly indexes = new Map<string, Map<string, Place>>();
  private readonly own = new Map<string, OwnPack>();

  constructor(dir: string) {
    this.dir = dir;
  }

  has(namespace: string, key: string): boolean {
    return this.index(namespace).has(key);
  }

  read(namespace: string, key: string): Buffer | undefined {
    const place = this.index(namespace).get(key);
    if (place === undefined) return undefined;
    const bytes = withFile(place.file, 'r', (fd) => readAt(fd, place.length, place.offset));
    if (bytes.length !== place.length) throw new Error(`the build cache's ${place.file} is shorter than when it was read: delete ${this.dir}`);
    return bytes;
  }

  write(namespace: string, key: string, value: string | Uint8Array): void {
    const bytes = typeof value === 'string' ? Buffer.from(value) : value;
    const keyBytes = Buffer.from(key, 'latin1');
    const head = Buffer.alloc(HEAD);
    head.writeUInt16BE(keyBytes.length, 0);
    head.writeUInt32BE(bytes.length, 2);
    const pack = this.ownPack(namespace);
    const length = HEAD + keyBytes.length + bytes.length;
    // Written as three pieces, not copied into one: a picture is tens of kilobytes.
    const written = withFile(pack.file, 'a', (fd) => writevSync(fd, [head, keyBytes, bytes]));
    if (written !== length) throw new Error(`could not write a whole record to ${pack.file} (${written} of ${length} bytes): is the disk full?`);
    this.index(namespace).set(key, { file: pack.file, offset: pack.size + HEAD + keyBytes.length, length: bytes.length });
    pack.size += length;
  }

  /** Every key held in the namespace. */
  keys(namespace: string): string[] {
    return [...this.index(namespace).keys()];
  }

  private index(namespace: string): Map<string, Place> {
    const known = this.indexes.get(namespace);
    if (known !== undefined) return known;
    const index = new Map<string, Place>();
    // In name order, so which of two equal records is read does not depend on the file system.
    for (const name of packsIn(join(this.dir, namespace)).sort()) {
      const file = join(this.dir, namespace, name);
      withFile(file, 'r', (fd) => walkPack(file, fd, index));
    }
    this.indexes.set(namespace, index);
    return index;
  }

  private ownPack(namespace: string): OwnPack {
    let pack = this.own.get(namespace);
    if (pack === undefined) {
      const folder = join(this.dir, namespace);
      mkdirSync(folder, { recursive: true });
      const file = join(folder, `${process.pid}-${randomBytes(4).toString('hex')}.pack`);
      // Made empty, and never by two stores: the name is this process's and random.
      withFile(file, 'wx', () => undefined);
      this.own.set(namespace, (pack = { file, size: 0 }));
    }
    return pack;
  }
}
