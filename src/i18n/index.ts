// The story languages, each one module: pick one with strings(lang).
import type { Lang } from '../format/rules.ts';
import { en } from './en.ts';
import { ko } from './ko.ts';
import type { Strings } from './types.ts';

export const LANGUAGES: Readonly<Record<Lang, Strings>> = { en, ko };

/** The language every chart file and page falls back to when nothing says otherwise. */
export const DEFAULT_LANG: Lang = 'en';

export function strings(lang: Lang): Strings {
  return LANGUAGES[lang];
}

export type { ChartKind, Strings } from './types.ts';
export type { Lang } from '../format/rules.ts';
