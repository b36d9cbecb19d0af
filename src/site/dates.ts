// Dates as the story's language writes them, independent of the build machine's locale.
import type { Lang } from '../format/index.ts';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDate(date: Date, lang: Lang): string {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  return lang === 'ko' ? `${year}년 ${month + 1}월 ${day}일` : `${EN_MONTHS[month]} ${day}, ${year}`;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
