/** The shape every intake question (slot) has, whatever kind of answer it takes. */
import type { z } from 'zod';
import type { BiText } from '../../core/i18n.js';
import type { Locale } from '../../core/types.js';
import type { ExtractedFacts } from '../extract.js';

/** Kinds of answer a slot takes; the kind decides the parser and whether buttons are offered. */
export type SlotKind = 'text' | 'employer' | 'place' | 'amount' | 'date' | 'period' | 'count' | 'yes_no' | 'choice' | 'evidence';

/** One option of a choice slot, with the words that select it when typed. */
export interface SlotOption {
  id: string;
  label: BiText;
  words: readonly string[];
}

/** Result of parsing one answer: a normalised value, or a failure with an optional reason to show. */
export type SlotParse = { ok: true; value: unknown } | { ok: false; reason?: BiText };

/** Answers given so far, by slot id. */
export type SlotAnswers = Readonly<Record<string, unknown>>;

/** One question of an intake: how to ask it, how to read the answer, how to show it back. */
export interface SlotDefinition {
  id: string;
  kind: SlotKind;
  label: BiText;
  question: BiText;
  example: BiText;
  /** Optional slots may be skipped ("跳过", "不知道"). */
  optional: boolean;
  /** Validates a normalised value (used on load of saved state). */
  schema: z.ZodType;
  options?: readonly SlotOption[];
  /** Words that name this slot in "改一下金额". */
  aliases: readonly string[];
  /** Ask only when earlier answers make the question relevant. */
  askIf?: (answers: SlotAnswers) => boolean;
  /** A value already given in the first message, if any. */
  prefill?: (facts: ExtractedFacts, description: string) => unknown;
  parse(text: string, now: Date): SlotParse;
  format(value: unknown, locale: Locale): string;
}

/** What a slot builder needs besides the kind-specific parts. */
export interface SlotSpec {
  id: string;
  label: BiText;
  question: BiText;
  example: BiText;
  aliases: readonly string[];
  optional?: boolean;
  askIf?: (answers: SlotAnswers) => boolean;
  prefill?: (facts: ExtractedFacts, description: string) => unknown;
}
