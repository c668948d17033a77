import { describe, expect, it } from 'vitest';
import { converse, evidenceRef, finalResult, lastText } from './helpers.js';

const FIRST = '前天晚上送餐路上被车撞了，腿骨折了';

describe('a full injury intake', () => {
  it('with consent: collects the phone number and files a same-day case with both application windows', () => {
    const results = converse(FIRST, [
      '是的',
      '饿了么 蜂鸟',
      '北京朝阳 望京',
      '去了，住院三天',
      '跟站长说了',
      '不清楚',
      { text: '', evidence: [evidenceRef(7)] },
      '愿意',
      '15900001111',
      '跳过',
      '1',
    ]);
    const asked = results.map((r) => r.state?.slot).filter(Boolean);
    expect(asked).not.toContain('injuryDate');
    expect(asked).not.toContain('howItHappened');
    const photoTurn = results[7];
    expect(lastText(photoTurn)).toContain('收到1个文件');
    const done = finalResult(results);
    expect(done.state).toBeNull();
    const draft = done.draft!;
    expect(draft.category).toBe('injury');
    expect(draft.anonymous).toBe(false);
    expect(draft.contact).toEqual({ phone: '15900001111' });
    expect(draft.tier).toBe('same_day');
    expect(draft.facts).toMatchObject({
      employer: { platforms: ['饿了么'] },
      injuryDate: { date: '2026-05-18', approximate: false },
      injuryPlace: { province: '北京市', district: '朝阳区' },
      howItHappened: FIRST,
      hospital: true,
      reported: 'told',
      insurance: 'unknown',
      evidence: { has: true, kinds: ['photos'] },
    });
    expect(draft.evidence).toHaveLength(1);
    expect(draft.warnings[0]).toContain('2026年6月17日');
    expect(draft.warnings[0]).toContain('2027年5月18日');
    expect(draft.warnings[1]).toContain('职业伤害保障');
  });

  it('without consent: never asks for a phone number and files anonymously', () => {
    const results = converse(FIRST, ['对', '美团', '跳过', '没去', '还没', '都没有', '没有', '不留', '确认']);
    expect(results.some((r) => r.state?.phase === 'contact_phone')).toBe(false);
    const consentTurn = results.find((r) => r.state?.phase === 'consent')!;
    expect(consentTurn.replies[0].choices?.map((c) => c.id)).toEqual(['yes', 'no']);
    const summary = results[results.length - 2];
    expect(lastText(summary)).toContain('匿名登记');
    const draft = finalResult(results).draft!;
    expect(draft.anonymous).toBe(true);
    expect(draft.contact).toBeUndefined();
    expect(draft.tier).toBe('three_days');
    expect(draft.facts).toMatchObject({ hospital: false, reported: 'none', insurance: 'none', evidence: { has: false } });
    expect(draft.facts.injuryPlace).toBeUndefined();
    expect(draft.facts.skipped).toEqual(['injuryPlace']);
  });

  it('asks the date when the first message has none, and refuses a date in the future', () => {
    const results = converse('骑车摔了一跤受伤了', ['对', '美团', '下周三', '上周三']);
    const [, , employerDone, future, past] = results;
    expect(employerDone.state?.slot).toBe('injuryDate');
    expect(future.state?.slot).toBe('injuryDate');
    expect(lastText(future)).toContain('这个日期还没到');
    expect(past.state?.answers.injuryDate).toEqual({ date: '2026-05-13', approximate: false });
  });

  it('does not keep an ID number sent instead of a phone number', () => {
    const results = converse(FIRST, ['对', '美团', '跳过', '没去', '还没', '都没有', '没有', '好的', '11010519491231002X']);
    const last = finalResult(results);
    expect(last.state?.phase).toBe('contact_phone');
    expect(lastText(last)).toContain('身份证号');
    expect(JSON.stringify(last.state)).not.toContain('11010519491231002X');
  });
});
