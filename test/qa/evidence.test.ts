/** Choosing the guide card an answer is built around. */
import { describe, expect, it } from 'vitest';
import { gatherEvidence } from '../../src/qa/evidence.js';
import type { GuideCard, Passage, Retriever, SearchHit } from '../../src/retrieval/types.js';

const text = (zh: string) => ({ 'zh-CN': zh, en: zh });
const list = (zh: string) => ({ 'zh-CN': [zh], en: [zh] });
function card(id: string, relies: Array<[string, number]>, keywords: string[] = []): GuideCard {
  return { id, category: 'other', title: text(id), explanation: text(id), nextSteps: list('-'), evidence: list('-'), whereToGo: list('-'), relies: relies.map(([law, article]) => ({ law, article })), keywords };
}
const cardHit = (c: GuideCard, score: number): SearchHit => ({ passage: { id: `card:${c.id}`, kind: 'card', law: '工友指引', text: c.id }, score });
const articleHit = (law: string, article: number, score: number): SearchHit => ({ passage: { id: `${law}#${article}`, kind: 'article', law, article, text: '…' } as Passage, score });

/** A retriever that returns fixed rankings (the card choice is what is under test). */
function fixed(cards: SearchHit[], articles: SearchHit[]): Retriever {
  return { search: async (_query, options) => (options?.kinds?.[0] === 'card' ? cards : articles).slice(0, options?.top ?? 10) };
}

const overtime = card('overtime', [['劳动法', 44]], ['加班费']);
const resignation = card('resignation', [['劳动合同法', 38], ['劳动合同法', 46]], ['逼我走']);
const wages = card('wages', [['劳动合同法', 30]]);
const deductions = card('deductions', [['工资支付暂行规定', 16]]);
const cards = [overtime, resignation, wages, deductions];

describe('gatherEvidence: the card the answer is built around', () => {
  it('prefers the card that relies on the best articles found over the first card', async () => {
    const retriever = fixed([cardHit(overtime, 0.9), cardHit(wages, 0.8), cardHit(resignation, 0.7)], [articleHit('劳动合同法', 38, 1), articleHit('劳动合同法', 46, 0.9), articleHit('劳动法', 44, 0.5)]);
    const evidence = await gatherEvidence(retriever, cards, '老扣钱又不给加班费 逼我自己走 有补偿没');
    expect(evidence.bestCard?.id).toBe('resignation');
  });

  it('keeps search order when no card relies on the articles found', async () => {
    const retriever = fixed([cardHit(wages, 0.9), cardHit(deductions, 0.8)], [articleHit('民法典', 1165, 1)]);
    expect((await gatherEvidence(retriever, cards, '工资的事')).bestCard?.id).toBe('wages');
  });

  it('lets the worker’s own words pick among cards that agree equally', async () => {
    const retriever = fixed([cardHit(wages, 0.9), cardHit(overtime, 0.8)], [articleHit('劳动法', 36, 1)]);
    expect((await gatherEvidence(retriever, cards, '加班费怎么算')).bestCard?.id).toBe('overtime');
  });

  it('never answers with a card whose unless-words the question uses', async () => {
    const onJob = { ...card('delivery', [['工伤保险条例', 14]], ['被车撞']), unless: ['下班'] };
    const commute = card('commute', [['工伤保险条例', 14]], ['下班路上']);
    const retriever = fixed([cardHit(onJob, 0.9), cardHit(commute, 0.8)], [articleHit('工伤保险条例', 14, 1)]);
    expect((await gatherEvidence(retriever, [onJob, commute], '送外卖被车撞了')).bestCard?.id).toBe('delivery');
    expect((await gatherEvidence(retriever, [onJob, commute], '下班路上被车撞了')).bestCard?.id).toBe('commute');
    // Also when search found no card and the keywords decide.
    expect((await gatherEvidence(fixed([], []), [onJob, commute], '下班被车撞了')).bestCard).toBeUndefined();
  });

  it('answers a question with no Chinese in it from the cards alone (the statutes are in Chinese)', async () => {
    const kinds: string[] = [];
    const retriever: Retriever = {
      search: async (_query, options) => {
        kinds.push(...(options?.kinds ?? []));
        return options?.kinds?.[0] === 'card' ? [cardHit(overtime, 0.9)] : [articleHit('劳动合同法', 20, 1)];
      },
    };
    const english = await gatherEvidence(retriever, cards, 'Do I get overtime pay on public holidays?');
    expect(kinds).toEqual(['card']);
    expect(english).toMatchObject({ articleHits: [], bestCard: { id: 'overtime' } });
    await gatherEvidence(retriever, cards, '节假日加班费怎么算');
    expect(kinds).toEqual(['card', 'card', 'article']);
  });

  it('keeps the chosen card among the evidence even when it ranked below the first three', async () => {
    const retriever = fixed(
      [cardHit(overtime, 0.9), cardHit(wages, 0.8), cardHit(card('x', []), 0.7), cardHit(deductions, 0.6)],
      [articleHit('工资支付暂行规定', 16, 1)],
    );
    const evidence = await gatherEvidence(retriever, [...cards, card('x', [])], '站长罚款从工资里扣');
    expect(evidence.bestCard?.id).toBe('deductions');
    expect(evidence.cardHits.map((hit) => hit.passage.id)).toEqual(['card:overtime', 'card:wages', 'card:x', 'card:deductions']);
  });
});

describe('composeExtractiveBody: which articles are quoted', () => {
  it('quotes the one sentence of the best found article the card relies on, names a second, and keeps the rest in the citations', async () => {
    const { composeExtractiveBody } = await import('../../src/qa/extractive.js');
    const body = composeExtractiveBody(
      { bestCard: resignation, keywordMatch: false, cardHits: [cardHit(resignation, 1)], articleHits: [articleHit('劳动合同法', 30, 1), articleHit('劳动合同法', 85, 0.9), articleHit('劳动合同法', 38, 0.7)] },
      'zh-CN',
    )!;
    const quoted = [...body.text.matchAll(/依据《劳动合同法》第(.+?)条：/g)].map((match) => match[1]);
    // The best found article the card relies on carries the answer, so card and law agree.
    expect(quoted).toEqual(['三十八']);
    expect(body.text).toContain('另见《劳动合同法》第三十条');
    expect(body.text).not.toContain('第八十五条');
    expect(body.citations.map((c) => c.article)).toEqual([38, 30, 85, 46]);
  });

  it('leaves out a weak runner-up the card does not rely on', async () => {
    const { composeExtractiveBody } = await import('../../src/qa/extractive.js');
    const body = composeExtractiveBody({ bestCard: wages, keywordMatch: false, cardHits: [], articleHits: [articleHit('劳动合同法', 30, 1), articleHit('民法典', 1165, 0.3)] }, 'zh-CN')!;
    expect(body.citations).toEqual([{ law: '劳动合同法', article: 30 }]);
  });

  it('in a long post, the card its question sentence finds first beats a story aside', async () => {
    const focus = '公司拖着加班的钱不给，我能要回来吗？';
    // the whole post is mostly about leaving; its question is about overtime pay
    const byQuery = (query: string): SearchHit[] => (query === focus ? [cardHit(overtime, 1)] : [cardHit(resignation, 0.9), cardHit(overtime, 0.85)]);
    const retriever: Retriever = { search: async (query, options) => (options?.kinds?.[0] === 'card' ? byQuery(query) : []).slice(0, options?.top ?? 10) };
    const post = `我在厂里干了三年，最近想走，老板说辞职要扣一个月工资，同事也都在走。${focus}`;
    expect((await gatherEvidence(retriever, cards, post, undefined, undefined, focus)).bestCard?.id).toBe('overtime');
    expect((await gatherEvidence(retriever, cards, post)).bestCard?.id).toBe('resignation');
  });
});
