/** The summary a worker confirms, and the case draft made from it. */
import { tr } from '../core/i18n.js';
import type { Locale } from '../core/types.js';
import type { CaseDraft } from '../cases/model.js';
import { assignTier, dueAt } from '../cases/tier.js';
import { deadlineWarnings } from '../cases/deadlines.js';
import { CATEGORY_LABELS } from './categories.js';
import { INTAKE_TEXT, SUMMARY_LABELS } from './messages.js';
import { slotsFor } from './slots/catalog.js';
import type { IntakeState } from './state.js';

/** Who is filing and where; the same fields as the intake context. */
export interface DraftContext {
  locale: Locale;
  userKey: string;
  channel: string;
  conversationKey: string;
}

interface SummaryItem {
  label: string;
  value: string;
}

function items(state: IntakeState, locale: Locale): SummaryItem[] {
  if (!state.category) return [];
  const list: SummaryItem[] = [{ label: tr(locale, SUMMARY_LABELS.category), value: CATEGORY_LABELS[state.category][locale] }];
  for (const slot of slotsFor(state.category)) {
    if (slot.askIf && !slot.askIf(state.answers)) continue;
    const value = state.answers[slot.id];
    if (value !== undefined) {
      list.push({ label: slot.label[locale], value: slot.format(value, locale) });
    } else if (state.skipped.includes(slot.id)) {
      const own = state.answerTexts[slot.id];
      const shown = own ? tr(locale, SUMMARY_LABELS.ownWords, { text: own }) : tr(locale, SUMMARY_LABELS.skippedValue);
      list.push({ label: slot.label[locale], value: shown });
    }
  }
  if (state.evidence.length > 0) {
    list.push({ label: tr(locale, SUMMARY_LABELS.files), value: tr(locale, SUMMARY_LABELS.filesCount, { n: state.evidence.length }) });
  }
  if (state.contact.phone) list.push({ label: tr(locale, SUMMARY_LABELS.phone), value: state.contact.phone });
  else list.push({ label: tr(locale, SUMMARY_LABELS.anonymous), value: tr(locale, SUMMARY_LABELS.anonymousValue) });
  if (state.contact.name) list.push({ label: tr(locale, SUMMARY_LABELS.name), value: state.contact.name });
  const supplements = state.notes.filter((n) => n.slot === undefined).map((n) => n.text);
  if (supplements.length > 0) list.push({ label: tr(locale, SUMMARY_LABELS.supplements), value: supplements.join(' / ') });
  return list;
}

/** The summary shown before submitting: every answer with its label, then how to confirm. */
export function summaryText(state: IntakeState, locale: Locale): string {
  const colon = locale === 'en' ? ': ' : '：';
  const lines = items(state, locale).map((item) => `· ${item.label}${colon}${item.value}`);
  return [tr(locale, INTAKE_TEXT.summaryIntro), ...lines, tr(locale, INTAKE_TEXT.summaryOutro)].join('\n');
}

/** One paragraph for the case record, in the worker's language (no phone number: cases are shown to staff lists). */
export function summaryParagraph(state: IntakeState, locale: Locale): string {
  const separator = locale === 'en' ? '; ' : '；';
  const body = items(state, locale)
    .filter((item) => item.label !== tr(locale, SUMMARY_LABELS.phone))
    .map((item) => `${item.label}${locale === 'en' ? ': ' : '：'}${item.value}`)
    .join(separator);
  const description = state.description ? `${separator}${tr(locale, SUMMARY_LABELS.description)}${locale === 'en' ? ': ' : '：'}${state.description}` : '';
  return `${body}${description}`;
}

/** The facts stored with a case: normalised answers of relevant slots plus the worker's own words. */
export function caseFacts(state: IntakeState): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  if (state.category) {
    for (const slot of slotsFor(state.category)) {
      if (slot.askIf && !slot.askIf(state.answers)) continue;
      if (state.answers[slot.id] !== undefined) facts[slot.id] = state.answers[slot.id];
    }
  }
  if (state.description) facts.description = state.description;
  if (Object.keys(state.answerTexts).length > 0) facts.answerTexts = { ...state.answerTexts };
  if (state.skipped.length > 0) facts.skipped = [...state.skipped];
  if (state.notes.length > 0) facts.notes = state.notes.map((n) => ({ ...n }));
  if (state.prefilled.length > 0) facts.prefilled = [...state.prefilled];
  if (state.violence) facts.violence = true;
  return facts;
}

/** The case draft a confirmed intake hands to the caller, with tier, due time and deadline warnings. */
export function buildCaseDraft(state: IntakeState, ctx: DraftContext, now: Date): CaseDraft {
  const category = state.category ?? 'other';
  const facts = caseFacts(state);
  const tier = assignTier(category, facts);
  const draft: CaseDraft = {
    userKey: ctx.userKey,
    channel: ctx.channel,
    conversationKey: ctx.conversationKey,
    category,
    facts,
    summary: summaryParagraph(state, ctx.locale),
    anonymous: state.contact.phone === undefined,
    tier,
    dueAt: dueAt(tier, now).toISOString(),
    warnings: deadlineWarnings(category, facts, now, ctx.locale),
    locale: ctx.locale,
    evidence: state.evidence.map((e) => ({ ...e })),
    origin: 'intake',
  };
  if (state.contact.phone || state.contact.name) {
    draft.contact = {};
    if (state.contact.phone) draft.contact.phone = state.contact.phone;
    if (state.contact.name) draft.contact.name = state.contact.name;
  }
  return draft;
}
