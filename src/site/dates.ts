// Dates as the story's language writes them, independent of the build machine's locale.
import { strings, type Lang } from '../i18n/index.ts';

export function formatDate(date: Date, lang: Lang): string {
  return strings(lang).date(date);
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
