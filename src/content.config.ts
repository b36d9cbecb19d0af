import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { storySchema } from './story/schema.ts';

export const collections = {
  stories: defineCollection({
    loader: glob({ pattern: '**/*.md', base: './content/stories' }),
    schema: storySchema,
  }),
};
