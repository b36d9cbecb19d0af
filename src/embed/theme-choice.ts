// The colour scheme an embed code asks for: the reader's own light or dark setting (auto,
// no parameter), or the host page's, fixed with the embed page's `?theme=light|dark`
// (read by src/layouts/Embed.astro). Shared by the site and the embed-code browser script.

export const EMBED_THEMES = ['auto', 'light', 'dark'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];

/** An embed page's address asking for `theme`; auto asks for nothing. */
export function themedUrl(url: string, theme: EmbedTheme): string {
  const [address = '', query] = url.split('?');
  const params = new URLSearchParams(query);
  if (theme === 'auto') params.delete('theme');
  else params.set('theme', theme);
  const search = params.toString();
  return search ? `${address}?${search}` : address;
}

/** The embed code with its iframe's address asking for `theme`. */
export function snippetWithTheme(snippet: string, theme: EmbedTheme): string {
  return snippet.replace(
    /(<iframe src=")([^"]*)"/,
    (_, start: string, src: string) => `${start}${themedUrl(src.replaceAll('&amp;', '&'), theme).replaceAll('&', '&amp;')}"`,
  );
}
