/**
 * Rule-and-keyword grievance classifier for colloquial Chinese, the embedded default
 * until an LLM is configured. Keywords are matched longest first and a matched span is
 * not counted again, so "扣工资" counts as a deduction and not also as wages.
 */
import type { Category } from '../core/types.js';
import { normalizeAnswer } from '../text/normalize.js';
import { KEYWORDS } from './lexicon.js';

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

const COMPLAINT_WORDS = /投诉|举报|维权|欺负|坑人|被骗|骗了|诉求|不公|黑心|压榨|不合理|太过分|没人管/;
const INFO_QUESTION = /(吗|么|嘛)\s*[?？。!！.]*$|算不算|是不是|是否|能不能|可不可以|可以.{0,12}吗|多久|多长时间|多少钱?|什么|如何|哪些|哪里|怎样|怎么算|怎么申请|怎么认定|为什么|[?？]\s*$/;
const ASKS_FOR_HELP = /怎么办|咋办|帮帮我|帮我|求助|救救|有人管吗|谁管|找谁/;
const NARRATIVE = /我|俺|咱|被|给我|不给|没给|站长|老板|了/;

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

/**
 * Whether a text reads like a worker reporting their own problem (start intake) rather
 * than a general legal question ("没签合同能要双倍工资吗") or small talk ("你好").
 */
export function looksLikeGrievance(text: string): boolean {
  const t = normalizeAnswer(text).toLowerCase();
  if (t.length < 2) return false;
  const classification = classifyGrievance(t);
  const complaint = COMPLAINT_WORDS.test(t);
  if (classification.confidence === 0 && !complaint) return false;
  if (classification.category === 'suggestion') return true;
  const narrative = NARRATIVE.test(t);
  if (ASKS_FOR_HELP.test(t) && narrative) return true;
  if (INFO_QUESTION.test(t)) return false;
  return narrative || complaint || classification.confidence >= CONFIDENT_CLASSIFICATION;
}
