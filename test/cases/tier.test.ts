import { describe, expect, it } from 'vitest';
import { assignTier, dueAt } from '../../src/cases/tier.js';

/** A China-time instant as "YYYY-MM-DD HH:MM" for readable assertions. */
function china(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
const at = (local: string) => new Date(`${local}:00+08:00`);

describe('assignTier', () => {
  it('same day for injury treated in hospital, several unpaid workers, a ban, or violence', () => {
    expect(assignTier('injury', { hospital: true })).toBe('same_day');
    expect(assignTier('wages', { workersAffected: { count: 10, atLeast: true } })).toBe('same_day');
    expect(assignTier('deductions', { deductionKind: 'account_suspended' })).toBe('same_day');
    expect(assignTier('conditions', { violence: true })).toBe('same_day');
  });

  it('on the spot for suggestions', () => {
    expect(assignTier('suggestion', {})).toBe('on_the_spot');
  });

  it('three days for the rest', () => {
    expect(assignTier('injury', { hospital: false })).toBe('three_days');
    expect(assignTier('wages', { workersAffected: { count: 1, atLeast: false } })).toBe('three_days');
    expect(assignTier('deductions', { deductionKind: 'fine' })).toBe('three_days');
    expect(assignTier('termination', {})).toBe('three_days');
    expect(assignTier('other', { workersAffected: 'lots' })).toBe('three_days');
  });
});

describe('dueAt (default calendar 9–18, Monday–Friday, China time)', () => {
  it('on the spot is one working hour, rolling over nights and weekends', () => {
    expect(china(dueAt('on_the_spot', at('2026-05-20 10:00')))).toBe('2026-05-20 11:00');
    expect(china(dueAt('on_the_spot', at('2026-05-22 17:30')))).toBe('2026-05-25 09:30');
    expect(china(dueAt('on_the_spot', at('2026-05-20 06:00')))).toBe('2026-05-20 10:00');
  });

  it('same day is the close of the working day, or of the next one after hours', () => {
    expect(china(dueAt('same_day', at('2026-05-20 10:00')))).toBe('2026-05-20 18:00');
    expect(china(dueAt('same_day', at('2026-05-20 22:00')))).toBe('2026-05-21 18:00');
    expect(china(dueAt('same_day', at('2026-05-23 11:00')))).toBe('2026-05-25 18:00');
  });

  it('three days counts three full working days of hours', () => {
    expect(china(dueAt('three_days', at('2026-05-20 10:00')))).toBe('2026-05-25 10:00');
    expect(china(dueAt('three_days', at('2026-05-23 11:00')))).toBe('2026-05-27 18:00');
  });

  it('skips holidays and honours make-up working days and custom hours', () => {
    expect(china(dueAt('three_days', at('2026-05-22 17:30'), { holidays: ['2026-05-25'] }))).toBe('2026-05-28 17:30');
    expect(china(dueAt('same_day', at('2026-05-23 11:00'), { extraWorkdays: ['2026-05-23'] }))).toBe('2026-05-23 18:00');
    expect(china(dueAt('same_day', at('2026-05-20 10:00'), { workingHours: { start: 8.5, end: 17.5 } }))).toBe('2026-05-20 17:30');
    expect(china(dueAt('on_the_spot', at('2026-09-30 17:30'), { holidays: ['2026-10-01', '2026-10-02'] }))).toBe('2026-10-05 09:30');
  });

  it('does not depend on the server time zone: the same instant gives the same due time', () => {
    const instant = new Date('2026-05-20T02:00:00Z');
    expect(dueAt('same_day', instant).toISOString()).toBe('2026-05-20T10:00:00.000Z');
  });

  it('refuses nonsense working hours and a calendar without working days', () => {
    expect(() => dueAt('same_day', at('2026-05-20 10:00'), { workingHours: { start: 18, end: 9 } })).toThrow(RangeError);
    const everyDay = Array.from({ length: 900 }, (_, i) => new Date(Date.UTC(2026, 4, 20 + i)).toISOString().slice(0, 10));
    expect(() => dueAt('three_days', at('2026-05-20 10:00'), { holidays: everyDay })).toThrow(RangeError);
  });
});
