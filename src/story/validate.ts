// Checks a story's frontmatter against the schema without building the site, and says
// what is wrong as "<file>: <field>: <message>", one line per problem, so an editor can go
// straight to the field.
import type { z } from 'astro/zod';
import { didYouMean, listNames } from '../markdown/suggest.ts';
import { STORY_FIELDS, storySchema, type StoryFrontmatter } from './schema.ts';

export class StoryFrontmatterError extends Error {
  readonly path: string;
  /** One "<file>: <field>: <message>" line per problem. */
  readonly problems: string[];
  constructor(path: string, problems: string[]) {
    super(problems.join('\n'));
    this.name = 'StoryFrontmatterError';
    this.path = path;
    this.problems = problems;
  }
}

/** `bylines[0].name` for the path ['bylines', 0, 'name']. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '');
}

function problemsOf(path: string, issue: z.core.$ZodIssue): string[] {
  const field = fieldName(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const known = issue.path.length === 0 ? STORY_FIELDS : [];
    return issue.keys.map((key) => {
      const name = field ? `${field}.${key}` : key;
      const hint = known.length > 0 ? `${didYouMean(key, known)} Fields: ${listNames(known, { conjunction: 'and' })}.` : '';
      return `${path}: ${name}: unknown field.${hint}`;
    });
  }
  return [`${path}: ${field || '(frontmatter)'}: ${issue.message}`];
}

/** The frontmatter as the schema parses it; throws a StoryFrontmatterError naming every bad field. */
export function validateStoryFrontmatter(path: string, data: unknown): StoryFrontmatter {
  const result = storySchema.safeParse(data);
  if (result.success) return result.data;
  throw new StoryFrontmatterError(
    path,
    result.error.issues.flatMap((issue) => problemsOf(path, issue)),
  );
}
