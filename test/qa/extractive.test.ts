import { describe, expect, it } from 'vitest';
import { createQaService } from '../../src/qa/service.js';
import { fakeRetriever, testCards } from './fakes.js';

const NOTICE_ZH = '以上是法律信息，不是律师意见。';

function service(retriever = fakeRetriever()) {
  return createQaService({ retriever, cards: testCards });
}

describe('extractive answer (no LLM)', () => {
  it('gives the card explanation, next steps, a brief quote cited as 依据《…》第…条, and the notice last', async () => {
    const answer = await service().answer('站长拖欠工资不给结钱怎么办', { locale: 'zh-CN' });
    expect(answer.intent).toBe('legal_qa');
    expect(answer.answeredBy).toBe('extractive');
    expect(answer.card?.title).toBe('工资被拖欠怎么办');
    expect(answer.text).toContain('书面催要');
    expect(answer.text).toMatch(/1\. 截图保存接单和结算记录/);
    expect(answer.text).toMatch(/依据《劳动合同法》第三十条：“测试条文：单位应当按时足额发放工资/);
    expect(answer.text.trim().split('\n').at(-1)).toBe(NOTICE_ZH);
    expect(answer.citations).toEqual([{ law: '劳动合同法', article: 30 }]);
  });

  it('sets its parts apart with a blank line: the answer, the law, what to do, then the caveats', async () => {
    const answer = await service().answer('站长拖欠工资不给结钱怎么办', { locale: 'zh-CN' });
    const blocks = answer.text.split('\n\n');
    expect(answer.text).not.toMatch(/\n{3,}/);
    expect(blocks[0]).toMatch(/^测试卡片：老板或站点拖着不发工资/);
    expect(blocks[1]).toMatch(/^依据《劳动合同法》第三十条：“/);
    expect(blocks[2]).toMatch(/^可以这样做：1\. /);
    expect(blocks.find((block) => block.includes('依据《劳动合同法》第三十条'))).toBeDefined();
    expect(blocks.at(-1)!.split('\n').at(-1)).toBe(NOTICE_ZH);
  });

  it('is confident on a clear topical question and offers intake for its category', async () => {
    const answer = await service().answer('站长拖欠工资不给结钱怎么办', { locale: 'zh-CN' });
    expect(answer.confidence).toBeGreaterThanOrEqual(0.6);
    expect(answer.offerIntake).toBe('wages');
    expect(answer.choices?.map((c) => c.id)).toEqual(['start_intake']);
    expect(answer.choices?.[0].label).toBe('登记诉求');
    expect(answer.needsHuman).toBe(false);
  });

  it('cites the card when no statutes are imported', async () => {
    const cardsOnly = fakeRetriever((await import('./fakes.js')).cardPassages());
    const answer = await service(cardsOnly).answer('跑外卖摔伤了算工伤吗', { locale: 'zh-CN' });
    expect(answer.text).toContain('依据《工伤保险条例》第十四条');
    expect(answer.text).not.toContain('：“');
    // A delivery rider hears of 职业伤害保障 first, cited from the 2021 guidance, then 工伤.
    expect(answer.text).toContain('职业伤害保障');
    expect(answer.citations.slice(0, 2)).toEqual([
      { law: '关于维护新就业形态劳动者劳动保障权益的指导意见', article: 9, unit: 'item' },
      { law: '工伤保险条例', article: 14 },
    ]);
    expect(answer.citations).toHaveLength(3);
    expect(answer.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('says so plainly and offers a mediator when nothing fits', async () => {
    const answer = await service().answer('qzxv blorf 呜啦', { locale: 'zh-CN' });
    expect(answer.confidence).toBeLessThan(0.45);
    expect(answer.text).toMatch(/没找到可靠的依据/);
    expect(answer.citations).toEqual([]);
    expect(answer.choices).toEqual([
      { id: 'handoff', label: '找调解员' },
      { id: 'rephrase', label: '换个说法' },
    ]);
    expect(answer.offerIntake).toBeUndefined();
  });

  it('flags weak support as unsure and offers a mediator', async () => {
    const answer = await service().answer('骑手可以带宠物一起送单吗', { locale: 'zh-CN' });
    expect(answer.confidence).toBeLessThan(0.45);
    expect(answer.choices?.map((c) => c.id)).toContain('handoff');
    expect(answer.choices?.map((c) => c.id)).toContain('rephrase');
  });

  it('asks back with the likely topics as buttons instead of a card that may not fit', async () => {
    const answer = await service().answer('骑手可以带宠物一起送单吗', { locale: 'zh-CN' });
    expect(answer.text.split('\n\n')[0]).toBe('这个问题我不太有把握，怕说错。你问的是下面哪方面？点一下，或者换个说法再问。');
    expect(answer.choices?.filter((c) => c.id.startsWith('ask:')).map((c) => c.label)).toEqual(['工资被拖欠怎么办', '送单路上受伤']);
    expect(answer.text).not.toMatch(/依据《/);
  });

  it('uses a lower configured threshold', async () => {
    const lenient = createQaService({ retriever: fakeRetriever(), cards: testCards, lowConfidenceThreshold: 0.05 });
    const answer = await lenient.answer('骑手可以带宠物一起送单吗', { locale: 'zh-CN' });
    expect(answer.choices?.map((c) => c.id) ?? []).not.toContain('rephrase');
  });

  it('does not promise labour-relation rights to a rider and hands the status question to a person', async () => {
    const answer = await service().answer('我是众包骑手，平台拖欠工资，我算不算平台的员工', { locale: 'zh-CN' });
    expect(answer.needsHuman).toBe(true);
    expect(answer.handoffReason).toBe('labour_relation');
    expect(answer.text).toMatch(/算不算劳动关系/);
    expect(answer.choices?.map((c) => c.id)).toContain('handoff');
  });

  it('reminds riders that some rights need a labour relation', async () => {
    const answer = await service().answer('外卖站长拖欠工资怎么办', { locale: 'zh-CN' });
    expect(answer.text).toMatch(/不一定是劳动关系/);
    expect(answer.needsHuman).toBe(false);
  });

  it('needs a person when a worker died, not when death benefits are asked about in general', async () => {
    const died = await service().answer('我老公送外卖时猝死了，平台不管', { locale: 'zh-CN' });
    expect(died).toMatchObject({ needsHuman: true, handoffReason: 'death' });
    // Condolence first, then the answer; the closing block says a mediator will call, not to keep hospital receipts.
    expect(died.text.split('\n')[0]).toBe('请节哀。');
    expect(died.text).toMatch(/工会调解员会尽快联系你/);
    expect(died.text).not.toMatch(/受伤去了医院的/);
    expect((await service().answer('工亡补助金有多少', { locale: 'zh-CN' })).needsHuman).toBe(false);
  });

  it('needs a person for an injury treated in hospital', async () => {
    const answer = await service().answer('送单被车撞了骨折住院，算工伤吗', { locale: 'zh-CN' });
    expect(answer.needsHuman).toBe(true);
    expect(answer.handoffReason).toBe('serious_injury');
    expect(answer.offerIntake).toBe('injury');
  });

  it('answers in English with the English card and notice', async () => {
    const answer = await service().answer('站长拖欠工资不给结钱', { locale: 'en' });
    expect(answer.card?.title).toBe('Unpaid wages');
    expect(answer.text).toContain('《劳动合同法》Article 30');
    // Labels end with a space in English (the Chinese colon needs none).
    expect(answer.text).toMatch(/^Keep as evidence: \S/m);
    expect(answer.text.trim().split('\n').at(-1)).toBe('This is legal information, not a lawyer’s opinion.');
    expect(answer.choices?.[0].label).toBe('Register a complaint');
  });

  it('searches a short follow-up together with the previous message', async () => {
    const retriever = fakeRetriever();
    await createQaService({ retriever, cards: testCards }).answer('那我该找谁', { locale: 'zh-CN', history: ['站长拖欠工资'] });
    expect(retriever.queries[0]).toBe('站长拖欠工资 那我该找谁');
  });

  it('falls back to card keywords, never an error, when retrieval fails', async () => {
    const broken = { search: async () => Promise.reject(new Error('index gone')) };
    const qa = createQaService({ retriever: broken, cards: testCards });
    const byKeyword = await qa.answer('公司拖欠工资', { locale: 'zh-CN' });
    expect(byKeyword.card?.title).toBe('工资被拖欠怎么办');
    const nothing = await qa.answer('公司的规定我看不懂', { locale: 'zh-CN' });
    expect(nothing.intent).toBe('legal_qa');
    expect(nothing.choices?.map((c) => c.id)).toContain('handoff');
  });
});
