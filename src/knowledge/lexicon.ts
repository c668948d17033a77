/**
 * The lexicon the knowledge base searches with: the shipped data file (src/kb/lexicon.json)
 * merged with an admin's `<dataDir>/kb/lexicon.json` or `lexicon.txt`.
 */
import { contentPath } from '../content.js';
import { readFileSync } from 'node:fs';
import { createLexicon, parseLexiconText, readLexiconEntries, type Lexicon, type LexiconEntry } from '../retrieval/lexicon.js';
import type { KbStore } from './store.js';

/** The shipped lexicon entries (read once; the file is data, not code). */
export function shippedLexiconEntries(): LexiconEntry[] {
  const raw = JSON.parse(readFileSync(contentPath('lexicon.json'), 'utf8')) as unknown;
  const { entries, problems } = readLexiconEntries(raw);
  if (problems.length > 0) throw new Error(`shipped lexicon is broken: ${problems.join('; ')}`);
  return entries;
}

/** Load the merged lexicon; problems in the admin file are returned so the caller can log them. */
export async function loadLexicon(store: KbStore): Promise<{ lexicon: Lexicon; problems: string[] }> {
  const shipped = shippedLexiconEntries();
  const admin = await store.readAdminLexicon();
  if (!admin) return { lexicon: createLexicon(shipped), problems: [] };
  let parsed: { entries: LexiconEntry[]; problems: string[] };
  if (admin.file.endsWith('.json')) {
    try {
      parsed = readLexiconEntries(JSON.parse(admin.content));
    } catch {
      parsed = { entries: [], problems: ['not valid JSON'] };
    }
  } else {
    parsed = parseLexiconText(admin.content);
  }
  return { lexicon: createLexicon(shipped, parsed.entries), problems: parsed.problems.map((problem) => `${admin.file}: ${problem}`) };
}
