/** The deadline warnings shown to a worker; deadlines-statutes.test.ts checks the periods against the statutes. */
import { describe, expect, it } from 'vitest';
import { deadlineWarnings } from '../../src/cases/deadlines.js';

const now = new Date('2026-05-20T10:00:00+08:00');
const day = (date: string, approximate = false) => ({ date, approximate });

describe('deadlineWarnings', () => {
  it('injury: both windows with their closing dates and days left', () => {
    const [windows, status] = deadlineWarnings('injury', { injuryDate: day('2026-05-18') }, now, 'zh-CN');
    expect(windows).toContain('2026年6月17日');
    expect(windows).toContain('还剩28天');
    expect(windows).toContain('2027年5月18日');
    expect(windows).toContain('还剩363天');
    expect(windows).toContain('工伤保险条例》第十七条');
    expect(windows).not.toContain('【紧急】');
    expect(status).toContain('劳动关系');
  });

  it('injury: urgent when the one-year window has under 30 days left, and says the employer window passed', () => {
    const [windows] = deadlineWarnings('injury', { injuryDate: day('2025-06-01', true), insurance: 'work_injury' }, now, 'en');
    expect(windows.startsWith('[URGENT]')).toBe(true);
    expect(windows).toContain('already passed');
    expect(windows).toContain('12 days left');
    expect(windows).toContain('estimated');
  });

  it('injury: no application window once an application was made', () => {
    const warnings = deadlineWarnings('injury', { injuryDate: day('2026-05-18'), reported: 'applied', insurance: 'work_injury' }, now, 'zh-CN');
    expect(warnings).toEqual([]);
  });

  it('wages while still employed: no one-year cut-off until leaving, and it says so', () => {
    const [warning] = deadlineWarnings('wages', { stillWorking: true }, now, 'zh-CN');
    expect(warning).toContain('在职期间');
    expect(warning).toContain('离职之日起一年内');
  });

  it('wages after leaving: one year from the leaving date, urgent when close', () => {
    const [warning] = deadlineWarnings('wages', { stillWorking: false, leftDate: day('2025-06-10') }, now, 'zh-CN');
    expect(warning).toContain('【紧急】');
    expect(warning).toContain('2026年6月10日');
    expect(warning).toContain('还剩21天');
  });

  it('wages after leaving without a date: estimated from the last unpaid month, possibly already passed', () => {
    const [warning] = deadlineWarnings('wages', { stillWorking: false, period: { from: '2025-03', to: '2025-04', approximate: false } }, now, 'zh-CN');
    expect(warning).toContain('2026年4月30日');
    expect(warning).toContain('可能已');
    expect(warning).toContain('重新计算');
  });

  it('deductions and dismissals count from the date given; other categories have none', () => {
    expect(deadlineWarnings('deductions', { incidentDate: day('2026-05-19') }, now, 'zh-CN')[0]).toContain('还剩364天');
    expect(deadlineWarnings('termination', { endDate: day('2026-05-01') }, now, 'en')[0]).toContain('2027-05-01');
    expect(deadlineWarnings('deductions', {}, now, 'zh-CN')).toEqual([]);
    expect(deadlineWarnings('conditions', { incidentDate: day('2026-05-19') }, now, 'zh-CN')).toEqual([]);
  });

  it('ignores malformed facts instead of throwing', () => {
    expect(deadlineWarnings('termination', { endDate: { date: 'yesterday' } }, now, 'zh-CN')).toEqual([]);
    expect(deadlineWarnings('injury', { injuryDate: 42 }, now, 'zh-CN')).toHaveLength(1);
  });
});
