/** Gather what the answer may rest on: guide cards and statute articles found for a question. */
import type { Logger } from '../core/logger.js';
import type { GuideCard, Passage, Retriever, SearchHit } from '../retrieval/types.js';
import { stripInjection } from '../safety/injection.js';
import { isCardPassage } from './citations.js';

/** Cards and articles found for one question, best first, with instructions hidden in them removed. */
export interface Evidence {
  cardHits: SearchHit[];
  articleHits: SearchHit[];
  /** The guide card the answer is built around, if any fits. */
  bestCard?: GuideCard;
  /** Whether the card was chosen by its colloquial keywords appearing in the question. */
  keywordMatch: boolean;
}

const CARD_TOP = 3;
const ARTICLE_TOP = 6;

/** Search cards and articles separately (cards would drown among articles) and pick the best card. */
export async function gatherEvidence(
  retriever: Retriever,
  cards: GuideCard[],
  query: string,
  logger?: Pick<Logger, 'warn'>,
): Promise<Evidence> {
  const [cardHits, articleHits] = await Promise.all([
    safeSearch(retriever, query, { top: CARD_TOP, kinds: ['card'] }, logger),
    safeSearch(retriever, query, { top: ARTICLE_TOP, kinds: ['article'] }, logger),
  ]);
  const ranked = cardHits.map((hit) => cards.find((card) => isCardPassage(hit.passage, card))).filter((card) => card !== undefined);
  // The search ranks; among its cards, the best one whose colloquial keywords the worker used wins.
  const rankedWithKeyword = ranked.find((card) => keywordCount(card, query) > 0);
  const bestCard = rankedWithKeyword ?? ranked[0] ?? cardByKeywords(cards, query);
  return { cardHits, articleHits, bestCard, keywordMatch: bestCard !== undefined && keywordCount(bestCard, query) > 0 };
}

/** A retriever failure leaves the answer without sources (low confidence, mediator offered), never an error. */
async function safeSearch(
  retriever: Retriever,
  query: string,
  options: { top: number; kinds: Array<Passage['kind']> },
  logger?: Pick<Logger, 'warn'>,
): Promise<SearchHit[]> {
  try {
    const hits = await retriever.search(query, options);
    return hits
      .filter((hit) => options.kinds.includes(hit.passage.kind))
      .map((hit) => ({ ...hit, passage: { ...hit.passage, text: stripInjection(hit.passage.text) } }));
  } catch (error) {
    logger?.warn({ err: error }, 'retrieval failed; answering without sources');
    return [];
  }
}

/** How many of a card's colloquial keywords (two characters or more) the question uses. */
function keywordCount(card: GuideCard, question: string): number {
  const lower = question.toLowerCase();
  return card.keywords.filter((word) => word.length >= 2 && lower.includes(word.toLowerCase())).length;
}

/** When search found no card: the card with the most of its keywords in the question. */
function cardByKeywords(cards: GuideCard[], question: string): GuideCard | undefined {
  let best: GuideCard | undefined;
  let bestCount = 0;
  for (const card of cards) {
    const count = keywordCount(card, question);
    if (count > bestCount) [best, bestCount] = [card, count];
  }
  return best;
}
