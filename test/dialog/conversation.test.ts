/** Conversations through the real bot (issue 15), written as send → expect reply. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MediatorEvent } from '../../src/core/mediator.js';
import { expectNoCaseNoCitation, startDialog, type DialogDriver } from '../fakes/dialog-driver.js';
import { NOT_LABOUR } from './questions.js';

let d: DialogDriver;
let n = 0;
const worker = () => d.worker(`w${++n}`);
beforeAll(async () => {
  d = await startDialog();
});
afterAll(async () => {
  await d.close();
});

describe('scope', () => {
  it('declines non-labour legal questions briefly, says where to go, with no card, citation or case', async () => {
    let declined = 0;
    for (const q of NOT_LABOUR) {
      const t = await worker().send(q);
      if (t.intents[0] === 'out_of_scope') declined += 1;
      expect(t.text.length, q).toBeLessThanOrEqual(160);
      expect(t.text, q).toMatch(/12348|12315|110|法院|律师/);
      expectNoCaseNoCitation(t);
    }
    expect(declined / NOT_LABOUR.length).toBeGreaterThanOrEqual(0.9);
  });
  it('answers a labour question in odd phrasing', async () => {
    const t = await worker().send('送外卖被交警罚了，平台还扣我钱');
    expect(t.intents[0]).not.toBe('out_of_scope');
  });
});

describe('crisis precision', () => {
  it('a past assault asked about is answered, with a safety line and no crisis case', async () => {
    const t = await worker().send('跑单的时候被顾客打了，这个算工伤不');
    expect(t.intents[0]).toBe('legal_qa');
    expect(t.text).toMatch(/安全/);
    expect(t.text).not.toMatch(/如果有人正在打你/);
    expect(t.replies.some((r) => r.meta.handoff?.reason === 'crisis')).toBe(false);
  });
  it('a past fall gets a line about health, not about being hit again', async () => {
    const t = await worker().send('送餐路上摔了一跤手骨折了 算工伤不');
    expect(t.text).toMatch(/先顾好身体/);
    expect(t.text).not.toMatch(/再有人动手/);
  });
  it('an unclear question is asked back with topic buttons first, no sources, and a topic button answers that topic', async () => {
    const w = await worker();
    const t = await w.send('骑手可以带宠物一起送单吗');
    const topics = t.choiceIds.filter((id) => id.startsWith('ask:'));
    expect(topics.length).toBe(2);
    expect(t.choiceIds[0]).toBe(topics[0]);
    expect(t.choiceIds).not.toContain('start_intake');
    expect(t.replies[0].meta.citations).toBeUndefined();
    const answered = await w.press(topics[0]);
    expect(answered.intents[0]).toBe('legal_qa');
    expect(answered.text).toMatch(/依据/);
  });
  it('a person asked for in the middle of an intake about a hospital injury: the case says what happened, is an injury and due the same day', async () => {
    const w = await worker();
    await w.send('送外卖被车撞了骨折住院了 站长不管');
    const t = await w.send('转人工');
    const caseId = t.replies.find((r) => r.meta.handoff)?.meta.handoff?.caseId;
    const record = await d.g.storage.cases.getCase(caseId!);
    expect(record?.category).toBe('injury');
    expect(record?.summary).toContain('骨折');
    expect(record?.tier).toBe('same_day');
  });
  it('danger now still gets the hotlines and a person at once', async () => {
    const t = await worker().send('站长正在打我');
    expect(t.intents[0]).toBe('crisis');
    expect(t.text).toMatch(/110/);
    expect(t.replies[0].meta.handoff?.reason).toBe('crisis');
  });
  it('a definitional question opens no case', async () => {
    const t = await worker().send('一次性伤残津贴和补助金有什么区别');
    expect(t.replies.some((r) => r.meta.handoff)).toBe(false);
  });
});

describe('answer first, then offer to register', () => {
  it.each(['送餐路上摔了一跤手骨折了 算工伤不', '合同到期公司不续签，有没有补偿', '公司一直没给我交社保，我可以怎么维权'])('%s is answered with a register button', async (q) => {
    const t = await worker().send(q);
    expect(t.intents[0]).toBe('legal_qa');
    expect(t.choiceIds).toContain('start_intake');
  });
  it('the other side\'s word on a point of law is answered: "说要我自己证明" hears that the employer must prove it', async () => {
    const t = await worker().send('公司不承认我受伤是工作原因，说要我自己证明');
    expect(t.intents[0]).toBe('legal_qa');
    expect(t.text.split('\n')[0]).toMatch(/由单位.*证明/);
    expect(t.replies[0].meta.citations?.[0]).toMatchObject({ law: '工伤保险条例', article: 19 });
    // a worker who names no platform work is not told to report in a platform app
    expect(t.text).not.toMatch(/平台App/);
    expect(t.choiceIds).toContain('start_intake');
  });
  it.each(['站长说跑单受伤不算工伤', '老板说试用期不用交社保'])('"%s" is answered, with a register button', async (q) => {
    const t = await worker().send(q);
    expect(t.intents[0]).toBe('legal_qa');
    expect(t.choiceIds).toContain('start_intake');
  });
  it.each([
    ['a space ends a clause on a phone', '平台能把我接单记录给我吗 我要打官司用'],
    ['"V不V" asks', '面试问我结没结婚打不打算要娃'],
    ['a modal clause ending in 不 asks', '被封号了 说是系统自动判的 能要个说法不'],
  ])('%s: "%s" is answered, not registered', async (_why, q) => {
    const t = await worker().send(q);
    expect(t.intents[0]).toBe('legal_qa');
  });
  it('a platform asking about its automatic ban hears of the right to an explanation and a person\'s review', async () => {
    const t = await worker().send('被封号了 说是系统自动判的 能要个说法不');
    expect(t.text).toMatch(/说明理由/);
    expect(t.text).toMatch(/人工复核/);
    expect(t.replies[0].meta.citations?.some((c) => c.law === '个人信息保护法' && c.article === 24)).toBe(true);
  });
  it('a plain report of unpaid wages still starts the intake', async () => {
    expect((await worker().send('站长欠我工资两个月了')).intents[0]).toBe('intake');
  });
  it('"我就问问" declines the offer; the button registers it', async () => {
    const w = worker();
    await w.send('合同到期公司不续签，有没有补偿');
    const no = await w.send('我就问问');
    expect(no.text).toMatch(/不登记/);
    expect(await w.intakeState()).toBeUndefined();
    const w2 = worker();
    await w2.send('合同到期公司不续签，有没有补偿');
    const yes = await w2.press('start_intake');
    expect(yes.intents.at(-1)).toMatch(/intake/);
  });
});

describe('small talk and vague openings', () => {
  it.each(['你是机器人吗', '你能干啥', '谢谢', '有真人吗'])('%s gets a short reply', async (q) => {
    const t = await worker().send(q);
    expect(t.text.length).toBeLessThan(160);
    expectNoCaseNoCitation(t);
  });
  it('"有真人吗" offers a person with a button', async () => {
    const w = worker();
    const t = await w.send('有真人吗');
    expect(t.choiceIds).toContain('handoff');
    const h = await w.press('handoff');
    expect(h.replies[0].meta.handoff?.reason).toBe('requested');
  });
  it.each([['我被坑了', 'vague:wages'], ['公司让我走人', 'vague:dismissed']])('%s gets one question with topic buttons', async (q, id) => {
    const t = await worker().send(q);
    expect(t.intents).toEqual(['clarify']);
    expect(t.choiceIds.length).toBeGreaterThanOrEqual(3);
    expect(t.choiceIds.length).toBeLessThanOrEqual(4);
    expect(t.choiceIds).toContain(id);
  });
  it('a topic button gets the answer', async () => {
    const w = worker();
    await w.send('公司让我走人');
    const t = await w.press('vague:contract_end');
    expect(t.intents[0]).toBe('legal_qa');
  });
  it('mid-intake small talk never re-sends the last answer', async () => {
    const w = worker();
    const answer = await w.send('合同到期公司不续签，有没有补偿');
    await w.press('start_intake');
    const t = await w.send('你是机器人吗');
    expect(t.text).not.toContain(answer.text.slice(0, 40));
    expect(t.replies[0].text.length).toBeLessThan(160);
    expect(await w.intakeState()).toBeDefined();
  });
});

async function closeCase(caseId: string): Promise<void> {
  await d.g.storage.cases.updateCase(caseId, { status: 'closed' }, 'staff:m1', 'closed', d.clock.now());
}

describe('progress in own words, and reopening', () => {
  async function registerWages(w: ReturnType<typeof worker>): Promise<string> {
    await w.send('站长两个月没给我结工资了');
    await w.sendAll(['是', '美团 朝阳站', '北京朝阳', '三千五', '就我一个', '还在干', '有聊天记录', '不留']);
    const done = await w.send('确认');
    return /GY-\d{4}-\d{6}/.exec(done.text)![0];
  }
  it('shows the worker’s own case for "我那个案子咋样了 有人管没" and a case number, never another’s', async () => {
    const w = worker();
    const id = await registerWages(w);
    expect((await w.send('我那个案子咋样了 有人管没')).text).toContain(id);
    expect((await w.send(`${id} 怎么样了`)).text).toContain(id);
    const other = await worker().send(`${id} 怎么样了`);
    expect(other.text).toMatch(/没有找到/);
  });
  it('a follow-up about a recently closed case links to it and offers to reopen it', async () => {
    const w = worker();
    const id = await registerWages(w);
    await closeCase(id);
    const t = await w.send('周五了 还是没给钱 咋整');
    expect(t.text).toContain(id);
    expect(t.choiceIds).toContain(`reopen:${id}`);
    const events: MediatorEvent[] = [];
    const stop = d.g.handoff.surfaces!.desk.subscribe((event) => events.push(event));
    const r = await w.press(`reopen:${id}`);
    await vi.waitFor(() => expect(events.some((e) => e.type === 'queued' && e.caseId === id)).toBe(true));
    stop();
    // the mediator who closed it is named, for each surface to tell them personally
    expect(events.find((e) => e.type === 'queued' && e.caseId === id)).toMatchObject({ reason: 'reopened', closedBy: 'staff:m1' });
    expect(r.text).toMatch(/重新打开/);
    expect((await d.g.storage.cases.getCase(id))?.status).not.toBe('closed');
    expect((await d.g.storage.cases.getCase(id))?.owner).toBeUndefined();
    expect((await d.g.storage.cases.history(id)).map((e) => e.action)).toContain('reopened_by_worker');
  });
});

describe('an intake that never stores a wrong fact', () => {
  async function injuryAtReported(w: ReturnType<typeof worker>): Promise<void> {
    await w.send('前天送外卖的时候被一辆电动车撞了');
    await w.sendAll(['对', '饿了么', '杭州西湖区文三路']);
    const t = await w.send('去了，在市一医院住了两天');
    expect(t.text).toMatch(/工伤认定/);
  }
  it('a negated sentence does not store 已经申请工伤认定, and the question in it is answered', async () => {
    const w = worker();
    await injuryAtReported(w);
    const t = await w.send('跟站长说了 他说自己负责 平台不赔。工伤认定要多久');
    expect(t.intents).toContain('legal_qa');
    expect((await w.intakeAnswers())?.reported).not.toBe('applied');
  });
  it('"我没申请工伤认定" does not pick 已经申请', async () => {
    const w = worker();
    await injuryAtReported(w);
    await w.send('我没申请工伤认定');
    expect((await w.intakeAnswers())?.reported).not.toBe('applied');
  });
  it('a question at the evidence step is answered and not stored as evidence', async () => {
    const w = worker();
    await injuryAtReported(w);
    await w.sendAll(['跟站长说了', '不知道']);
    const t = await w.send('工伤认定要多久啊');
    expect(t.intents).toContain('legal_qa');
    expect((await w.intakeAnswers())?.evidence).toBeUndefined();
  });
  it('a correction updates the field it names', async () => {
    const w = worker();
    await w.send('站长两个月没给我结工资了');
    await w.sendAll(['是', '美团 朝阳站', '北京朝阳', '三千']);
    await w.send('金额是四千不是三千');
    expect((await w.intakeAnswers())?.amountOwed).toMatchObject({ amount: 4000 });
    await w.send('不对，我没申请工伤认定');
  });
  it('"不对，我没申请工伤认定" clears the stored fact', async () => {
    const w = worker();
    await injuryAtReported(w);
    await w.send('申请了工伤认定');
    expect((await w.intakeAnswers())?.reported).toBe('applied');
    await w.send('不对，我没申请工伤认定');
    expect((await w.intakeAnswers())?.reported).not.toBe('applied');
  });
  it('keeps "七八个" and "三千多" as approximations and "叫我老张就行" as 老张', async () => {
    const w = worker();
    await w.send('站长两个月没给我结工资了');
    await w.sendAll(['是', '美团 朝阳站', '北京朝阳', '三千多', '七八个吧']);
    const answers = await w.intakeAnswers();
    expect(answers?.amountOwed).toMatchObject({ amount: 3000, approximate: true });
    expect(answers?.workersAffected).toMatchObject({ count: 7, atLeast: true });
    await w.sendAll(['还在干', '有聊天记录', '愿意', '13812345678']);
    await w.send('叫我老张就行');
    const state = await w.intakeState();
    expect(state?.contact).toMatchObject({ name: '老张' });
  });
});

describe('facts already given are not asked again', () => {
  it('more of the story at "对吗" keeps the kind and fills the platform and place it names', async () => {
    const w = worker();
    await w.send('站长欠我工资两个月了');
    const t = await w.send('美团众包 北京朝阳望京站');
    const answers = await w.intakeAnswers();
    expect(answers?.employer).toMatchObject({ name: '美团众包', platforms: ['美团'] });
    expect(answers?.workplace).toMatchObject({ city: '北京市', district: '朝阳区', text: '北京市朝阳区 望京站' });
    expect(answers?.period).toMatchObject({ months: 2 });
    expect(t.text).toMatch(/多少钱/);
    expect(t.text).not.toMatch(/哪个平台|哪个城市|没看懂/);
    // what was taken is said back, so a wrong reading can be corrected
    expect(t.text).toMatch(/记下了：平台或单位 美团众包；城市和站点 北京市朝阳区 望京站/);
  });
  it('"对" after a detailed first message says back what it took from it', async () => {
    const w = worker();
    await w.send('公司欠我3000块工资，我在深圳南山科技园站跑美团，9月到10月的');
    const t = await w.send('对');
    expect(t.text).toMatch(/记下了：.*美团.*科技园站.*3000元/);
    expect(t.text).toMatch(/改一下/);
  });
  it('"就我一个" at "对吗" answers how many are affected', async () => {
    const w = worker();
    await w.send('公司欠我3000块工资，我在深圳南山科技园站跑美团，9月到10月的');
    const t = await w.send('就我一个');
    expect((await w.intakeAnswers())?.workersAffected).toMatchObject({ count: 1 });
    expect(t.text).not.toMatch(/几个人/);
  });
  it('an answer naming the platform and the place fills both', async () => {
    const w = worker();
    await w.send('前天送外卖的时候被一辆电动车撞了');
    await w.send('对');
    const t = await w.send('饿了么 上海浦东');
    const answers = await w.intakeAnswers();
    expect(answers?.injuryPlace).toMatchObject({ city: '上海市' });
    expect(t.text).not.toMatch(/在哪里受的伤/);
  });
  it('a station named like another city ("美团 朝阳站") stores no guessed city: the city is asked', async () => {
    const w = worker();
    await w.sendAll(['站长两个月没给我结工资了', '是']);
    const t = await w.send('美团 朝阳站');
    expect((await w.intakeAnswers())?.workplace).toBeUndefined();
    expect(t.text).toMatch(/城市/);
  });
  it('a question at "对吗" is answered, not taken for a yes', async () => {
    const w = worker();
    await w.send('站长欠我工资两个月了');
    const t = await w.send('欠工资一般多久能要回来？');
    expect(t.intents).toContain('legal_qa');
    expect(await w.intakeState()).toMatchObject({ phase: 'confirm_category' });
  });
  it('three unclear replies at "对吗" keep the suggested kind instead of filing it as other', async () => {
    const w = worker();
    await w.send('站长欠我工资两个月了');
    await w.sendAll(['。。。', '…', '……']);
    expect(await w.intakeState()).toMatchObject({ category: 'wages' });
  });
});

describe('property: a question is never stored as an answer', () => {
  const QUESTIONS = ['工伤认定要多久啊', '这个算工伤吗', '能赔多少钱？', '仲裁要钱吗', '要找谁'];
  const ANSWERS = ['饿了么', '杭州西湖区文三路', '去了', '跟站长说了', '没有', '有病历'];
  const OTHER = ['你是机器人吗', '谢谢', '不对，我没申请工伤认定'];
  it('holds for random interleavings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(fc.oneof(fc.constantFrom(...QUESTIONS), fc.constantFrom(...ANSWERS), fc.constantFrom(...OTHER)), { minLength: 2, maxLength: 7 }), async (confirmFirst, messages) => {
        const w = worker();
        // from the "对吗" step itself, or from the first question after it
        await w.sendAll(confirmFirst ? ['前天送外卖的时候被一辆电动车撞了', '对'] : ['前天送外卖的时候被一辆电动车撞了']);
        for (const m of messages) await w.send(m);
        const state = await w.intakeState();
        const texts = Object.values((state?.answerTexts ?? {}) as Record<string, string>);
        for (const q of QUESTIONS) {
          expect(texts).not.toContain(q);
          expect(String(state?.description ?? '')).not.toContain(q);
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

describe('citations as the worker sees them', () => {
  it('a document numbered by items is cited 第（…）项, never 第…条, whoever chose the article', async () => {
    const questions = ['平台说我是个体户不赔', '站点让我注册个体工商户才给派单，这合法吗', '平台抽成太高了 能管吗', '跑单的能交社保吗', '平台派单算法不公平怎么办'];
    let cited = 0;
    for (const q of questions) {
      const t = await worker().send(q);
      expect(t.text, q).not.toMatch(/指导意见》第[一二三四五六七八九十]+条/);
      if (/指导意见》第（[一二三四五六七八九十]+）项/.test(t.text)) cited += 1;
    }
    expect(cited).toBeGreaterThanOrEqual(1);
  });
});

describe('platform riders hurt at work', () => {
  it('a rider without a contract hears of 职业伤害保障 first; one under contract hears 工伤 first and 职业伤害保障 named beside it', async () => {
    const free = await worker().send('美团众包跑单摔断手了 平台说我不是他们员工 医药费谁出');
    const freeLines = free.text.split('\n').filter((l) => l.trim() && !/先顾好身体/.test(l));
    expect(freeLines[0]).toMatch(/职业伤害保障/);
    const bound = await worker().send('我是饿了么专送，跟站点签了合同的，送餐被车撞了算工伤吗');
    const boundLines = bound.text.split('\n').filter((l) => l.trim() && !/先顾好身体/.test(l));
    expect(boundLines[0]).toMatch(/签了劳动合同，按工伤处理/);
    expect(bound.text).toMatch(/职业伤害保障/);
    expect(bound.replies[0].meta.citations?.[0]).toMatchObject({ law: '工伤保险条例' });
  });
});

