/** Dates as workers say them, resolved against an injected "now": "前天", "上周三", "上个月15号", "3月5日", "2026-10-01". */
import {
  addDays,
  addMonths,
  civilDateOf,
  daysInMonth,
  isoWeekday,
  lastDateOfMonth,
  makeIsoDate,
  splitIsoDate,
  yearMonth,
} from './civil-date.js';
import { parseChineseNumber } from './chinese-number.js';
import { relativeMonthOffset, yearOfPastMonth, yearOfWord } from './month-words.js';
import { normalizeAnswer } from './normalize.js';

/** A calendar date; `approximate` when the worker gave only a rough time ("半个月前", "上个月"). */
export interface ParsedDate {
  date: string;
  approximate: boolean;
}

const N = '([0-9]{1,2}|[一二两三四五六七八九十]{1,3})';
const FULL_DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const MONTH_DAY = new RegExp(`(今年|去年|前年)?\\s*${N}\\s*月份?\\s*${N}\\s*[日号]`);
const RELATIVE_MONTH_DAY = new RegExp(`(上上个?月|上个?月|前个月|这个?月|本月)\\s*的?\\s*${N}\\s*[日号]`);
const DAY_WORDS: Array<[RegExp, number]> = [
  [/大前天|大前日/, -3],
  [/前天|前日|前儿/, -2],
  [/昨天|昨晚|昨日|昨儿|昨夜|昨早|yesterday/i, -1],
  [/今天|今早|今晚|今日|今儿|刚才|刚刚|today|just now/i, 0],
];
const DAYS_AGO = /([0-9]{1,3}|[一二两三四五六七八九十几]{1,3})\s*(天|日)\s*(以|之)?前/;
const DAYS_AGO_EN = /(\d{1,3})\s*days?\s*ago/i;
const HALF_MONTH_AGO = /半\s*个?\s*月\s*(以|之)?前/;
const MONTHS_AGO = /([0-9]{1,2}|[一二两三四五六七八九十几]{1,3})\s*个\s*(半)?\s*多?\s*月\s*(以|之)?前/;
const WEEKS_AGO = /([0-9]{1,2}|[一二两三四五六七八九十几]{1,3})\s*个?\s*多?\s*(周|星期|礼拜)\s*(以|之)?前/;
const WEEKDAY = /(上上|上个?|这个?|本|下个?)?\s*(周|星期|礼拜)\s*([一二三四五六日天1-7])/;
const LAST_WEEK = /上\s*个?\s*(周|星期|礼拜)/;
const DAY_OF_MONTH = new RegExp(`(?<![0-9月])${N}\\s*[号日]`);
const RELATIVE_MONTH = /(上上个?|上个?|前个|这个?|本)\s*月\s*(初|中|底|末)?/;
const MONTH_ONLY = new RegExp(`(今年|去年|前年)?\\s*${N}\\s*月\\s*份?\\s*(初|中|底|末)?`);
const WEEKDAY_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

function smallNumber(token: string): number | null {
  if (token.includes('几')) return 3;
  return parseChineseNumber(token);
}


function dayInMonthPart(ym: string, part: string | undefined): string {
  if (part === '中') return `${ym}-15`;
  if (part === '底' || part === '末') return lastDateOfMonth(ym);
  return `${ym}-01`;
}

/** The most recent past date with month and day, when the year was not said (incidents lie in the past). */
function monthDayInPast(today: string, month: number, day: number, yearWord?: string): string | null {
  const { year } = splitIsoDate(today);
  if (yearWord) return makeIsoDate(yearOfWord(yearWord, year), month, day);
  const thisYear = makeIsoDate(year, month, day);
  if (thisYear !== null && thisYear <= today) return thisYear;
  return makeIsoDate(year - 1, month, day) ?? thisYear;
}

function weekdayDate(today: string, which: string | undefined, weekday: number): string {
  const monday = addDays(today, 1 - isoWeekday(today));
  if (!which) {
    const back = (isoWeekday(today) - weekday + 7) % 7;
    return addDays(today, -back);
  }
  if (which.startsWith('上上')) return addDays(monday, -14 + weekday - 1);
  if (which.startsWith('上')) return addDays(monday, -7 + weekday - 1);
  if (which.startsWith('下')) return addDays(monday, 7 + weekday - 1);
  return addDays(monday, weekday - 1);
}

/** An expression was recognised but names no real day (2月30日): the answer is invalid, not unknown. */
const INVALID = 'invalid' as const;
type Attempt = ParsedDate | typeof INVALID | null;

function exactPatterns(t: string, today: string): Attempt {
  const full = FULL_DATE.exec(t);
  if (full) {
    const date = makeIsoDate(Number(full[1]), Number(full[2]), Number(full[3]));
    return date ? { date, approximate: false } : INVALID;
  }
  const md = MONTH_DAY.exec(t);
  if (md) {
    const month = smallNumber(md[2]);
    const day = smallNumber(md[3]);
    const date = month !== null && day !== null ? monthDayInPast(today, month, day, md[1]) : null;
    return date ? { date, approximate: false } : INVALID;
  }
  const rmd = RELATIVE_MONTH_DAY.exec(t);
  if (rmd) {
    const day = smallNumber(rmd[2]);
    const { year, month } = splitIsoDate(today);
    const [y, m] = yearMonth(year, month + relativeMonthOffset(rmd[1])).split('-').map(Number);
    const date = day !== null ? makeIsoDate(y, m, day) : null;
    return date ? { date, approximate: false } : INVALID;
  }
  return null;
}

function relativePatterns(t: string, today: string): ParsedDate | null {
  for (const [pattern, offset] of DAY_WORDS) {
    if (pattern.test(t)) return { date: addDays(today, offset), approximate: false };
  }
  const ago = DAYS_AGO.exec(t) ?? DAYS_AGO_EN.exec(t);
  if (ago) {
    const n = smallNumber(ago[1]);
    if (n !== null && n <= 3660) return { date: addDays(today, -n), approximate: ago[1].includes('几') };
  }
  if (HALF_MONTH_AGO.test(t)) return { date: addDays(today, -15), approximate: true };
  const monthsAgo = MONTHS_AGO.exec(t);
  if (monthsAgo) {
    const n = smallNumber(monthsAgo[1]);
    if (n !== null) {
      const back = addMonths(today, -n);
      return { date: monthsAgo[2] ? addDays(back, -15) : back, approximate: true };
    }
  }
  const weeksAgo = WEEKS_AGO.exec(t);
  if (weeksAgo) {
    const n = smallNumber(weeksAgo[1]);
    if (n !== null) return { date: addDays(today, -7 * n), approximate: true };
  }
  const wd = WEEKDAY.exec(t);
  if (wd) {
    const weekday = WEEKDAY_NUMBERS[wd[3]] ?? Number(wd[3]);
    return { date: weekdayDate(today, wd[1], weekday), approximate: false };
  }
  if (LAST_WEEK.test(t)) return { date: addDays(today, -7), approximate: true };
  return null;
}

function monthPatterns(t: string, today: string): Attempt {
  const dom = DAY_OF_MONTH.exec(t);
  if (dom) {
    const day = smallNumber(dom[1]);
    const { year, month } = splitIsoDate(today);
    if (day === null || day > 31 || day < 1) return INVALID;
    const thisMonth = day <= daysInMonth(year, month) ? makeIsoDate(year, month, day) : null;
    if (thisMonth !== null && thisMonth <= today) return { date: thisMonth, approximate: false };
    const [py, pm] = yearMonth(year, month - 1).split('-').map(Number);
    const date = makeIsoDate(py, pm, day);
    return date ? { date, approximate: false } : INVALID;
  }
  const rel = RELATIVE_MONTH.exec(t);
  if (rel) {
    const { year, month } = splitIsoDate(today);
    const ym = yearMonth(year, month + relativeMonthOffset(rel[1]));
    const date = rel[2] ? dayInMonthPart(ym, rel[2]) : addMonths(today, relativeMonthOffset(rel[1]));
    return { date: date > today ? today : date, approximate: true };
  }
  const mo = MONTH_ONLY.exec(t);
  if (mo) {
    const month = smallNumber(mo[2]);
    if (month === null || month < 1 || month > 12) return INVALID;
    const { year, month: current } = splitIsoDate(today);
    const y = yearOfPastMonth(mo[1], month, year, current);
    return { date: dayInMonthPart(yearMonth(y, month), mo[3]), approximate: true };
  }
  return null;
}

/**
 * A date from an answer, relative to `now` in China time. Month and day without a year
 * mean the most recent such day. A date in the future is returned as is; the caller
 * decides whether that makes sense for its question.
 */
export function parseDate(text: string, now: Date): ParsedDate | null {
  const t = normalizeAnswer(text);
  if (t.length === 0) return null;
  const today = civilDateOf(now);
  const found = exactPatterns(t, today) ?? relativePatterns(t, today) ?? monthPatterns(t, today);
  return found === INVALID ? null : found;
}

/** A date as a worker reads it: "2026年3月5日（大约）" / "2026-03-05 (approx.)". */
export function formatDate(value: ParsedDate, locale: 'zh-CN' | 'en'): string {
  const { year, month, day } = splitIsoDate(value.date);
  if (locale === 'en') return `${value.date}${value.approximate ? ' (approx.)' : ''}`;
  return `${year}年${month}月${day}日${value.approximate ? '（大约）' : ''}`;
}
