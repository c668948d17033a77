/**
 * Article notes: our plain-language keywords for the questions each article answers, written by reading
 * the statutes, in `content/notes/*.json` (`{"law": "…", "notes": {"82": "…"}}`), indexed beside the
 * article as a document expansion.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contentPath } from '../content.js';
import type { ArticleNote } from '../retrieval/retriever.js';

const noteFileSchema = z.object({ law: z.string().min(1), notes: z.record(z.string().regex(/^\d+$/), z.string().min(1)) }).strict();

/** Read and validate every notes file of a folder, flattened to `{ law, article, text }`. */
export function loadArticleNotes(folder = contentPath('notes')): ArticleNote[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const parsed = noteFileSchema.safeParse(JSON.parse(readFileSync(path.join(folder, file), 'utf8')));
      if (!parsed.success) throw new Error(`content/notes/${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return Object.entries(parsed.data.notes).map(([article, text]) => ({ law: parsed.data.law, article: Number(article), text }));
    });
}

/** The notes the project ships. */
export const ARTICLE_NOTES: ArticleNote[] = loadArticleNotes();
