// `npm run new -- <slug>`: creates the story file and says what to do next.
import { createStory, ScaffoldError } from './scaffold.ts';

const NEW_USAGE = `Usage: npm run new -- <slug>

Creates content/stories/<slug>.md with its frontmatter filled in and a first chart. The
slug becomes the page's address: lower-case letters, digits and dashes.`;

export async function newCommand(args: string[], root = process.cwd()): Promise<number> {
  const [slug, ...rest] = args;
  if (!slug || slug === '--help' || slug === '-h' || rest.length > 0) {
    console.error(NEW_USAGE);
    return slug === '--help' || slug === '-h' ? 0 : 1;
  }
  try {
    const file = await createStory(root, slug);
    console.error(`new: created ${file}`);
    console.error('new: replace every TODO, then run `npm run dev` to see it and `npm run check` before publishing');
    return 0;
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    console.error(`new: ${error.message}`);
    return 1;
  }
}
