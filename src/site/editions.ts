// A story's editions in other languages: stories that share an `edition:` name. Each edition
// links to the others (hreflang alternates, the language switch, the index and the sitemap).
import { strings, type Lang } from '../i18n/index.ts';

export interface EditionStory {
  id: string;
  data: { lang: Lang; edition?: string | undefined };
}

export interface Edition {
  lang: Lang;
  /** BCP 47 tag for hreflang. */
  hreflang: string;
  /** The language's own name, for the switch. */
  name: string;
  /** Site-relative path of the edition's page. */
  path: string;
}

/** Every edition of `story`, itself included, in a fixed language order; just itself when it has none. */
export function editionsOf(story: EditionStory, stories: readonly EditionStory[]): Edition[] {
  const edition = story.data.edition;
  const all = edition === undefined ? [story] : stories.filter((other) => other.data.edition === edition);
  const seen = new Set<Lang>();
  return all
    .filter((other) => !seen.has(other.data.lang) && seen.add(other.data.lang))
    .map((other) => ({ lang: other.data.lang, hreflang: strings(other.data.lang).tag, name: strings(other.data.lang).name, path: `${other.id}/` }))
    .sort((a, b) => a.lang.localeCompare(b.lang));
}

/** Two stories of one edition in the same language: which one a reader gets would be a guess. */
export function editionProblems(stories: readonly (EditionStory & { path: string })[]): string[] {
  const byKey = new Map<string, string>();
  const problems: string[] = [];
  for (const story of stories) {
    if (story.data.edition === undefined) continue;
    const key = `${story.data.edition}|${story.data.lang}`;
    const other = byKey.get(key);
    if (other)
      problems.push(
        `${story.path}: edition "${story.data.edition}" has two ${strings(story.data.lang).name} stories, ${other} and this one; each language has one edition`,
      );
    else byKey.set(key, story.path);
  }
  return problems;
}
