// Watches folders (recursively) and single files, and calls back once per burst of changes.
// Files are watched through their folder, because editors often save by writing a new file
// and renaming it over the old one, which a watcher on the file itself would lose.
import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

export interface Watcher {
  close(): void;
}

/**
 * Calls `onChange` with the changed paths (relative to `root`) `delayMs` after the last change.
 * A save by rename is one event, and a file copied or written in place gives events
 * milliseconds apart, so a tenth of a second joins each save into one burst.
 */
export function watchPaths(root: string, paths: readonly string[], onChange: (changed: string[]) => void, delayMs = 100): Watcher {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const note = (path: string) => {
    // Scratch and swap folders of the data step are not edits.
    if (/\.(?:partial|old)-\d+/.test(path) || /(?:^|\/)\.|~$/.test(basename(path))) return;
    changed.add(relative(root, path));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...changed].sort();
      changed.clear();
      onChange(paths);
    }, delayMs);
  };
  const watchers = new Map<string, FSWatcher>();
  for (const path of paths) {
    const full = join(root, path);
    if (!existsSync(full)) continue;
    if (statSync(full).isDirectory()) {
      watchTree(full, note, watchers);
    } else {
      watchers.set(
        full,
        watch(dirname(full), (_event, name) => {
          if (name && String(name) === basename(full)) note(full);
        }),
      );
    }
  }
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
    },
  };
}

/**
 * Watches a folder and every folder under it, each on its own. Not `fs.watch(…, { recursive:
 * true })`: on Linux it watches each file, and loses a file once it is saved by rename
 * (the second save of a download went unnoticed).
 */
function watchTree(dir: string, note: (path: string) => void, watchers: Map<string, FSWatcher>): void {
  if (watchers.has(dir)) return;
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, (_event, name) => {
      const path = name ? join(dir, String(name)) : dir;
      note(path);
      // A folder made or moved in is watched too.
      if (name && isFolder(path)) watchTree(path, note, watchers);
    });
  } catch {
    return; // Gone before it could be watched.
  }
  watcher.on('error', () => {
    watcher.close();
    watchers.delete(dir);
  });
  watchers.set(dir, watcher);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) watchTree(join(dir, entry.name), note, watchers);
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
