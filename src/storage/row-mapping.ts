/**
 * Row ↔ record mapping both SQL backends share. SQLite hands back JSON as text
 * and flags as 0/1, PostgreSQL as objects, booleans and bigint strings; these
 * functions accept either so the two stores stay identical.
 */
import type { CaseHistoryEntry, EvidenceRef, StaffUser } from '../cases/model.js';
import type { LoggedMessage } from '../core/ports.js';
import type { CannedReply, CannedReplyInput } from '../core/canned-replies.js';

/** A JSON column: text (SQLite, PostgreSQL text) or an already parsed object (PostgreSQL jsonb). */
export type JsonColumn = string | object | null;

/** Parse a JSON column; SQL NULL means the value was undefined when written. */
export function fromJson<T>(value: JsonColumn): T {
  if (value === null) return undefined as T;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Serialise for a JSON column; undefined becomes SQL NULL rather than the string "undefined". */
export function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** A message-log row as both backends select it. */
export interface MessageRow {
  seq: number | string | bigint;
  conversation_key: string;
  direction: string;
  author: string;
  message: JsonColumn;
  at: string;
  delivered: number | boolean;
}

/** Turn a message-log row into the record the core sees. */
export function toLoggedMessage(row: MessageRow): LoggedMessage {
  return {
    seq: Number(row.seq),
    conversationKey: row.conversation_key,
    direction: row.direction as LoggedMessage['direction'],
    author: row.author,
    message: fromJson(row.message),
    at: row.at,
    delivered: Boolean(row.delivered),
  };
}

/** A case-history row. */
export interface HistoryRow {
  case_id: string;
  at: string;
  actor: string;
  action: string;
  detail: JsonColumn;
}

/** Turn a history row into an entry; a missing detail stays absent rather than null. */
export function toHistoryEntry(row: HistoryRow): CaseHistoryEntry {
  const entry: CaseHistoryEntry = { caseId: row.case_id, at: row.at, actor: row.actor, action: row.action };
  const detail = fromJson(row.detail);
  if (detail !== undefined) entry.detail = detail;
  return entry;
}

/** An evidence row. */
export interface EvidenceRow {
  sha256: string;
  name: string | null;
  mime_type: string | null;
  size: number | string;
  received_at: string;
}

/** Turn an evidence row into the reference kept with a case. */
export function toEvidenceRef(row: EvidenceRow): EvidenceRef {
  const ref: EvidenceRef = { sha256: row.sha256, size: Number(row.size), receivedAt: row.received_at };
  if (row.name !== null) ref.name = row.name;
  if (row.mime_type !== null) ref.mimeType = row.mime_type;
  return ref;
}

/** One audit-log entry as the StaffStore returns it. */
export interface AuditEntry {
  actor: string;
  action: string;
  target?: string;
  at: string;
  detail?: unknown;
}

/** An audit row. */
export interface AuditRow {
  actor: string;
  action: string;
  target: string | null;
  at: string;
  detail: JsonColumn;
}

/** Turn an audit row into an entry with absent optionals left out. */
export function toAuditEntry(row: AuditRow): AuditEntry {
  const entry: AuditEntry = { actor: row.actor, action: row.action, at: row.at };
  if (row.target !== null) entry.target = row.target;
  const detail = fromJson(row.detail);
  if (detail !== undefined) entry.detail = detail;
  return entry;
}

/** Staff users are stored as one JSON document besides the token hash. */
export function toStaffUser(row: { data: JsonColumn }): StaffUser {
  return fromJson<StaffUser>(row.data);
}

/** Build a staff user from what `addUser` receives, copying only known fields. */
export function newStaffUser(input: Omit<StaffUser, 'id' | 'createdAt'>, id: string, now: Date): StaffUser {
  const user: StaffUser = { id, name: input.name, role: input.role, createdAt: now.toISOString() };
  if (input.publicName !== undefined) user.publicName = input.publicName;
  if (input.skills !== undefined) user.skills = input.skills;
  if (input.regions !== undefined) user.regions = input.regions;
  if (input.slackUserId !== undefined) user.slackUserId = input.slackUserId;
  return user;
}

/** A canned reply from what an admin wrote, copying only known fields; `previous` keeps its id and creation time. */
export function cannedReplyRecord(input: CannedReplyInput, now: Date, previous: Pick<CannedReply, 'id' | 'createdAt'>): CannedReply {
  return { id: previous.id, title: input.title.trim(), text: input.text.trim(), locale: input.locale, createdAt: previous.createdAt, updatedAt: now.toISOString() };
}
