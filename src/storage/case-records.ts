/**
 * Case logic both backends share, so SQLite and PostgreSQL cannot disagree on
 * what a case number looks like, what a patch clears or when a claim matches.
 */
import type { CaseDraft, CasePatch, CaseRecord } from '../cases/model.js';

/**
 * The union works on China time (UTC+8, no daylight saving), so a case opened
 * at 00:30 on 1 January in Beijing belongs to the new year even though UTC is
 * still in the old one.
 */
export const CASE_YEAR_UTC_OFFSET_MINUTES = 8 * 60;

/** The year whose sequence a case created at `now` takes its number from. */
export function caseYear(now: Date, utcOffsetMinutes = CASE_YEAR_UTC_OFFSET_MINUTES): number {
  return new Date(now.getTime() + utcOffsetMinutes * 60_000).getUTCFullYear();
}

/** `GY-<year>-<6 digits>`; past 999999 the number simply grows wider rather than wrapping. */
export function formatCaseNumber(year: number, sequence: number): string {
  return `GY-${year}-${String(sequence).padStart(6, '0')}`;
}

/** True for strings shaped like a case number, so lookups can refuse junk early. */
export function isCaseNumber(id: string): boolean {
  return /^GY-\d{4}-\d{6,}$/.test(id);
}

/** Build the stored record from a validated draft, copying only known fields. */
export function newCaseRecord(draft: CaseDraft, id: string, now: Date): CaseRecord {
  const at = now.toISOString();
  const record: CaseRecord = {
    id,
    userKey: draft.userKey,
    channel: draft.channel,
    conversationKey: draft.conversationKey,
    category: draft.category,
    facts: draft.facts,
    summary: draft.summary,
    anonymous: draft.anonymous,
    tier: draft.tier,
    dueAt: draft.dueAt,
    warnings: draft.warnings,
    locale: draft.locale,
    status: draft.status ?? 'open',
    createdAt: at,
    updatedAt: at,
  };
  if (draft.contact !== undefined) record.contact = draft.contact;
  if (draft.origin !== undefined) record.origin = draft.origin;
  return record;
}

/** Optional fields a patch may clear by passing `undefined` (e.g. releasing the owner on hand-back). */
const CLEARABLE_FIELDS = new Set<keyof CasePatch>(['owner', 'outcome', 'publicNote', 'nextStep']);

/**
 * Apply a patch: a present key with value `undefined` clears a clearable field
 * and is ignored for required ones, so a careless spread cannot blank a summary.
 */
export function applyCasePatch(record: CaseRecord, patch: CasePatch, now: Date): CaseRecord {
  const next: Record<string, unknown> = { ...record };
  for (const [key, value] of Object.entries(patch) as Array<[keyof CasePatch, unknown]>) {
    if (value === undefined) {
      if (CLEARABLE_FIELDS.has(key)) delete next[key];
    } else {
      next[key] = value;
    }
  }
  next.updatedAt = now.toISOString();
  return next as unknown as CaseRecord;
}

/**
 * Whether the stored case still looks the way the caller expected; an
 * `owner: undefined` expectation means "nobody owns it yet".
 */
export function matchesExpectation(
  record: CaseRecord,
  expect: Partial<Pick<CaseRecord, 'status' | 'owner'>> | undefined,
): boolean {
  if (!expect) return true;
  if ('status' in expect && record.status !== expect.status) return false;
  if ('owner' in expect && (record.owner ?? undefined) !== expect.owner) return false;
  return true;
}

/** The patch as history keeps it: a cleared field shows as null instead of vanishing in JSON. */
export function patchForHistory(patch: CasePatch): Record<string, unknown> {
  return Object.fromEntries(Object.entries(patch).map(([key, value]) => [key, value === undefined ? null : value]));
}
