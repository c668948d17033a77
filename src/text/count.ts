/** Head counts: "就我一个", "我们俩", "十几个人" (10 or more), "二十多个", "5个". */
import { NUMBER_CHARS, NUMBER_START_CHARS, parseChineseNumber } from './chinese-number.js';
import { normalizeAnswer } from './normalize.js';

/** How many workers; `atLeast` when the worker gave a floor ("十几个" → at least 10). */
export interface ParsedCount {
  count: number;
  atLeast: boolean;
}

const ONLY_ME = /就我(一个|自己|一人)?$|只有我|就我一个|我一个人|我自己|就俺|只有俺|^我$|^就我|just me|only me/i;
const THE_TWO_OF_US = /我们俩|俺们俩|我俩|咱俩|俩人|两个人都/;
const PEOPLE = '(人|兄弟|骑手|同事|工友|师傅|司机|快递员|小哥)';
/** Vague counts, each as [pattern in an answer, pattern in a free description, floor]. */
const VAGUE_COUNTS: Array<[RegExp, RegExp, number]> = [
  [/上百|几百/, new RegExp(`(上百|几百)\\s*(个|位|名)?\\s*${PEOPLE}`), 100],
  [/几十/, new RegExp(`几十\\s*(个|位|名)?\\s*${PEOPLE}`), 20],
  [/好几个|好多个|好几位/, new RegExp(`(好几|好多)\\s*(个|位|名)\\s*${PEOPLE}`), 3],
];
/** Two neighbouring numbers, "七八个", "三五个": at least the smaller. */
const RANGE = /(一两|两三|二三|三四|三五|四五|五六|六七|七八|八九)\s*(个|位|名)/;
const RANGE_FLOOR: Record<string, number> = { 一两: 1, 两三: 2, 二三: 2, 三四: 3, 三五: 3, 四五: 4, 五六: 5, 六七: 6, 七八: 7, 八九: 8 };
const NUMBER_RUN = new RegExp(`([${NUMBER_START_CHARS}][${NUMBER_CHARS}]*)\\s*(多|几|来|余)?`, 'g');
const PERSON_WORD = new RegExp(`^(多|几|来|余)?\\s*(个|位|名)?\\s*${PEOPLE}`);
const NOT_PEOPLE = /^(多|几|来|余)?\s*个?\s*(月|天|年|小时|块|元|钱|单|次|周|星期|号|点|分)/;
const MAX_COUNT = 1_000_000;

/**
 * A head count. With `requirePersonWord` (scanning a free description) a number must be
 * followed by a word for people, so "两个月" is not read as two workers.
 */
export function parseCount(text: string, options: { requirePersonWord?: boolean } = {}): ParsedCount | null {
  const t = normalizeAnswer(text);
  if (t.length === 0) return null;
  if (!options.requirePersonWord && ONLY_ME.test(t)) return { count: 1, atLeast: false };
  if (THE_TWO_OF_US.test(t)) return { count: 2, atLeast: false };
  for (const [inAnswer, inDescription, floor] of VAGUE_COUNTS) {
    if ((options.requirePersonWord ? inDescription : inAnswer).test(t)) return { count: floor, atLeast: true };
  }
  const range = RANGE.exec(t);
  if (range && (!options.requirePersonWord || PERSON_WORD.test(t.slice(range.index + range[1].length)))) {
    return { count: RANGE_FLOOR[range[1]], atLeast: true };
  }
  NUMBER_RUN.lastIndex = 0;
  for (let m = NUMBER_RUN.exec(t); m !== null; m = NUMBER_RUN.exec(t)) {
    const after = t.slice(m.index + m[1].length, m.index + m[1].length + 6);
    if (options.requirePersonWord && !PERSON_WORD.test(after)) continue;
    if (NOT_PEOPLE.test(after)) continue;
    const value = parseChineseNumber(m[1]);
    if (value === null || !Number.isInteger(value) || value < 1 || value > MAX_COUNT) continue;
    return { count: value, atLeast: (m[2] ?? '') !== '' };
  }
  return null;
}

/** A head count as a worker reads it: "10人以上" / "10 or more". */
export function formatCount(value: ParsedCount, locale: 'zh-CN' | 'en'): string {
  if (locale === 'en') return value.atLeast ? `${value.count} or more` : String(value.count);
  return value.atLeast ? `${value.count}人以上` : `${value.count}人`;
}
