/**
 * Turn a worker's question into weighted index terms: its own words (question framing removed),
 * plus the legal terms the lexicon maps its colloquial words to, weighted lower.
 */
import type { Lexicon } from './lexicon.js';
import { isBigram, normalizeText, stripQuestionPhrases, type Tokenizer } from './tokenize.js';

/** Weights of the kinds of query terms. */
export interface QueryWeights {
  /** A bigram counts less than a word: several bigrams cover one word. */
  bigram: number;
  /** Terms added by the lexicon count less than the worker's own words. */
  expansion: number;
  /**
   * Weight of words only in the background story of a long question (everything before its last
   * sentence or clause); the asking part keeps weight 1. 1 turns this off.
   */
  narrative: number;
  /** Questions shorter than this (characters) are taken whole. */
  narrativeMinLength: number;
  /** Where the asking part starts: the last sentence, or the last clause (split at commas too). */
  askUnit: 'sentence' | 'clause';
}

/** Defaults measured on both evaluation sets (see bench/retrieval.ts). */
export const DEFAULT_QUERY_WEIGHTS: QueryWeights = { bigram: 0.5, expansion: 0.6, narrative: 1, narrativeMinLength: 30, askUnit: 'sentence' };

/** A prepared query. */
export interface PreparedQuery {
  normalized: string;
  terms: Map<string, number>;
  expansions: Array<{ trigger: string; legal: string }>;
}

// Legal terms recur in every question that uses the same slang: segment each once per tokeniser.
const legalTokenCache = new WeakMap<Tokenizer, Map<string, string[]>>();

function legalTokens(tokenizer: Tokenizer, legal: string): string[] {
  let cache = legalTokenCache.get(tokenizer);
  if (!cache) legalTokenCache.set(tokenizer, (cache = new Map()));
  let tokens = cache.get(legal);
  if (!tokens) cache.set(legal, (tokens = tokenizer.tokens(legal)));
  return tokens;
}

/** Build the weighted terms of a question. Repeated terms count once: workers repeat for emphasis. */
export function prepareQuery(query: string, tokenizer: Tokenizer, lexicon: Lexicon, weights: QueryWeights = DEFAULT_QUERY_WEIGHTS): PreparedQuery {
  const normalized = normalizeText(query);
  const terms = new Map<string, number>();
  const add = (token: string, weight: number): void => {
    const scaled = isBigram(token) ? weight * weights.bigram : weight;
    terms.set(token, Math.max(terms.get(token) ?? 0, scaled));
  };
  const { story, ask } = splitQuestion(normalized, weights);
  for (const token of tokenizer.tokens(stripQuestionPhrases(ask))) add(token, 1);
  if (story !== '') for (const token of tokenizer.tokens(stripQuestionPhrases(story))) add(token, weights.narrative);
  const expansions = lexicon.expand(normalized);
  for (const { legal } of expansions) {
    for (const token of legalTokens(tokenizer, legal)) add(token, weights.expansion);
  }
  return { normalized, terms, expansions };
}

const SENTENCE_END = /[。！？?!；;\n]+/;
const CLAUSE_END = /[。！？?!；;\n，,]+/;

/** Split a long consultation into its background story and the part that asks (its last sentence or clause). */
export function splitQuestion(question: string, weights: Pick<QueryWeights, 'narrative' | 'narrativeMinLength' | 'askUnit'>): { story: string; ask: string } {
  if (weights.narrative === 1 || question.length < weights.narrativeMinLength) return { story: '', ask: question };
  const parts = question.split(weights.askUnit === 'clause' ? CLAUSE_END : SENTENCE_END).filter((part) => part.trim() !== '');
  if (parts.length < 2) return { story: '', ask: question };
  const ask = parts[parts.length - 1];
  return { story: parts.slice(0, -1).join('\n'), ask };
}
