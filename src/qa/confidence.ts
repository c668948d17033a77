/**
 * Confidence from retrieval alone, scale-free (retrievers score differently): does the worker use the
 * colloquial words of the chosen card, or do our own category words point to the same card; how much
 * of the question the found text covers; how clearly the best hit leads; whether card and statute
 * search point to the same articles; and a cap when nothing in the question is about work at all.
 */
import { classifyScope } from '../safety/scope.js';
import type { SearchHit } from '../retrieval/types.js';
import { citationKey, isCardPassage, passageCitation } from './citations.js';
import type { Evidence } from './evidence.js';
import { categoryFromText } from './topics.js';

/** The measured signals, kept for logs and tests. */
export interface ConfidenceSignals {
  /** The card's own keywords appear in the question. */
  keywordMatch: boolean;
  /** Our category word lists name the same category as the card (an independent second opinion). */
  categoryAgrees: boolean;
  /** Share of the question's content bigrams or words found in the evidence, 0..1. */
  coverage: number;
  /** How far the best hit leads the second, 0..1. */
  margin: number;
  /** Card and article hits agree; undefined when there is nothing to compare (no statutes imported). */
  agreement?: boolean;
  /**
   * Two searches point the same way without the worker's own card words: the card ranks first among the
   * cards and the first article found (each ahead of the next) is one it relies on.
   */
  searchesAgree: boolean;
  /** The question mentions work at all (pay, platform, injury, contract …). */
  aboutWork: boolean;
}

/**
 * How topical an answer is when card search and statute search agree but the worker used none of the
 * card's words ("身分证被站点扣着不还": the ID-card card first, 劳动合同法 第八十四条 first).
 */
const SEARCHES_AGREE = 0.7;
/** Most an answer to a question that mentions nothing about work may score: below the default threshold. */
const NOT_ABOUT_WORK_CAP = 0.35;
/** Question words that say nothing about the topic. */
const FILLER = /怎么办|怎么样|怎么|为什么|什么|能不能|可不可以|是不是|算不算|有没有|合法吗|可以吗|应该|请问|[我你他她的了吗呢吧啊呀嘛么就还都也要会能想在是有谁]/g;
const STOP_WORDS = new Set(['what', 'when', 'where', 'which', 'does', 'can', 'the', 'and', 'for', 'that', 'this', 'with', 'have', 'has', 'not', 'are', 'how', 'should', 'would', 'could', 'who', 'why']);

/** The question's content units: Chinese bigrams and English words (single characters say too little). */
function contentUnits(question: string): string[] {
  const units: string[] = [];
  const stripped = question.toLowerCase().replace(FILLER, ' ');
  for (const run of stripped.match(/[\u4e00-\u9fff]{2,}/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) units.push(run.slice(i, i + 2));
  }
  for (const word of stripped.match(/[a-z]{3,}/g) ?? []) if (!STOP_WORDS.has(word)) units.push(word.replace(/s$/, ''));
  return units;
}

/** Measure the signals for a question against what was found. */
export function measureSignals(question: string, evidence: Evidence): ConfidenceSignals {
  const card = evidence.bestCard;
  const evidenceText = [
    card ? [card.title['zh-CN'], card.title.en, card.explanation['zh-CN'], card.explanation.en, ...card.keywords].join(' ') : '',
    ...evidence.articleHits.slice(0, 3).map((hit) => hit.passage.text),
  ]
    .join(' ')
    .toLowerCase();
  const units = contentUnits(question);
  const coverage = units.length === 0 ? 0 : units.filter((unit) => evidenceText.includes(unit)).length / units.length;
  const ranked = card ? evidence.cardHits : evidence.articleHits;
  const margin = ranked.length === 0 ? 0 : ranked.length === 1 || ranked[0].score <= 0 ? 1 : Math.max(0, Math.min(1, (ranked[0].score - ranked[1].score) / ranked[0].score));
  let agreement: boolean | undefined;
  if (card && card.relies.length > 0 && evidence.articleHits.length > 0) {
    const relied = new Set(card.relies.map(citationKey));
    agreement = evidence.articleHits.slice(0, 3).some((hit) => {
      const citation = passageCitation(hit.passage);
      return citation !== undefined && relied.has(citationKey(citation));
    });
  }
  // The first article statute search found (strictly ahead of the next), or with no statutes imported
  // the classifier's first, stands beside the first card.
  const firstArticle = evidence.articleHits.length > 0 ? (leads(evidence.articleHits) ? passageCitation(evidence.articleHits[0].passage) : undefined) : evidence.predicted?.[0];
  const searchesAgree =
    card !== undefined &&
    firstArticle !== undefined &&
    leads(evidence.cardHits) &&
    isCardPassage(evidence.cardHits[0].passage, card) &&
    card.relies.some((c) => citationKey(c) === citationKey(firstArticle));
  const spoken = categoryFromText(question);
  return {
    keywordMatch: evidence.keywordMatch,
    categoryAgrees: card !== undefined && spoken !== undefined && spoken === card.category,
    coverage,
    margin,
    agreement,
    searchesAgree,
    aboutWork: classifyScope(question) === 'labour',
  };
}

/** The first hit is ahead of the second: a tie says search could not tell. */
function leads(hits: SearchHit[]): boolean {
  return hits.length > 0 && (hits.length === 1 || hits[0].score > hits[1].score);
}

/** Combine the signals into 0..1; nothing found at all is 0. */
export function scoreConfidence(signals: ConfidenceSignals, foundAnything: boolean): number {
  if (!foundAnything) return 0;
  const topical = signals.keywordMatch ? 1 : signals.categoryAgrees ? 0.85 : signals.searchesAgree ? SEARCHES_AGREE : 0;
  const agreement = signals.agreement === undefined ? 0.5 : signals.agreement ? 1 : 0;
  const score = 0.1 + 0.4 * topical + 0.2 * signals.coverage + 0.1 * signals.margin + 0.2 * agreement;
  const capped = signals.aboutWork ? score : Math.min(score, NOT_ABOUT_WORK_CAP);
  return Math.round(Math.min(1, capped) * 100) / 100;
}
