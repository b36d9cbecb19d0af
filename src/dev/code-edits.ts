// The build cache (src/site/cache.ts) keys every drawing by the code's version, which it reads
// once per evaluation of its module. `npm run dev` keeps the cache on, so an edit to a story
// or a download draws again only the charts it changed, and after every edit to the code
// evaluates the cache module afresh in the server's module runners: the next drawing is keyed
// by the code as it now is, and nothing the old code drew is served again.
import { relative, sep } from 'node:path';
import { isRunnableDevEnvironment, type EnvironmentModuleNode, type ViteDevServer } from 'vite';

const CACHE_MODULE = 'src/site/cache.ts';

/** Whether editing `file` changes the code's version: any source file under src/ but tests, as codeVersion() reads them. */
export function changesCodeVersion(root: string, file: string): boolean {
  const path = relative(root, file);
  return path.startsWith(`src${sep}`) && !path.endsWith('.test.ts');
}

/** Evaluates the cache module, and every module importing it, afresh after each edit to the code. */
export function renewCacheOnCodeEdits(vite: ViteDevServer): void {
  const root = vite.config.root;
  const cacheFile = `${root}/${CACHE_MODULE}`;
  vite.watcher.on('all', (_event, file) => {
    if (!changesCodeVersion(root, file)) return;
    for (const environment of Object.values(vite.environments)) {
      if (!isRunnableDevEnvironment(environment)) continue;
      const stale = new Set<EnvironmentModuleNode>();
      for (const module of environment.moduleGraph.getModulesByFile(cacheFile) ?? []) {
        environment.moduleGraph.invalidateModule(module, stale, Date.now(), true);
      }
      for (const module of stale) {
        const evaluated = module.id === null ? undefined : environment.runner.evaluatedModules.getModuleById(module.id);
        if (evaluated) environment.runner.evaluatedModules.invalidateModule(evaluated);
      }
    }
  });
}
