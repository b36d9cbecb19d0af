// What `npm run dev` adds to Astro's dev server:
//   - a banner in every page listing data and story problems with file and line, which
//     clears when they are fixed (src/dev/banner.ts, fed over Vite's HMR socket);
//   - a reload after every successful data run, so new figures show without a restart;
//   - a gate on page reloads: before the browser reloads (after a Markdown edit, say), the
//     open pages are rendered, and if one fails the reload is held back and the stories are
//     checked, so the last good page stays on screen under a banner saying what is wrong
//     instead of Astro's error page; the reloads get the pages already rendered (prerender.ts);
//   - a story edit reaches the content collection at once, not after the half second Astro
//     waits before writing its store, and the gate waits for that;
//   - drawings are kept between reloads and forgotten when the code changes (code-edits.ts).
import type { Problem } from '../contract/index.ts';
import type { AstroIntegration, HookParameters } from 'astro';
import { resolve, sep } from 'node:path';
import { isRunnableDevEnvironment, type ViteDevServer } from 'vite';
import { PATHS } from '../config.ts';
import { formatProblem } from '../ingest/errors.ts';
import { renewCacheOnCodeEdits } from './code-edits.ts';
import type { DataStatus } from './data-loop.ts';
import { HELLO_EVENT, PROBLEMS_EVENT, type HelloMessage, type ProblemsMessage, type ProblemsPayload } from './events.ts';
import { PrerenderedPages } from './prerender.ts';

// The check is loaded only when a page asks for it, so its type is taken without importing it.
// eslint-disable-next-line @typescript-eslint/consistent-type-imports
type CheckModule = typeof import('../reporter/check.ts');

export interface DevBridge {
  integration: AstroIntegration;
  /** Tells the pages how the data step went: reload them, or show its problems. */
  dataRun(status: DataStatus): void;
}

/** Reloads requested within this time become one check and one reload. */
const RELOAD_DELAY_MS = 40;

export function devBridge(log: (line: string) => void = (line) => console.error(line)): DevBridge {
  let server: ViteDevServer | undefined;
  let pages: PrerenderedPages | undefined;
  let send: ((payload: { type: 'full-reload'; path: string }) => void) | undefined;
  let data: ProblemsPayload | undefined;
  let stories: ProblemsPayload | undefined;
  let printed = '';
  let timer: NodeJS.Timeout | undefined;
  let checking: Promise<void> | undefined;
  /** A reload was asked for while the gate ran: its result is stale, run it again. */
  let pending = false;
  /** The content collection's latest sync: a reload waits for it, so pages read the story as saved. */
  let contentSync: Promise<void> = Promise.resolve();
  /** Syncs under way. The page reload Astro sends when one writes its store is the gate's to send. */
  let syncing = 0;

  const payloads = () => [data, stories].filter((payload): payload is ProblemsPayload => payload !== undefined);
  const message = (): ProblemsMessage => ({ payloads: payloads() });
  const broadcast = () => server?.environments.client.hot.send(PROBLEMS_EVENT, message());

  /** The check module as the SSR runner has it, so code edits apply as they do to pages. */
  async function checkModule(): Promise<CheckModule> {
    const ssr = server?.environments.ssr;
    if (ssr && isRunnableDevEnvironment(ssr)) return ssr.runner.import<CheckModule>('/src/reporter/check.ts');
    return import('../reporter/check.ts');
  }

  /** Shows the stories' problems; reloads the pages if there are none and they were not reloaded yet. */
  function decide(errors: Problem[], reloaded: boolean): void {
    const text = errors.map(formatProblem).join('\n');
    if (text !== printed) {
      printed = text;
      if (errors.length > 0) {
        log(`stories: ${errors.length} problem(s)${reloaded ? '' : '; the browser keeps the last good page until they are fixed'}`);
        for (const error of errors) log(`  ${formatProblem(error)}`);
      } else {
        log('stories: fixed');
      }
    }
    stories = errors.length > 0 ? { summary: 'A story has errors: pages show their last good version until they are fixed', problems: errors } : undefined;
    if (errors.length > 0 || reloaded) broadcast();
    else reload();
  }

  const reload = () => send?.({ type: 'full-reload', path: '*' });

  /**
   * One gate at a time, and only the latest decides: one that read a story before (or while)
   * it was saved again must not bring back an error that the next save fixed. The open pages
   * are rendered first, and shown at once if they render; the check then fills the banner.
   */
  function runGate(): void {
    if (!server) return;
    if (checking) {
      pending = true;
      return;
    }
    const root = server.config.root;
    checking = contentSync
      .then(() => pages?.renderOpen() ?? false)
      .then(async (rendered) => {
        if (pending) return;
        if (rendered) reload();
        const { errors } = await (await checkModule()).checkStories(root);
        if (!pending) decide(errors, rendered);
      })
      .catch((error: unknown) => {
        log(`dev: could not render the pages or check the stories: ${error instanceof Error ? error.stack : String(error)}`);
        reload();
      })
      .finally(() => {
        checking = undefined;
        if (pending) {
          pending = false;
          runGate();
        }
      });
  }

  const requestReload = () => {
    clearTimeout(timer);
    timer = setTimeout(runGate, RELOAD_DELAY_MS);
  };

  /** Syncs the content collection now (Astro would write its store half a second later); the gate waits for the sync. */
  function storyEdited(refreshContent: HookParameters<'astro:server:setup'>['refreshContent']): void {
    if (refreshContent) {
      syncing += 1;
      // Every loader (no list): a list would add its watchers again on each sync.
      contentSync = refreshContent({})
        .catch((error: unknown) => log(`dev: could not sync the stories: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          syncing -= 1;
        });
    }
    requestReload();
  }

  const integration: AstroIntegration = {
    name: 'customs-story:dev',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        if (command === 'dev') injectScript('page', "import '/src/dev/banner.ts';");
      },
      'astro:server:setup': ({ server: vite, refreshContent }) => {
        server = vite;
        pages = new PrerenderedPages(vite);
        renewCacheOnCodeEdits(vite);
        const stories = resolve(vite.config.root, PATHS.stories) + sep;
        vite.watcher.on('all', (_event, file) => {
          if (file.startsWith(stories) && file.endsWith('.md')) storyEdited(refreshContent);
        });
        const hot = vite.environments.client.hot;
        const forward = hot.send.bind(hot) as (payload: unknown, data?: unknown) => void;
        send = (payload) => forward(payload);
        // Astro's content layer and Vite send page reloads through this channel, and wrapping
        // its send is the one place to hold them back. Everything else passes untouched.
        hot.send = ((payload: unknown, data?: unknown) => {
          if (typeof payload === 'object' && payload !== null && (payload as { type?: string }).type === 'full-reload') {
            // During a sync, the gate already waits for it and reloads after.
            if (syncing === 0) requestReload();
          } else forward(payload, data);
        }) as typeof hot.send;
        hot.on(HELLO_EVENT, (hello: HelloMessage, client) => {
          pages?.opened(hello.path);
          // A page loaded by the gate's reload gets the problems its check finds.
          void Promise.resolve(checking).then(() => client.send(PROBLEMS_EVENT, message()));
        });
      },
      'astro:server:done': () => {
        clearTimeout(timer);
        server = undefined;
        pages = undefined;
      },
    },
  };

  return {
    integration,
    dataRun(status) {
      if (status.ok) {
        data = undefined;
        requestReload();
      } else {
        data = { summary: `The data step failed (${status.summary}); the page shows the last good data`, problems: status.problems };
        broadcast();
      }
    },
  };
}
