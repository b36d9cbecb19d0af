// The frontmatter every story must have. Kept apart from Astro's content config so the
// check command and tests can validate stories without building the site (validate.ts).
// Messages are written for the editor who has to fix the file; Astro's build shows them too.
import { z } from 'astro/zod';

/** "is required: …" when the field is absent, `wrong` otherwise. */
const says = (what: string, wrong: string) => (issue: { input?: unknown }) => (issue.input === undefined ? `is required: ${what}` : `${wrong}: ${what}`);

const text = (what: string) =>
  z
    .string({ error: says(what, 'must be text') })
    .trim()
    .min(1, { error: `must not be empty: ${what}` });

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const FIELD_LIST = 'title, dek, bylines, published, updated, lang, summary, shareImageAlt, corrections, methodology, edition and draft';

/**
 * A calendar day: a YAML date, or text "YYYY-MM-DD" naming a day that exists, as midnight
 * UTC. Other text is refused rather than guessed at: JavaScript reads "12/04/2023" in the
 * build machine's time zone and turns "2023-02-30" into 2 March.
 */
const isoDate = (what: string) =>
  z.preprocess(
    (value) => {
      if (typeof value !== 'string' || !ISO_DAY.test(value)) return value;
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? date : value;
    },
    z.date({ error: says(`${what}, written YYYY-MM-DD such as 2023-12-04`, 'must be a real date') }),
  );

export const storySchema = z
  .object(
    {
      title: text('the headline'),
      dek: text('the line under the headline'),
      bylines: z
        .array(z.object({ name: text("the author's name"), role: z.string().optional() }).strict(), {
          error: says('a list of authors, each with a name', 'must be a list'),
        })
        .min(1, { error: 'must name at least one author' }),
      published: isoDate('the date of first publication'),
      updated: isoDate('the date of the last update').optional(),
      lang: z.enum(['en', 'ko'], { error: says('the language the story is written in', 'must be "en" (English) or "ko" (Korean)') }),
      /** One or two sentences for social cards and search results. */
      summary: text('one or two sentences for social cards and search results').max(300, {
        error: 'must be at most 300 characters: social cards and search results cut longer text',
      }),
      /** Describes the generated share image for people who cannot see it. */
      shareImageAlt: text('what the share image shows, for people who cannot see it'),
      corrections: z
        .array(z.object({ date: isoDate('the date of the correction'), text: text('what was corrected') }).strict(), {
          error: says('a list of corrections, each with a date and text', 'must be a list'),
        })
        .default([]),
      methodology: z.string({ error: says('how the figures were made', 'must be text') }).optional(),
      /** A name the language editions of one story share, which links them to each other. */
      edition: z
        .string({ error: says('a name the editions of this story in other languages share', 'must be text') })
        .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be lower-case letters, digits and dashes, the same in every edition of the story' })
        .optional(),
      /** A story still being written: `npm run dev` shows it, `npm run build` leaves it out. */
      draft: z.boolean({ error: says('true while the story is not ready to publish', 'must be true or false') }).default(false),
    },
    {
      // Astro prints this without a field name, so an unknown field must name itself.
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `"${key}"`).join(', ')}; the fields a story may have are ${FIELD_LIST}`
          : 'must be YAML fields between "---" lines at the top of the file',
    },
  )
  .strict();

export type StoryFrontmatter = z.infer<typeof storySchema>;

/** The fields a story's frontmatter may have, for messages. */
export const STORY_FIELDS: readonly string[] = Object.keys(storySchema.shape);
