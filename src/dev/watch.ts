// Watches folders (recursively) and single files, and calls back once per burst of changes.
// Files are watched through their folder, because editors often save by writing a new file
// and renaming it over the old one, which a watcher on the file itself would lose.
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

export interface Watcher {
  close(): void;
}

/** Calls `onChange` with the changed paths (relative to `root`) `delayMs` after the last change. */
export function watchPaths(root: string, paths: readonly string[], onChange: (changed: string[]) => void, delayMs = 250): Watcher {
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
  const watchers: FSWatcher[] = [];
  for (const path of paths) {
    const full = join(root, path);
    if (!existsSync(full)) continue;
    if (statSync(full).isDirectory()) {
      watchers.push(watch(full, { recursive: true }, (_event, name) => note(name ? join(full, String(name)) : full)));
    } else {
      watchers.push(watch(dirname(full), (_event, name) => {
        if (name && String(name) === basename(full)) note(full);
      }));
    }
  }
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
