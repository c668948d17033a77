import { describe, expect, it } from 'vitest';
import { formatPeriod, parsePeriod } from '../../src/text/period.js';

/** 20 March 2026, China time. */
const now = new Date('2026-03-20T10:00:00+08:00');

describe('parsePeriod', () => {
  it.each([
    ['两个月', { months: 2, approximate: false }],
    ['2个月', { months: 2, approximate: false }],
    ['三个多月', { months: 3, approximate: true }],
    ['一个半月', { months: 1.5, approximate: false }],
    ['半个月', { months: 0.5, approximate: false }],
    ['半年', { months: 6, approximate: false }],
    ['一年多', { months: 12, approximate: true }],
    ['45天', { months: 1.5, approximate: true }],
    ['9月到10月', { from: '2025-09', to: '2025-10', months: 2, approximate: false }],
    ['九月份到十月份', { from: '2025-09', to: '2025-10', months: 2, approximate: false }],
    ['1月-2月', { from: '2026-01', to: '2026-02', months: 2, approximate: false }],
    ['11月到2月', { from: '2025-11', to: '2026-02', months: 4, approximate: false }],
    ['去年12月到今年2月', { from: '2025-12', to: '2026-02', months: 3, approximate: false }],
    ['从1月开始', { from: '2026-01', to: '2026-03', months: 3, ongoing: true, approximate: false }],
    ['去年10月以来', { from: '2025-10', to: '2026-03', months: 6, ongoing: true, approximate: false }],
    ['上个月', { from: '2026-02', to: '2026-02', months: 1, approximate: false }],
    ['这个月', { from: '2026-03', to: '2026-03', months: 1, approximate: false }],
    ['十月份的', { from: '2025-10', to: '2025-10', months: 1, approximate: false }],
    ['2 months', { months: 2, approximate: false }],
  ])('%s', (text, expected) => {
    expect(parsePeriod(text, now)).toEqual(expected);
  });

  it.each(['都没发', '', '13月到14月', '不知道'])('rejects %j', (text) => {
    expect(parsePeriod(text, now)).toBeNull();
  });

  it('formats a span and a length', () => {
    expect(formatPeriod({ from: '2025-09', to: '2025-10', months: 2, approximate: false }, 'zh-CN')).toBe('2025年9月 至 2025年10月（2个月）');
    expect(formatPeriod({ months: 1, approximate: true }, 'en')).toBe('about 1 month');
    expect(formatPeriod({ from: '2026-01', to: '2026-03', months: 3, ongoing: true, approximate: false }, 'en')).toBe('2026-01 to now (3 months)');
  });
});
