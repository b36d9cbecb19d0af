// The `?theme=light|dark` override of an embed page. chart.css alone keeps the colour
// values (light on .chart, dark under prefers-color-scheme); this writes each palette again
// under a data-theme attribute, from those same declarations, so nothing is copied by hand.
import { themeColors, type Theme } from '../charts/standalone.ts';

const THEMES: readonly Theme[] = ['light', 'dark'];

/** CSS that beats the media query: `:root[data-theme=dark] .chart` is more specific. */
export function themeOverrideCss(): string {
  const rules = THEMES.map((theme) => {
    const declarations = Object.entries(themeColors(theme)).map(([name, value]) => `${name}:${value}`);
    return `:root[data-theme=${theme}] .chart{color-scheme:${theme};${declarations.join(';')}}`;
  });
  return `@media screen{${rules.join('')}}`;
}
