// The frontmatter every story must have. Kept apart from Astro's content config so the
// check command and tests can validate stories without building the site.
import { z } from 'astro/zod';

const isoDate = z.coerce.date();

export const storySchema = z.object({
  title: z.string().min(1),
  dek: z.string().min(1),
  bylines: z.array(z.object({ name: z.string().min(1), role: z.string().optional() })).min(1),
  published: isoDate,
  updated: isoDate.optional(),
  lang: z.enum(['en', 'ko']),
  /** One or two sentences for social cards and search results. */
  summary: z.string().min(1).max(300),
  /** Describes the generated share image for people who cannot see it. */
  shareImageAlt: z.string().min(1),
  corrections: z.array(z.object({ date: isoDate, text: z.string().min(1) })).default([]),
  methodology: z.string().optional(),
}).strict();

export type StoryFrontmatter = z.infer<typeof storySchema>;
