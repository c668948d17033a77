/**
 * Service tiers and their due times: small matters answered on the spot, urgent ones
 * coordinated the same day, hard ones get feedback within three working days
 * (小事当场回应、急事当天协调、难事三日反馈). Due times count working hours only.
 */
import type { Category, ServiceTier } from '../core/types.js';
import { addDays, CHINA_UTC_OFFSET_MINUTES, civilDateOf, instantAt, isoWeekday, minuteOfDay } from '../text/civil-date.js';

/** Working calendar for due times; defaults: 9:00–18:00, Monday to Friday, no holidays, China time. */
export interface WorkingCalendar {
  /** Hours of the day (may be fractional, 8.5 = 8:30). */
  workingHours?: { start: number; end: number };
  /** Closed days, 'YYYY-MM-DD' (public holidays). */
  holidays?: string[];
  /** Weekend days that are working days (调休 make-up days), 'YYYY-MM-DD'. */
  extraWorkdays?: string[];
  utcOffsetMinutes?: number;
}

/** How many workers unpaid together make a case urgent. */
export const SEVERAL_WORKERS = 3;
/** An on-the-spot promise still leaves a mediator this long (working time) to follow up. */
const ON_THE_SPOT_MINUTES = 60;
const THREE_DAYS = 3;
/** Longest search for an open day, so a calendar of only holidays cannot loop forever. */
const MAX_DAYS_SEARCHED = 800;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/**
 * The tier a case deserves from its category and facts. Same day: violence, injury
 * treated in hospital, several workers unpaid, an account ban cutting off income.
 * On the spot: suggestions. Everything else: three days.
 */
export function assignTier(category: Category, facts: Record<string, unknown>): ServiceTier {
  if (facts.violence === true) return 'same_day';
  if (category === 'suggestion') return 'on_the_spot';
  if (category === 'injury' && facts.hospital === true) return 'same_day';
  const affected = record(facts.workersAffected);
  if (category === 'wages' && typeof affected?.count === 'number' && affected.count >= SEVERAL_WORKERS) return 'same_day';
  if (category === 'deductions' && facts.deductionKind === 'account_suspended') return 'same_day';
  return 'three_days';
}

interface ResolvedCalendar {
  startMinute: number;
  endMinute: number;
  holidays: Set<string>;
  extraWorkdays: Set<string>;
  offset: number;
}

function resolve(calendar: WorkingCalendar = {}): ResolvedCalendar {
  const start = calendar.workingHours?.start ?? 9;
  const end = calendar.workingHours?.end ?? 18;
  if (!(start >= 0 && end <= 24 && start < end)) throw new RangeError(`working hours must satisfy 0 <= start < end <= 24, got ${start}-${end}`);
  return {
    startMinute: Math.round(start * 60),
    endMinute: Math.round(end * 60),
    holidays: new Set(calendar.holidays ?? []),
    extraWorkdays: new Set(calendar.extraWorkdays ?? []),
    offset: calendar.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES,
  };
}

function isWorkingDay(date: string, cal: ResolvedCalendar): boolean {
  if (cal.extraWorkdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  return isoWeekday(date) <= 5;
}

/** The first working day on or after a date. */
function nextWorkingDay(date: string, cal: ResolvedCalendar): string {
  let day = date;
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++, day = addDays(day, 1)) if (isWorkingDay(day, cal)) return day;
  throw new RangeError('the working calendar has no working day in the next 800 days');
}

/** Add working minutes to an instant, skipping nights, weekends and holidays. */
function addWorkingMinutes(from: Date, minutes: number, cal: ResolvedCalendar): Date {
  let day = civilDateOf(from, cal.offset);
  let minute = minuteOfDay(from, cal.offset);
  let remaining = minutes;
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++) {
    if (!isWorkingDay(day, cal) || minute >= cal.endMinute) {
      day = nextWorkingDay(addDays(day, isWorkingDay(day, cal) ? 1 : 0), cal);
      minute = cal.startMinute;
      continue;
    }
    if (minute < cal.startMinute) minute = cal.startMinute;
    const available = cal.endMinute - minute;
    if (remaining <= available) return instantAt(day, minute + remaining, cal.offset);
    remaining -= available;
    minute = cal.endMinute;
  }
  throw new RangeError('the working calendar has no working day in the next 800 days');
}

/**
 * When the tier's promise falls due, counting working time from `from`:
 * on the spot = one working hour; same day = close of the working day the case arrives in
 * (the next working day's close when it arrives after hours); three days = three full
 * working days of working hours.
 */
export function dueAt(tier: ServiceTier, from: Date, calendar?: WorkingCalendar): Date {
  const cal = resolve(calendar);
  if (tier === 'on_the_spot') return addWorkingMinutes(from, ON_THE_SPOT_MINUTES, cal);
  if (tier === 'same_day') {
    const today = civilDateOf(from, cal.offset);
    const openToday = isWorkingDay(today, cal) && minuteOfDay(from, cal.offset) < cal.endMinute;
    const day = openToday ? today : nextWorkingDay(addDays(today, 1), cal);
    return instantAt(day, cal.endMinute, cal.offset);
  }
  return addWorkingMinutes(from, THREE_DAYS * (cal.endMinute - cal.startMinute), cal);
}
