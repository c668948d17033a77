/** Periods of time for "which months were not paid": "两个月", "9月到10月", "从3月开始", "半年", "一个半月". */
import { civilDateOf, splitIsoDate, yearMonth } from './civil-date.js';
import { parseChineseNumber } from './chinese-number.js';
import { relativeMonthOffset, yearOfPastMonth, yearOfWord } from './month-words.js';
import { normalizeAnswer } from './normalize.js';

/** A span of months ('YYYY-MM'), a length in months, or both. */
export interface ParsedPeriod {
  from?: string;
  to?: string;
  months?: number;
  /** Still going on now ("从3月开始到现在"). */
  ongoing?: boolean;
  approximate: boolean;
}

const M = '([0-9]{1,2}|[一二三四五六七八九十]{1,3})';
const Q = '([0-9]{1,3}(?:\\.[0-9])?|[一二两三四五六七八九十几]{1,3})';
const RANGE = new RegExp(`(去年|今年|前年)?\\s*${M}\\s*月\\s*份?\\s*(?:到|至|-|~|—|－|一直到)\\s*(去年|今年)?\\s*${M}\\s*月\\s*份?`);
const FROM_MONTH = new RegExp(`(去年|今年|前年)?\\s*${M}\\s*月\\s*份?\\s*(?:开始|起|以来|到现在|到今天|至今|一直)`);
const HALF_YEAR = /半\s*年/;
const N_AND_HALF_MONTHS = new RegExp(`${Q}\\s*个\\s*半\\s*月`);
const HALF_MONTH = /半\s*个\s*月/;
const N_MONTHS = new RegExp(`${Q}\\s*(多)?\\s*个\\s*(多)?\\s*月`);
const N_YEARS = new RegExp(`${Q}\\s*(多)?\\s*年\\s*(多)?`);
const N_WEEKS = new RegExp(`${Q}\\s*(多)?\\s*个?\\s*(周|星期|礼拜)`);
const N_DAYS = new RegExp(`${Q}\\s*(多)?\\s*天`);
const RELATIVE_MONTH = /(上上个?|上个?|前个|这个?|本)\s*月/;
const SINGLE_MONTH = new RegExp(`(去年|今年|前年)?\\s*${M}\\s*月\\s*份?`);
const MONTHS_EN = /(\d{1,2})\s*months?/i;

function quantity(token: string): { value: number | null; approximate: boolean } {
  if (token.includes('几')) return { value: 3, approximate: true };
  return { value: parseChineseNumber(token), approximate: false };
}

function monthNumber(token: string): number | null {
  const n = parseChineseNumber(token);
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 12 ? n : null;
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return ty * 12 + tm - (fy * 12 + fm) + 1;
}

function spans(t: string, year: number, current: number): ParsedPeriod | null | 'invalid' {
  const range = RANGE.exec(t);
  if (range) {
    const fromMonth = monthNumber(range[2]);
    const toMonth = monthNumber(range[4]);
    if (fromMonth === null || toMonth === null) return 'invalid';
    const explicitFrom = range[1] ? yearOfWord(range[1], year) : undefined;
    const explicitTo = range[3] ? yearOfWord(range[3], year) : undefined;
    const wraps = fromMonth > toMonth ? 1 : 0;
    const toYear = explicitTo ?? (explicitFrom !== undefined ? explicitFrom + wraps : toMonth > current ? year - 1 : year);
    const fromYear = explicitFrom ?? toYear - wraps;
    const from = yearMonth(fromYear, fromMonth);
    const to = yearMonth(toYear, toMonth);
    if (from > to) return 'invalid';
    return { from, to, months: monthsBetween(from, to), approximate: false };
  }
  const since = FROM_MONTH.exec(t);
  if (since) {
    const month = monthNumber(since[2]);
    if (month === null) return 'invalid';
    const fromYear = yearOfPastMonth(since[1], month, year, current);
    const from = yearMonth(fromYear, month);
    const to = yearMonth(year, current);
    return { from, to, months: monthsBetween(from, to), ongoing: true, approximate: false };
  }
  return null;
}

function lengths(t: string): ParsedPeriod | null {
  if (HALF_YEAR.test(t)) return { months: 6, approximate: t.includes('多') };
  const nAndHalf = N_AND_HALF_MONTHS.exec(t);
  if (nAndHalf) {
    const q = quantity(nAndHalf[1]);
    if (q.value !== null) return { months: q.value + 0.5, approximate: q.approximate };
  }
  if (HALF_MONTH.test(t)) return { months: 0.5, approximate: false };
  const months = N_MONTHS.exec(t) ?? MONTHS_EN.exec(t);
  if (months) {
    const q = quantity(months[1]);
    if (q.value !== null && q.value > 0 && q.value <= 600) {
      return { months: q.value, approximate: q.approximate || Boolean(months[2] || months[3]) };
    }
  }
  const years = N_YEARS.exec(t);
  if (years) {
    const q = quantity(years[1]);
    if (q.value !== null && q.value > 0 && q.value <= 50) {
      return { months: q.value * 12, approximate: q.approximate || Boolean(years[2] || years[3]) };
    }
  }
  const weeks = N_WEEKS.exec(t);
  if (weeks) {
    const q = quantity(weeks[1]);
    if (q.value !== null && q.value > 0) return { months: Math.round((q.value * 7 * 10) / 30) / 10, approximate: true };
  }
  const days = N_DAYS.exec(t);
  if (days) {
    const q = quantity(days[1]);
    if (q.value !== null && q.value > 0) return { months: Math.round((q.value * 10) / 30) / 10, approximate: true };
  }
  return null;
}

function singleMonths(t: string, year: number, current: number): ParsedPeriod | null | 'invalid' {
  const rel = RELATIVE_MONTH.exec(t);
  if (rel) {
    const ym = yearMonth(year, current + relativeMonthOffset(rel[1]));
    return { from: ym, to: ym, months: 1, approximate: false };
  }
  const single = SINGLE_MONTH.exec(t);
  if (single) {
    const month = monthNumber(single[2]);
    if (month === null) return 'invalid';
    const ym = yearMonth(yearOfPastMonth(single[1], month, year, current), month);
    return { from: ym, to: ym, months: 1, approximate: false };
  }
  return null;
}

/** A period from an answer, relative to `now` in China time; months without a year lie in the past. */
export function parsePeriod(text: string, now: Date): ParsedPeriod | null {
  const t = normalizeAnswer(text);
  if (t.length === 0) return null;
  const { year, month } = splitIsoDate(civilDateOf(now));
  const found = spans(t, year, month) ?? lengths(t) ?? singleMonths(t, year, month);
  return found === 'invalid' ? null : found;
}

function formatYearMonth(ym: string, locale: 'zh-CN' | 'en'): string {
  if (locale === 'en') return ym;
  const [y, m] = ym.split('-').map(Number);
  return `${y}年${m}月`;
}

/** A period as a worker reads it: "2025年9月 至 2025年10月（2个月）" / "2025-09 to 2025-10 (2 months)". */
export function formatPeriod(value: ParsedPeriod, locale: 'zh-CN' | 'en'): string {
  const en = locale === 'en';
  const approx = value.approximate ? (en ? 'about ' : '约') : '';
  const length =
    value.months === undefined ? '' : en ? `${approx}${value.months} month${value.months === 1 ? '' : 's'}` : `${approx}${value.months}个月`;
  if (!value.from || !value.to) return length;
  const end = value.ongoing ? (en ? 'now' : '现在') : formatYearMonth(value.to, locale);
  const start = formatYearMonth(value.from, locale);
  const span = value.from === value.to ? start : `${start}${en ? ' to ' : ' 至 '}${end}`;
  if (!length) return span;
  return en ? `${span} (${length})` : `${span}（${length}）`;
}
