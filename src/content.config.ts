import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { PATHS } from './config.ts';
import { storySchema } from './story/schema.ts';

export const collections = {
  stories: defineCollection({
    loader: glob({ pattern: '**/*.md', base: PATHS.stories }),
    schema: storySchema,
  }),
};
