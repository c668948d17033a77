/** Yes and no as workers type them: "是的", "对", "嗯", "有", "没有", "不是", "还没", "ok". */
import { compactAnswer } from './normalize.js';

const YES_PHRASES = new Set([
  '是', '是的', '是滴', '对', '对的', '对对', '对头', '嗯', '嗯嗯', '恩', '恩恩', '好', '好的', '行', '可以', '有', '有的',
  '没错', '没问题', '同意', '愿意', '确认', '确定', '当然', '要', '需要', '肯定', '必须', '中', '成', '阔以', '可', '√',
  'ok', 'okay', 'yes', 'y', 'yep', 'yeah', 'sure', 'true', '👍',
]);
const NO_PHRASES = new Set([
  '不', '不是', '否', '没有', '没', '无', '不对', '不用', '不要', '不行', '不同意', '不愿意', '不需要', '不可以', '别',
  '没呢', '还没', '还没有', '不了', '算了吧不用', '没得', '木有', '莫得', '冇', '×', 'no', 'n', 'nope', 'false',
]);
/** "I don't know" is neither yes nor no; intake treats it as a skip. */
const UNSURE_PHRASES = /^(不知道|不清楚|不记得|记不清|不确定|说不好|不太清楚|不太确定|忘了|不懂|不晓得|不知|idontknow|dontknow|notsure|dunno)/;
const YES_PREFIXES = ['没错', '没问题', '没有问题', '不错'];
const NO_PREFIXES = ['不', '没', '未', '无', '否', '还没', '别', 'no'];
const YES_STARTS = ['是', '对', '嗯', '恩', '有', '好', '行', '可以', '同意', '愿意', '确认', 'yes', 'ok'];
const NEGATION = /[不没未无别]/;

/** Words that make a yes or no for one question ("住院了" answers "did you go to hospital?"). */
export interface YesNoWords {
  yes?: string[];
  no?: string[];
}

/**
 * True for yes, false for no, null when the answer is neither (including "不知道").
 * Question-specific words are checked before the general prefixes.
 */
export function parseYesNo(text: string, words: YesNoWords = {}): boolean | null {
  const t = compactAnswer(text);
  if (t.length === 0 || UNSURE_PHRASES.test(t)) return null;
  if (YES_PHRASES.has(t)) return true;
  if (NO_PHRASES.has(t)) return false;
  // an answer that opens with this question's yes-word is a yes, whatever comment follows ("申诉了没用")
  if (words.yes?.some((w) => t.startsWith(w))) return true;
  if (words.no?.some((w) => t.includes(w))) return false;
  if (!NEGATION.test(t) && words.yes?.some((w) => t.includes(w))) return true;
  if (YES_PREFIXES.some((p) => t.startsWith(p))) return true;
  if (NO_PREFIXES.some((p) => t.startsWith(p))) return false;
  if (YES_STARTS.some((p) => t.startsWith(p))) return true;
  return null;
}

/** True when the answer means "I don't know / not sure". */
export function isUnsureAnswer(text: string): boolean {
  return UNSURE_PHRASES.test(compactAnswer(text));
}
