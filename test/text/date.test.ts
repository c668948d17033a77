import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from '../../src/text/date.js';
import { WEDNESDAY_MORNING } from '../intake/helpers.js';

/** Wednesday 20 May 2026, 10:00 China time. */
const now = WEDNESDAY_MORNING;

describe('parseDate relative to an injected clock (Wednesday 2026-05-20, China time)', () => {
  it.each([
    ['今天', '2026-05-20', false],
    ['刚才', '2026-05-20', false],
    ['昨天', '2026-05-19', false],
    ['昨天晚上', '2026-05-19', false],
    ['昨晚十点多', '2026-05-19', false],
    ['前天', '2026-05-18', false],
    ['大前天', '2026-05-17', false],
    ['三天前', '2026-05-17', false],
    ['几天前', '2026-05-17', true],
    ['半个月前', '2026-05-05', true],
    ['两个月前', '2026-03-20', true],
    ['一个星期前', '2026-05-13', true],
    ['上周三', '2026-05-13', false],
    ['上星期五', '2026-05-15', false],
    ['上礼拜天', '2026-05-17', false],
    ['这周一', '2026-05-18', false],
    ['周三', '2026-05-20', false],
    ['星期六', '2026-05-16', false],
    ['上周', '2026-05-13', true],
    ['上个月15号', '2026-04-15', false],
    ['上月3日', '2026-04-03', false],
    ['这个月5号', '2026-05-05', false],
    ['15号', '2026-05-15', false],
    ['25号', '2026-04-25', false],
    ['3月5日', '2026-03-05', false],
    ['3月5号晚上', '2026-03-05', false],
    ['三月五号', '2026-03-05', false],
    ['12月3日', '2025-12-03', false],
    ['去年3月8号', '2025-03-08', false],
    ['2026-10-01', '2026-10-01', false],
    ['2026/3/5', '2026-03-05', false],
    ['2026年3月5日', '2026-03-05', false],
    ['十月份', '2025-10-01', true],
    ['去年12月', '2025-12-01', true],
    ['5月初', '2026-05-01', true],
    ['上个月底', '2026-04-30', true],
    ['yesterday', '2026-05-19', false],
    ['3 days ago', '2026-05-17', false],
  ])('%s → %s', (text, date, approximate) => {
    expect(parseDate(text, now)).toEqual({ date, approximate });
  });

  it.each(['2月30日', '13月', '32号', '0号', '还没想好', '', '🙂', '不记得了'])('rejects %j', (text) => {
    expect(parseDate(text, now)).toBeNull();
  });

  it('uses China time, not the server zone: 23:30 UTC on the 19th is already the 20th in Beijing', () => {
    const lateUtc = new Date('2026-05-19T23:30:00Z');
    expect(parseDate('今天', lateUtc)).toEqual({ date: '2026-05-20', approximate: false });
    expect(parseDate('昨天', lateUtc)).toEqual({ date: '2026-05-19', approximate: false });
  });

  it('crosses a year boundary for last month in January', () => {
    const january = new Date('2026-01-10T12:00:00+08:00');
    expect(parseDate('上个月15号', january)).toEqual({ date: '2025-12-15', approximate: false });
    expect(parseDate('12月3日', january)).toEqual({ date: '2025-12-03', approximate: false });
  });

  it('formats dates for the summary', () => {
    expect(formatDate({ date: '2026-03-05', approximate: false }, 'zh-CN')).toBe('2026年3月5日');
    expect(formatDate({ date: '2026-03-05', approximate: true }, 'en')).toBe('2026-03-05 (approx.)');
  });
});
