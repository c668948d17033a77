/**
 * The domain lexicon: colloquial words workers use mapped to the terms the statutes use
 * (跑单 → 劳动者, 炒了 → 解除劳动合同). Matching is by substring, so it works whatever jieba makes
 * of slang and typos.
 */

/** One mapping: any of `colloquial` in a question adds all of `legal` to the search. */
export interface LexiconEntry {
  colloquial: string[];
  legal: string[];
}

/** A merged lexicon, ready to expand questions. */
export interface Lexicon {
  entries: LexiconEntry[];
  /** The legal terms a question should also be searched for, with the colloquial word that triggered each. */
  expand(query: string): Array<{ trigger: string; legal: string }>;
}

/** Merge lexicons (shipped first, then an admin's): the same colloquial word gets the union of legal terms. */
export function createLexicon(...sources: LexiconEntry[][]): Lexicon {
  const byWord = new Map<string, Set<string>>();
  for (const entry of sources.flat()) {
    for (const word of entry.colloquial) {
      const key = word.trim().toLowerCase();
      if (key === '') continue;
      const legal = byWord.get(key) ?? new Set<string>();
      entry.legal.map((term) => term.trim()).filter(Boolean).forEach((term) => legal.add(term));
      byWord.set(key, legal);
    }
  }
  // Longer words first, so 上下班路上 is seen before 上班 and can claim its text.
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length);
  const entries = words.map((word) => ({ colloquial: [word], legal: [...(byWord.get(word) ?? [])] }));
  return {
    entries,
    expand(query: string) {
      let rest = query.toLowerCase();
      const found: Array<{ trigger: string; legal: string }> = [];
      const seen = new Set<string>();
      for (const word of words) {
        if (!rest.includes(word)) continue;
        rest = rest.split(word).join('\u0000');
        for (const legal of byWord.get(word) ?? []) {
          if (seen.has(legal)) continue;
          seen.add(legal);
          found.push({ trigger: word, legal });
        }
      }
      return found;
    },
  };
}

/** Validate untrusted lexicon data (an admin's file); bad entries are reported, not silently used. */
export function readLexiconEntries(data: unknown): { entries: LexiconEntry[]; problems: string[] } {
  const list = Array.isArray(data) ? data : (data as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) return { entries: [], problems: ['expected an array of {colloquial: [...], legal: [...]} or {entries: [...]}'] };
  const entries: LexiconEntry[] = [];
  const problems: string[] = [];
  list.forEach((item, index) => {
    const entry = item as Partial<LexiconEntry> | null;
    const isWords = (value: unknown): value is string[] => Array.isArray(value) && value.length > 0 && value.every((word) => typeof word === 'string');
    if (entry && isWords(entry.colloquial) && isWords(entry.legal)) entries.push({ colloquial: entry.colloquial, legal: entry.legal });
    else problems.push(`entry ${index + 1}: needs non-empty string lists "colloquial" and "legal"`);
  });
  return { entries, problems };
}

/** Parse the plain-text form an admin may prefer: `骑手 跑单 送外卖 => 劳动者` per line, `#` comments. */
export function parseLexiconText(text: string): { entries: LexiconEntry[]; problems: string[] } {
  const entries: LexiconEntry[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const [left, right, extra] = line.split(/=>|→/);
    const words = (side: string | undefined): string[] => (side ?? '').split(/[\s,，、]+/).filter(Boolean);
    if (extra !== undefined || words(left).length === 0 || words(right).length === 0) {
      problems.push(`line ${index + 1}: expected "colloquial words => legal terms"`);
      return;
    }
    entries.push({ colloquial: words(left), legal: words(right) });
  });
  return { entries, problems };
}
