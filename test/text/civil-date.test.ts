import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, addYears, civilDateOf, daysBetween, instantAt, isIsoDate, isoWeekday, minuteOfDay } from '../../src/text/civil-date.js';

const isoDay = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('civil dates in China time', () => {
  it('takes the calendar day at UTC+8', () => {
    expect(civilDateOf(new Date('2026-05-19T16:00:00Z'))).toBe('2026-05-20');
    expect(civilDateOf(new Date('2026-05-19T15:59:59Z'))).toBe('2026-05-19');
    expect(minuteOfDay(new Date('2026-05-20T01:30:00Z'))).toBe(570);
    expect(instantAt('2026-05-20', 18 * 60).toISOString()).toBe('2026-05-20T10:00:00.000Z');
  });

  it('clamps month ends and leap days', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addMonths('2026-01-15', -2)).toBe('2025-11-15');
  });

  it('counts weekdays from Monday = 1', () => {
    expect(isoWeekday('2026-05-18')).toBe(1);
    expect(isoWeekday('2026-05-24')).toBe(7);
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: -4000, max: 4000 }), (day, n) => {
        const later = addDays(day, n);
        return isIsoDate(later) && daysBetween(day, later) === n;
      }),
    );
  });

  it('rejects impossible dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
  });
});
