import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { storySchema } from './story/schema.ts';

/** Where the stories are: content/stories, or STORIES_DIR (tests build a story written for them). */
const storiesDir = process.env.STORIES_DIR || './content/stories';

export const collections = {
  stories: defineCollection({
    loader: glob({ pattern: '**/*.md', base: storiesDir }),
    schema: storySchema,
  }),
};
