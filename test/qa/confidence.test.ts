/** Confidence from retrieval: two searches pointing the same way make an answer topical. */
import { describe, expect, it } from 'vitest';
import { measureSignals, scoreConfidence } from '../../src/qa/confidence.js';
import type { Evidence } from '../../src/qa/evidence.js';
import type { SearchHit } from '../../src/retrieval/types.js';
import { cardPassages, testArticles, testCards } from './fakes.js';

const wages = testCards.find((card) => card.id === 'wages')!;
const cardHit = (id: string, score: number): SearchHit => ({ score, passage: cardPassages().find((p) => p.id === `card:${id}`)! });
const articleHit = (key: string, score: number): SearchHit => ({ score, passage: testArticles.find((p) => p.id === key)! });
// no word of the wages card's keywords: only the searches can say it is about wages
const QUESTION = '老板压着我两个月的钱';

describe('two searches agreeing', () => {
  it('with statutes: the card first and the first article one it relies on, each ahead of the next', () => {
    const evidence: Evidence = { bestCard: wages, keywordMatch: false, cardHits: [cardHit('wages', 3), cardHit('injury', 1)], articleHits: [articleHit('劳动合同法#30', 2), articleHit('劳动合同法#4', 1)] };
    expect(measureSignals(QUESTION, evidence).searchesAgree).toBe(true);
    expect(scoreConfidence(measureSignals(QUESTION, evidence), true)).toBeGreaterThanOrEqual(0.45);
  });

  it('a tie is no agreement: search could not tell the cards or the articles apart', () => {
    const tiedCards: Evidence = { bestCard: wages, keywordMatch: false, cardHits: [cardHit('wages', 1), cardHit('injury', 1)], articleHits: [articleHit('劳动合同法#30', 2), articleHit('劳动合同法#4', 1)] };
    const tiedArticles: Evidence = { bestCard: wages, keywordMatch: false, cardHits: [cardHit('wages', 3), cardHit('injury', 1)], articleHits: [articleHit('劳动合同法#30', 1), articleHit('劳动合同法#4', 1)] };
    expect(measureSignals(QUESTION, tiedCards).searchesAgree).toBe(false);
    expect(measureSignals(QUESTION, tiedArticles).searchesAgree).toBe(false);
  });

  it('the first article not one the card relies on is no agreement', () => {
    const evidence: Evidence = { bestCard: wages, keywordMatch: false, cardHits: [cardHit('wages', 3), cardHit('injury', 1)], articleHits: [articleHit('劳动合同法#4', 2), articleHit('劳动合同法#30', 1)] };
    expect(measureSignals(QUESTION, evidence).searchesAgree).toBe(false);
  });

  it('with no statutes imported, the classifier\'s first article stands in for statute search', () => {
    const agreeing: Evidence = { bestCard: wages, keywordMatch: false, cardHits: [cardHit('wages', 3), cardHit('injury', 1)], articleHits: [], predicted: [{ law: '劳动合同法', article: 30 }] };
    const other: Evidence = { ...agreeing, predicted: [{ law: '工伤保险条例', article: 14 }] };
    expect(measureSignals(QUESTION, agreeing).searchesAgree).toBe(true);
    expect(measureSignals(QUESTION, other).searchesAgree).toBe(false);
  });
});
