/** Text clean-up shared by the intake parsers, so each parser sees the same shape of input. */

/** Longest stretch of an answer the parsers look at; a phone keyboard answer is far shorter. */
export const MAX_PARSE_LENGTH = 500;

/** Longest worker text kept inside intake state (the message log keeps the full message). */
export const MAX_STORED_TEXT = 1000;

const WHITESPACE_RUN = /\s+/gu;
const PUNCTUATION_AND_SYMBOLS = /[\s\p{P}\p{S}]+/gu;
const TRAILING_PARTICLES = /[啊呀吧呢哦噢啦嘛哈呗咯喔哟]+$/u;

/** Cut a string without splitting a surrogate pair (an emoji cut in half is not valid text). */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * Full-width digits and letters become ASCII (NFKC), whitespace is collapsed and the
 * text is capped, so "３５００元" and "3500元" parse alike and a huge paste stays cheap.
 */
export function normalizeAnswer(text: string): string {
  const capped = cutText(text, MAX_PARSE_LENGTH * 2);
  return cutText(capped.normalize('NFKC').replace(WHITESPACE_RUN, ' ').trim(), MAX_PARSE_LENGTH);
}

/** Lower-case text with spaces, punctuation, symbols and trailing modal particles removed, for phrase lookups. */
export function compactAnswer(text: string): string {
  return normalizeAnswer(text).toLowerCase().replace(PUNCTUATION_AND_SYMBOLS, '').replace(TRAILING_PARTICLES, '');
}

/** Text as it may be stored in state: trimmed and capped. */
export function storableText(text: string): string {
  return cutText(text.trim(), MAX_STORED_TEXT);
}
