/** State transitions shared by the intake phases: moving on, answering, keeping notes, giving up. */
import { tr } from '../core/i18n.js';
import type { Category, Locale } from '../core/types.js';
import type { EvidenceRef } from '../cases/model.js';
import { CATEGORY_LABELS } from './categories.js';
import { extractFacts } from './extract.js';
import { INTAKE_TEXT } from './messages.js';
import { storableText } from '../text/normalize.js';
import { currentSlot, nameStillOpen, questionReply, relevantSlots } from './questions.js';
import { findSlot, slotsFor } from './slots/catalog.js';
import type { SlotDefinition, SlotKind } from './slots/types.js';
import { evidenceRefSchema, NAME_SKIPPED, type IntakeState } from './state.js';
import type { IntakeResult } from './machine.js';

/** After this many unreadable answers in a row intake keeps the words and moves on, so nobody is stuck. */
export const MAX_ATTEMPTS = 3;
const MAX_NOTES = 30;
const MAX_EVIDENCE = 200;

/** One turn in progress: the state so far, lines to say before the question, locale and time. */
export interface Turn {
  state: IntakeState;
  /** The worker's text as sent (trimmed), for storing; parsers get the normalised text. */
  raw: string;
  /** The message held an ID number, now masked in `raw`; the worker has been told it was not kept. */
  idNumberRemoved: boolean;
  lead: string[];
  locale: Locale;
  now: Date;
}

/** The turn's result: the state and one reply with the lead lines and the current question. */
export function reply(turn: Turn, intent?: string): IntakeResult {
  return { state: turn.state, replies: [questionReply(turn.state, turn.locale, turn.lead, intent)] };
}

/** Keep a text that did not become an answer, so nothing the worker wrote is lost. */
export function addNote(state: IntakeState, at: string, text: string, slot?: string): IntakeState {
  const stored = storableText(text);
  if (!stored) return state;
  const note = slot ? { at, slot, text: stored } : { at, text: stored };
  return { ...state, notes: [...state.notes, note].slice(-MAX_NOTES) };
}

/** Add evidence refs, once each by sha256. */
export function withEvidence(state: IntakeState, evidence: readonly EvidenceRef[] | undefined): IntakeState {
  if (!Array.isArray(evidence) || evidence.length === 0) return state;
  const known = new Set(state.evidence.map((e) => e.sha256));
  const fresh: EvidenceRef[] = [];
  for (const ref of evidence) {
    // A malformed ref from the caller would make the saved state invalid next turn; keep only sound ones.
    const parsed = evidenceRefSchema.safeParse(ref);
    if (!parsed.success || known.has(parsed.data.sha256)) continue;
    known.add(parsed.data.sha256);
    fresh.push(parsed.data);
  }
  return fresh.length > 0 ? { ...state, evidence: [...state.evidence, ...fresh].slice(0, MAX_EVIDENCE) } : state;
}

/** Drop answers to slots that no longer apply (e.g. the leaving date once "still working" became yes). */
export function pruneIrrelevant(state: IntakeState): IntakeState {
  const relevant = new Set(relevantSlots(state).map((s) => s.id));
  const stale = Object.keys(state.answers).filter((id) => !relevant.has(id));
  if (stale.length === 0) return state;
  const answers = { ...state.answers };
  for (const id of stale) delete answers[id];
  return { ...state, answers };
}

/** Move to the next open question: an unanswered slot, then consent, then the summary. */
export function advance(state: IntakeState): IntakeState {
  const pruned = pruneIrrelevant(state);
  const base = { ...pruned, attempts: 0, resume: undefined, suggested: undefined, slot: undefined };
  const next = relevantSlots(pruned).find((s) => pruned.answers[s.id] === undefined && !pruned.skipped.includes(s.id));
  if (next) return { ...base, phase: 'slot', slot: next.id };
  if (pruned.consent === 'unasked') return { ...base, phase: 'consent' };
  return { ...base, phase: 'summary' };
}

/** Set the category, keep answers that fit it, and prefill what the first message already said. */
export function setCategory(state: IntakeState, category: Category): IntakeState {
  const facts = extractFacts(state.description, new Date(state.startedAt));
  const answers: Record<string, unknown> = {};
  let next: IntakeState = state;
  for (const [slotId, value] of Object.entries(state.answers)) {
    if (findSlot(category, slotId)) answers[slotId] = value;
    else next = addNote(next, state.updatedAt, state.answerTexts[slotId] ?? JSON.stringify(value), slotId);
  }
  const prefilled = state.prefilled.filter((id) => answers[id] !== undefined);
  for (const slot of slotsFor(category)) {
    if (answers[slot.id] !== undefined || !slot.prefill) continue;
    const value = slot.prefill(facts, state.description);
    if (value !== undefined && slot.schema.safeParse(value).success) {
      answers[slot.id] = value;
      prefilled.push(slot.id);
    }
  }
  return advance({ ...next, category, answers, prefilled, skipped: next.skipped.filter((id) => id === NAME_SKIPPED || findSlot(category, id)) });
}

/** Slot kinds an answer to another question may fill; free text and choices are only ever asked. */
const FILLED_IN_PASSING: ReadonlySet<SlotKind> = new Set(['employer', 'place', 'amount', 'count', 'period', 'date']);
const TIME_KINDS: ReadonlySet<SlotKind> = new Set(['date', 'period']);

/**
 * Facts an answer gives beyond its own question ("美团众包 北京朝阳望京站" answers the platform and
 * the place): they fill questions not yet reached, so those are not asked. A time in an answer about a
 * time is that answer's, never another date.
 */
export function prefillFromAnswer(state: IntakeState, answered: SlotDefinition, text: string): IntakeState {
  if (!state.category) return state;
  const facts = extractFacts(text, new Date(state.startedAt));
  const answers = { ...state.answers };
  const prefilled = [...state.prefilled];
  for (const slot of relevantSlots(state)) {
    if (slot.id === answered.id || !slot.prefill || !FILLED_IN_PASSING.has(slot.kind)) continue;
    if (answers[slot.id] !== undefined || state.skipped.includes(slot.id)) continue;
    if (TIME_KINDS.has(slot.kind) && TIME_KINDS.has(answered.kind)) continue;
    const value = slot.prefill(facts, text);
    if (value === undefined || !slot.schema.safeParse(value).success) continue;
    answers[slot.id] = value;
    prefilled.push(slot.id);
  }
  return prefilled.length === state.prefilled.length ? state : { ...state, answers, prefilled };
}

/**
 * "记下了：平台或单位 美团众包；城市和站点 北京市朝阳区 望京站。" for the facts `after` holds that `before` did
 * not (read in passing, never asked), so the worker sees what was taken and can correct it; undefined
 * when there are none.
 */
export function notedInPassing(before: IntakeState, after: IntakeState, locale: Locale, except?: string): string | undefined {
  if (!after.category) return undefined;
  const facts = after.prefilled
    .filter((id) => id !== except && !before.prefilled.includes(id) && after.answers[id] !== undefined)
    .flatMap((id) => {
      const slot = findSlot(after.category!, id);
      return slot && FILLED_IN_PASSING.has(slot.kind) ? [`${slot.label[locale]} ${slot.format(after.answers[id], locale)}`] : [];
    });
  return facts.length > 0 ? tr(locale, INTAKE_TEXT.notedInPassing, { facts: facts.join(locale === 'en' ? '; ' : '；') }) : undefined;
}

/** Store an answer to a slot and move on. */
export function answerSlot(state: IntakeState, slot: SlotDefinition, value: unknown, text: string): IntakeState {
  const answerTexts = { ...state.answerTexts };
  if (text) answerTexts[slot.id] = storableText(text);
  return advance({
    ...state,
    answers: { ...state.answers, [slot.id]: value },
    answerTexts,
    skipped: state.skipped.filter((id) => id !== slot.id),
    prefilled: state.prefilled.filter((id) => id !== slot.id),
  });
}

/** "OK, registering it as …" in the worker's language. */
export function categoryChosenLine(locale: Locale, category: Category): string {
  return tr(locale, INTAKE_TEXT.categoryChosen, { category: CATEGORY_LABELS[category][locale] });
}

/** An answer that could not be read: re-ask with the reason, or give up after MAX_ATTEMPTS. */
export function failedAnswer(turn: Turn, text: string, reason?: string): IntakeResult {
  const { state, locale } = turn;
  const slot = currentSlot(state);
  const attempts = state.attempts + 1;
  const noted = addNote(state, turn.now.toISOString(), text, slot?.id ?? state.phase);
  if (attempts < MAX_ATTEMPTS) {
    const lead = [...turn.lead, reason ?? tr(locale, INTAKE_TEXT.notUnderstood)];
    return reply({ ...turn, state: { ...noted, attempts }, lead });
  }
  return giveUp({ ...turn, state: noted }, text);
}

/** After repeated unreadable answers: keep the words for the mediator and move on. */
export function giveUp(turn: Turn, text: string): IntakeResult {
  const { state, locale } = turn;
  const lead = [...turn.lead, tr(locale, INTAKE_TEXT.gaveUp)];
  switch (state.phase) {
    case 'slot': {
      const slot = currentSlot(state)!;
      const answerTexts = text ? { ...state.answerTexts, [slot.id]: storableText(text) } : state.answerTexts;
      const skipped = state.skipped.includes(slot.id) ? state.skipped : [...state.skipped, slot.id];
      return reply({ ...turn, state: advance({ ...state, answerTexts, skipped }), lead });
    }
    case 'confirm_category':
      // the suggestion came from the worker's own words: keep it rather than file the case as "other"
      if (state.suggested) return reply({ ...turn, state: setCategory(state, state.suggested), lead: [...turn.lead, categoryChosenLine(locale, state.suggested)] });
      return reply({ ...turn, state: setCategory(state, 'other'), lead: [...turn.lead, tr(locale, INTAKE_TEXT.categoryFallback)] });
    case 'choose_category':
      return reply({ ...turn, state: setCategory(state, 'other'), lead: [...turn.lead, tr(locale, INTAKE_TEXT.categoryFallback)] });
    case 'consent':
      return reply({ ...turn, state: advance({ ...state, consent: 'declined', contact: {} }), lead: [...turn.lead, tr(locale, INTAKE_TEXT.anonymous)] });
    case 'contact_phone':
      return reply({ ...turn, state: { ...state, phase: 'contact_name', attempts: 0 }, lead });
    default:
      return reply({ ...turn, state: { ...state, attempts: 0 } });
  }
}

/** The end of a cancelled intake. */
export function cancelled(locale: Locale): IntakeResult {
  return { state: null, replies: [{ text: tr(locale, INTAKE_TEXT.cancelled), meta: { intent: 'intake_cancelled' } }] };
}

/** After the phone number: the name question if still open, else onwards. */
export function contactNext(state: IntakeState): IntakeState {
  return nameStillOpen(state) ? { ...state, phase: 'contact_name', attempts: 0 } : advance(state);
}
