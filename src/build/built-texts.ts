// The text files of a built site, as the steps after Astro's build read them: each step reads
// every page (for Korean, for the characters shown, for the script weight), and reading the
// pages four times was most of that work. A file is read once and kept; a write goes to the
// file and to the copy kept, so the next step reads what the last one wrote.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class BuiltTexts {
  readonly dir: string;
  private readonly texts = new Map<string, string>();

  constructor(dir: string) {
    this.dir = dir;
  }

  /** The text of `file`, a path inside the folder with forward slashes. */
  read(file: string): string {
    let text = this.texts.get(file);
    if (text === undefined) {
      text = readFileSync(join(this.dir, file), 'utf8');
      this.texts.set(file, text);
    }
    return text;
  }

  write(file: string, text: string): void {
    writeFileSync(join(this.dir, file), text);
    this.texts.set(file, text);
  }
}
