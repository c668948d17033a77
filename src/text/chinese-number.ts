/** Numbers as workers type them: Chinese numerals, Arabic digits, or a mix ("三千五", "3万5", "1.2w"). */

const DIGIT_VALUES: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 俩: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, k: 1000, K: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 萬: 10_000, w: 10_000, W: 10_000, 亿: 100_000_000 };

/** Characters that may appear inside a number run (for building scanners). */
export const NUMBER_CHARS = '0-9.零〇一壹二贰两俩三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿';

/** Characters that may start a number run. */
export const NUMBER_START_CHARS = '0-9零〇一壹二贰两俩三叁四肆五伍六陆七柒八捌九玖十拾';

function isAsciiDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/**
 * Value of a number run, or null when the run is not a number. A digit right after a
 * unit counts in the next lower unit, as people say it: 三千五 = 3500, 一万二 = 12000.
 */
export function parseChineseNumber(input: string): number | null {
  if (input.length === 0 || input.length > 24) return null;
  let total = 0;
  let section = 0;
  let pending: number | null = null;
  let lastUnit = 0;
  let zeroSeen = false;
  let sawAny = false;
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (isAsciiDigit(ch)) {
      let j = i;
      while (j < input.length && (isAsciiDigit(input[j]) || input[j] === '.')) j++;
      const value = Number(input.slice(i, j));
      if (Number.isNaN(value) || pending !== null) return null;
      pending = value;
      sawAny = true;
      i = j;
      continue;
    }
    const digit = DIGIT_VALUES[ch];
    if (digit !== undefined) {
      if (digit === 0) {
        zeroSeen = true;
        if (!sawAny) pending = 0;
      } else {
        if (pending !== null) return null;
        pending = digit;
      }
      sawAny = true;
      i++;
      continue;
    }
    const unit = SMALL_UNITS[ch];
    if (unit !== undefined) {
      if (lastUnit !== 0 && lastUnit < 10_000 && unit >= lastUnit) return null;
      section += (pending ?? 1) * unit;
      pending = null;
      lastUnit = unit;
      zeroSeen = false;
      sawAny = true;
      i++;
      continue;
    }
    const big = BIG_UNITS[ch];
    if (big !== undefined) {
      const chunk = section + (pending ?? 0);
      if (chunk === 0) return null;
      total = big === 100_000_000 ? (total + chunk) * big : total + chunk * big;
      section = 0;
      pending = null;
      lastUnit = big;
      zeroSeen = false;
      sawAny = true;
      i++;
      continue;
    }
    return null;
  }
  if (!sawAny) return null;
  if (pending !== null) {
    const shorthand = !zeroSeen && lastUnit >= 10 && Number.isInteger(pending) && pending > 0 && pending < 10;
    section += shorthand ? (pending * lastUnit) / 10 : pending;
  }
  return Math.round((total + section) * 100) / 100;
}
