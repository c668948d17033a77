/**
 * Chinese tokenisation for retrieval: jieba words (search mode, so 身份证 also yields 身份),
 * character bigrams (robust to misspellings and unknown words), or both.
 */
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

/** Which units the index is built from; `mixed` is the default (see bench/retrieval.ts). */
export type TokenizerMode = 'words' | 'bigrams' | 'mixed';

/** A tokeniser turns text into index terms. */
export interface Tokenizer {
  readonly mode: TokenizerMode;
  /** The compact dictionary in use, if any (saved with the index so queries segment alike). */
  readonly dictionary?: string;
  tokens(text: string): string[];
}

let fullJieba: Jieba | undefined;

/** The full jieba dictionary text (about 350 000 words). */
export function fullDictionary(): Uint8Array {
  const require = createRequire(import.meta.url);
  return (require('@node-rs/jieba/dict.js') as { dict: Uint8Array }).dict;
}

/** Load the full dictionary once per process (0.2–0.5 s), only when no compact one is given. */
function sharedFullJieba(): Jieba {
  fullJieba ??= Jieba.withDict(fullDictionary());
  return fullJieba;
}

/**
 * A compact dictionary: the words the index actually contains plus the most frequent general
 * words (so everyday phrasing still segments well). It loads in a few milliseconds instead of
 * hundreds, which keeps start-up within budget; index and queries must use the same one.
 */
export function compactDictionary(keep: Set<string>, commonWords = 30_000): string {
  const lines = Buffer.from(fullDictionary()).toString('utf8').split('\n');
  const frequencies = new Float64Array(lines.length);
  lines.forEach((line, index) => {
    const first = line.indexOf(' ');
    const second = line.indexOf(' ', first + 1);
    frequencies[index] = Number(line.slice(first + 1, second < 0 ? undefined : second)) || 0;
  });
  const sorted = Float64Array.from(frequencies).sort();
  const cutoff = sorted[Math.max(0, sorted.length - commonWords)];
  return lines.filter((line, index) => line !== '' && (frequencies[index] >= cutoff || keep.has(line.slice(0, line.indexOf(' '))))).join('\n');
}

/** Make full-width letters and digits half-width and lower-case, so ５０ and 50 match. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase();
}

const CJK = /[\u3400-\u9fff]/;
const WORD_CHAR = /[\u3400-\u9fffa-z0-9]/;

/** Words too common to tell passages apart, in questions and in statute prose alike. */
export const STOP_WORDS = new Set([
  '的', '了', '吗', '呢', '吧', '啊', '呀', '嘛', '么', '是', '在', '和', '与', '或', '及', '或者', '以及', '等', '着', '过',
  '我', '你', '他', '她', '它', '我们', '你们', '他们', '自己', '这', '那', '这个', '那个', '这样', '那样', '什么', '怎么',
  '怎么办', '怎样', '如何', '为什么', '哪些', '哪个', '哪里', '多少', '几', '能', '能否', '可以', '可不可以', '可以吗', '会',
  '会不会', '要', '要不要', '想', '请问', '请', '问', '问下', '问一下', '咨询', '一下', '是否', '是不是', '有没有', '没有', '有',
  '不', '也', '都', '就', '还', '又', '再', '被', '把', '给', '让', '对', '向', '从', '到', '为', '因', '因为', '所以', '但',
  '但是', '如果', '应该', '应当', '需要', '现在', '已经', '一个', '一直', '之', '其', '该', '本', '该当', '依法', '规定', '有关',
  '依照', '按照', '根据', '相关', '情况', '问题', '合法', '违法吗', '算', '算不算', '行', '不行', '呗', '哦', '嗯', '啥', '咋',
  '咋办', '咋整', '谁', '么样', '怎么样', '怎么回事', '多久', '了吗', '没', '个', '些', '下', '上', '中', '后', '前', '时',
  // Framing of "which law says…" questions: every statute is law, so these tell nothing apart.
  '法律', '法规', '法律法规', '哪条', '哪一条', '条款', '依据', '场景', '律师', '您好', '你好', '谢谢',
]);

/** Phrases of question framing removed before bigrams are taken, so 怎么办 adds no 么办. */
const QUESTION_PHRASES = /(根据相关法律法规|根据相关法律规定|根据法律规定|根据哪条法律|根据相关法律|相关法律法规|相关法律|法律规定|请问一下|请问|问一下|问下|咨询一下|咨询|怎么办|咋办|咋整|怎么处理|如何处理|可以吗|可不可以|是不是|是否|有没有|能不能|会不会|算不算|合法吗|违法吗|行不行|要不要|吗|呢|吧|啊|呀|嘛)/g;

/** Strip question framing from a query (not from statute text, where the words carry meaning). */
export function stripQuestionPhrases(query: string): string {
  return query.replace(QUESTION_PHRASES, ' ');
}

function wordTokens(segmenter: Jieba, text: string): string[] {
  return segmenter
    .cutForSearch(text, true)
    .map((word) => word.trim())
    .filter((word) => word.length > 0 && WORD_CHAR.test(word) && !STOP_WORDS.has(word));
}

function bigramTokens(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\u3400-\u9fff]+/g) ?? []) {
    for (let index = 0; index + 1 < run.length; index += 1) out.push(`~${run.slice(index, index + 2)}`);
  }
  return out;
}

/** Create a tokeniser; `mixed` indexes jieba words and bigrams side by side (bigrams prefixed `~`). */
export function createTokenizer(mode: TokenizerMode = 'mixed', options: { dictionary?: string } = {}): Tokenizer {
  let segmenter: Jieba | undefined;
  const words = (text: string): string[] => {
    segmenter ??= options.dictionary ? Jieba.withDict(Buffer.from(options.dictionary)) : sharedFullJieba();
    return wordTokens(segmenter, text);
  };
  return {
    mode,
    dictionary: options.dictionary,
    tokens(text: string): string[] {
      const normal = normalizeText(text);
      if (mode === 'words') return words(normal);
      if (mode === 'bigrams') return bigramTokens(normal);
      return [...words(normal), ...bigramTokens(normal)];
    },
  };
}

/** True when a token is a bigram rather than a word. */
export function isBigram(token: string): boolean {
  return token.startsWith('~') && CJK.test(token);
}
