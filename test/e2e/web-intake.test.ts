/**
 * End to end through the web API with the real bot, intake, embedded store
 * and knowledge base: a wage intake, an injury intake, a restart in the
 * middle, a duplicate delivery, bad requests, evidence, and privacy of cases.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { groupUnanswered } from '../../src/admin/unanswered.js';
import { UnansweredLog, unansweredFile } from '../../src/storage/unanswered-file.js';
import { startHarness, texts, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const CASE_ID = /GY-2026-\d{6}/;

async function wageIntakeUntilConsent(user: string): Promise<void> {
  const first = await h.say(user, '站长两个月没给我结工资了');
  expect(first.at(-1)!.choices?.map((c) => c.id)).toContain('yes');
  expect(texts(first)).toMatch(/工资/);
  await h.say(user, '', { choiceId: 'yes' }).catch(async () => h.say(user, '是'));
  expect(texts(await h.say(user, '美团 朝阳站'))).toMatch(/城市/);
  expect(texts(await h.say(user, '北京朝阳'))).toMatch(/多少钱/);
  expect(texts(await h.say(user, '三千五'))).toMatch(/几个人/);
  await h.say(user, '就我一个');
  await h.say(user, '还在干');
  expect(texts(await h.say(user, '有聊天记录和转账截图'))).toMatch(/手机号/);
}

describe('wage intake through the web API', () => {
  it('ends with a case number, tier, due time and the arbitration warning', async () => {
    await wageIntakeUntilConsent('rider-1');
    const summary = await h.say('rider-1', '不留');
    expect(texts(summary)).toMatch(/3500元/);
    expect(texts(summary)).toMatch(/北京市朝阳区/);
    const done = await h.say('rider-1', '确认');
    const all = texts(done);
    const caseId = CASE_ID.exec(all)?.[0];
    expect(caseId).toBeDefined();
    expect(done[0].meta.caseId).toBe(caseId);
    expect(all).toMatch(/三个工作日|当天|当场/);
    expect(all).toMatch(/第二十七条/);

    const stored = await h.g.storage.cases.getCase(caseId!);
    expect(stored).toMatchObject({ category: 'wages', anonymous: true, userKey: 'web:rider-1' });
    expect(stored!.facts.amountOwed).toMatchObject({ amount: 3500 });
    expect((await h.g.storage.cases.history(caseId!)).map((e) => e.action)).toContain('created');

    const progress = await h.say('rider-1', '查进度');
    expect(texts(progress)).toContain(caseId!);
    const mine = await h.say('rider-1', `进度 ${caseId}`);
    expect(texts(mine)).toContain(caseId!);
  });

  it('never shows one worker’s case to another', async () => {
    await wageIntakeUntilConsent('rider-a');
    await h.say('rider-a', '不留');
    const caseId = CASE_ID.exec(texts(await h.say('rider-a', '确认')))![0];
    const other = await h.say('rider-b', `进度 ${caseId}`);
    expect(texts(other)).toMatch(/没有找到/);
    expect(other[0].meta.caseId).toBeUndefined();
    expect(texts(await h.say('rider-b', '查进度'))).not.toContain(caseId);
  });
});

describe('injury intake', () => {
  it('asks consent before the phone number and keeps it on the case', async () => {
    const u = 'driver-1';
    expect(texts(await h.say(u, '前天送外卖的时候被一辆电动车撞了'))).toMatch(/受伤|事故/);
    await h.say(u, '对');
    await h.say(u, '饿了么');
    await h.say(u, '杭州西湖区文三路');
    await h.say(u, '去了，在市一医院住了两天');
    await h.say(u, '跟站长说了');
    await h.say(u, '不知道');
    const consent = await h.say(u, '有病历和发票');
    expect(texts(consent)).toMatch(/手机号/);
    expect(texts(consent)).toMatch(/匿名/);
    await h.say(u, '愿意');
    await h.say(u, '13812345678');
    const summary = await h.say(u, '跳过');
    expect(texts(summary)).toMatch(/2026年11月18日/);
    const done = await h.say(u, '确认');
    const caseId = CASE_ID.exec(texts(done))![0];
    const stored = await h.g.storage.cases.getCase(caseId);
    expect(stored).toMatchObject({ category: 'injury', anonymous: false, contact: { phone: '13812345678' } });
    // hospital treatment makes it urgent: same-day tier, queued for a mediator
    expect(stored!.tier).toBe('same_day');
    expect(done.some((r) => r.meta.handoff?.caseId === caseId)).toBe(true);
    // work-injury windows computed from the date given (2026-11-18)
    expect(texts(done)).toMatch(/第十七条/);
    expect(texts(done)).toMatch(/2027/);
  });
});

describe('resilience', () => {
  it('resumes at the same question after a restart', async () => {
    await h.say('r1', '站长两个月没给我结工资了');
    await h.say('r1', '是');
    await h.say('r1', '美团 朝阳站');
    const before = await h.say('r1', '北京朝阳');
    expect(texts(before)).toMatch(/多少钱/);
    await h.restart();
    const after = await h.say('r1', '三千五');
    expect(texts(after)).toMatch(/几个人/);
  });

  it('answers a redelivered message once', async () => {
    const first = await h.say('d1', '站长两个月没给我结工资了', { messageId: 'msg-1' });
    const again = await h.say('d1', '站长两个月没给我结工资了', { messageId: 'msg-1' });
    expect(again.map((r) => r.id)).toEqual(first.map((r) => r.id));
    const res = await h.request('/api/web/messages?userId=d1');
    const { messages } = (await res.json()) as { messages: unknown[] };
    expect(messages).toHaveLength(first.length);
    // the intake moved one step only
    expect(texts(await h.say('d1', '是'))).toMatch(/平台或公司/);
  });

  it('refuses bad requests and stores nothing', async () => {
    const bad = [
      await h.raw('{"userId": "b1", "text": '),
      await h.raw(JSON.stringify({ userId: 'b1' })),
      await h.raw(JSON.stringify({ text: 'hi' })),
      await h.raw(JSON.stringify({ userId: 'b1', text: '欠'.repeat(2001) })),
    ];
    for (const res of bad) {
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.message.length).toBeGreaterThan(0);
    }
    const res = await h.request('/api/web/messages?userId=b1');
    expect(((await res.json()) as { messages: unknown[] }).messages).toEqual([]);
    expect(await h.g.storage.messages.transcript('web:b1')).toEqual([]);
  });
});

describe('evidence and commands', () => {
  it('stores an uploaded photo with its hash and time on the case', async () => {
    await h.say('e1', '站长两个月没给我结工资了');
    const form = new FormData();
    form.set('userId', 'e1');
    form.set('file', new Blob([Buffer.from('fake-png-bytes')], { type: 'image/png' }), 'pay.png');
    const up = await h.request('/api/web/uploads', { method: 'POST', body: form });
    expect(up.status).toBe(200);
    await h.say('e1', '是');
    await h.say('e1', '美团');
    await h.say('e1', '北京朝阳');
    await h.say('e1', '3.5k');
    await h.say('e1', '就我一个');
    await h.say('e1', '不干了');
    expect(texts(await h.say('e1', '上个月15号'))).toMatch(/证据/);
    await h.say('e1', '有截图');
    await h.say('e1', '不留');
    const done = await h.say('e1', '确认');
    const caseId = CASE_ID.exec(texts(done))![0];
    // left on 2026-10-15: the one-year arbitration window runs from then
    expect(texts(done)).toMatch(/2027年10月15日|2027-10-15/);
    const evidence = await h.g.storage.cases.listEvidence(caseId);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ name: 'pay.png', mimeType: 'image/png', size: 14 });
    expect(evidence[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await h.g.storage.blobs.get(evidence[0].sha256)).toEqual(Buffer.from('fake-png-bytes'));
  });

  it('lets the worker change an answer and cancel', async () => {
    await h.say('c1', '站长两个月没给我结工资了');
    await h.say('c1', '是');
    await h.say('c1', '美团');
    await h.say('c1', '北京朝阳');
    await h.say('c1', '三千五');
    expect(texts(await h.say('c1', '改一下金额'))).toMatch(/多少钱/);
    await h.say('c1', '四千');
    const cancelled = await h.say('c1', '算了');
    expect(texts(cancelled)).toMatch(/取消|不登记/);
    expect(await h.g.storage.cases.listCasesByUser(['web:c1'])).toEqual([]);
  });

  it('answers a question asked in the middle of an intake, then resumes', async () => {
    await h.say('q1', '站长两个月没给我结工资了');
    await h.say('q1', '是');
    const mid = await h.say('q1', '拖欠工资可以去哪里投诉吗？');
    expect(mid.some((r) => r.meta.intent === 'legal_qa')).toBe(true);
    expect(texts(mid)).toMatch(/平台或公司/);
    expect(texts(await h.say('q1', '美团'))).toMatch(/城市/);
  });

  it('notes a question it was unsure of for the admin, with the phone number masked, and not a confident one', async () => {
    await h.say('u1', '公司不签劳动合同怎么办');
    const unsure = await h.say('u1', '骑手可以带宠物一起送单吗？我电话13812345678');
    // Written beside the answer, not before it: the worker does not wait for the note.
    const log = new UnansweredLog(unansweredFile(h.dir));
    await vi.waitFor(async () => expect((await log.entries()).length).toBeGreaterThan(0), { timeout: 5000, interval: 20 });
    const groups = groupUnanswered(await log.entries());
    expect(groups.map((group) => group.question)).toEqual(['骑手可以带宠物一起送单吗？我电话[手机号已隐藏]']);
    expect(groups[0].confidence).toBe(unsure[0].meta.confidence);
  });

  it('answers a complaint asked as a question, then registers it with the category kept', async () => {
    const answer = await h.say('g1', '公司不签劳动合同怎么办');
    expect(answer[0].meta.intent).toBe('legal_qa');
    expect(answer[0].meta.citations?.length).toBeGreaterThan(0);
    expect(answer[0].text).toMatch(/不是律师意见/);
    expect(answer[0].choices?.map((c) => c.id)).toContain('start_intake');
    // typing the button's words works like pressing it
    const intake = await h.say('g1', '登记诉求');
    expect(texts(intake)).toMatch(/辞退、合同、谁是老板/);
    expect(texts(intake)).toMatch(/平台或公司/);
  });

  it('switches to English per user', async () => {
    const en = await h.say('l1', '/lang en');
    expect(texts(en)).toMatch(/English/);
    // the reply tells the chat page the language, so its chrome switches with the bot
    expect(en[0].meta).toMatchObject({ intent: 'lang', locale: 'en' });
    expect(texts(await h.say('l1', 'help'))).toMatch(/How to use me/);
    expect(texts(await h.say('l2', '帮助'))).toMatch(/可以这样用/);
  });

  it('answers in the language the worker writes in until they choose one', async () => {
    const leave = await h.say('w-en', 'How many days of annual leave do I get?');
    expect(texts(leave)).toMatch(/you get annual leave: 5 days/);
    expect(texts(leave)).toMatch(/This is legal information/);
    // A short reply keeps English; Chinese words switch back.
    expect(texts(await h.say('w-en', 'help'))).toMatch(/How to use me/);
    expect(texts(await h.say('w-en', '帮助'))).toMatch(/可以这样用/);
    // A language chosen by command stays, whatever the worker writes.
    await h.say('w-zh', '/lang zh');
    expect(texts(await h.say('w-zh', 'How many days of annual leave do I get?'))).toMatch(/不太有把握|没找到|年休假|哪方面/);
  });

  it('hands over to a person after the worker rejects answers twice', async () => {
    await h.say('rj', '站长扣我身份证合法吗');
    expect((await h.say('rj', '没用'))[0].meta.handoff).toBeUndefined();
    const second = await h.say('rj', '还是没用');
    expect(second[0].meta.handoff?.reason).toBe('rejected_answers');
  });

  it('shows a worker what is kept about them, and erases it after a confirmation', async () => {
    await wageIntakeUntilConsent('pv');
    await h.say('pv', '愿意');
    await h.say('pv', '13912345678');
    await h.say('pv', '跳过');
    const caseId = CASE_ID.exec(texts(await h.say('pv', '确认')))![0];
    const mine = texts(await h.say('pv', '我的数据'));
    expect(mine).toContain(caseId);
    expect(mine).toContain('*******5678');
    expect(mine).not.toContain('13912345678');
    // Deletion asks first, then erases and says what was kept (the anonymised case record).
    const asked = await h.say('pv', '删除我的数据');
    expect(asked[0].meta.intent).toBe('privacy_delete_confirm');
    const deleted = await h.say('pv', '确认删除');
    expect(deleted[0].meta.intent).toBe('privacy_delete');
    expect(texts(deleted)).toContain(caseId);
    expect(texts(await h.say('pv', '我的数据'))).not.toContain('5678');
  });

  it('fills the queued case when a worker asked for a person in the middle of an intake', async () => {
    await h.say('mid', '站长两个月没给我结工资了');
    await h.say('mid', '是');
    const handoff = await h.say('mid', '转人工');
    const queuedId = handoff[0].meta.handoff!.caseId;
    // the intake goes on where it was
    expect(texts(await h.say('mid', '美团 朝阳站'))).toMatch(/城市/);
    await h.say('mid', '北京朝阳');
    await h.say('mid', '三千五');
    await h.say('mid', '就我一个');
    await h.say('mid', '还在干');
    await h.say('mid', '有聊天记录');
    await h.say('mid', '愿意');
    await h.say('mid', '13712345678');
    await h.say('mid', '跳过');
    const done = await h.say('mid', '确认');
    expect(texts(done)).toContain(queuedId);
    const cases = await h.g.storage.cases.listCasesByUser(['web:mid']);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ id: queuedId, category: 'wages', anonymous: false, contact: { phone: '13712345678' } });
    expect(cases[0].facts.amountOwed).toMatchObject({ amount: 3500 });
  });

  it('a person asked for after legal questions gets them as the case summary, and their category', async () => {
    await h.say('lq', '公司拖欠工资三个月了能去仲裁吗');
    const r = await h.say('lq', '转人工');
    const c = await h.g.storage.cases.getCase(r[0].meta.handoff!.caseId);
    expect(c).toMatchObject({ summary: '问过的法律问题：「公司拖欠工资三个月了能去仲裁吗」', category: 'wages' });
  });

  it('a worker’s death puts a person on the case the same day, and a hospital injury too', async () => {
    for (const [user, text] of [
      ['dead', '我老公送外卖时猝死了，平台不管'],
      ['hurt', '送单被车撞了骨折住院，算工伤吗'],
    ]) {
      const replies = await h.say(user, text);
      const handoff = replies.find((r) => r.meta.handoff)?.meta.handoff;
      expect(handoff, text).toBeDefined();
      expect((await h.g.storage.cases.getCase(handoff!.caseId))?.tier, text).toBe('same_day');
    }
  });

  it('queues a case for a person when asked, before any intake', async () => {
    const r = await h.say('p1', '转人工');
    expect(r[0].meta.handoff?.reason).toBe('requested');
    const c = await h.g.storage.cases.getCase(r[0].meta.handoff!.caseId);
    expect(c?.status).toBe('waiting');
  });
});
