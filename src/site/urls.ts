// Every absolute URL the site prints (canonical, Open Graph, JSON-LD, share image, embed
// code) is made here from the one site address and base path in astro.config.mjs.
// Pages pass the base from `import { base } from 'astro:config/client'`, never
// import.meta.env.BASE_URL: a BASE_URL variable in the build machine's environment (some CI
// services set one) replaces that in prerendered pages, while assets keep the real base.

/** Joins the base path and a site-relative path: ('/news/', 'a/b/') → '/news/a/b/'. */
export function withBase(base: string, path: string): string {
  const trimmed = base.endsWith('/') ? base : `${base}/`;
  return `${trimmed}${path.replace(/^\//, '')}`;
}

export function absoluteUrl(site: URL | undefined, base: string, path: string): string {
  if (!site) throw new Error('astro.config.mjs must set `site` so canonical and social URLs can be absolute');
  return new URL(withBase(base, path), site).href;
}
