import { describe, expect, it } from 'vitest';
import { caseCreatedReplies, intakeStateSchema } from '../../src/intake/index.js';
import type { CaseRecord } from '../../src/cases/model.js';
import { converse, evidenceRef, finalResult, fixedClock, intakeContext, lastText } from './helpers.js';

describe('a full wage intake', () => {
  const results = converse('站长两个月没给我结工资了，我们站十几个人都没发', [
    '对',
    '美团众包',
    '深圳南山 科技园站',
    '三千五',
    '还在干',
    { text: '有聊天截图', evidence: [evidenceRef(1), evidenceRef(2)] },
    '是的',
    '138 1234 5678',
    '王师傅',
    '确认提交',
  ]);
  const [start] = results;
  const done = finalResult(results);

  it('classifies the first message and asks the worker to confirm the category', () => {
    expect(start.state?.phase).toBe('confirm_category');
    expect(start.state?.suggested).toBe('wages');
    expect(lastText(start)).toContain('工资拖欠');
    expect(start.replies[0].choices?.map((c) => c.id)).toEqual(['yes', 'no']);
    expect(start.replies[0].meta.intent).toBe('intake');
  });

  it('does not ask again what the first message said (period, head count)', () => {
    const asked = results.slice(0, -1).map((r) => r.state?.slot);
    expect(asked).not.toContain('period');
    expect(asked).not.toContain('workersAffected');
    expect(asked).toEqual(
      expect.arrayContaining(['employer', 'workplace', 'amountOwed', 'stillWorking', 'evidence']),
    );
    expect(asked).not.toContain('leftDate');
  });

  it('asks for consent, explaining why, before asking for the phone number', () => {
    const consentTurn = results.find((r) => r.state?.phase === 'consent')!;
    expect(lastText(consentTurn)).toContain('为了让调解员能打电话联系您');
    expect(lastText(consentTurn)).toContain('匿名登记');
    const phoneTurnIndex = results.findIndex((r) => r.state?.phase === 'contact_phone');
    expect(results.indexOf(consentTurn)).toBeLessThan(phoneTurnIndex);
  });

  it('shows a summary with every answer before submitting', () => {
    const summary = results[results.length - 2];
    expect(summary.state?.phase).toBe('summary');
    const text = lastText(summary);
    for (const expected of ['工资拖欠', '美团众包', '广东省深圳市南山区', '3500元', '2个月', '10人以上', '已发文件：2个', '13812345678', '王师傅']) {
      expect(text).toContain(expected);
    }
    expect(summary.replies[0].choices?.map((c) => c.id)).toEqual(['confirm', 'edit', 'cancel']);
    expect(summary.replies[0].meta.intent).toBe('intake_summary');
  });

  it('ends with exactly one draft carrying normalised facts, tier, due time and evidence', () => {
    expect(done.state).toBeNull();
    expect(results.filter((r) => r.draft !== undefined)).toHaveLength(1);
    const draft = done.draft!;
    expect(draft).toMatchObject({
      userKey: 'web:u1',
      channel: 'web',
      conversationKey: 'web:c1',
      category: 'wages',
      anonymous: false,
      contact: { phone: '13812345678', name: '王师傅' },
      tier: 'same_day',
      dueAt: '2026-05-20T10:00:00.000Z',
      locale: 'zh-CN',
      origin: 'intake',
    });
    expect(draft.facts).toMatchObject({
      employer: { name: '美团众包', platforms: ['美团'] },
      workplace: { province: '广东省', city: '深圳市', district: '南山区' },
      amountOwed: { amount: 3500, approximate: false },
      period: { months: 2 },
      workersAffected: { count: 10, atLeast: true },
      stillWorking: true,
      evidence: { has: true, kinds: ['chat'] },
      description: '站长两个月没给我结工资了，我们站十几个人都没发',
    });
    expect(draft.evidence.map((e) => e.sha256)).toEqual([evidenceRef(1).sha256, evidenceRef(2).sha256]);
    expect(draft.warnings).toHaveLength(1);
    expect(draft.warnings[0]).toContain('在职期间');
    expect(draft.summary).toContain('3500元');
    expect(draft.summary).not.toContain('13812345678');
  });

  it('produces the case-created message with number, tier, due time in words, next steps and warnings', () => {
    const draft = done.draft!;
    const record: CaseRecord = {
      ...draft,
      id: 'GY-2026-000123',
      status: 'open',
      createdAt: '2026-05-20T02:00:00.000Z',
      updatedAt: '2026-05-20T02:00:00.000Z',
    };
    const replies = caseCreatedReplies(record, 'zh-CN', fixedClock());
    expect(replies[0].text).toContain('GY-2026-000123');
    expect(replies[0].text).toContain('急事当天协调');
    expect(replies[0].text).toContain('今天18:00前');
    expect(replies[0].text).toContain('尾号5678');
    expect(replies[0].meta).toEqual({ intent: 'case_created', caseId: 'GY-2026-000123' });
    expect(replies[1].text).toContain('期限提醒');
    expect(replies[1].text).toContain(draft.warnings[0]);
  });
});

describe('a wage intake in English by a worker who has left', () => {
  it('asks for the leaving date and warns about the arbitration deadline', () => {
    const ctx = intakeContext('en');
    const results = converse(
      '老板跑了，欠我工资',
      ['1', 'skip', '北京朝阳', '3.5k', '9月到10月', '就我一个', 'no', '上个月15号', 'none', '2', 'yes'],
      ctx,
    );
    const slots = results.map((r) => r.state?.slot);
    expect(slots).toContain('leftDate');
    const done = finalResult(results);
    expect(done.draft?.anonymous).toBe(true);
    expect(done.draft?.contact).toBeUndefined();
    expect(done.draft?.tier).toBe('three_days');
    expect(done.draft?.facts).toMatchObject({
      workplace: { province: '北京市', district: '朝阳区' },
      amountOwed: { amount: 3500 },
      period: { from: '2025-09', to: '2025-10', months: 2 },
      workersAffected: { count: 1, atLeast: false },
      stillWorking: false,
      leftDate: { date: '2026-04-15', approximate: false },
      evidence: { has: false, kinds: [] },
    });
    expect(done.draft?.facts.employer).toBeUndefined();
    expect(done.draft?.warnings[0]).toContain('2027-04-15');
    expect(done.draft?.summary).toContain('Unpaid wages');
    for (const r of results.slice(0, -1)) expect(intakeStateSchema.safeParse(r.state).success).toBe(true);
  });
});
