/**
 * Grievance intake: a pure, JSON-state machine that turns a worker's free description into
 * a confirmed CaseDraft, plus the classifier the router uses to spot a complaint.
 */
import { tr } from '../core/i18n.js';
import type { Locale } from '../core/types.js';
import { discardedIntake, type IntakeContext, type IntakeResult } from './machine.js';
import { INTAKE_TEXT } from './messages.js';
import { describeIntakePosition, questionReply } from './questions.js';
import { checkIntakeState, type IntakeState } from './state.js';

export { startIntake, stepIntake, MAX_ATTEMPTS } from './machine.js';
export type { IntakeContext, IntakeInput, IntakeResult } from './machine.js';
export { intakeStateSchema, INTAKE_PHASES } from './state.js';
export type { IntakeState, IntakePhase } from './state.js';
export { awaitsFreeText, describeIntakePosition } from './questions.js';
export { looksLikeGrievance } from './classify.js';
export { classifyGrievance, CONFIDENT_CLASSIFICATION } from '../text/category.js';
export type { GrievanceClassification } from '../text/category.js';
export { extractFacts } from './extract.js';
export type { ExtractedFacts } from './extract.js';
export { caseCreatedReplies, dueInWords } from './case-created.js';
export { CATEGORY_LABELS } from './categories.js';
export { slotsFor } from './slots/catalog.js';

/** A saved state if it is valid, otherwise null (a corrupt or outdated save is dropped, never trusted). */
export function loadIntakeState(saved: unknown): IntakeState | null {
  const parsed = checkIntakeState(saved);
  return parsed.success ? parsed.data : null;
}

/**
 * Re-ask the current question after a restart or an interruption. Takes the raw saved
 * value: a corrupt one is discarded with a polite message (state null), never a crash. `lead` goes
 * before the question (by default "we continue where we left off"; empty when the caller said so).
 */
export function resumeIntake(saved: unknown, ctx: IntakeContext, lead: string[] = [tr(ctx.locale, INTAKE_TEXT.resumed)]): IntakeResult {
  const state = loadIntakeState(saved);
  if (!state) return discardedIntake(ctx.locale);
  return { state, replies: [questionReply(state, ctx.locale, lead)] };
}

/** The position text in a locale, for a caller that only has the saved value. */
export function describeSavedIntake(saved: unknown, locale: Locale): string | null {
  const state = loadIntakeState(saved);
  return state ? describeIntakePosition(state, locale) : null;
}
