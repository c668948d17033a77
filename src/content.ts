/** Where the shipped content (guide cards, notes, question bank, lexicon, tables, models) lives: `content/` at the top. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { z } from 'zod';

/** Absolute path of the top-level `content/` folder (beside `src/`, also in the compiled build). */
export const CONTENT_DIR = fileURLToPath(new URL('../content/', import.meta.url));

/** A path inside `content/`. */
export function contentPath(...parts: string[]): string {
  return path.join(CONTENT_DIR, ...parts);
}

/** How errors name a content file: `content/…` for a shipped file, the path as given for any other. */
export function contentFileName(file: string): string {
  const relative = path.relative(CONTENT_DIR, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : `content/${relative.split(path.sep).join('/')}`;
}

/** Read a JSON content file and validate it; an error names the file and each bad field (`slots.employer.label`). */
export function readContentJson<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  const name = contentFileName(file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => `${[...issue.path, key].join('.')}: not a field this file has`)
        : [`${issue.path.join('.') || '(top)'}: ${issue.message}`],
    );
    throw new Error(`${name}: ${problems.join('; ')}`);
  }
  return parsed.data;
}
