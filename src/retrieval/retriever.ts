/**
 * The embedded retriever: BM25 over statute passages and guide cards, a domain lexicon, priors by
 * law, and guide cards lending their score to the articles they rely on. Optionally fuses a vector
 * ranking (reciprocal rank fusion) and rewrites the question first.
 */
import type { BankQuestion, GuideCard, Passage, Retriever, SearchHit } from './types.js';
import { Bm25Index } from './bm25.js';
import type { ClassifierScorer } from './classifier.js';
import { reciprocalRankFusion } from './fusion.js';
import { topPositions } from './top.js';
import type { Lexicon } from './lexicon.js';
import { parsePlace, placesNamedIn, type NamedPlaces } from '../text/place.js';
import { lawPrior, placeNames, placePrior, REDRESS_QUESTION, ROUTE_ARTICLES } from './priors.js';
import { DEFAULT_QUERY_WEIGHTS, prepareQuery, questionSentence, type QueryWeights } from './query.js';
import { createTokenizer, normalizeText, type Tokenizer } from './tokenize.js';
import { hasChinese } from '../core/i18n.js';

/** Tunable weights; defaults were measured on both evaluation sets (bench/retrieval.ts). */
export interface RetrievalWeights extends QueryWeights {
  /** How much a well-matching card adds to each article it relies on (articles score at most 1). */
  cardBoost: number;
  /** Card BM25 score at which a card counts as a full match. */
  cardFullScore: number;
  /** How many top cards may lend their score. */
  cardsConsidered: number;
  /** Whether priors by law apply. */
  priors: boolean;
  /** Each later article a card lists gets this fraction of the previous one's boost (cards list their main basis first). */
  relyDecay: number;
  /** Bonus for articles many cards rely on (the ones workers' questions most often turn on). */
  centrality: number;
  /** How much the question bank's votes add to an article (articles score at most 1). */
  bankWeight: number;
  /** How many of the most similar bank questions vote. */
  bankTop: number;
  /** Sharpness of a bank question's vote: (its score / the best score) to this power. */
  bankPower: number;
  /** Each later article a bank question lists gets this fraction of the previous one's vote. */
  bankDecay: number;
  /** How many of the best articles an LLM reranker may reorder. */
  rerankDepth: number;
  /** How deep the keyword and classifier rankings are fused (reciprocal rank fusion); 0 turns the classifier off. */
  classifierDepth: number;
  /** A keyword top article scoring this many times the second stays first whatever the classifier says. */
  keywordLead: number;
  /** The place by which a question asking what to do about a dispute gets the article saying where disputes go; 0 turns it off. */
  routeSlot: number;
}

/** Our plain-language note on what one article answers, indexed beside it. */
export interface ArticleNote {
  law: string;
  article: number;
  text: string;
}

/** Default weights. */
export const DEFAULT_WEIGHTS: RetrievalWeights = {
  ...DEFAULT_QUERY_WEIGHTS,
  cardBoost: 0.35,
  cardFullScore: 20,
  cardsConsidered: 5,
  priors: true,
  centrality: 0,
  relyDecay: 0.9,
  bankWeight: 0.3,
  bankTop: 40,
  bankPower: 1,
  bankDecay: 0.7,
  rerankDepth: 12,
  classifierDepth: 30,
  keywordLead: 1.25,
  // 5th: public dev R@5 0.672 → 0.693, held unchanged at 0.689 (it has one question citing the
  // route article), colloquial and blind unchanged; 3rd or 4th found no more and cost MRR
  // (`npx tsx bench/retrieval.ts`).
  routeSlot: 5,
};

/** The classifier's probability for its best article at which its ranking counts fully in the fusion. */
const CLASSIFIER_SURE = 0.05;

/** How many of a bank question's articles it expands (the main one and the next). */
export const BANK_EXPANDS = 2;

/** A vector side for hybrid search: ranks passage ids for a question, best first. */
export interface VectorSearch {
  rank(query: string, top: number): Promise<string[]>;
}

/** What the retriever is built from. */
export interface RetrieverOptions {
  /** Statute passages (articles and pieces of long articles). */
  passages: Passage[];
  /** A prebuilt index over `passages` (from the snapshot); built here when absent. */
  index?: Bm25Index;
  cards: GuideCard[];
  /** Questions labelled with the articles that answer them; similar questions vote for those articles. */
  questions?: BankQuestion[];
  /** A prebuilt index over `questions` (from the snapshot); built here when absent. */
  questionIndex?: Bm25Index;
  lexicon: Lexicon;
  tokenizer?: Tokenizer;
  vectors?: VectorSearch;
  /** The trained article classifier (classifier.ts); its ranking is fused with the keyword ranking. */
  classifier?: ClassifierScorer;
  /** An LLM rewriter: turns a colloquial question into a clearer one before retrieval. */
  rewrite?: (query: string) => Promise<string>;
  /** An LLM reranker: returns the given passages' ids, most relevant first (the top `rerankDepth` articles go to it). */
  rerank?: (query: string, passages: Passage[]) => Promise<string[]>;
  weights?: Partial<RetrievalWeights>;
  /** Told when the vector side fails (the search then uses keywords alone). */
  onVectorError?: (error: unknown) => void;
}

/** The retriever plus what callers of the knowledge base need to see. */
export interface EmbeddedRetriever extends Retriever {
  readonly tokenizer: Tokenizer;
  /** The card passage for a card id (`card:wages`). */
  cardPassage(cardId: string): Passage | undefined;
}

/** The text we index and show for a card: title, explanation and next steps in Chinese. */
export function cardToPassage(card: GuideCard): Passage {
  const text = [card.explanation['zh-CN'], ...card.nextSteps['zh-CN']].join('\n');
  return { id: `card:${card.id}`, kind: 'card', law: '工友指引', title: card.title['zh-CN'], text };
}

/** Terms of a card: keywords count three times and the title twice, since they say what it is for. */
function cardTerms(card: GuideCard, tokenizer: Tokenizer): string[] {
  const keywords = tokenizer.tokens(card.keywords.join(' '));
  const title = tokenizer.tokens(card.title['zh-CN']);
  return [...keywords, ...keywords, ...keywords, ...title, ...title, ...tokenizer.tokens(cardToPassage(card).text)];
}

/** English words of a card (title twice, as for Chinese), with words that say nothing left out. */
function englishCardTerms(card: GuideCard, tokenizer: Tokenizer): string[] {
  const words = (text: string): string[] => englishStems(tokenizer.tokens(text));
  const title = words(card.title.en);
  return [...title, ...title, ...words([card.explanation.en, ...card.nextSteps.en].join('\n'))];
}
const ENGLISH_FILLER = new Set(['the', 'and', 'for', 'you', 'your', 'are', 'can', 'not', 'with', 'that', 'this', 'have', 'has', 'was', 'were', 'from', 'but', 'what', 'how', 'who', 'may', 'will', 'its', 'their', 'they', 'them', 'out', 'get', 'does', 'any', 'all']);
/** English words reduced to a crude stem, fillers left out: fined, fines and fine all become "fin". */
function englishStems(tokens: string[]): string[] {
  return tokens
    .filter((token) => /^[a-z]{3,}$/.test(token) && !ENGLISH_FILLER.has(token))
    .map((token) => {
      const stem = token.replace(/ies$/, 'y').replace(/(es|s|ed|ing)$/, '').replace(/[ey]$/, '');
      return stem.length >= 3 ? stem : token;
    });
}

/** Per-position maximum of two score arrays of the same length. */
function maxScores(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((value, position) => Math.max(value, b[position]));
}

/**
 * Build the index of statute passages (titles carry the chapter, a useful hint). Our notes on an
 * article count `NOTE_REPEAT` times; example questions labelled with it are added once each.
 */
export function buildPassageIndex(passages: Passage[], tokenizer: Tokenizer, notes: ArticleNote[] = [], examples: ArticleNote[] = []): Bm25Index {
  // Expansions are indexed with an article's first piece: a document expansion in plain words.
  const expansionOf = new Map<string, string[]>();
  const addTerms = (items: ArticleNote[], repeat: number): void => {
    for (const item of items) {
      const key = `${item.law}#${item.article}`;
      const terms = tokenizer.tokens(item.text);
      const list = expansionOf.get(key) ?? [];
      for (let copy = 0; copy < repeat; copy += 1) list.push(...terms);
      expansionOf.set(key, list);
    }
  };
  addTerms(notes, NOTE_REPEAT);
  addTerms(examples, 1);
  const seen = new Set<string>();
  return Bm25Index.build(
    passages.map((passage) => {
      const key = articleKey(passage);
      const expansion = seen.has(key) ? [] : (expansionOf.get(key) ?? []);
      seen.add(key);
      return { id: passage.id, terms: [...tokenizer.tokens(`${passage.title ?? ''}\n${passage.text}`), ...expansion] };
    }),
  );
}
/** Notes count twice: they are short and say what the article is for. */
const NOTE_REPEAT = 2;

/** Build the index of bank questions (document ids are positions in the bank). */
export function buildQuestionIndex(bank: BankQuestion[], tokenizer: Tokenizer): Bm25Index {
  return Bm25Index.build(bank.map((item, position) => ({ id: String(position), terms: tokenizer.tokens(item.question) })));
}

/** Bank questions as expansions of the articles they cite first (see BANK_EXPANDS). */
export function bankExpansions(bank: BankQuestion[]): ArticleNote[] {
  return bank.flatMap((item) => item.articles.slice(0, BANK_EXPANDS).map(({ law, article }) => ({ law, article, text: item.question })));
}

/** The key under which pieces of one article are merged: `劳动合同法#82`. */
function articleKey(passage: Passage): string {
  return passage.article === undefined ? passage.id : `${passage.law}#${passage.article}`;
}

/** Create the embedded retriever. */
export function createRetriever(options: RetrieverOptions): EmbeddedRetriever {
  const weights: RetrievalWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const tokenizer = options.tokenizer ?? createTokenizer();
  const passages = options.passages;
  const index = options.index ?? buildPassageIndex(passages, tokenizer);
  if (index.ids.length !== passages.length) throw new Error('the passage index does not match the passages');
  const cardPassages = options.cards.map(cardToPassage);
  const cardIndex = Bm25Index.build(options.cards.map((card) => ({ id: `card:${card.id}`, terms: cardTerms(card, tokenizer) })));
  // A question in English finds cards by their English text, in an index of its own so that the
  // Chinese one's statistics (and every Chinese ranking) stay as they are.
  const englishCardIndex = Bm25Index.build(options.cards.map((card) => ({ id: `card:${card.id}`, terms: englishCardTerms(card, tokenizer) })));
  const bank = options.questions ?? [];
  // With no statutes there is nothing to vote for: skip the work.
  const bankIndex = bank.length > 0 && passages.length > 0 ? (options.questionIndex ?? buildQuestionIndex(bank, tokenizer)) : undefined;
  if (bankIndex && bankIndex.ids.length !== bank.length) throw new Error('the question index does not match the question bank');
  const citationCounts = new Map<string, number>();
  for (const citation of options.cards.flatMap((card) => card.relies)) {
    const key = `${citation.law}#${citation.article}`;
    citationCounts.set(key, (citationCounts.get(key) ?? 0) + 1);
  }
  const mostCited = Math.max(1, ...citationCounts.values());
  const centralityOf = (key: string): number => weights.centrality * (Math.log1p(citationCounts.get(key) ?? 0) / Math.log1p(mostCited));
  const passageById = new Map(passages.map((passage) => [passage.id, passage]));
  // Each local rule's place, and the province of a city's rule (a worker naming only the province may be under it).
  const placeByLaw = new Map(passages.filter((passage) => passage.place).map((passage) => [passage.law, passage.place!]));
  const provinceOfPlace = new Map([...new Set(placeByLaw.values())].map((place) => [place, parsePlace(place)?.province]));
  const placeSpellings = [...provinceOfPlace.keys()].flatMap((place) => placeNames(place).map((name) => ({ name, place })));
  /** Places a text names: any province or city (districts with their city), and rule places the table does not know. */
  const placesNamed = (text: string): NamedPlaces => {
    const named = placesNamedIn(text);
    for (const { name, place } of placeSpellings) if (text.includes(name)) named.places.add(place);
    return named;
  };
  const passageByKey = new Map<string, number[]>();
  passages.forEach((passage, position) => {
    const key = articleKey(passage);
    passageByKey.set(key, [...(passageByKey.get(key) ?? []), position]);
  });

  function keywordRanking(query: string, depth: number, context = '', focus?: string): { articles: SearchHit[]; cards: SearchHit[]; terms: Map<string, number> } {
    const prepared = prepareQuery(query, tokenizer, options.lexicon, weights, focus);
    const raw = index.score(prepared.terms);
    // One score per article: its best piece.
    const best = new Map<string, { position: number; score: number }>();
    raw.forEach((score, position) => {
      if (score <= 0) return;
      const key = articleKey(passages[position]);
      const current = best.get(key);
      if (!current || score > current.score) best.set(key, { position, score });
    });
    const top = Math.max(0, ...[...best.values()].map((entry) => entry.score));
    const articleScores = new Map<string, { position: number; score: number }>();
    const priorByLaw = new Map<string, number>();
    // The question's own place wins; else the first line of the context that names one (callers put
    // the latest first).
    let named: NamedPlaces = { places: new Set(), city: false };
    if (placeSpellings.length > 0) {
      named = placesNamed(prepared.normalized);
      if (named.places.size === 0 && context) {
        for (const line of normalizeText(context).split('\n')) {
          named = placesNamed(line);
          if (named.places.size > 0) break;
        }
      }
    }
    const priorOf = (law: string): number => {
      let prior = priorByLaw.get(law);
      if (prior === undefined) {
        // A local rule of another place than the one the worker names rarely applies to them.
        prior = (weights.priors ? lawPrior(law, prepared.normalized) : 1) * placePrior(placeByLaw.get(law), named, provinceOfPlace.get(placeByLaw.get(law) ?? ''));
        priorByLaw.set(law, prior);
      }
      return prior;
    };
    for (const [key, entry] of best) {
      const prior = priorOf(passages[entry.position].law);
      articleScores.set(key, { position: entry.position, score: (prior * entry.score) / (top || 1) + centralityOf(key) });
    }
    // Only a question with no Chinese is an English one (as for the reply language and the statutes):
    // a Chinese question that mentions an app or a KPI costs no second card search.
    const cardRaw = !hasChinese(prepared.normalized)
      ? maxScores(cardIndex.score(prepared.terms), englishCardIndex.score(new Map(englishStems([...prepared.terms.keys()]).map((stem) => [stem, 1]))))
      : cardIndex.score(prepared.terms);
    const rankedCards = [...cardRaw]
      .map((score, position) => ({ position, score }))
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score);
    const cardHits: SearchHit[] = rankedCards.map((entry) => ({ passage: cardPassages[entry.position], score: Math.min(1, entry.score / weights.cardFullScore) }));
    for (const entry of rankedCards.slice(0, weights.cardsConsidered)) {
      const strength = Math.min(1, entry.score / weights.cardFullScore) * weights.cardBoost;
      options.cards[entry.position].relies.forEach((citation, order) => {
        const key = `${citation.law}#${citation.article}`;
        const positions = passageByKey.get(key);
        if (!positions) return;
        const current = articleScores.get(key) ?? { position: positions[0], score: 0 };
        articleScores.set(key, { position: current.position, score: current.score + strength * weights.relyDecay ** order });
      });
    }
    if (bankIndex && weights.bankWeight > 0) {
      for (const [key, vote] of bankVotes(bankIndex.score(prepared.terms))) {
        const positions = passageByKey.get(key);
        if (!positions) continue;
        const current = articleScores.get(key) ?? { position: positions[0], score: 0 };
        articleScores.set(key, { position: current.position, score: current.score + weights.bankWeight * vote });
      }
    }
    // Sort only what can reach the requested depth: most of ~2 500 matched articles never will.
    const entries = [...articleScores.values()];
    let floor = -Infinity;
    if (entries.length > depth * 2) {
      const sorted = Float64Array.from(entries, (entry) => entry.score).sort();
      floor = sorted[sorted.length - depth];
    }
    const articleHits = entries
      .filter((entry) => entry.score >= floor)
      .map((entry) => ({ passage: passages[entry.position], score: entry.score }))
      .sort((a, b) => b.score - a.score);
    return { articles: articleHits, cards: cardHits, terms: prepared.terms };
  }

  /**
   * Fuse the classifier's ranking into the keyword one (reciprocal rank fusion over the first
   * `classifierDepth` of each). The fused hits take over the keyword scores of the places they
   * move to, so scores keep their meaning for confidence and stay comparable with card scores.
   * With no keyword match at all there is nothing to fuse: the classifier alone always answers.
   */
  function fuseWithClassifier(classifier: ClassifierScorer, terms: Map<string, number>, keyword: SearchHit[]): SearchHit[] {
    const depth = weights.classifierDepth;
    if (depth <= 0 || keyword.length === 0) return keyword;
    const head = keyword.slice(0, depth);
    const hitByKey = new Map(head.map((hit) => [articleKey(hit.passage), hit]));
    const keywordKeys = [...hitByKey.keys()];
    const { keys, confidence } = classifier.rank(terms, depth);
    const predicted = keys.filter((key) => passageByKey.has(key));
    if (predicted.length === 0) return keyword;
    // Articles the model never saw (a law imported after it was trained) would lose to every
    // article it does know. It has no opinion on them: they take their keyword place in its list.
    keywordKeys.forEach((key, position) => {
      if (!classifier.knows(key)) predicted.splice(Math.min(position, predicted.length), 0, key);
    });
    // An unsure model (its best article below CLASSIFIER_SURE) counts for less, so a question
    // whose words only one article has is not outvoted by a guess.
    const fused = reciprocalRankFusion([keywordKeys, predicted], 60, [1, Math.min(1, confidence / CLASSIFIER_SURE)]);
    const last = head[head.length - 1].score;
    const reordered = fused.map(({ id }, position) => ({
      passage: hitByKey.get(id)?.passage ?? passages[passageByKey.get(id)![0]],
      score: position < head.length ? head[position].score : last * 0.99 ** (position - head.length + 1),
    }));
    // A clear keyword winner (well ahead of the next) stays first: its words are in that article alone.
    const pinned = head.length > 1 && head[0].score >= weights.keywordLead * head[1].score ? head[0] : undefined;
    if (pinned && reordered[0].passage !== pinned.passage) {
      const at = reordered.findIndex((hit) => hit.passage === pinned.passage);
      const [moved] = reordered.splice(at, 1);
      reordered.unshift(moved);
      reordered.forEach((hit, position) => (hit.score = position < head.length ? head[position].score : hit.score));
    }
    const placed = new Set(fused.map(({ id }) => id));
    return [...reordered, ...keyword.slice(depth).filter((hit) => !placed.has(articleKey(hit.passage)))];
  }

  const routePositions = ROUTE_ARTICLES.map(({ law, article }) => passageByKey.get(`${law}#${article}`)?.[0]).filter((position): position is number => position !== undefined);
  /** A question asking what to do about a dispute gets the article saying where disputes go by the `routeSlot`-th place. */
  function withRoute(hits: SearchHit[], question: string): SearchHit[] {
    if (routePositions.length === 0 || hits.length < weights.routeSlot || !REDRESS_QUESTION.test(question)) return hits;
    const route = passages[routePositions[0]];
    const at = hits.findIndex((hit) => articleKey(hit.passage) === articleKey(route));
    if (at >= 0 && at < weights.routeSlot) return hits;
    const rest = at >= 0 ? [...hits.slice(0, at), ...hits.slice(at + 1)] : hits;
    const slot = weights.routeSlot - 1;
    const moved = [...rest.slice(0, slot), { passage: at >= 0 ? hits[at].passage : route, score: 0 }, ...rest.slice(slot)];
    // Each hit takes the score of the place it is in, so scores still fall with rank.
    const scores = [...hits.map((hit) => hit.score), hits.at(-1)!.score * 0.99];
    return moved.map((hit, position) => ({ passage: hit.passage, score: scores[position] }));
  }

  /** Votes (0..1) of the bank questions most like the query for the articles they are labelled with. */
  function bankVotes(scores: Float64Array): Map<string, number> {
    const votes = new Map<string, number>();
    const ranked = topPositions(scores, weights.bankTop);
    const best = ranked.length > 0 ? scores[ranked[0]] : 0;
    if (best <= 0) return votes;
    for (const position of ranked) {
      const strength = (scores[position] / best) ** weights.bankPower;
      bank[position].articles.forEach((citation, order) => {
        const key = `${citation.law}#${citation.article}`;
        votes.set(key, (votes.get(key) ?? 0) + strength * weights.bankDecay ** order);
      });
    }
    const most = Math.max(...votes.values());
    for (const [key, vote] of votes) votes.set(key, vote / most);
    return votes;
  }

  async function fuseWithVectors(query: string, keyword: SearchHit[], top: number): Promise<SearchHit[]> {
    if (!options.vectors) return keyword;
    const depth = Math.max(top, 50);
    let vectorIds: string[];
    try {
      vectorIds = await options.vectors.rank(query, depth);
    } catch (error) {
      // The vector side is an improvement, not a dependency: keyword results still answer.
      options.onVectorError?.(error);
      return keyword;
    }
    // Vector ids are passage ids; fold pieces into their article like the keyword side does.
    const vectorArticles = [...new Set(vectorIds.map((id) => passageById.get(id)).filter((p): p is Passage => !!p).map(articleKey))];
    const keywordArticles = keyword.slice(0, depth).map((hit) => articleKey(hit.passage));
    const hitByKey = new Map(keyword.map((hit) => [articleKey(hit.passage), hit]));
    const fused = reciprocalRankFusion([keywordArticles, vectorArticles]);
    const best = fused[0]?.score ?? 1;
    // Scale to 0..1 so fused articles stay comparable with card scores.
    return fused.map(({ id, score }) => ({ passage: hitByKey.get(id)?.passage ?? passages[passageByKey.get(id)?.[0] ?? 0], score: score / best }));
  }

  // The card search and the article search of one question run side by side: one model call serves both.
  const rewrite = options.rewrite ? sharedRewrite(options.rewrite) : undefined;
  return {
    tokenizer,
    predictArticles(query, top) {
      if (!options.classifier) return [];
      const prepared = prepareQuery(query, tokenizer, options.lexicon, weights);
      return options.classifier.rank(prepared.terms, top).keys.flatMap((key) => {
        const at = key.lastIndexOf('#');
        const article = Number(key.slice(at + 1));
        return at > 0 && Number.isInteger(article) ? [{ law: key.slice(0, at), article }] : [];
      });
    },
    cardPassage: (cardId) => cardPassages.find((passage) => passage.id === cardId || passage.id === `card:${cardId}`),
    async search(query, searchOptions = {}) {
      const top = searchOptions.top ?? 10;
      const kinds = searchOptions.kinds ?? ['article', 'card'];
      const text = rewrite ? await rewrite(query) : query;
      const classifier = options.classifier && weights.classifierDepth > 0 ? options.classifier : undefined;
      const ranking = keywordRanking(text, Math.max(top, options.vectors ? 50 : top, classifier ? weights.classifierDepth : 0), searchOptions.context, searchOptions.focus ?? questionSentence(query));
      const keyword = classifier ? fuseWithClassifier(classifier, ranking.terms, ranking.articles) : ranking.articles;
      const fused = kinds.includes('article') ? await fuseWithVectors(text, keyword, top) : [];
      const reranked = options.rerank && fused.length > 1 ? await rerankTop(options.rerank, query, fused, weights.rerankDepth) : fused;
      const articles = weights.routeSlot > 0 ? withRoute(reranked, normalizeText(query)) : reranked;
      const cards = kinds.includes('card') ? ranking.cards : [];
      if (kinds.length === 1) return (kinds[0] === 'card' ? cards : articles).slice(0, top);
      return [...articles, ...cards].sort((a, b) => b.score - a.score).slice(0, top);
    },
  };
}

/**
 * Let the reranker reorder the first `depth` hits. The reordered hits take over the scores of the
 * places they move to, so scores still fall with rank and stay comparable with card scores.
 */
async function rerankTop(rerank: NonNullable<RetrieverOptions['rerank']>, query: string, hits: SearchHit[], depth: number): Promise<SearchHit[]> {
  const head = hits.slice(0, depth);
  const byId = new Map(head.map((hit) => [hit.passage.id, hit]));
  let order: string[];
  try {
    order = await rerank(query, head.map((hit) => hit.passage));
  } catch {
    return hits;
  }
  const reordered = applyModelOrder([...byId.keys()], order).map((id, position) => ({ passage: byId.get(id)!.passage, score: head[position].score }));
  return [...reordered, ...hits.slice(depth)];
}

/** Merge a model's order into candidate ids: known ids first in its order, then the rest as they were (invented ids and repeats dropped). */
export function applyModelOrder(candidates: string[], modelOrder: string[]): string[] {
  const known = new Set(candidates);
  const ranked = [...new Set(modelOrder.map((id) => id.trim()))].filter((id) => known.has(id));
  const placed = new Set(ranked);
  return [...ranked, ...candidates.filter((id) => !placed.has(id))];
}

/** Rewrites in flight by query, so the searches of one question share one model call (not a cache). */
const REWRITES_IN_FLIGHT = 64;
function sharedRewrite(rewrite: (query: string) => Promise<string>): (query: string) => Promise<string> {
  const inFlight = new Map<string, Promise<string>>();
  return (query) => {
    let pending = inFlight.get(query);
    if (!pending) {
      pending = rewriteSafely(rewrite, query);
      const settled = pending;
      inFlight.set(query, settled);
      void settled.finally(() => {
        if (inFlight.get(query) === settled) inFlight.delete(query);
      });
      if (inFlight.size > REWRITES_IN_FLIGHT) inFlight.delete(inFlight.keys().next().value as string);
    }
    return pending;
  };
}

/** A failing or empty rewrite must not lose the worker's question: fall back to it as written. */
async function rewriteSafely(rewrite: (query: string) => Promise<string>, query: string): Promise<string> {
  try {
    const rewritten = (await rewrite(query)).trim();
    return rewritten === '' ? query : `${query}\n${rewritten}`;
  } catch {
    return query;
  }
}
