/**
 * Intake state: plain JSON (ISO strings, no Dates or class instances) so it can be saved
 * every turn and resumed by a restarted process. The schema checks a saved state on load,
 * including every answer against its slot's schema.
 */
import { z } from 'zod';
import { CATEGORIES, type Category } from '../core/types.js';
import { findSlot } from './slots/catalog.js';

/** Where in the conversation an intake is. */
export const INTAKE_PHASES = [
  'choose_category',
  'confirm_category',
  'slot',
  'consent',
  'contact_phone',
  'contact_name',
  'summary',
  'pick_edit',
  'confirm_cancel',
] as const;

/** One phase of an intake. */
export type IntakePhase = (typeof INTAKE_PHASES)[number];

/** Marker in `skipped` for the optional name question of the contact step. */
export const NAME_SKIPPED = '@name';

const PHASES_NEEDING_CATEGORY: ReadonlySet<IntakePhase> = new Set(['slot', 'consent', 'contact_phone', 'contact_name', 'summary', 'pick_edit']);

/** A piece of evidence as intake keeps it (same fields as storage's EvidenceRef). */
export const evidenceRefSchema = z.object({
  sha256: z.string().min(1).max(128),
  name: z.string().optional(),
  mimeType: z.string().optional(),
  size: z.number().int().min(0),
  receivedAt: z.string(),
});

const positionSchema = z.object({ phase: z.enum(INTAKE_PHASES), slot: z.string().optional() });

const noteSchema = z.object({ at: z.string(), slot: z.string().optional(), text: z.string() });

function checkPosition(
  position: { phase: IntakePhase; slot?: string },
  category: Category | undefined,
  ctx: z.RefinementCtx,
  path: string[],
): void {
  if (PHASES_NEEDING_CATEGORY.has(position.phase) && !category) {
    ctx.addIssue({ code: 'custom', message: `phase ${position.phase} needs a category`, path });
  }
  if (position.phase === 'slot' && (!category || !position.slot || !findSlot(category, position.slot))) {
    ctx.addIssue({ code: 'custom', message: 'slot phase needs a slot of the category', path });
  }
}

/** Schema of a saved intake state; use it to validate state loaded from storage. */
export const intakeStateSchema = z
  .object({
    version: z.literal(1),
    phase: z.enum(INTAKE_PHASES),
    /** The slot being asked (phase `slot`). */
    slot: z.string().optional(),
    category: z.enum(CATEGORIES).optional(),
    /** Category proposed by the classifier, awaiting the worker's yes. */
    suggested: z.enum(CATEGORIES).optional(),
    /** The worker's own description (first message plus anything added while choosing a category). */
    description: z.string(),
    /** Normalised answers by slot id. */
    answers: z.record(z.string(), z.unknown()),
    /** The worker's words for each answer, kept for the mediator. */
    answerTexts: z.record(z.string(), z.string()),
    /** Slots answered from the first message. */
    prefilled: z.array(z.string()),
    skipped: z.array(z.string()),
    /** Texts that did not become an answer (unreadable answers, additions at the summary). */
    notes: z.array(noteSchema),
    consent: z.enum(['unasked', 'given', 'declined']),
    contact: z.object({ phone: z.string().regex(/^1[3-9]\d{9}$/).optional(), name: z.string().optional() }),
    evidence: z.array(evidenceRefSchema),
    /** Failed answers to the current question in a row. */
    attempts: z.number().int().min(0),
    /** Where to return after "continue" from the cancel question or the edit list. */
    resume: positionSchema.optional(),
    /** The first message mentioned violence: urgent whatever the category. */
    violence: z.boolean(),
    startedAt: z.string(),
    updatedAt: z.string(),
  })
  .superRefine((state, ctx) => {
    checkPosition(state, state.category, ctx, ['phase']);
    if (state.resume) checkPosition(state.resume, state.category, ctx, ['resume']);
    if (state.phase === 'confirm_category' && !state.suggested) {
      ctx.addIssue({ code: 'custom', message: 'confirm_category needs a suggested category', path: ['suggested'] });
    }
    for (const [slotId, value] of Object.entries(state.answers)) {
      const slot = state.category ? findSlot(state.category, slotId) : undefined;
      if (!slot || !slot.schema.safeParse(value).success) {
        ctx.addIssue({ code: 'custom', message: `answer ${slotId} does not fit the category`, path: ['answers', slotId] });
      }
    }
  });

/** A saved intake, as JSON. */
export type IntakeState = z.infer<typeof intakeStateSchema>;

/** A position in the conversation (phase and slot). */
export type IntakePosition = z.infer<typeof positionSchema>;

/** Results of `checkIntakeState` by saved object. */
const checkedStates = new WeakMap<object, ReturnType<typeof intakeStateSchema.safeParse>>();

/**
 * `intakeStateSchema.safeParse(saved)`, once per saved object: a turn reads the same saved intake in
 * the understanding step and again in the machine (and Q&A), and the schema checks every answer
 * against its slot's schema (each parse was ~1.5% of a turn's CPU and ~4% of its allocated bytes in
 * `npm run bench -- intake`). Saved states and the parsed ones are never changed in place (the
 * machine returns new states), so a result stays true for its object.
 */
export function checkIntakeState(saved: unknown): ReturnType<typeof intakeStateSchema.safeParse> {
  if (saved === null || typeof saved !== 'object') return intakeStateSchema.safeParse(saved);
  let checked = checkedStates.get(saved);
  if (!checked) {
    checked = intakeStateSchema.safeParse(saved);
    checkedStates.set(saved, checked);
  }
  return checked;
}
