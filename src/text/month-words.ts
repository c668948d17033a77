/** Words for years and months relative to now ("去年", "上个月"), shared by the date and period parsers. */

const YEAR_OFFSETS: ReadonlyMap<string, number> = new Map([
  ['今年', 0],
  ['去年', -1],
  ['前年', -2],
]);

/** The year a year word names ("去年" → last year), relative to the current year. */
export function yearOfWord(word: string, currentYear: number): number {
  return currentYear + (YEAR_OFFSETS.get(word) ?? 0);
}

/**
 * The year of a month the worker named: the year word if given, otherwise the most recent
 * such month (in March, "10月" is last October: grievances lie in the past).
 */
export function yearOfPastMonth(yearWord: string | undefined, month: number, currentYear: number, currentMonth: number): number {
  if (yearWord) return yearOfWord(yearWord, currentYear);
  return month > currentMonth ? currentYear - 1 : currentYear;
}

/** Months back a relative month word points: "上上个月" -2, "上个月" -1, "这个月" 0. */
export function relativeMonthOffset(word: string): number {
  if (word.startsWith('上上') || word.startsWith('前个')) return -2;
  if (word.startsWith('上')) return -1;
  return 0;
}
