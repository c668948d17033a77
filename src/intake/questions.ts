/** Rendering the current question of an intake: its text, its buttons, and where the worker is. */
import { tr } from '../core/i18n.js';
import { CATEGORIES, type Choice, type Locale, type ReplyDraft } from '../core/types.js';
import { CATEGORY_LABELS, categoryChoiceId } from './categories.js';
import { INTAKE_TEXT } from './messages.js';
import { slotsFor } from './slots/catalog.js';
import type { SlotDefinition } from './slots/types.js';
import { NAME_SKIPPED, type IntakeState } from './state.js';
import { summaryText } from './summary.js';

/** Slots of the state's category whose askIf holds for the answers so far. */
export function relevantSlots(state: IntakeState): SlotDefinition[] {
  if (!state.category) return [];
  return slotsFor(state.category).filter((slot) => !slot.askIf || slot.askIf(state.answers));
}

/** The slot being asked, if the intake is on a slot. */
export function currentSlot(state: IntakeState): SlotDefinition | undefined {
  if (state.phase !== 'slot' || !state.category) return undefined;
  return slotsFor(state.category).find((slot) => slot.id === state.slot);
}

/** Choice id of a slot option button. */
export function optionChoiceId(optionId: string): string {
  return `opt:${optionId}`;
}

/** Choice id of an entry of the "what to change" list. */
export function editChoiceId(target: string): string {
  return `edit:${target}`;
}

function slotChoices(slot: SlotDefinition, locale: Locale): Choice[] {
  const choices = (slot.options ?? []).map((o) => ({ id: optionChoiceId(o.id), label: o.label[locale] }));
  const hasUnknown = slot.options?.some((o) => o.id === 'unknown');
  if (slot.kind === 'yes_no' && slot.optional && !hasUnknown) choices.push({ id: 'skip', label: tr(locale, INTAKE_TEXT.notSure) });
  return choices;
}

function editChoices(state: IntakeState, locale: Locale): Choice[] {
  const choices: Choice[] = [{ id: editChoiceId('@category'), label: tr(locale, INTAKE_TEXT.editCategory) }];
  for (const slot of relevantSlots(state)) choices.push({ id: editChoiceId(slot.id), label: slot.label[locale] });
  choices.push({ id: editChoiceId('@contact'), label: tr(locale, INTAKE_TEXT.editContact) });
  if (state.contact.phone) choices.push({ id: editChoiceId('@name'), label: tr(locale, INTAKE_TEXT.editName) });
  choices.push({ id: 'continue', label: tr(locale, INTAKE_TEXT.noChange) });
  return choices;
}

/** The buttons of the current question; a typed "1", "2" … picks them in order. */
export function choicesFor(state: IntakeState, locale: Locale): Choice[] {
  switch (state.phase) {
    case 'choose_category':
      return CATEGORIES.map((c) => ({ id: categoryChoiceId(c), label: CATEGORY_LABELS[c][locale] }));
    case 'confirm_category':
      return [
        { id: 'yes', label: tr(locale, INTAKE_TEXT.yes) },
        { id: 'no', label: tr(locale, INTAKE_TEXT.noOtherCategory) },
      ];
    case 'slot': {
      const slot = currentSlot(state);
      return slot ? slotChoices(slot, locale) : [];
    }
    case 'consent':
      return [
        { id: 'yes', label: tr(locale, INTAKE_TEXT.consentYes) },
        { id: 'no', label: tr(locale, INTAKE_TEXT.consentNo) },
      ];
    case 'summary':
      return [
        { id: 'confirm', label: tr(locale, INTAKE_TEXT.submit) },
        { id: 'edit', label: tr(locale, INTAKE_TEXT.change) },
        { id: 'cancel', label: tr(locale, INTAKE_TEXT.cancel) },
      ];
    case 'pick_edit':
      return editChoices(state, locale);
    case 'confirm_cancel':
      return [
        { id: 'cancel', label: tr(locale, INTAKE_TEXT.confirmCancelYes) },
        { id: 'continue', label: tr(locale, INTAKE_TEXT.keepGoing) },
      ];
    default:
      return [];
  }
}

function slotQuestion(state: IntakeState, slot: SlotDefinition, locale: Locale): string {
  // Questions answered by the first message are not asked, so they are not counted either.
  const relevant = relevantSlots(state).filter((s) => s.id === slot.id || !state.prefilled.includes(s.id));
  const index = relevant.findIndex((s) => s.id === slot.id);
  const lines = [`${tr(locale, slot.question)}${index >= 0 ? tr(locale, INTAKE_TEXT.progress, { n: index + 1, total: relevant.length }) : ''}`];
  if (!slot.options || slot.kind === 'choice') lines.push(tr(locale, INTAKE_TEXT.example, { example: tr(locale, slot.example) }));
  if (slot.optional && !slot.options) lines.push(tr(locale, INTAKE_TEXT.skipHint));
  return lines.join('\n');
}

/** The text of the current question, without buttons. */
export function questionText(state: IntakeState, locale: Locale): string {
  switch (state.phase) {
    case 'choose_category':
      return tr(locale, INTAKE_TEXT.chooseCategory);
    case 'confirm_category':
      return tr(locale, INTAKE_TEXT.confirmCategory, { category: CATEGORY_LABELS[state.suggested ?? 'other'][locale] });
    case 'slot': {
      const slot = currentSlot(state);
      return slot ? slotQuestion(state, slot, locale) : tr(locale, INTAKE_TEXT.chooseCategory);
    }
    case 'consent':
      return tr(locale, INTAKE_TEXT.consent);
    case 'contact_phone':
      return `${tr(locale, INTAKE_TEXT.askPhone)}\n${tr(locale, INTAKE_TEXT.example, { example: tr(locale, INTAKE_TEXT.phoneExample) })}\n${tr(locale, INTAKE_TEXT.skipHint)}`;
    case 'contact_name':
      return tr(locale, INTAKE_TEXT.askName);
    case 'summary':
      return summaryText(state, locale);
    case 'pick_edit':
      return tr(locale, INTAKE_TEXT.pickEdit);
    case 'confirm_cancel':
      return tr(locale, INTAKE_TEXT.confirmCancel);
  }
}

/** One reply: acknowledgement lines first, then the current question and its buttons. */
export function questionReply(state: IntakeState, locale: Locale, lead: string[] = [], intent = 'intake'): ReplyDraft {
  const text = [...lead, questionText(state, locale)].join('\n');
  const choices = choicesFor(state, locale);
  const meta = { intent: state.phase === 'summary' && intent === 'intake' ? 'intake_summary' : intent };
  return choices.length > 0 ? { text, choices, meta } : { text, meta };
}

/** Where an intake stands, in one short paragraph, to show after a restart or an interruption. */
export function describeIntakePosition(state: IntakeState, locale: Locale): string {
  if (!state.category) {
    return `${tr(locale, INTAKE_TEXT.positionNoCategory)}\n${questionText(state, locale)}`;
  }
  const steps: Partial<Record<IntakeState['phase'], string>> = {
    consent: tr(locale, INTAKE_TEXT.stepConsent),
    contact_phone: tr(locale, INTAKE_TEXT.stepPhone),
    contact_name: tr(locale, INTAKE_TEXT.stepName),
    summary: tr(locale, INTAKE_TEXT.stepSummary),
    pick_edit: tr(locale, INTAKE_TEXT.stepPickEdit),
    confirm_cancel: tr(locale, INTAKE_TEXT.stepCancel),
  };
  const step = steps[state.phase];
  const slot = currentSlot(state);
  const where = step
    ? tr(locale, INTAKE_TEXT.positionPhase, { step })
    : tr(locale, INTAKE_TEXT.stepQuestion, { question: slot ? tr(locale, slot.question) : questionText(state, locale) });
  const answered = Object.keys(state.answers).length;
  return tr(locale, INTAKE_TEXT.position, { category: CATEGORY_LABELS[state.category][locale], answered, question: where });
}

/** True when the worker has put something into this intake that a cancel would throw away. */
export function hasProgress(state: IntakeState): boolean {
  return Object.keys(state.answers).length > state.prefilled.length || state.evidence.length > 0 || state.contact.phone !== undefined;
}

/** Whether the name question is still to be asked. */
export function nameStillOpen(state: IntakeState): boolean {
  return state.contact.name === undefined && !state.skipped.includes(NAME_SKIPPED);
}

/**
 * True when the current question takes free words (a story, a name, a place, additions at
 * the summary), so a "?" in the message is part of the answer, not a side question.
 */
export function awaitsFreeText(state: IntakeState): boolean {
  if (state.phase === 'summary' || state.phase === 'contact_name') return true;
  const kind = currentSlot(state)?.kind;
  return kind === 'text' || kind === 'employer' || kind === 'place' || kind === 'evidence';
}
