/**
 * The direct answer a legal reply opens with: what kind of thing the question asks (an amount, a
 * deadline, yes or no, who, where, the steps), the answer line of ours that answers it from the best
 * articles found, and the one sentence of the article that carries the answer (the one with the number
 * when a number was asked), instead of the article's first characters.
 */
import type { Citation } from '../core/types.js';
import type { AnswerLine, QuestionKind } from '../knowledge/answer-lines.js';
import { citationKey } from './citations.js';

const KIND_PATTERNS: Array<[QuestionKind, RegExp]> = [
  ['where', /找谁|找哪|去哪|去什么地方|哪个部门|什么部门|向谁|打什么电话|打哪个电话|哪里(投诉|告|申请|办|举报|维权)|在哪(里)?(申请|投诉|告|办)|\b(where|who do i (call|contact)|which office)\b/i],
  ['amount', /休几天|几天(的)?(年)?假|多少天(的)?(年)?假|多少|几倍|几个月(的)?工资|怎么算|咋算|如何计算|怎么计算|标准是|赔偿金|补偿金|能拿(多少|几)|能赔(多少|几)|能要(多少|几)|给几|\b(how much|how many|calculate|amount)\b/i],
  ['deadline', /多久|多长时间|多少天|几天|几年|期限|时效|时间限制|时限|过期|来得及|来不及|什么时候(之前|以前)?|截止|\b(how long|deadline|time limit|too late|when)\b/i],
  ['who', /谁(来)?(出|付|赔|负责|承担|证明|举证|买单|管)|谁的责任|由谁|哪方|举证|(要|让|叫)我(自己)?(去)?证明|\b(who (pays|must|is responsible)|burden of proof)\b/i],
  ['how', /怎么办|咋办|怎么(申请|维权|要|弄|处理|做|打官司|起诉|告)|打官司|如何(申请|维权|处理)|要准备什么|需要什么材料|流程|\b(what (can|should) i do|how do i|steps)\b/i],
  ['yesno', /能不能|可不可以|可以吗|行不行|算不算|是不是|合不合法|合法吗|违法吗|要不要|有没有|能否|是否|算.{0,8}吗|能.{0,10}吗|可以.{0,10}吗|会.{0,8}吗|[吗嘛][？?]?\s*$|\b(can|is it|am i|do i have|does|legal|allowed)\b/i],
];

/** Kinds of question that ask for one specific thing. */
const SPECIFIC_KINDS = new Set<QuestionKind>(['amount', 'deadline', 'who', 'where']);

/** What a question asks for, from its wording (the most specific kind first), or undefined. */
export function questionKind(question: string): QuestionKind | undefined {
  return KIND_PATTERNS.find(([, pattern]) => pattern.test(question))?.[0];
}

/** Words nearly every worker's question has: they say who asks, not what is asked. */
const GENERIC = new Set(['骑手', '外卖', '跑单', '送单', '平台', '司机', '公司', '老板', '站长', '单位', '工作', '上班', '干活', '员工', '工人', '可以', '能不能']);

/** How many of a line's words the question uses. */
function keywordHits(line: AnswerLine, question: string): number {
  return line.keywords.filter((word) => word.length >= 2 && !GENERIC.has(word) && question.includes(word)).length;
}

/**
 * The answer line that answers the question from the articles found (best first): its article must be
 * among them, and it must share the question's words, or answer the kind of thing asked from one of
 * the first two articles search found (`searched`: how many of `articles` search found; the rest are
 * the guide card's). Higher-ranked
 * articles, the asked kind and shared words win, in that order of weight.
 */
export function chooseAnswerLine(
  lines: readonly AnswerLine[],
  question: string,
  articles: readonly Citation[],
  kind: QuestionKind | undefined,
  searched = articles.length,
): AnswerLine | undefined {
  const rank = new Map<string, number>();
  articles.forEach((citation, index) => {
    const key = citationKey(citation);
    if (!rank.has(key)) rank.set(key, index);
  });
  let best: AnswerLine | undefined;
  let bestScore = 0;
  for (const line of lines) {
    const position = rank.get(citationKey(line));
    if (position === undefined) continue;
    // A yes-or-no line opens with 能/不能, 算/不算: it answers only a yes-or-no question.
    if (line.kind === 'yesno' && kind !== undefined && kind !== 'yesno') continue;
    const hits = keywordHits(line, question);
    const kindMatch = kind !== undefined && line.kind === kind;
    // The asked kind alone is enough only for one of the first two articles search itself put first.
    if (hits === 0 && !(kindMatch && position < Math.min(2, searched))) continue;
    // A question that asks for a figure, a deadline, who or where is not answered by a line of another kind.
    const wrongKind = kind !== undefined && SPECIFIC_KINDS.has(kind) && !kindMatch;
    const score = Math.max(0, 4 - position) * 1.5 + (kindMatch ? 3 : 0) + Math.min(hits, 4) - (wrongKind ? 4 : 0);
    if (score > bestScore) {
      best = line;
      bestScore = score;
    }
  }
  return best;
}

/** Verdicts on legality ("不合法。") and on status ("算。"), as a line may open. */
const LEGALITY_VERDICT = /^(不合法|合法|违法|无效|有效)。/;
const STATUS_VERDICT = /^(不算|算)。/;
/** The worker asks what they themselves can get or do (我能要回来吗), not whether something is lawful. */
const OWN_ENTITLEMENT = /我(还)?(能|可以|能不能|可不可以|有没有)|能(要|拿|领|申请|告|报|讨)|要得回|要的回|拿得到|拿的到/;
const ASKS_LEGALITY = /合法|违法|有效|无效|合规|合理|规定|允许/;
const ASKS_STATUS = /算|是不是|是否|属于|属不属于|认定|认不认/;

/** A bare verdict a line may open with ("算。", "不能。"). */
const BARE_VERDICT = /^(能|不能|可以|不可以|算|不算|是|不是|要|不用|有|没有|合法|不合法|违法|有效|无效)。/;

/** The line without its bare verdict, when it has one. */
export function withoutVerdict(text: string): string {
  const verdict = BARE_VERDICT.exec(text);
  return verdict ? text.slice(verdict[0].length) : text;
}

/**
 * The line as it should open for this question: a verdict of another kind than the one asked is left
 * out ("我能要回来吗" is not answered "不合法。", but with what the line says after it).
 */
export function fitVerdict(text: string, question: string): string {
  const legality = LEGALITY_VERDICT.exec(text);
  if (legality && OWN_ENTITLEMENT.test(question) && !ASKS_LEGALITY.test(question)) return text.slice(legality[0].length);
  const status = STATUS_VERDICT.exec(text);
  if (status && !ASKS_STATUS.test(question)) return text.slice(status[0].length);
  return text;
}

/**
 * With no statutes imported, search finds no articles: an answer line may then be chosen by its own
 * words when the question uses at least two of them (and asks its kind, or uses three).
 */
export function chooseLineByWords(lines: readonly AnswerLine[], question: string, kind: QuestionKind | undefined): AnswerLine | undefined {
  let best: AnswerLine | undefined;
  let bestScore = 0;
  for (const line of lines) {
    // A yes-or-no line opens with 能/不能, 算/不算: it answers only a yes-or-no question.
    if (line.kind === 'yesno' && kind !== undefined && kind !== 'yesno') continue;
    const hits = keywordHits(line, question);
    const kindMatch = kind !== undefined && line.kind === kind;
    if (hits < 2 || (!kindMatch && hits < 3)) continue;
    const score = hits + (kindMatch ? 1.5 : 0);
    if (score > bestScore) {
      best = line;
      bestScore = score;
    }
  }
  return best;
}

const ARTICLE_HEADING = /^\s*第[零〇一二两三四五六七八九十百千\d]+条\s*/;
const ITEM_HEADING = /^\s*[（(][一二三四五六七八九十]+[）)]\s*/;
const QUOTE_MAX = 90;

/** The article's sentences (split at 。；; a 款 is one or more sentences), without the heading. */
function sentences(text: string): string[] {
  const body = text.replace(ARTICLE_HEADING, '').replace(ITEM_HEADING, '').replace(/\s+/g, '');
  return body
    .split(/(?<=[。；;])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Cut a sentence to fit a phone line, at a comma when one comes late enough. */
function fit(sentence: string): string {
  if (sentence.length <= QUOTE_MAX) return sentence;
  const cut = sentence.slice(0, QUOTE_MAX);
  const comma = Math.max(cut.lastIndexOf('，'), cut.lastIndexOf('、'));
  return (comma >= QUOTE_MAX / 2 ? cut.slice(0, comma) : cut) + '…';
}

/**
 * The sentence of an article that carries the answer: the one with a focus word of the answer line,
 * else (for an amount or deadline) the first with a number, else the one sharing most of the
 * question's characters, else the first.
 */
export function carryingSentence(text: string, question: string, focus: readonly string[] = [], kind?: QuestionKind): string {
  const all = sentences(text);
  if (all.length === 0) return '';
  const focused = all.filter((s) => focus.some((word) => s.includes(word)));
  if (focused.length > 0) return fit(focused.length > 1 && (kind === 'amount' || kind === 'deadline') ? focused.join('') : focused[0]);
  if (kind === 'amount' || kind === 'deadline') {
    const numbered = all.find((s) => /[\d零一二两三四五六七八九十百千]+(个月|日|天|年|倍|%|％|元|小时)/.test(s));
    if (numbered) return fit(numbered);
  }
  const chars = new Set([...question].filter((c) => /\p{Script=Han}/u.test(c)));
  let best = all[0];
  let bestShared = -1;
  for (const s of all) {
    const shared = new Set([...s].filter((c) => chars.has(c))).size;
    if (shared > bestShared) {
      best = s;
      bestShared = shared;
    }
  }
  return fit(best);
}
