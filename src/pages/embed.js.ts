// embed.js, the parent script every embed snippet loads, at a stable address (no content
// hash: pasted snippets must keep working). Bundled from src/client/embed-parent.ts at build
// time as a classic script, so it runs from a plain <script src async>. The path is the
// project's: every build runs from the project root.
import type { APIRoute } from 'astro';
import { resolve } from 'node:path';
import { build } from 'esbuild';

export const GET: APIRoute = async () => {
  const result = await build({
    entryPoints: [resolve('src/client/embed-parent.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    write: false,
  });
  return new Response(result.outputFiles[0]!.text, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
