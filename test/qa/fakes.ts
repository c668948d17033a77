/**
 * Small fakes of the retrieval contracts with passages written for these tests. The article texts are
 * our own invented test wording, not statute text; only law names and numbers are real.
 */
import type { z } from 'zod';
import type { ChatMessage, LlmClient } from '../../src/llm/types.js';
import type { GuideCard, Passage, Retriever, SearchHit } from '../../src/retrieval/types.js';

/** Guide cards as the knowledge-base engineer ships them (our own wording). */
export const testCards: GuideCard[] = [
  {
    id: 'wages',
    category: 'wages',
    title: { 'zh-CN': '工资被拖欠怎么办', en: 'Unpaid wages' },
    explanation: { 'zh-CN': '测试卡片：老板或站点拖着不发工资，你可以先书面催要，再找劳动监察或工会。', en: 'Test card: if the boss or station holds back pay, ask in writing, then go to labour inspection or the union.' },
    nextSteps: { 'zh-CN': ['截图保存接单和结算记录', '书面向站点催要', '打 12333 投诉或找工会'], en: ['Screenshot orders and payouts', 'Ask the station in writing', 'Call 12333 or the union'] },
    evidence: { 'zh-CN': ['结算记录', '聊天记录'], en: ['payout records', 'chat logs'] },
    whereToGo: { 'zh-CN': ['工会 12351', '劳动监察 12333'], en: ['Union 12351', 'Labour inspection 12333'] },
    relies: [{ law: '劳动合同法', article: 30 }],
    keywords: ['不发工资', '拖欠', '欠薪', '不给结钱', '结钱'],
  },
  {
    id: 'injury',
    category: 'injury',
    title: { 'zh-CN': '送单路上受伤', en: 'Injured on the job' },
    explanation: { 'zh-CN': '测试卡片：送单或上下班路上受伤，可能算工伤，要在期限内申请认定。', en: 'Test card: an injury while delivering or commuting may count as a work injury; apply in time.' },
    nextSteps: { 'zh-CN': ['先治疗并保留病历', '报警并拿事故证明', '一年内申请工伤认定'], en: ['Get treatment and keep records', 'Report to police for an accident record', 'Apply within one year'] },
    evidence: { 'zh-CN': ['病历', '事故认定书'], en: ['medical records', 'accident report'] },
    whereToGo: { 'zh-CN': ['工会 12351', '人社 12333'], en: ['Union 12351', 'HR and social security 12333'] },
    relies: [{ law: '工伤保险条例', article: 14 }, { law: '工伤保险条例', article: 17 }],
    keywords: ['摔伤', '被撞', '受伤', '工伤', '车祸'],
  },
  {
    id: 'deductions',
    category: 'deductions',
    title: { 'zh-CN': '被罚款扣钱', en: 'Fines and deductions' },
    explanation: { 'zh-CN': '测试卡片：罚款和扣钱要有依据，规则要公示，可以申诉。', en: 'Test card: fines need a published rule; you can appeal.' },
    nextSteps: { 'zh-CN': ['截图罚款记录', '在平台申诉'], en: ['Screenshot the fine', 'Appeal on the platform'] },
    evidence: { 'zh-CN': ['罚款截图'], en: ['screenshots of fines'] },
    whereToGo: { 'zh-CN': ['工会 12351'], en: ['Union 12351'] },
    relies: [{ law: '劳动合同法', article: 4 }],
    keywords: ['罚款', '罚了', '扣钱', '扣款', '封号'],
  },
];

/** Invented article passages (test wording only). */
export const testArticles: Passage[] = [
  { id: '劳动合同法#30', kind: 'article', law: '劳动合同法', article: 30, text: '第三十条 测试条文：单位应当按时足额发放工资，拖欠工资的，劳动者可以申请支付令。' },
  { id: '劳动合同法#4', kind: 'article', law: '劳动合同法', article: 4, text: '第四条 测试条文：单位制定罚款扣钱等规章制度，应当与职工协商并公示。' },
  { id: '工伤保险条例#14', kind: 'article', law: '工伤保险条例', article: 14, text: '第十四条 测试条文：上下班途中或送单工作中因事故受伤的，应当认定为工伤。' },
  { id: '工伤保险条例#17', kind: 'article', law: '工伤保险条例', article: 17, text: '第十七条 测试条文：受伤职工或者工会可以在一年内提出工伤认定申请。' },
];

/** Card passages as a retriever indexes them. */
export function cardPassages(cards: GuideCard[] = testCards): Passage[] {
  return cards.map((card) => ({
    id: `card:${card.id}`,
    kind: 'card',
    law: 'guide',
    title: card.title['zh-CN'],
    text: `${card.explanation['zh-CN']} ${card.keywords.join(' ')}`,
  }));
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
  return out;
}

/** A retriever that ranks by shared character bigrams: crude, deterministic, good enough to test the answer logic. */
export function fakeRetriever(passages: Passage[] = [...cardPassages(), ...testArticles]): Retriever & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    async search(query, options = {}) {
      queries.push(query);
      const wanted = bigrams(query);
      const hits: SearchHit[] = passages
        .filter((p) => !options.kinds || options.kinds.includes(p.kind))
        .map((passage) => {
          const have = bigrams(`${passage.title ?? ''}${passage.text}`);
          return { passage, score: [...wanted].filter((b) => have.has(b)).length };
        })
        .filter((hit) => hit.score > 0)
        .sort((a, b) => b.score - a.score);
      return hits.slice(0, options.top ?? 10);
    },
  };
}

/** A model that answers with whatever `respond` gives (an Error is thrown), recording the messages it saw. */
export function fakeLlm(respond: (messages: ChatMessage[]) => unknown): LlmClient & { calls: ChatMessage[][] } {
  const calls: ChatMessage[][] = [];
  return {
    model: 'fake',
    calls,
    async completeJson<T>(messages: ChatMessage[], schema: z.ZodType<T>): Promise<T> {
      calls.push(messages);
      const value = respond(messages);
      if (value instanceof Error) throw value;
      return schema.parse(value);
    },
  };
}
