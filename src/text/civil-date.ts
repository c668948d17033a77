/**
 * Calendar arithmetic on plain 'YYYY-MM-DD' strings. Workers speak of days in China
 * Standard Time (UTC+8, no daylight saving) whatever zone the server runs in.
 */

/** Offset of China Standard Time from UTC. */
export const CHINA_UTC_OFFSET_MINUTES = 480;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date split into numbers. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar date an instant falls on at a fixed UTC offset. */
export function civilDateOf(instant: Date, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): string {
  return new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Minutes since local midnight of an instant at a fixed UTC offset. */
export function minuteOfDay(instant: Date, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): number {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes() + shifted.getUTCSeconds() / 60;
}

/** The instant of a local time (minutes after midnight) on a calendar date. */
export function instantAt(isoDate: string, minutes: number, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): Date {
  const { year, month, day } = splitIsoDate(isoDate);
  return new Date(Date.UTC(year, month - 1, day) + (minutes - offsetMinutes) * 60_000);
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY-MM-DD' for a real date, or null for e.g. 2月30日. */
export function makeIsoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Numbers of a 'YYYY-MM-DD' string (assumed valid). */
export function splitIsoDate(isoDate: string): CivilDate {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`not an ISO date: ${isoDate}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** True for a well-formed, real 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && makeIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

/** A date n days later (n may be negative). */
export function addDays(isoDate: string, days: number): string {
  const { year, month, day } = splitIsoDate(isoDate);
  return new Date(Date.UTC(year, month - 1, day) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A date n months later; the day is clamped to the month's length (1月31日 + 1 month = 2月28/29日). */
export function addMonths(isoDate: string, months: number): string {
  const { year, month, day } = splitIsoDate(isoDate);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${y}-${pad2(m)}-${pad2(Math.min(day, daysInMonth(y, m)))}`;
}

/** A date n years later (29 Feb becomes 28 Feb in a common year). */
export function addYears(isoDate: string, years: number): string {
  return addMonths(isoDate, years * 12);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  const pa = splitIsoDate(a);
  const pb = splitIsoDate(b);
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / MS_PER_DAY);
}

/** Day of week, Monday = 1 … Sunday = 7 (how Chinese speakers count 周一…周日). */
export function isoWeekday(isoDate: string): number {
  const { year, month, day } = splitIsoDate(isoDate);
  const sundayZero = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

/** 'YYYY-MM' of a year and month, normalising month overflow (month 0 is December of the year before). */
export function yearMonth(year: number, month: number): string {
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  return `${y}-${pad2(index - y * 12 + 1)}`;
}

/** Last calendar date of a 'YYYY-MM' month. */
export function lastDateOfMonth(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  return `${ym}-${pad2(daysInMonth(y, m))}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
