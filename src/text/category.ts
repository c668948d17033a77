/**
 * Which grievance category a text is about, from the one category lexicon (category-lexicon.ts):
 * keywords are matched longest first and a matched span is not counted again, so "扣工资" counts as a
 * deduction and not also as wages. Intake, the dialog's understanding step and the answers all use it.
 */
import type { Category } from '../core/types.js';
import { KEYWORDS } from './category-lexicon.js';
import { normalizeAnswer } from './normalize.js';

/** What the classifier decided and why. */
export interface GrievanceClassification {
  category: Category;
  /** 0..1; below CONFIDENT_CLASSIFICATION intake asks the worker to pick a category. */
  confidence: number;
  /** Keywords that decided it, for logs and tests. */
  matched: string[];
}

/** Confidence from which intake proposes the category instead of listing all of them. */
export const CONFIDENT_CLASSIFICATION = 0.4;

/** Tie-break order: the more urgent matter first. */
const PRIORITY: ReadonlyArray<Exclude<Category, 'other'>> = [
  'injury', 'wages', 'deductions', 'termination', 'social_insurance', 'conditions', 'platform_rules', 'suggestion',
];

interface KeywordEntry {
  keyword: string;
  weight: number;
  category: Exclude<Category, 'other'>;
}

const ENTRIES: KeywordEntry[] = PRIORITY.flatMap((category) =>
  KEYWORDS[category].map(([keyword, weight]) => ({ keyword, weight, category })),
).sort((a, b) => b.keyword.length - a.keyword.length);

/** Scores per category for a text; spans already counted by a longer keyword are not counted again. */
function score(text: string): { scores: Map<Category, number>; matched: Map<Category, string[]> } {
  const covered = new Uint8Array(text.length);
  const scores = new Map<Category, number>();
  const matched = new Map<Category, string[]>();
  for (const entry of ENTRIES) {
    let from = 0;
    for (let at = text.indexOf(entry.keyword, from); at !== -1; at = text.indexOf(entry.keyword, from)) {
      from = at + entry.keyword.length;
      let free = true;
      for (let i = at; i < from; i++) if (covered[i]) free = false;
      if (!free) continue;
      covered.fill(1, at, from);
      scores.set(entry.category, (scores.get(entry.category) ?? 0) + entry.weight);
      const list = matched.get(entry.category) ?? [];
      if (!list.includes(entry.keyword)) list.push(entry.keyword);
      matched.set(entry.category, list);
    }
  }
  return { scores, matched };
}

/** The grievance category a free description most likely belongs to. */
export function classifyGrievance(text: string): GrievanceClassification {
  const t = normalizeAnswer(text).toLowerCase();
  const { scores, matched } = score(t);
  let best: Exclude<Category, 'other'> | undefined;
  let top = 0;
  let second = 0;
  for (const category of PRIORITY) {
    const s = scores.get(category) ?? 0;
    if (s > top) {
      second = top;
      top = s;
      best = category;
    } else if (s > second) {
      second = s;
    }
  }
  if (!best) return { category: 'other', confidence: 0, matched: [] };
  const confidence = (top / (top + second)) * Math.min(1, top / 4);
  return { category: best, confidence: Math.round(confidence * 100) / 100, matched: matched.get(best) ?? [] };
}

