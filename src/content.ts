/** Where the shipped content (guide cards, notes, question bank, lexicon, tables, models) lives: `content/` at the top. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Absolute path of the top-level `content/` folder (beside `src/`, also in the compiled build). */
export const CONTENT_DIR = fileURLToPath(new URL('../content/', import.meta.url));

/** A path inside `content/`. */
export function contentPath(...parts: string[]): string {
  return path.join(CONTENT_DIR, ...parts);
}
