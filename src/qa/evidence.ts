/** Gather what the answer may rest on: guide cards and statute articles found for a question. */
import { hasChinese } from '../core/i18n.js';
import type { Logger } from '../core/logger.js';
import type { Citation } from '../core/types.js';
import { withUnit } from '../knowledge/citation-units.js';
import type { GuideCard, Retriever, SearchHit, SearchOptions } from '../retrieval/types.js';
import { stripInjection } from '../safety/injection.js';
import { isCardPassage } from './citations.js';
import { isPlatformInjury, isPlatformWorker } from './topics.js';

/** Cards and articles found for one question, best first, with instructions hidden in them removed. */
export interface Evidence {
  cardHits: SearchHit[];
  articleHits: SearchHit[];
  /** The guide card the answer is built around, if any fits. */
  bestCard?: GuideCard;
  /** Whether the card was chosen by its colloquial keywords appearing in the question. */
  keywordMatch: boolean;
  /** With no statutes imported: the articles the classifier predicts (cited from our answer lines, never quoted). */
  predicted?: Citation[];
}

/** Cards shown as evidence, and cards considered for the answer. */
const CARD_TOP = 3;
const CARD_CANDIDATES = 5;
const ARTICLE_TOP = 6;

/** Search cards and articles separately (cards would drown among articles) and pick the best card. */
export async function gatherEvidence(
  retriever: Retriever,
  cards: GuideCard[],
  query: string,
  logger?: Pick<Logger, 'warn'>,
  context?: string,
  focus?: string,
): Promise<Evidence> {
  // The statutes are in Chinese: a question with no Chinese in it would only find noise among them
  // (and pull the card choice towards it), so it is answered from the cards and the articles they rely on.
  const [cardHits, articleHits, focusCardHits] = await Promise.all([
    safeSearch(retriever, query, { top: CARD_CANDIDATES, kinds: ['card'], context, focus }, logger),
    hasChinese(query) ? safeSearch(retriever, query, { top: ARTICLE_TOP, kinds: ['article'], context, focus }, logger) : Promise.resolve([]),
    focus ? safeSearch(retriever, focus, { top: 1, kinds: ['card'], context }, logger) : Promise.resolve([]),
  ]);
  const focusCard = focusCardHits[0] ? cards.find((card) => isCardPassage(focusCardHits[0].passage, card)) : undefined;
  const ranked = cardHits.map((hit) => cards.find((card) => isCardPassage(hit.passage, card))).filter((card) => card !== undefined);
  // With no statutes imported, the classifier's articles stand in for search's, for the card too.
  const predicted = articleHits.length === 0 && hasChinese(query) ? safePredict(retriever, query, logger) : undefined;
  const topArticles = articleHits.length > 0 ? articleHits.map((hit) => `${hit.passage.law}#${hit.passage.article}`) : (predicted ?? []).map((c) => `${c.law}#${c.article}`);
  const bestCard = platformCard(cards, query) ?? chooseCard(ranked, topArticles, query, articleHits.length > 0 ? AGREEMENT_WEIGHT : PREDICTED_AGREEMENT_WEIGHT, focusCard) ?? cardByKeywords(cards, query);
  // The chosen card stays among the evidence even when it ranked below the shown few.
  const shown = cardHits.slice(0, CARD_TOP);
  const chosenHit = bestCard ? cardHits.find((hit) => isCardPassage(hit.passage, bestCard)) : undefined;
  if (chosenHit && !shown.includes(chosenHit)) shown.push(chosenHit);
  return { cardHits: shown, articleHits, bestCard, keywordMatch: bestCard !== undefined && keywordCount(bestCard, query) > 0, ...(predicted?.length ? { predicted } : {}) };
}

/**
 * Among the cards search found, the one the answer is built around: search's order, a bonus when
 * the worker used the card's own colloquial words, and a larger one when the card relies on the
 * best article found, so that the card's plain words and the quoted articles say the same thing.
 * Preferring agreement with the best article over the worker's words alone makes the card rely on a
 * gold article more often (docs/decisions/003-card-by-worker-words.md; `npx tsx bench/cards.ts`).
 */
function chooseCard(ranked: GuideCard[], found: string[], query: string, agreementWeight: number, focusCard?: GuideCard): GuideCard | undefined {
  const topArticles = found.slice(0, AGREEING_ARTICLES);
  const platformWorker = isPlatformWorker(query);
  let best: GuideCard | undefined;
  let bestScore = -Infinity;
  ranked.forEach((card, position) => {
    if (ruledOut(card, query)) return;
    const relies = new Set(card.relies.map((citation) => `${citation.law}#${citation.article}`));
    const agreement = topArticles.reduce((sum, key, order) => sum + (relies.has(key) ? 1 / (order + 1) : 0), 0);
    const forPlatform = platformWorker && isPlatformCard(card) ? PLATFORM_BONUS : 0;
    const score = 1 / (position + 1) + (keywordCount(card, query) > 0 ? KEYWORD_BONUS : 0) + agreementWeight * agreement + (card === focusCard ? FOCUS_BONUS : 0) + forPlatform;
    if (score > bestScore) [best, bestScore] = [card, score];
  });
  return best;
}
const KEYWORD_BONUS = 1;
/**
 * Someone who works through a platform gets the cards written for platform workers a little ahead of
 * the general ones (the relation, rules and insurance as they stand for riders and drivers). Default run
 * of `npm run bench -- answers`: platform set gold-in-first-two 0.690 → 0.714, unsure 0.071 → 0.048; no
 * other set moved more than one reply.
 */
const PLATFORM_BONUS = 0.5;

/** A card written for platform workers (content/cards/6-platform.json: ids `platform-…`). */
export function isPlatformCard(card: GuideCard): boolean {
  return card.id.startsWith('platform-');
}
/**
 * In a long post, the card the question sentence alone finds first gets this bonus, so a story's aside
 * does not take the card. `npx tsx bench/answers.ts`: narrative names-what-answers 0.75 → 0.80 with
 * statutes and 0.70 → 0.75 in the default run; public gold-in-first-two 0.494 → 0.480.
 */
const FOCUS_BONUS = 1;

/** The card written for platform workers hurt at work, for a platform worker who asks about an injury. */
function platformCard(cards: GuideCard[], query: string): GuideCard | undefined {
  const card = isPlatformInjury(query) ? cards.find((c) => c.id === PLATFORM_INJURY_CARD) : undefined;
  return card && !ruledOut(card, query) ? card : undefined;
}
/** The card written for platform workers hurt at work (its explanation is the 职业伤害保障 line's own). */
export const PLATFORM_INJURY_CARD = 'platform-injury';
const AGREEMENT_WEIGHT = 2;
/** With no statutes imported the classifier's guesses stand in for search hits; being guesses, they sway the card less. */
const PREDICTED_AGREEMENT_WEIGHT = 0.5;
/** How many of the best articles a card is compared with (the first alone did as well as three). */
const AGREEING_ARTICLES = 1;

/** A retriever failure leaves the answer without sources (low confidence, mediator offered), never an error. */
async function safeSearch(
  retriever: Retriever,
  query: string,
  options: SearchOptions & Required<Pick<SearchOptions, 'kinds'>>,
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

/** A card whose `unless` words the question uses: another card fits (a commute is not a delivery). */
function ruledOut(card: GuideCard, question: string): boolean {
  // the platform-injury card tells how to report in the platform app: not for someone who names no platform work
  if (card.id === PLATFORM_INJURY_CARD && !isPlatformWorker(question)) return true;
  return card.unless?.some((word) => question.includes(word)) ?? false;
}

/** When search found no card: the card with the most of its keywords in the question. */
function cardByKeywords(cards: GuideCard[], question: string): GuideCard | undefined {
  let best: GuideCard | undefined;
  let bestCount = 0;
  for (const card of cards) {
    if (ruledOut(card, question)) continue;
    const count = keywordCount(card, question);
    if (count > bestCount) [best, bestCount] = [card, count];
  }
  return best;
}

/** The classifier's articles for a question, or none when it fails (never an error for the worker). */
function safePredict(retriever: Retriever, query: string, logger?: Pick<Logger, 'warn'>): Citation[] {
  try {
    // documents numbered by items are cited 第（二）项, not 第二条
    return (retriever.predictArticles?.(query, PREDICTED_TOP) ?? []).map((citation) => withUnit<Citation>(citation));
  } catch (error) {
    logger?.warn({ err: error }, 'article prediction failed; answering from the cards');
    return [];
  }
}
const PREDICTED_TOP = 5;
