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
}

/** Defaults measured on both evaluation sets (see bench/retrieval.ts). */
export const DEFAULT_QUERY_WEIGHTS: QueryWeights = { bigram: 0.5, expansion: 0.5 };

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
export function prepareQuery(query: string, tokenizer: Tokenizer, lexicon: Lexicon, weights: QueryWeights = DEFAULT_QUERY_WEIGHTS, focus?: string): PreparedQuery {
  const normalized = normalizeText(query);
  const terms = new Map<string, number>();
  const add = (token: string, weight: number): void => {
    const scaled = isBigram(token) ? weight * weights.bigram : weight;
    terms.set(token, Math.max(terms.get(token) ?? 0, scaled));
  };
  for (const token of tokenizer.tokens(stripQuestionPhrases(normalized))) add(token, 1);
  const expansions = lexicon.expand(normalized);
  for (const { legal } of expansions) {
    for (const token of legalTokens(tokenizer, legal)) add(token, weights.expansion);
  }
  // The question sentence of a long post: its own words count more than the story around them.
  if (focus) for (const token of tokenizer.tokens(stripQuestionPhrases(normalizeText(focus)))) if (terms.has(token)) terms.set(token, terms.get(token)! * FOCUS_WEIGHT);
  return { normalized, terms, expansions };
}

/** How much more a word of the question sentence of a long post weighs. */
const FOCUS_WEIGHT = 1.8;
