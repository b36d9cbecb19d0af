// `npm run dev`: the data step in watch mode and Astro's dev server in one process. Data
// runs reload the pages or put their problems in a banner; Markdown edits reload through
// the story check (see integration.ts).
import { dev } from 'astro';
import { DataLoop } from './data-loop.ts';
import { devBridge } from './integration.ts';

export interface DevOptions {
  root: string;
  port?: number | undefined;
  host?: string | boolean | undefined;
}

export interface DevServer {
  stop(): Promise<void>;
}

export async function startDev(options: DevOptions): Promise<DevServer> {
  const bridge = devBridge();
  const loop = new DataLoop({ root: options.root, onRun: (status) => bridge.dataRun(status) });
  // The first run comes before the server, so the first page already has data.
  await loop.start();
  const server = await dev({
    root: options.root,
    integrations: [bridge.integration],
    server: { ...(options.port === undefined ? {} : { port: options.port }), ...(options.host === undefined ? {} : { host: options.host }) },
  });
  return {
    async stop() {
      loop.close();
      await server.stop();
    },
  };
}
