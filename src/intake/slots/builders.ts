/** One builder per answer kind: each pairs a parser with its schema, formatter and re-ask reason. */
import type { BiText } from '../../core/i18n.js';
import type { Locale } from '../../core/types.js';
import { formatAmount, parseAmount } from '../../text/amount.js';
import { addYears, civilDateOf } from '../../text/civil-date.js';
import { formatCount, parseCount } from '../../text/count.js';
import { formatDate, parseDate } from '../../text/date.js';
import { storableText } from '../../text/normalize.js';
import { formatPeriod, parsePeriod } from '../../text/period.js';
import { formatPlace, parsePlace } from '../../text/place.js';
import { findPlatforms } from '../../text/platform.js';
import { parseYesNo, type YesNoWords } from '../../text/yes-no.js';
import { z } from 'zod';
import { evidenceKindLabel, evidenceKindsIn } from './evidence-kinds.js';
import type { SlotDefinition, SlotKind, SlotOption, SlotParse, SlotSpec } from './types.js';
import {
  amountValueSchema,
  countValueSchema,
  dateValueSchema,
  employerValueSchema,
  evidenceValueSchema,
  periodValueSchema,
  placeValueSchema,
  textValueSchema,
  yesNoValueSchema,
  type AmountValue,
  type CountValue,
  type DateValue,
  type EmployerValue,
  type EvidenceValue,
  type PeriodValue,
  type PlaceValue,
} from './values.js';

const MAX_NAME_LENGTH = 100;
/** Letters, digits or CJK: an answer made only of emoji or punctuation says nothing. */
const HAS_CONTENT = /[\p{L}\p{N}]/u;
const FUTURE_DATE: BiText = {
  'zh-CN': '这个日期还没到，请再看一下是哪一天。',
  en: 'That date has not come yet; please check which day it was.',
};
const TOO_OLD_DATE: BiText = {
  'zh-CN': '这个日期太久以前了，请再看一下。',
  en: 'That date is very long ago; please check it.',
};
const NO_CONTENT: BiText = { 'zh-CN': '没收到文字内容。', en: 'I did not get any words.' };

function failed(reason?: BiText): SlotParse {
  return reason ? { ok: false, reason } : { ok: false };
}

function base(spec: SlotSpec): Omit<SlotDefinition, 'kind' | 'schema' | 'parse' | 'format'> {
  return { ...spec, optional: spec.optional ?? true };
}

/** A free-text answer (a story, a reason); anything with words in it is accepted. */
export function textSlot(spec: SlotSpec): SlotDefinition {
  return {
    ...base(spec),
    kind: 'text',
    schema: textValueSchema,
    parse: (text) => (HAS_CONTENT.test(text) ? { ok: true, value: storableText(text) } : failed(NO_CONTENT)),
    format: (value) => String(value),
  };
}

/** Employer or platform: the worker's words, with known platform names picked out. */
export function employerSlot(spec: SlotSpec): SlotDefinition {
  return {
    ...base(spec),
    kind: 'employer',
    schema: employerValueSchema,
    parse: (text) => {
      if (!HAS_CONTENT.test(text)) return failed(NO_CONTENT);
      const value: EmployerValue = { name: storableText(text).slice(0, MAX_NAME_LENGTH), platforms: findPlatforms(text) };
      return { ok: true, value };
    },
    format: (value) => (value as EmployerValue).name,
  };
}

/** A place: kept as said, with province/city/district where the table knows them. */
export function placeSlot(spec: SlotSpec): SlotDefinition {
  return {
    ...base(spec),
    kind: 'place',
    schema: placeValueSchema,
    parse: (text) => {
      if (!HAS_CONTENT.test(text)) return failed(NO_CONTENT);
      const value: PlaceValue = { text: storableText(text).slice(0, MAX_NAME_LENGTH), ...(parsePlace(text) ?? {}) };
      return { ok: true, value };
    },
    format: (value, locale) => {
      const place = value as PlaceValue;
      const official = formatPlace(place);
      if (!official || place.text.includes(official)) return place.text;
      return locale === 'en' ? `${place.text} (${official})` : `${place.text}（${official}）`;
    },
  };
}

/** A slot whose parser returns a value or null, with no reason to give beyond the example. */
function parsedSlot<T>(
  spec: SlotSpec,
  kind: SlotKind,
  schema: z.ZodType,
  parse: (text: string, now: Date) => T | null,
  format: (value: T, locale: Locale) => string,
): SlotDefinition {
  return {
    ...base(spec),
    kind,
    schema,
    parse: (text, now) => {
      const value = parse(text, now);
      return value === null ? failed() : { ok: true, value };
    },
    format: (value, locale) => format(value as T, locale),
  };
}

/** An amount of money. */
export function amountSlot(spec: SlotSpec): SlotDefinition {
  return parsedSlot<AmountValue>(spec, 'amount', amountValueSchema, (text) => parseAmount(text), formatAmount);
}

/** A past date (an incident, a last working day). */
export function dateSlot(spec: SlotSpec): SlotDefinition {
  return {
    ...base(spec),
    kind: 'date',
    schema: dateValueSchema,
    parse: (text, now) => {
      const date = parseDate(text, now);
      if (!date) return failed();
      const today = civilDateOf(now);
      if (date.date > today) return failed(FUTURE_DATE);
      if (date.date < addYears(today, -50)) return failed(TOO_OLD_DATE);
      return { ok: true, value: date };
    },
    format: (value, locale) => formatDate(value as DateValue, locale),
  };
}

/** A span of months or a length of time. */
export function periodSlot(spec: SlotSpec): SlotDefinition {
  return parsedSlot<PeriodValue>(spec, 'period', periodValueSchema, parsePeriod, formatPeriod);
}

/** A head count. */
export function countSlot(spec: SlotSpec): SlotDefinition {
  return parsedSlot<CountValue>(spec, 'count', countValueSchema, (text) => parseCount(text), formatCount);
}

/** Yes or no, with words specific to the question ("住院了" means yes to "did you go to hospital?"). */
export function yesNoSlot(spec: SlotSpec & { words?: YesNoWords }): SlotDefinition {
  const { words, ...rest } = spec;
  return {
    ...base(rest),
    kind: 'yes_no',
    schema: yesNoValueSchema,
    options: [
      { id: 'yes', label: { 'zh-CN': '是', en: 'Yes' }, words: [] },
      { id: 'no', label: { 'zh-CN': '否', en: 'No' }, words: [] },
    ],
    parse: (text) => {
      const answer = parseYesNo(text, words);
      return answer === null ? failed() : { ok: true, value: answer };
    },
    format: (value, locale) => (value ? (locale === 'en' ? 'Yes' : '是') : locale === 'en' ? 'No' : '否'),
  };
}

/** The option a text selects: the first option one of whose words it contains. */
export function optionInText(options: readonly SlotOption[], text: string): SlotOption | undefined {
  const lower = text.toLowerCase();
  return options.find((option) => option.words.some((w) => saysWord(lower, w)));
}

const NEGATION_BEFORE = /[没不未无别]/;

/**
 * The text says `word`, and not negated: "我没申请工伤认定" does not say 申请工伤 or 工伤认定 (a word
 * that is itself a negation, "还没", counts as written).
 */
function saysWord(text: string, word: string): boolean {
  if (NEGATION_BEFORE.test(word)) return text.includes(word);
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (!NEGATION_BEFORE.test(text.slice(Math.max(0, at - 3), at))) return true;
  }
  return false;
}

/** One of a few options, by button, number or words. */
export function choiceSlot(spec: SlotSpec & { options: readonly SlotOption[] }): SlotDefinition {
  const ids = spec.options.map((o) => o.id) as [string, ...string[]];
  return {
    ...base(spec),
    kind: 'choice',
    schema: z.enum(ids),
    parse: (text) => {
      const option = optionInText(spec.options, text);
      return option ? { ok: true, value: option.id } : failed();
    },
    format: (value, locale: Locale) => spec.options.find((o) => o.id === value)?.label[locale] ?? String(value),
  };
}

/** What evidence the worker holds; sending photos answers it too. */
export function evidenceSlot(spec: SlotSpec): SlotDefinition {
  return {
    ...base(spec),
    kind: 'evidence',
    schema: evidenceValueSchema,
    parse: (text) => {
      if (!HAS_CONTENT.test(text)) return failed(NO_CONTENT);
      const kinds = evidenceKindsIn(text);
      const saysNo = kinds.length === 0 && parseYesNo(text) === false;
      const value: EvidenceValue = saysNo ? { has: false, kinds: [] } : { has: true, kinds, note: storableText(text).slice(0, MAX_NAME_LENGTH) };
      return { ok: true, value };
    },
    format: (value, locale) => {
      const evidence = value as EvidenceValue;
      if (!evidence.has) return locale === 'en' ? 'none' : '没有';
      const kinds = evidence.kinds.map((k) => evidenceKindLabel(k, locale)).join(locale === 'en' ? ', ' : '、');
      return kinds || evidence.note || (locale === 'en' ? 'yes' : '有');
    },
  };
}
