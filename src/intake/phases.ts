/** What each intake phase does with an answer. */
import { tr } from '../core/i18n.js';
import { categoryFromWords, categoryOfChoice } from './categories.js';
import { classifyGrievance, CONFIDENT_CLASSIFICATION } from '../text/category.js';
import { INTAKE_TEXT } from './messages.js';
import { compactAnswer, cutText, storableText } from '../text/normalize.js';
import { parsePhone } from '../text/phone.js';
import { isUnsureAnswer, parseYesNo } from '../text/yes-no.js';
import { currentSlot, relevantSlots } from './questions.js';
import { findSlot } from './slots/catalog.js';
import type { SlotDefinition } from './slots/types.js';
import { NAME_SKIPPED, type IntakeState } from './state.js';
import { buildCaseDraft, type DraftContext } from './summary.js';
import {
  addNote,
  advance,
  answerSlot,
  cancelled,
  categoryChosenLine,
  contactNext,
  failedAnswer,
  notedInPassing,
  prefillFromAnswer,
  reply,
  setCategory,
  type Turn,
} from './transitions.js';
import type { IntakeResult } from './machine.js';

const MAX_NAME_LENGTH = 20;
const KEEP_GOING = /^(继续|接着|不取消|接着填|go on|continue)/i;
const HAS_CONTENT = /[\p{L}\p{N}]/u;
/** Replies at the summary that mean "submit"; a looser yes ("有") could be the start of an addition. */
const SUBMIT_WORDS = /^(确认|提交|确认提交|确定|对|对的|是|是的|好|好的|可以|没问题|没有问题|没错|行|嗯|ok|okay|yes|submit|confirm)$/;
const CHANGE_WORDS = /^(不对|不是|有错|错了|要改|改|修改|no|change)$/;
const EDIT_TARGET_WORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['@contact', ['电话', '手机', '号码', '联系方式']],
  ['@name', ['称呼', '名字', '姓名']],
  ['@category', ['类别', '分类', '问题类型', '类型']],
];

/** Skip a slot: "unknown" where the slot has it, refused for a required slot. */
export function skipSlot(turn: Turn, slot: SlotDefinition): IntakeResult {
  const { state } = turn;
  const unknown = slot.options?.find((o) => o.id === 'unknown');
  if (unknown) return reply({ ...turn, state: answerSlot(state, slot, unknown.id, '') });
  if (!slot.optional) return reply({ ...turn, lead: [...turn.lead, tr(turn.locale, INTAKE_TEXT.required)] });
  const answers = { ...state.answers };
  delete answers[slot.id];
  const skipped = state.skipped.includes(slot.id) ? state.skipped : [...state.skipped, slot.id];
  return reply({ ...turn, state: advance({ ...state, answers, skipped }), lead: [...turn.lead, tr(turn.locale, INTAKE_TEXT.skipped)] });
}

/** The slot (or @category, @contact, @name) some words name. */
export function resolveEditTarget(state: IntakeState, words: string): string | undefined {
  if (state.category) {
    const slot = relevantSlots(state).find((s) => s.aliases.some((a) => words.includes(a)));
    if (slot) return slot.id;
  }
  return EDIT_TARGET_WORDS.find(([, aliases]) => aliases.some((a) => words.includes(a)))?.[0];
}

/** Go to the question that changes an answer, or list what can be changed. */
export function startEdit(turn: Turn, target: string | undefined): IntakeResult {
  const { state } = turn;
  const back = state.phase === 'pick_edit' ? state.resume ?? { phase: 'summary' as const } : { phase: state.phase, slot: state.slot };
  if (!state.category || target === '@category') {
    return reply({ ...turn, state: { ...state, phase: 'choose_category', slot: undefined, attempts: 0 } });
  }
  if (target === '@contact') return reply({ ...turn, state: { ...state, phase: 'consent', slot: undefined, attempts: 0 } });
  if (target === '@name') {
    const skipped = state.skipped.filter((id) => id !== NAME_SKIPPED);
    return reply({ ...turn, state: { ...state, phase: 'contact_name', slot: undefined, skipped, attempts: 0 } });
  }
  if (target && findSlot(state.category, target)) {
    return reply({ ...turn, state: { ...state, phase: 'slot', slot: target, attempts: 0, resume: undefined } });
  }
  return reply({ ...turn, state: { ...state, phase: 'pick_edit', slot: undefined, attempts: 0, resume: back } });
}

/** Move to `next`, saying back the facts it took from what the worker wrote that `before` did not have. */
function withNoted(turn: Turn, before: IntakeState, next: IntakeState, lead: string[] = turn.lead): IntakeResult {
  const noted = notedInPassing(before, next, turn.locale);
  return reply({ ...turn, state: next, lead: noted ? [...lead, noted] : lead });
}

/** Answer to "which kind of problem?". */
export function chooseCategory(turn: Turn, text: string, choiceId: string | undefined): IntakeResult {
  const picked = choiceId ? categoryOfChoice(choiceId) : categoryFromWords(text);
  if (picked) return withNoted(turn, turn.state, setCategory(turn.state, picked), [...turn.lead, categoryChosenLine(turn.locale, picked)]);
  const classified = text ? classifyGrievance(text) : undefined;
  if (classified && classified.confidence > 0) {
    const description = storableText(turn.state.description ? `${turn.state.description}\n${turn.raw}` : turn.raw);
    const state = setCategory({ ...turn.state, description }, classified.category);
    return reply({ ...turn, state, lead: [...turn.lead, categoryChosenLine(turn.locale, classified.category)] });
  }
  return failedAnswer(turn, turn.raw);
}

/** Answer to "this sounds like X, right?". */
export function confirmCategory(turn: Turn, text: string, choiceId: string | undefined): IntakeResult {
  const { state } = turn;
  const answer = choiceId === 'yes' ? true : choiceId === 'no' ? false : choiceId ? null : parseYesNo(text);
  if (answer === true) return withNoted(turn, state, setCategory(state, state.suggested ?? 'other'));
  if (answer === false) return reply({ ...turn, state: { ...state, phase: 'choose_category', attempts: 0 } });
  if (!choiceId && text) {
    const named = categoryFromWords(text);
    if (named) return reply({ ...turn, state: setCategory(state, named), lead: [...turn.lead, categoryChosenLine(turn.locale, named)] });
    const classified = classifyGrievance(text);
    const description = storableText(`${state.description}\n${turn.raw}`);
    if (classified.confidence >= CONFIDENT_CLASSIFICATION && classified.category !== state.suggested) {
      return reply({ ...turn, state: { ...state, description, suggested: classified.category, attempts: 0 } });
    }
    // More of the story instead of a yes ("美团众包 北京朝阳望京站"): the worker goes on with the
    // suggested kind, and what they wrote fills the questions it answers.
    if (state.suggested && !isUnsureAnswer(text) && HAS_CONTENT.test(text)) {
      const confirmed = setCategory({ ...state, description }, state.suggested);
      // "就我一个" says how many without the word 人 the story scan needs: it answers the head count
      const next = currentSlot(confirmed);
      const count = next?.kind === 'count' ? next.parse(turn.raw, turn.now) : undefined;
      const state2 = count?.ok ? answerSlot(confirmed, next!, count.value, turn.raw) : confirmed;
      // what the first message already said was prefilled as ever; what this reply added is said back
      return withNoted(turn, state, state2);
    }
  }
  return failedAnswer(turn, turn.raw);
}

/** Files sent with no words: they answer the evidence question, and elsewhere are just acknowledged. */
export function filesOnly(turn: Turn): IntakeResult {
  const slot = currentSlot(turn.state);
  if (slot?.kind === 'evidence') return reply({ ...turn, state: answerSlot(turn.state, slot, { has: true, kinds: ['photos'] }, '') });
  return reply(turn);
}

/** Answer to a slot question, typed or pressed. */
export function slotAnswer(turn: Turn, choiceId: string | undefined): IntakeResult {
  const slot = currentSlot(turn.state)!;
  if (choiceId) {
    const optionId = choiceId.startsWith('opt:') ? choiceId.slice(4) : choiceId;
    if (slot.kind === 'yes_no' && (optionId === 'yes' || optionId === 'no')) {
      return reply({ ...turn, state: answerSlot(turn.state, slot, optionId === 'yes', '') });
    }
    if (slot.options?.some((o) => o.id === optionId)) return reply({ ...turn, state: answerSlot(turn.state, slot, optionId, '') });
    return failedAnswer(turn, turn.raw);
  }
  const parsed = slot.parse(turn.raw, turn.now);
  if (parsed.ok) {
    const state = answerSlot(prefillFromAnswer(turn.state, slot, turn.raw), slot, parsed.value, turn.raw);
    return withNoted(turn, turn.state, state);
  }
  return failedAnswer(turn, turn.raw, parsed.reason ? tr(turn.locale, parsed.reason) : undefined);
}

/** Answer to "will you leave your phone number?"; a number sent straight away counts as yes. */
export function consentAnswer(turn: Turn, text: string, choiceId: string | undefined): IntakeResult {
  const { state, locale } = turn;
  const phone = choiceId ? null : parsePhone(text);
  if (phone) return reply({ ...turn, state: contactNext({ ...state, consent: 'given', contact: { ...state.contact, phone } }) });
  const answer = choiceId === 'yes' ? true : choiceId === 'no' ? false : choiceId ? null : parseYesNo(text);
  if (answer === true) return reply({ ...turn, state: { ...state, consent: 'given', phase: 'contact_phone', attempts: 0 } });
  if (answer === false) {
    return reply({ ...turn, state: advance({ ...state, consent: 'declined', contact: {} }), lead: [...turn.lead, tr(locale, INTAKE_TEXT.anonymous)] });
  }
  return failedAnswer(turn, '');
}

const NAME_PHRASE = /(?:叫我|喊我|称呼我|我叫|我是|我姓|就叫|叫)\s*([^\s，,。！!？?、]{1,8}?)\s*(?:就行了?|就好了?|就可以了?|吧|啊|呀|哈|好了|即可)?[。!！~～]*$/;

/** The name in "叫我老张就行", "我姓王", or the whole answer when it is just a name. */
export function nameIn(text: string): string {
  const t = text.trim();
  const m = NAME_PHRASE.exec(t);
  if (!m) return t;
  return /^我姓/.test(t.slice(m.index)) ? `${m[1]}` : m[1];
}

/** Answer to "your phone number?". */
export function phoneAnswer(turn: Turn, text: string): IntakeResult {
  const phone = parsePhone(text);
  if (phone) return reply({ ...turn, state: contactNext({ ...turn.state, contact: { ...turn.state.contact, phone } }) });
  // The ID number was masked before anything was stored and the worker told why: just ask again.
  if (turn.idNumberRemoved) return reply({ ...turn, state: { ...turn.state, attempts: turn.state.attempts + 1 } });
  // digits that are not a mobile number get a specific hint
  const reason = /\d{5,}/.test(text.replace(/[\s-]/g, '')) ? tr(turn.locale, INTAKE_TEXT.phoneInvalid) : undefined;
  return failedAnswer(turn, '', reason);
}

/** Answer to "how should we address you?". */
export function nameAnswer(turn: Turn): IntakeResult {
  const name = cutText(nameIn(turn.raw), MAX_NAME_LENGTH).trim();
  if (!HAS_CONTENT.test(name)) return failedAnswer(turn, '');
  return reply({ ...turn, state: advance({ ...turn.state, contact: { ...turn.state.contact, name } }) });
}

/** Answer at the summary: submit, change, or an addition to the report. */
export function summaryAnswer(turn: Turn, text: string, choiceId: string | undefined, ctx: DraftContext): IntakeResult {
  const { state } = turn;
  const words = compactAnswer(text);
  if (choiceId === 'confirm' || (!choiceId && SUBMIT_WORDS.test(words))) {
    return { state: null, replies: [], draft: buildCaseDraft(state, ctx, turn.now) };
  }
  if (!choiceId && CHANGE_WORDS.test(words)) return startEdit(turn, undefined);
  if (!choiceId && text) {
    // Anything else is more to report: keep it rather than guess it was a yes.
    const noted = addNote(state, turn.now.toISOString(), turn.raw);
    return reply({ ...turn, state: noted, lead: [...turn.lead, tr(turn.locale, INTAKE_TEXT.supplementAdded)] });
  }
  return reply(turn);
}

/** Answer to "which answer do you want to change?". */
export function pickEditAnswer(turn: Turn, text: string, choiceId: string | undefined): IntakeResult {
  if (choiceId === 'continue') return resumeAt(turn);
  const target = choiceId?.startsWith('edit:') ? choiceId.slice(5) : choiceId ? undefined : resolveEditTarget(turn.state, text);
  if (target) return startEdit(turn, target);
  return failedAnswer(turn, '');
}

/** Back to where the worker was before the cancel question or the change list. */
export function resumeAt(turn: Turn): IntakeResult {
  const { state } = turn;
  const back = state.resume;
  if (back && back.phase !== 'pick_edit' && back.phase !== 'confirm_cancel') {
    return reply({ ...turn, state: { ...state, phase: back.phase, slot: back.slot, resume: undefined, attempts: 0 } });
  }
  return reply({ ...turn, state: state.category ? advance(state) : { ...state, phase: 'choose_category', resume: undefined } });
}

/** Answer to "are you sure you want to stop?". */
export function cancelAnswer(turn: Turn, text: string, choiceId: string | undefined): IntakeResult {
  const keepGoing = choiceId === 'continue' || (!choiceId && KEEP_GOING.test(text));
  const answer = choiceId === 'cancel' ? true : keepGoing ? false : choiceId ? null : parseYesNo(text);
  if (answer === true) return cancelled(turn.locale);
  if (answer === false) return resumeAt(turn);
  return reply(turn);
}

const CORRECTION_LEAD = /^(不对|不是的|不是|错了|说错了|搞错了|写错了|更正|纠正)[，,。!！\s]*/;
const NOT_THAT = /[，,\s]*(而)?不是[^，,。]*$/;
const NEGATED = /[没不未无别]/;

/**
 * A free-text correction of an earlier answer: the field it names is updated ("金额是四千不是三千"), or,
 * when the worker only says what is not so ("我没申请工伤认定"), cleared and asked again. Undefined when
 * the correction names no field (the caller treats the text as an answer).
 */
export function correctAnswer(turn: Turn, text: string): IntakeResult | undefined {
  const { state, locale } = turn;
  const target = resolveEditTarget(state, text);
  const slot = target && state.category ? findSlot(state.category, target) : undefined;
  if (!slot) return undefined;
  const said = text.replace(CORRECTION_LEAD, '').replace(NOT_THAT, '').trim();
  const negated = slot.aliases.some((alias) => {
    const at = said.indexOf(alias);
    return at >= 0 && NEGATED.test(said.slice(Math.max(0, at - 3), at));
  });
  const parsed = negated ? undefined : slot.parse(said, turn.now);
  const lead = [...turn.lead, tr(locale, INTAKE_TEXT.corrected, { field: slot.label[locale] })];
  if (parsed?.ok) {
    const back = state.phase === 'slot' ? state.slot : undefined;
    const answered = answerSlot(state, slot, parsed.value, said);
    // stay where the worker was: the correction does not skip the question pending
    const stay = back && back !== slot.id && answered.answers[back] === undefined ? { ...answered, phase: 'slot' as const, slot: back } : answered;
    return reply({ ...turn, state: stay, lead });
  }
  // what was stored is wrong and what is right is not said: forget it and ask that question again
  const answers = { ...state.answers };
  delete answers[slot.id];
  const answerTexts = { ...state.answerTexts };
  delete answerTexts[slot.id];
  const noted = addNote({ ...state, answers, answerTexts, prefilled: state.prefilled.filter((id) => id !== slot.id) }, turn.now.toISOString(), turn.raw, slot.id);
  return reply({ ...turn, state: { ...noted, phase: 'slot', slot: slot.id, attempts: 0, resume: undefined }, lead });
}
