/**
 * Checks at the storage boundary: a bad draft or log entry is refused with a
 * clear `bad_request` before it can leave half a case in the database.
 */
import { z } from 'zod';
import { CATEGORIES } from '../core/types.js';
import { GongyouError } from '../core/errors.js';
import { MEDIATOR_OUTCOMES } from '../core/mediator.js';
import type { CaseDraft, CaseOutcome, CasePatch, EvidenceRef } from '../cases/model.js';
import type { LoggedMessage } from '../core/ports.js';
import { MAX_CANNED_TEXT, MAX_CANNED_TITLE } from '../core/canned-replies.js';

const nonEmpty = z.string().min(1);
const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time');
const status = z.enum(['waiting', 'active', 'open', 'closed']);
const tier = z.enum(['on_the_spot', 'same_day', 'three_days']);
// core/mediator.ts already lists the outcomes; `satisfies` breaks the build if that list drifts from CaseOutcome
const outcome = z.enum(MEDIATOR_OUTCOMES satisfies readonly CaseOutcome[]);

const evidenceSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256'),
  name: z.string().optional(),
  mimeType: z.string().optional(),
  size: z.number().int().nonnegative(),
  receivedAt: isoTime,
});

const draftSchema = z.object({
  userKey: nonEmpty,
  channel: nonEmpty,
  conversationKey: nonEmpty,
  category: z.enum(CATEGORIES),
  facts: z.record(z.string(), z.unknown()),
  summary: z.string(),
  anonymous: z.boolean(),
  contact: z.object({ phone: z.string().optional(), name: z.string().optional() }).optional(),
  tier,
  dueAt: isoTime,
  warnings: z.array(z.string()),
  locale: z.enum(['zh-CN', 'en']),
  evidence: z.array(evidenceSchema),
  origin: z.string().optional(),
  status: status.optional(),
});

const patchSchema = z.object({
  status: status.optional(),
  owner: z.string().optional(),
  outcome: outcome.optional(),
  publicNote: z.string().optional(),
  nextStep: z.string().optional(),
  tier: tier.optional(),
  dueAt: isoTime.optional(),
  facts: z.record(z.string(), z.unknown()).optional(),
  summary: z.string().optional(),
  category: z.enum(CATEGORIES).optional(),
  warnings: z.array(z.string()).optional(),
  contact: z.object({ phone: z.string().optional(), name: z.string().optional() }).optional(),
  anonymous: z.boolean().optional(),
  origin: z.string().optional(),
  privateNotes: z.array(z.object({ at: isoTime, by: nonEmpty, text: z.string() })).optional(),
  labels: z.array(z.string()).optional(),
});

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): void {
  const result = schema.safeParse(value);
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new GongyouError('bad_request', `${what} is invalid: ${where}`, { cause: result.error });
  }
}

/** Refuse a case draft missing required fields or carrying unknown enum values. */
export function assertCaseDraft(draft: CaseDraft): void {
  check(draftSchema, draft, 'case draft');
}

/** Refuse a patch with wrongly typed fields (unknown keys are refused too: they would be silently lost). */
export function assertCasePatch(patch: CasePatch): void {
  check(patchSchema.strict(), patch, 'case patch');
}

/** Refuse evidence whose hash or size is not what the blob store produces. */
export function assertEvidenceRef(evidence: EvidenceRef): void {
  check(evidenceSchema, evidence, 'evidence');
}

/**
 * Hand-written rather than zod because it runs on every message in and out,
 * and the benchmark counts those.
 */
export function assertLogEntry(entry: Omit<LoggedMessage, 'seq'>): void {
  const problems: string[] = [];
  if (typeof entry.conversationKey !== 'string' || entry.conversationKey === '') problems.push('conversationKey is empty');
  if (entry.direction !== 'in' && entry.direction !== 'out') problems.push('direction must be "in" or "out"');
  if (typeof entry.author !== 'string' || entry.author === '') problems.push('author is empty');
  if (typeof entry.message?.id !== 'string' || entry.message.id === '') problems.push('message.id is empty');
  if (typeof entry.at !== 'string') problems.push('at must be an ISO string');
  if (problems.length > 0) throw new GongyouError('bad_request', `log entry is invalid: ${problems.join('; ')}`);
}

const staffInputSchema = z.object({
  name: nonEmpty,
  role: z.enum(['mediator', 'admin', 'supervisor']),
  publicName: z.string().optional(),
  skills: z.array(z.string()).optional(),
  regions: z.array(z.string()).optional(),
  slackUserId: z.string().optional(),
});

const auditSchema = z.object({
  actor: nonEmpty,
  action: nonEmpty,
  target: z.string().optional(),
  at: isoTime,
  detail: z.unknown().optional(),
});

/** Refuse a staff account without a name or with an unknown role (roles decide permissions). */
export function assertStaffInput(input: unknown): void {
  check(staffInputSchema, input, 'staff user');
}

/** Refuse an audit entry that would not say who did what, when. */
export function assertAuditEntry(entry: unknown): void {
  check(auditSchema, entry, 'audit entry');
}

const cannedReplySchema = z.object({
  title: z.string().trim().min(1, 'is empty').max(MAX_CANNED_TITLE, `is longer than ${MAX_CANNED_TITLE} characters`),
  text: z.string().trim().min(1, 'is empty').max(MAX_CANNED_TEXT, `is longer than ${MAX_CANNED_TEXT} characters`),
  locale: z.enum(['zh-CN', 'en']),
});

/** Refuse a canned reply without a title or text, too long, or in a language the bot does not speak. */
export function assertCannedReplyInput(input: unknown): void {
  check(cannedReplySchema, input, 'canned reply');
}
