/**
 * Conversational grievance intake as a pure state machine: (state, input) → (state,
 * replies, draft?). No I/O, no clock reads beyond the injected one, JSON-only state.
 */
import { tr } from '../core/i18n.js';
import type { Category, Clock, Locale, ReplyDraft } from '../core/types.js';
import type { CaseDraft, EvidenceRef } from '../cases/model.js';
import { categoryOfChoice } from './categories.js';
import { classifyGrievance, CONFIDENT_CLASSIFICATION } from '../text/category.js';
import { COMMAND_CHOICES, detectControlCommand, detectEditCommand, type IntakeCommand } from './commands.js';
import { extractFacts } from './extract.js';
import { INTAKE_TEXT } from './messages.js';
import { redactIdNumbers } from '../text/id-number.js';
import { normalizeAnswer, storableText } from '../text/normalize.js';
import {
  correctAnswer,
  cancelAnswer,
  chooseCategory,
  confirmCategory,
  consentAnswer,
  filesOnly,
  nameAnswer,
  phoneAnswer,
  pickEditAnswer,
  resolveEditTarget,
  skipSlot,
  slotAnswer,
  startEdit,
  summaryAnswer,
} from './phases.js';
import { choicesFor, currentSlot, hasProgress } from './questions.js';
import { checkIntakeState, NAME_SKIPPED, type IntakeState } from './state.js';
import { advance, cancelled, categoryChosenLine, giveUp, reply, setCategory, withEvidence, type Turn } from './transitions.js';

export { MAX_ATTEMPTS } from './transitions.js';

/** One worker message as intake sees it. */
export interface IntakeInput {
  text: string;
  /** A pressed button (or a typed number the caller already mapped). */
  choiceId?: string;
  /** Files the caller has stored for this message. */
  evidence?: EvidenceRef[];
  /** The worker corrects an earlier answer ("不对，我没申请工伤认定", "金额是四千不是三千"). */
  correction?: boolean;
}

/** The world intake runs in. */
export interface IntakeContext {
  clock: Clock;
  locale: Locale;
  userKey: string;
  channel: string;
  conversationKey: string;
}

/** The new state (null: finished or cancelled), what to say, and the draft once confirmed. */
export interface IntakeResult {
  state: IntakeState | null;
  replies: ReplyDraft[];
  /** Present exactly once, on the turn the worker confirmed; then create the case and call caseCreatedReplies. */
  draft?: CaseDraft;
}

const NUMBER_PICK = /^\d{1,2}$/;


function runCommand(turn: Turn, command: IntakeCommand): IntakeResult {
  const { state, locale } = turn;
  switch (command.kind) {
    case 'cancel':
      if (state.phase === 'confirm_cancel' || !hasProgress(state)) return cancelled(locale);
      return reply({ ...turn, state: { ...state, phase: 'confirm_cancel', resume: { phase: state.phase, slot: state.slot }, attempts: 0 } });
    case 'help':
      return reply({ ...turn, lead: [...turn.lead, tr(locale, INTAKE_TEXT.help), tr(locale, INTAKE_TEXT.nowAsking)] }, 'intake_help');
    case 'skip':
      return skipCurrent(turn);
    case 'edit':
      return startEdit(turn, command.target);
  }
}

function skipCurrent(turn: Turn): IntakeResult {
  const { state, locale } = turn;
  switch (state.phase) {
    case 'slot':
      return skipSlot(turn, currentSlot(state)!);
    case 'consent':
      return reply({ ...turn, state: advance({ ...state, consent: 'declined', contact: {} }), lead: [...turn.lead, tr(locale, INTAKE_TEXT.anonymous)] });
    case 'contact_phone':
      return reply({ ...turn, state: { ...state, phase: 'contact_name', attempts: 0 } });
    case 'contact_name':
      return reply({ ...turn, state: advance({ ...state, skipped: [...state.skipped.filter((id) => id !== NAME_SKIPPED), NAME_SKIPPED] }) });
    case 'confirm_category':
      return reply({ ...turn, state: { ...state, phase: 'choose_category', attempts: 0 } });
    case 'choose_category':
      return giveUp(turn, '');
    default:
      return reply(turn);
  }
}

/** The reply when a saved intake cannot be used: start again, politely. */
export function discardedIntake(locale: Locale): IntakeResult {
  return { state: null, replies: [{ text: tr(locale, INTAKE_TEXT.discarded), meta: { intent: 'intake_discarded' } }] };
}

/** A typed "1", "2" … picks the current question's buttons in order. */
function choiceFromNumber(state: IntakeState, text: string, locale: Locale): string | undefined {
  if (!NUMBER_PICK.test(text)) return undefined;
  const choices = choicesFor(state, locale);
  return choices[Number(text) - 1]?.id;
}

/** Advance an intake by one worker message. Never throws on any input; always asks something or ends. */
export function stepIntake(state: unknown, input: IntakeInput, ctx: IntakeContext): IntakeResult {
  const now = ctx.clock.now();
  const locale = ctx.locale;
  // A state that is not what this version wrote (corrupt store, old format) is dropped politely, not trusted.
  const checked = checkIntakeState(state);
  if (!checked.success) return discardedIntake(locale);
  const lead: string[] = [];
  let current: IntakeState = { ...checked.data, updatedAt: now.toISOString() };
  const withFiles = withEvidence(current, input.evidence);
  const files = withFiles.evidence.length - current.evidence.length;
  if (files > 0) lead.push(tr(locale, INTAKE_TEXT.evidenceReceived, { n: files }));
  current = withFiles;
  const sent = storableText(typeof input.text === 'string' ? input.text : '');
  const raw = redactIdNumbers(sent);
  const idNumberRemoved = raw !== sent;
  if (idNumberRemoved) lead.push(tr(locale, INTAKE_TEXT.idNotNeeded));
  const text = normalizeAnswer(raw);
  const choiceId = input.choiceId || choiceFromNumber(current, text, locale);
  const turn: Turn = { state: current, raw, idNumberRemoved, lead, locale, now };
  if (!text && !choiceId) {
    return files > 0 ? filesOnly(turn) : reply({ ...turn, lead: [...lead, tr(locale, INTAKE_TEXT.noText)] });
  }
  const command = choiceId ? COMMAND_CHOICES.get(choiceId) : detectControlCommand(text);
  if (command) return runCommand(turn, command);
  if (input.correction && !choiceId && current.category) {
    const corrected = correctAnswer(turn, text);
    if (corrected) return corrected;
  }
  switch (current.phase) {
    case 'choose_category':
      return chooseCategory(turn, text, choiceId);
    case 'confirm_category':
      return confirmCategory(turn, text, choiceId);
    case 'consent':
      return consentAnswer(turn, text, choiceId);
    case 'summary': {
      const edit = choiceId ? undefined : detectEditCommand(text, (words) => resolveEditTarget(current, words));
      return edit ? runCommand(turn, edit) : summaryAnswer(turn, text, choiceId, ctx);
    }
    case 'pick_edit':
      return pickEditAnswer(turn, text, choiceId);
    case 'confirm_cancel':
      return cancelAnswer(turn, text, choiceId);
    default: {
      const edit = choiceId ? undefined : detectEditCommand(text, (words) => resolveEditTarget(current, words));
      if (edit) return runCommand(turn, edit);
      if (current.phase === 'contact_phone') return phoneAnswer(turn, text);
      if (current.phase === 'contact_name') return nameAnswer(turn);
      return slotAnswer(turn, choiceId);
    }
  }
}

/**
 * Begin an intake from the worker's first message. With a preset category (a button, or
 * a QA answer that offered intake) the category question is skipped; otherwise the
 * classifier proposes one for the worker to confirm, or the worker picks from the list.
 */
export function startIntake(input: IntakeInput, ctx: IntakeContext, preset: { category?: Category; text?: string } = {}): IntakeResult {
  const now = ctx.clock.now();
  const locale = ctx.locale;
  const sent = storableText(preset.text ?? (typeof input.text === 'string' ? input.text : ''));
  const description = redactIdNumbers(sent);
  const at = now.toISOString();
  let state: IntakeState = {
    version: 1,
    phase: 'choose_category',
    description,
    answers: {},
    answerTexts: {},
    prefilled: [],
    skipped: [],
    notes: [],
    consent: 'unasked',
    contact: {},
    evidence: [],
    attempts: 0,
    violence: extractFacts(description, now).violence,
    startedAt: at,
    updatedAt: at,
  };
  state = withEvidence(state, input.evidence);
  const lead = [tr(locale, INTAKE_TEXT.intro)];
  if (description !== sent) lead.push(tr(locale, INTAKE_TEXT.idNotNeeded));
  if (state.evidence.length > 0) lead.push(tr(locale, INTAKE_TEXT.evidenceReceived, { n: state.evidence.length }));
  const turn: Turn = { state, raw: description, idNumberRemoved: description !== sent, lead, locale, now };
  if (preset.category) return reply({ ...turn, state: setCategory(state, preset.category), lead: [...lead, categoryChosenLine(locale, preset.category)] });
  const picked = input.choiceId ? categoryOfChoice(input.choiceId) : undefined;
  if (picked) return reply({ ...turn, state: setCategory(state, picked), lead: [...lead, categoryChosenLine(locale, picked)] });
  const classified = classifyGrievance(description);
  if (classified.confidence >= CONFIDENT_CLASSIFICATION) {
    return reply({ ...turn, state: { ...state, phase: 'confirm_category', suggested: classified.category } });
  }
  return reply(turn);
}
