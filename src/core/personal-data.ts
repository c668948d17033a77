/**
 * ID numbers are never stored: one masking function, used before anything is written —
 * the message log (both directions, every backend), conversation state, case records, unsure-question
 * notes and the process log. An 18-character resident ID number is recognised however it is written:
 * run together, with spaces, dashes, dots or slashes between any digits, in full-width digits, with an
 * x/X check character. It is masked when its check digit is right (so an order number is left alone)
 * or, whatever its check digit, when the words just before it say it is an ID number.
 */

/** What an ID number becomes wherever it is stored. */
export const ID_NUMBER_PLACEHOLDER = '[身份证号已隐藏]';

const SEP = '[\\s\\-‐‑–—_.·・/\\\\,，、:：]';
const DIGIT = '[0-9０-９]';
const ID_LIKE = new RegExp(
  `(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ])[1-9１-９](?:${SEP}{0,3}${DIGIT}){16}${SEP}{0,3}[0-9０-９XxＸｘ](?![0-9０-９A-Za-zＡ-Ｚａ-ｚ])`,
  'gu',
);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const SAYS_ID = /(身份证|身份證|证件|證件|身份号|公民号|\bid\s*(card|no|number|#)?|identity)\W{0,6}$/iu;
/** The shortest string that can hold an ID number. */
const SHORTEST = 18;

/** An ID number has 17 digits before its check character: a text with fewer cannot hold one (cheap to check first). */
function hasSeventeenDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19)) {
      digits += 1;
      if (digits >= 17) return true;
    }
  }
  return false;
}

/** The 18 characters of an ID number as written, without separators, upper case. */
function compact(found: string): string {
  return found.normalize('NFKC').replace(/[^0-9Xx]/g, '').toUpperCase();
}

function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Region, a birth date that could be one and (unless `anyCheck`) the right check character. */
function looksLikeIdNumber(id: string, anyCheck: boolean): boolean {
  if (id.length !== 18) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  return anyCheck || checkCharacter(id.slice(0, 17)) === id[17];
}

/** Replace every ID number in a text by `replacement` (default: the placeholder). */
export function maskIdNumbers(text: string, replacement: (id: string) => string = () => ID_NUMBER_PLACEHOLDER): string {
  if (text.length < SHORTEST || !hasSeventeenDigits(text)) return text;
  return text.replace(ID_LIKE, (found: string, offset: number) => {
    const id = compact(found);
    const said = SAYS_ID.test(text.slice(Math.max(0, offset - 16), offset));
    return looksLikeIdNumber(id, said) ? replacement(id) : found;
  });
}

/** Whether a text holds an ID number that `maskIdNumbers` would hide. */
export function hasIdNumber(text: string): boolean {
  return maskIdNumbers(text) !== text;
}

/**
 * A value with every string in it masked (objects and arrays walked, depth-bounded). The value itself
 * is returned when nothing changed, so saving state costs no copy in the common case.
 */
export function maskPersonalData<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return maskIdNumbers(value) as T;
  if (value === null || typeof value !== 'object' || depth > 12) return value;
  if (Buffer.isBuffer(value) || value instanceof Date) return value;
  // Plain loops rather than map/Object.entries: this walks the whole conversation state and every
  // logged message each turn, and the arrays those allocate were ~3% of the bytes a turn allocates
  // (allocation sampling over `npm run bench -- intake`'s throughput loop).
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const masked = maskPersonalData(item, depth + 1);
      if (masked !== item) {
        out ??= value.slice();
        out[i] = masked;
      }
    }
    return (out ?? value) as T;
  }
  let out: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    const item = record[key];
    const masked = maskPersonalData(item, depth + 1);
    if (masked !== item) {
      out ??= { ...record };
      out[key] = masked;
    }
  }
  return (out ?? value) as T;
}
