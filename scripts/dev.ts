// npm run dev [-- --port N --host]: the data step in watch mode and the site's dev server.
import { parseArgs } from 'node:util';
import { startDev } from '../src/dev/server.ts';

const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'boolean' } },
});
const server = await startDev({
  root: process.cwd(),
  port: values.port === undefined ? undefined : Number(values.port),
  host: values.host,
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.stop().then(() => process.exit(0)));
}
