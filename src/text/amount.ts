/** Money amounts from colloquial answers: "三千五", "3.5k", "3500元", "一万二", "1w", "八百多". */
import { NUMBER_CHARS, NUMBER_START_CHARS, parseChineseNumber } from './chinese-number.js';
import { normalizeAnswer } from './normalize.js';

/** A normalised amount in yuan; `approximate` when the worker said 多/左右/大概. */
export interface ParsedAmount {
  amount: number;
  approximate: boolean;
}

const NUMBER_RUN = new RegExp(`[${NUMBER_START_CHARS}][${NUMBER_CHARS}kKwW]*`, 'g');
const THOUSANDS_COMMA = /(\d),(?=\d{3}(?!\d))/g;
const APPROX_SUFFIX = /^(多|几|来|余)/;
const MONEY_AFTER = /^(多|几|来|余)?\s*(元|块|圆|rmb|人民币|钱|毛)/i;
const NOT_MONEY_AFTER = /^(多|几|来|余)?\s*(个|位|名|人|天|号|日|年|月|周|星期|礼拜|次|单|点|小时|分|岁|公里|km|米|楼|栋|层|斤|%|倍|级|星|条|张|家|辆|台)/i;
const MONEY_BEFORE = /(¥|\$|罚了?|扣了?|欠了?我?|少给了?|少了|差了?|拖欠了?|工资|工钱|提成|押金|补贴|奖励|赔了?)\s*$/;
const APPROX_WORDS = /左右|大概|大约|约|差不多|将近|估计|好像|上下|至少|起码|多块|好几/;
const LONE_DIGIT = /^[一壹二贰两俩三叁四肆五伍六陆七柒八捌九玖〇零]$/;
const MAX_AMOUNT = 100_000_000;
const TRAILING_DOT = /\.$/;
const ENDS_IN_UNIT = /[kKwW万千]$/;
const JIAO_AFTER = /^\s*毛/;

interface AmountCandidate {
  amount: number;
  money: boolean;
  approximate: boolean;
}

function candidatesIn(text: string): AmountCandidate[] {
  const found: AmountCandidate[] = [];
  NUMBER_RUN.lastIndex = 0;
  for (let m = NUMBER_RUN.exec(text); m !== null; m = NUMBER_RUN.exec(text)) {
    const run = m[0].replace(TRAILING_DOT, '');
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (NOT_MONEY_AFTER.test(after) || before.endsWith('第')) continue;
    const money = MONEY_AFTER.test(after) || MONEY_BEFORE.test(before) || ENDS_IN_UNIT.test(run);
    if (LONE_DIGIT.test(run) && !money) continue;
    const value = parseChineseNumber(run);
    if (value === null || value <= 0 || value > MAX_AMOUNT) continue;
    const jiao = JIAO_AFTER.test(after) ? value / 10 : value;
    found.push({ amount: jiao, money, approximate: APPROX_SUFFIX.test(after) });
  }
  return found;
}

function pickLargest(candidates: AmountCandidate[]): AmountCandidate | undefined {
  let best: AmountCandidate | undefined;
  for (const c of candidates) if (!best || c.amount > best.amount) best = c;
  return best;
}

/**
 * The amount in an answer to "how much?". With `requireMoneyContext` (scanning a free
 * description) only numbers marked as money count: "被罚了五十" yes, "两个月" no.
 */
export function parseAmount(text: string, options: { requireMoneyContext?: boolean } = {}): ParsedAmount | null {
  const clean = normalizeAnswer(text).replace(THOUSANDS_COMMA, '$1');
  const candidates = candidatesIn(clean);
  const money = candidates.filter((c) => c.money);
  const chosen = pickLargest(money.length > 0 || options.requireMoneyContext ? money : candidates);
  if (!chosen) return null;
  return { amount: chosen.amount, approximate: chosen.approximate || APPROX_WORDS.test(clean) };
}

/** An amount as a worker reads it: "3500元", "约800元" / "about CNY 800". */
export function formatAmount(value: ParsedAmount, locale: 'zh-CN' | 'en'): string {
  if (locale === 'en') return `${value.approximate ? 'about ' : ''}CNY ${value.amount}`;
  return `${value.approximate ? '约' : ''}${value.amount}元`;
}
