/** Zod schemas of normalised slot answers; saved intake state is checked against them on load. */
import { z } from 'zod';
import { isIsoDate } from '../../text/civil-date.js';

const isoDate = z.string().refine(isIsoDate, 'expected a YYYY-MM-DD date');
const yearMonthString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** An amount in yuan. */
export const amountValueSchema = z.object({ amount: z.number().positive(), approximate: z.boolean() });

/** A calendar date in China time. */
export const dateValueSchema = z.object({ date: isoDate, approximate: z.boolean() });

/** A span of months and/or a length in months. */
export const periodValueSchema = z
  .object({
    from: yearMonthString.optional(),
    to: yearMonthString.optional(),
    months: z.number().positive().optional(),
    ongoing: z.boolean().optional(),
    approximate: z.boolean(),
  })
  .refine((p) => p.months !== undefined || (p.from !== undefined && p.to !== undefined), 'a period needs months or a span');

/** A head count, possibly a floor ("10 or more"). */
export const countValueSchema = z.object({ count: z.number().int().positive(), atLeast: z.boolean() });

/** A place as the worker said it, with the administrative names the table recognised. */
export const placeValueSchema = z.object({
  text: z.string().min(1),
  province: z.string().optional(),
  city: z.string().optional(),
  district: z.string().optional(),
});

/** Who the worker works for: their words plus the platforms recognised in them. */
export const employerValueSchema = z.object({ name: z.string().min(1), platforms: z.array(z.string()) });

/** What evidence the worker says they hold (files sent are kept separately as EvidenceRefs). */
export const evidenceValueSchema = z.object({
  has: z.boolean(),
  kinds: z.array(z.string()),
  note: z.string().optional(),
});

/** A free-text answer. */
export const textValueSchema = z.string().min(1);

/** A yes/no answer. */
export const yesNoValueSchema = z.boolean();

/** Normalised amount answer. */
export type AmountValue = z.infer<typeof amountValueSchema>;
/** Normalised date answer. */
export type DateValue = z.infer<typeof dateValueSchema>;
/** Normalised period answer. */
export type PeriodValue = z.infer<typeof periodValueSchema>;
/** Normalised head-count answer. */
export type CountValue = z.infer<typeof countValueSchema>;
/** Normalised place answer. */
export type PlaceValue = z.infer<typeof placeValueSchema>;
/** Normalised employer answer. */
export type EmployerValue = z.infer<typeof employerValueSchema>;
/** Normalised evidence answer. */
export type EvidenceValue = z.infer<typeof evidenceValueSchema>;
