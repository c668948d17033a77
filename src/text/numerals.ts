/** Chinese numerals as used in article numbers and dates (第一百零六条, 二○○四年). */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that may appear in a Chinese numeral, for building patterns. */
export const CHINESE_NUMERAL_CHARS = '零〇○Ｏ一二两三四五六七八九十百千万';

/**
 * Convert a Chinese (or Arabic) numeral to a number: 一百零六 → 106, 一千二百六十 → 1260, 十二 → 12.
 * Returns undefined for text that is not a numeral, so callers never index a wrong article.
 */
export function chineseToNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (trimmed === '' || ![...trimmed].every((c) => c in DIGITS || c in UNITS || c === '万')) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const char of trimmed) {
    if (char in DIGITS) {
      digit = DIGITS[char];
    } else if (char === '万') {
      section = (section + (digit ?? 0)) * 10000;
      total += section;
      section = 0;
      digit = undefined;
    } else {
      // A bare unit (十二 = 12) counts as one of it.
      section += (digit ?? 1) * UNITS[char];
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/** Convert digit-by-digit year numerals (二○○四) to a number, as written in dated notices. */
export function chineseDigitsToNumber(text: string): number | undefined {
  const chars = [...text.trim()];
  if (chars.length === 0 || !chars.every((c) => c in DIGITS)) return undefined;
  return Number(chars.map((c) => DIGITS[c]).join(''));
}
