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
  const normalized = dropRepeatedTail(normalizeText(query));
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

/** Sentence-final marks and question particles a repeated tail may end with. */
const TAIL_END = /[\s。！？!?；;，,.]+$/;
const ASKS_AT_END = /[吗嘛么呢吧]$/;

/**
 * Drop a repeated tail: consultation posts often end by repeating a piece of their question
 * ("…能补交上嘛的费用能补交上嘛", "…要求赔偿吗等30天或者要求赔偿吗？"), the way a title and a body
 * run together or speech recognition stutters. The tail's words are already in the text before it,
 * so dropping it loses nothing but the junk bigrams where the copies meet, and leaves the real
 * question sentence last. A tail counts when it is at least 8 characters, or 5 ending in a question
 * particle, and copies what comes just before it in the same sentence; shorter repeats (劳动合同
 * twice) and a restated sentence are ordinary prose.
 */
export function dropRepeatedTail(text: string): string {
  const end = TAIL_END.exec(text)?.[0] ?? '';
  const body = text.slice(0, text.length - end.length);
  const longest = Math.min(MAX_TAIL, Math.floor(body.length / 2));
  for (let length = longest; length >= 5; length -= 1) {
    const tail = body.slice(body.length - length);
    if (length < 8 && !ASKS_AT_END.test(tail)) continue;
    if (/^[\s，,。]|[\n]/.test(tail)) continue;
    const before = body.slice(0, body.length - length);
    const at = before.lastIndexOf(tail);
    // The copy is of the same sentence: a scenario that restates an earlier sentence is no stutter.
    if (at >= 0 && !/[。！？!?；;，,\n]/.test(before.slice(at + length))) return before + end;
  }
  return text;
}
/** The longest tail looked for (a repeated question is a sentence, not a paragraph). */
const MAX_TAIL = 40;

/** A post this long (characters) tells a story around its question; a shorter one is searched as it is. */
export const LONG_POST = 40;
/** Words that make a clause a question. */
const ASKING = /[吗嘛么呢？?]|怎么|咋|如何|怎样|能不能|可不可以|可以|是否|是不是|算不算|多少|几|谁|哪|什么/;

/**
 * The question sentence of a long post (its repeated tail dropped): the last whole sentence that
 * ends with a question mark (a sentence also starts at 请问, 想问 or 问一下), else the last clause
 * that asks something, else the last clause.
 * Undefined for a short question or one without sentences.
 */
export function questionSentence(text: string): string | undefined {
  const clean = dropRepeatedTail(normalizeText(text));
  if (clean.length < LONG_POST) return undefined;
  const pieces = (at: RegExp): string[] => clean.split(at).map((piece) => piece.trim()).filter((piece) => piece.length >= 4);
  // "…工资一直按总监发我想问一下如何才能解除合同？": what follows 请问 or 想问 is the question.
  const whole = pieces(/(?<=[。！？!?；;\n])|(?=请问|想问|问一下|问下|咨询一下)/);
  const asked = [...whole].reverse().find((sentence) => /[？?]$/.test(sentence));
  if (asked && whole.length >= 2) return asked;
  const clauses = pieces(/(?<=[。！？!?；;，,\n])/);
  if (clauses.length < 2) return undefined;
  return [...clauses].reverse().find((clause) => ASKING.test(clause)) ?? clauses.at(-1);
}
