/**
 * Retrieval evaluation: R@1, R@5, R@10 and MRR@10 over questions with gold articles. A question is
 * found at the rank of the first returned article that is one of its gold articles.
 */
import type { Citation } from '../core/types.js';
import { GongyouError } from '../core/errors.js';

/** One evaluation question. */
export interface EvalItem {
  question: string;
  articles: Citation[];
  id?: string;
}

/** Aggregate figures, rounded to four places. */
export interface EvalReport {
  n: number;
  r1: number;
  r5: number;
  r10: number;
  mrr10: number;
  /** Questions whose gold articles were not in the top `top`. */
  misses: Array<{ question: string; gold: Citation[]; got: Citation[] }>;
  /** How many questions had their first gold article at each depth: `1`, `2-5`, `6-10`, … and `>top` (not found). */
  ranks: Record<string, number>;
}

/** Depth bands for `ranks` (upper bounds). */
const RANK_BANDS = [1, 5, 10, 20, 50, 100];

function rankBand(rankFound: number, depth: number): string {
  let lower = 1;
  for (const upper of RANK_BANDS) {
    if (upper > depth) break;
    if (rankFound <= upper) return lower === upper ? `${upper}` : `${lower}-${upper}`;
    lower = upper + 1;
  }
  return `>${Math.min(depth, RANK_BANDS.filter((upper) => upper <= depth).at(-1) ?? depth)}`;
}

/** Anything that returns ranked statute articles for a question. */
export type ArticleRanker = (question: string, top: number) => Promise<Citation[]>;

/** Parse a JSONL evaluation file; a bad line is reported with its number, never skipped silently. */
export function parseEvalJsonl(text: string): EvalItem[] {
  const items: EvalItem[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new GongyouError('bad_request', `line ${index + 1} is not valid JSON`, { cause });
    }
    const item = value as Partial<EvalItem>;
    const articlesOk =
      Array.isArray(item.articles) &&
      item.articles.length > 0 &&
      item.articles.every((a) => typeof a?.law === 'string' && Number.isInteger(a?.article));
    if (typeof item.question !== 'string' || item.question.trim() === '' || !articlesOk) {
      throw new GongyouError('bad_request', `line ${index + 1} needs "question" (text) and "articles" ([{law, article}])`);
    }
    items.push({ question: item.question, articles: item.articles as Citation[], id: typeof item.id === 'string' ? item.id : undefined });
  });
  return items;
}

const round = (value: number): number => Math.round(value * 10000) / 10000;

/** Evaluate a ranker over items; `top` bounds how deep misses are judged (at least 10 for R@10). */
export async function evaluateRetrieval(items: EvalItem[], rank: ArticleRanker, top = 10): Promise<EvalReport> {
  const depth = Math.max(top, 10);
  let r1 = 0;
  let r5 = 0;
  let r10 = 0;
  let mrr = 0;
  const misses: EvalReport['misses'] = [];
  // Every band in depth order, so the report reads from the top down.
  const ranks: Record<string, number> = {};
  for (const upper of [...RANK_BANDS.filter((band) => band <= depth), Infinity]) ranks[rankBand(upper, depth)] = 0;
  for (const item of items) {
    const got = await rank(item.question, depth);
    const gold = new Set(item.articles.map((a) => `${a.law}#${a.article}`));
    const position = got.findIndex((a) => gold.has(`${a.law}#${a.article}`));
    const rankFound = position < 0 ? Infinity : position + 1;
    if (rankFound <= 1) r1 += 1;
    if (rankFound <= 5) r5 += 1;
    if (rankFound <= 10) {
      r10 += 1;
      mrr += 1 / rankFound;
    }
    if (rankFound > top) misses.push({ question: item.question, gold: item.articles, got: got.slice(0, top) });
    const band = rankBand(rankFound, depth);
    ranks[band] = (ranks[band] ?? 0) + 1;
  }
  const n = items.length;
  const share = (count: number): number => (n === 0 ? 0 : round(count / n));
  return { n, r1: share(r1), r5: share(r5), r10: share(r10), mrr10: share(mrr), misses, ranks };
}
