/**
 * Deadline warnings the facts of a case imply, computed from the dates the worker gave:
 * labour arbitration within one year (劳动争议调解仲裁法 第二十七条; for wages unpaid during
 * employment the year runs from the end of employment) and the work-injury application
 * windows (工伤保险条例 第十七条: the employer within 30 days, the worker, relatives or the
 * union within one year of the accident).
 */
import { tr, type BiText } from '../core/i18n.js';
import type { Category, Locale } from '../core/types.js';
import { addDays, addYears, civilDateOf, daysBetween, isIsoDate, lastDateOfMonth, splitIsoDate } from '../text/civil-date.js';

/** Arbitration limitation period, in years (劳动争议调解仲裁法 第二十七条). */
export const ARBITRATION_YEARS = 1;
/** Days the employer has to apply for work-injury recognition (工伤保险条例 第十七条). */
export const EMPLOYER_INJURY_APPLICATION_DAYS = 30;
/** Years the worker, relatives or union have to apply themselves (工伤保险条例 第十七条). */
export const WORKER_INJURY_APPLICATION_YEARS = 1;
/** Fewer days left than this and the warning is marked urgent. */
export const URGENT_DAYS = 30;
const YEAR_MONTH = /^\d{4}-\d{2}$/;

const ARBITRATION_SOURCE = { 'zh-CN': '《劳动争议调解仲裁法》第二十七条', en: 'Labour Dispute Mediation and Arbitration Law, art. 27' };
const INJURY_SOURCE = { 'zh-CN': '《工伤保险条例》第十七条', en: 'Regulation on Work-Related Injury Insurance, art. 17' };

const T = {
  urgent: { 'zh-CN': '【紧急】', en: '[URGENT] ' },
  approx: { 'zh-CN': '（按您说的大概时间估算）', en: ' (estimated from the rough date you gave)' },
  arbitrationOpen: {
    'zh-CN': '{urgent}申请劳动仲裁要在知道权益受侵害之日起一年内提出。按{basis}（{start}）算，期限到{closes}，还剩{days}天。{approx}（{source}）',
    en: '{urgent}Labour arbitration must be applied for within one year of learning your rights were infringed. Counting from {basis} ({start}), the window closes on {closes}: {days} days left.{approx} ({source})',
  },
  arbitrationPassed: {
    'zh-CN': '按{basis}（{start}）算，申请劳动仲裁的一年期限可能已在{closes}过了。如果您这期间向对方或有关部门要求过，期限可能重新计算，请尽快和调解员确认。{approx}（{source}）',
    en: 'Counting from {basis} ({start}), the one-year window for labour arbitration may have closed on {closes}. If you claimed your rights from the other side or an authority meanwhile, the period may restart: check with a mediator soon.{approx} ({source})',
  },
  wagesStillEmployed: {
    'zh-CN': '在职期间被拖欠工资，申请劳动仲裁不受一年期限限制；但不干了以后，要在离职之日起一年内提出。（{source}）',
    en: 'While you still work there, unpaid wages are not cut off by the one-year limit; once you leave, apply within one year of leaving. ({source})',
  },
  wagesLeftUnknown: {
    'zh-CN': '拖欠工资的劳动仲裁，要在离职之日起一年内提出。请记下您离职的日期。（{source}）',
    en: 'For unpaid wages, labour arbitration must be applied for within one year of leaving the job. Keep a note of the day you left. ({source})',
  },
  injuryWindows: {
    'zh-CN': '{urgent}工伤认定申请：单位应在受伤之日起30天内提出（到{employerCloses}，{employerState}）。单位不申请的，您本人、近亲属或工会可以在受伤之日起一年内直接申请（到{workerCloses}，{workerState}）。{approx}（{source}）',
    en: '{urgent}Work-injury recognition: the employer should apply within 30 days of the injury (by {employerCloses}, {employerState}). If it does not, you, your relatives or the union may apply within one year (by {workerCloses}, {workerState}).{approx} ({source})',
  },
  injuryStatus: {
    'zh-CN': '如果您和平台不是劳动关系，工伤认定可能不适用，可以先在平台App里报案、申请职业伤害保障，越早越好；是不是劳动关系，调解员可以帮您判断。',
    en: 'If you are not in a labour relation with the platform, work-injury recognition may not apply; report the accident in the platform app and claim occupational-injury protection as early as you can. A mediator can help you tell which applies.',
  },
  daysLeft: { 'zh-CN': '还剩{days}天', en: '{days} days left' },
  closesToday: { 'zh-CN': '今天截止', en: 'closes today' },
  passed: { 'zh-CN': '已经过了', en: 'already passed' },
  basisLeft: { 'zh-CN': '离职日期', en: 'the day you left' },
  basisIncident: { 'zh-CN': '发生日期', en: 'the date it happened' },
  basisLastUnpaidMonth: { 'zh-CN': '欠薪最后一个月的月底', en: 'the end of the last unpaid month' },
  basisDismissed: { 'zh-CN': '被辞退日期', en: 'the day you were dismissed' },
} satisfies Record<string, BiText>;

interface DateFact {
  date: string;
  approximate: boolean;
}

function dateFact(value: unknown): DateFact | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  return typeof v.date === 'string' && isIsoDate(v.date) ? { date: v.date, approximate: v.approximate === true } : undefined;
}

/** A date as shown in a warning: "2026年10月1日" / "2026-10-01". */
function showDate(iso: string, locale: Locale): string {
  if (locale === 'en') return iso;
  const { year, month, day } = splitIsoDate(iso);
  return `${year}年${month}月${day}日`;
}

function windowState(today: string, closes: string, locale: Locale): string {
  const days = daysBetween(today, closes);
  if (days < 0) return tr(locale, T.passed);
  if (days === 0) return tr(locale, T.closesToday);
  return tr(locale, T.daysLeft, { days });
}

function arbitrationWarning(start: DateFact, basis: BiText, today: string, locale: Locale): string {
  const closes = addYears(start.date, ARBITRATION_YEARS);
  const days = daysBetween(today, closes);
  const vars = {
    basis: tr(locale, basis),
    start: showDate(start.date, locale),
    closes: showDate(closes, locale),
    approx: start.approximate ? tr(locale, T.approx) : '',
    source: ARBITRATION_SOURCE[locale],
  };
  if (days < 0) return tr(locale, T.arbitrationPassed, vars);
  return tr(locale, T.arbitrationOpen, { ...vars, days, urgent: days < URGENT_DAYS ? tr(locale, T.urgent) : '' });
}

function injuryWarnings(facts: Record<string, unknown>, today: string, locale: Locale): string[] {
  const injured = dateFact(facts.injuryDate);
  const warnings: string[] = [];
  if (injured && facts.reported !== 'applied') {
    const employerCloses = addDays(injured.date, EMPLOYER_INJURY_APPLICATION_DAYS);
    const workerCloses = addYears(injured.date, WORKER_INJURY_APPLICATION_YEARS);
    const workerDays = daysBetween(today, workerCloses);
    warnings.push(
      tr(locale, T.injuryWindows, {
        urgent: workerDays < URGENT_DAYS ? tr(locale, T.urgent) : '',
        employerCloses: showDate(employerCloses, locale),
        employerState: windowState(today, employerCloses, locale),
        workerCloses: showDate(workerCloses, locale),
        workerState: windowState(today, workerCloses, locale),
        approx: injured.approximate ? tr(locale, T.approx) : '',
        source: INJURY_SOURCE[locale],
      }),
    );
  }
  if (facts.insurance !== 'work_injury') warnings.push(tr(locale, T.injuryStatus));
  return warnings;
}

function wageWarnings(facts: Record<string, unknown>, today: string, locale: Locale): string[] {
  if (facts.stillWorking === true) return [tr(locale, T.wagesStillEmployed, { source: ARBITRATION_SOURCE[locale] })];
  const left = dateFact(facts.leftDate);
  if (left) return [arbitrationWarning(left, T.basisLeft, today, locale)];
  const period = typeof facts.period === 'object' && facts.period !== null ? (facts.period as Record<string, unknown>) : {};
  if (facts.stillWorking === false && typeof period.to === 'string' && YEAR_MONTH.test(period.to) && period.ongoing !== true) {
    return [arbitrationWarning({ date: lastDateOfMonth(period.to), approximate: true }, T.basisLastUnpaidMonth, today, locale)];
  }
  return [tr(locale, T.wagesLeftUnknown, { source: ARBITRATION_SOURCE[locale] })];
}

/**
 * Warnings about legal deadlines for a case, in the worker's language, with the date each
 * window closes and the days left; marked urgent under 30 days. Facts are the normalised
 * intake answers (slot ids as keys); missing dates give general wording or nothing.
 */
export function deadlineWarnings(category: Category, facts: Record<string, unknown>, now: Date, locale: Locale): string[] {
  const today = civilDateOf(now);
  switch (category) {
    case 'injury':
      return injuryWarnings(facts, today, locale);
    case 'wages':
      return wageWarnings(facts, today, locale);
    case 'deductions': {
      const incident = dateFact(facts.incidentDate);
      return incident ? [arbitrationWarning(incident, T.basisIncident, today, locale)] : [];
    }
    case 'termination': {
      const dismissed = dateFact(facts.endDate);
      return dismissed ? [arbitrationWarning(dismissed, T.basisDismissed, today, locale)] : [];
    }
    default:
      return [];
  }
}
