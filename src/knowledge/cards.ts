/**
 * Guide cards: plain-language explanations, next steps, evidence, where to go and the articles they rely
 * on, written by us in `content/cards/*.json` (read in file-name order) and validated here at load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contentPath } from '../content.js';
import type { Citation } from '../core/types.js';
import type { GuideCard } from '../retrieval/types.js';
import { withUnit } from './citation-units.js';

const line = z.tuple([z.string().min(1), z.string().min(1)]);

/** One card as written in content/cards: every text a [Chinese, English] pair. */
export const cardDraftSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]+$/),
    category: z.string().min(1),
    title: line,
    explanation: line,
    next: z.array(line).min(1),
    evidence: z.array(line),
    where: z.array(line),
    /** Articles as `law:1,2; other law:3`. */
    relies: z.string(),
    /** Colloquial words, space separated. */
    keywords: z.string(),
    /** Words, space separated, that mean another card fits instead. */
    unless: z.string().optional(),
    /** What the card's rights assume: a labour relation, platform work, or nothing. */
    assumes: z.enum(['labour-relation', 'platform-work', 'none']).optional(),
  })
  .strict();

/** A card as written. */
export type CardDraft = z.infer<typeof cardDraftSchema>;

/** Parse `劳动合同法:10,82; 劳动合同法实施条例:6` into citations. */
export function parseRelies(relies: string): Citation[] {
  return relies
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => {
      const [law, numbers] = part.split(':');
      if (!law || !numbers) throw new Error(`bad citation list: ${part}`);
      return numbers.split(',').map((n) => withUnit({ law: law.trim(), article: Number(n.trim()) }));
    });
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Turn a written card into the GuideCard the retriever and answers use. */
export function defineCard(draft: CardDraft): GuideCard {
  const split = (lines: Array<[string, string]>) => ({ 'zh-CN': lines.map((l) => l[0]), en: lines.map((l) => l[1]) });
  return {
    id: draft.id,
    category: draft.category,
    title: { 'zh-CN': draft.title[0], en: draft.title[1] },
    explanation: { 'zh-CN': draft.explanation[0], en: draft.explanation[1] },
    nextSteps: split(draft.next),
    evidence: split(draft.evidence),
    whereToGo: split(draft.where),
    relies: parseRelies(draft.relies),
    keywords: words(draft.keywords),
    ...(draft.unless ? { unless: words(draft.unless) } : {}),
    ...(draft.assumes ? { assumes: draft.assumes } : {}),
  };
}

/** Read and validate every card file of a folder (file-name order); a bad card names its file and field. */
export function loadGuideCards(folder = contentPath('cards')): GuideCard[] {
  const files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
  const cards = files.flatMap((file) => {
    const parsed = z.array(cardDraftSchema).safeParse(JSON.parse(readFileSync(path.join(folder, file), 'utf8')));
    if (!parsed.success) throw new Error(`content/cards/${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return parsed.data.map(defineCard);
  });
  const ids = new Set<string>();
  for (const card of cards) {
    if (ids.has(card.id)) throw new Error(`content/cards: card id ${card.id} is used twice`);
    ids.add(card.id);
  }
  return cards;
}

/** All shipped guide cards (category cards first). */
export const GUIDE_CARDS: GuideCard[] = loadGuideCards();

/** The card for a grievance category (see core/types CATEGORIES): the card whose id is the category. */
export function categoryCard(category: string): GuideCard | undefined {
  return GUIDE_CARDS.find((card) => card.id === category && card.category === category);
}
