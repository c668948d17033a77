/**
 * Storage in memory for tests that need somewhere to write but are not about storage. It passes the
 * same storage contract as the embedded and shared backends (test/fakes/memory-storage.test.ts) and
 * checks its input with the same validation, so a test cannot pass here and fail on a real backend
 * for a malformed case or log entry. Several instances opened over one `MemoryStorageData` see the
 * same data, like two processes on one database; values are copied in and out as JSON, as a database
 * would store them.
 */
import { withPersonalDataMasking } from '../../src/storage/masking.js';
import { randomUUID } from 'node:crypto';
import { GongyouError } from '../../src/core/errors.js';
import type { OutgoingMessage } from '../../src/core/types.js';
import type { BlobStore, ConversationStateStore, DedupeStore, LoggedMessage, MessageLog } from '../../src/core/ports.js';
import { maskedEntry, readEntry, type UnansweredEntry, type UnansweredStore } from '../../src/core/unanswered.js';
import type {
  CaseHistoryEntry,
  CaseRecord,
  CaseStatus,
  CaseStore,
  EvidenceRef,
  StaffStore,
  StaffUser,
} from '../../src/cases/model.js';
import { assertBlobData, isSha256Hex, sha256Hex } from '../../src/storage/blobs.js';
import {
  applyCasePatch,
  caseYear,
  formatCaseNumber,
  matchesExpectation,
  newCaseRecord,
  patchForHistory,
} from '../../src/storage/case-records.js';
import { assertDedupeInput } from '../../src/storage/dedupe-policy.js';
import { cannedReplyRecord, newStaffUser } from '../../src/storage/row-mapping.js';
import type { CannedReply, CannedReplyInput, CannedReplyStore } from '../../src/core/canned-replies.js';
import { hashStaffToken, looksLikeStaffToken, newStaffToken } from '../../src/storage/staff-tokens.js';
import type { Storage } from '../../src/storage/types.js';
import {
  assertAuditEntry,
  assertCannedReplyInput,
  assertCaseDraft,
  assertCasePatch,
  assertEvidenceRef,
  assertLogEntry,
  assertStaffInput,
} from '../../src/storage/validation.js';

type AuditEntry = Awaited<ReturnType<StaffStore['listAudit']>>[number];

/** A JSON copy, so a caller changing an object it passed in or got back changes nothing stored. */
function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** What a memory storage keeps; share one between `openMemoryStorage` calls to reopen the same data. */
export class MemoryStorageData {
  readonly cases = new Map<string, CaseRecord>();
  readonly caseCounters = new Map<number, number>();
  readonly history: CaseHistoryEntry[] = [];
  readonly evidence = new Map<string, EvidenceRef[]>();
  readonly messages: LoggedMessage[] = [];
  readonly dedupe = new Map<string, string[]>();
  readonly blobs = new Map<string, Buffer>();
  readonly staff: Array<{ user: StaffUser; tokenHash: string }> = [];
  readonly audit: AuditEntry[] = [];
  readonly state = new Map<string, string>();
  readonly unanswered: UnansweredEntry[] = [];
  readonly cannedReplies: CannedReply[] = [];
}

class MemoryCaseStore implements CaseStore {
  constructor(private readonly data: MemoryStorageData) {}

  async createCase(draft: Parameters<CaseStore['createCase']>[0], actor: string, now: Date): Promise<CaseRecord> {
    assertCaseDraft(draft);
    const year = caseYear(now);
    const sequence = (this.data.caseCounters.get(year) ?? 0) + 1;
    this.data.caseCounters.set(year, sequence);
    const record = newCaseRecord(copy(draft), formatCaseNumber(year, sequence), now);
    this.data.cases.set(record.id, copy(record));
    for (const evidence of draft.evidence) this.storeEvidence(record.id, evidence);
    this.data.history.push({ caseId: record.id, at: record.createdAt, actor, action: 'created', detail: { status: record.status } });
    return record;
  }

  async getCase(id: string): Promise<CaseRecord | undefined> {
    return copy(this.data.cases.get(id));
  }

  async listCasesByUser(userKeys: string[]): Promise<CaseRecord[]> {
    return this.sorted((record) => userKeys.includes(record.userKey));
  }

  async listCases(filter?: { status?: CaseStatus }): Promise<CaseRecord[]> {
    return this.sorted((record) => !filter?.status || record.status === filter.status);
  }

  readonly updateCase: CaseStore['updateCase'] = async (id, patch, actor, action, now, expect) => {
    assertCasePatch(patch);
    const current = this.data.cases.get(id);
    if (!current || !matchesExpectation(current, expect)) return undefined;
    // the patch as given: a key present with `undefined` clears the field, which a JSON copy would lose
    const next = applyCasePatch(copy(current), patch, now);
    this.data.cases.set(id, copy(next));
    this.data.history.push({ caseId: id, at: next.updatedAt, actor, action, detail: copy(patchForHistory(patch)) });
    return copy(next);
  };

  async history(id: string): Promise<CaseHistoryEntry[]> {
    return copy(this.data.history.filter((entry) => entry.caseId === id));
  }

  async addEvidence(caseId: string, evidence: EvidenceRef, actor: string, now: Date): Promise<void> {
    assertEvidenceRef(evidence);
    if (!this.data.cases.has(caseId)) throw new GongyouError('not_found', `case ${caseId} does not exist`);
    if (this.storeEvidence(caseId, evidence)) {
      this.data.history.push({ caseId, at: now.toISOString(), actor, action: 'evidence_added', detail: { sha256: evidence.sha256 } });
    }
  }

  async listEvidence(caseId: string): Promise<EvidenceRef[]> {
    return copy(this.data.evidence.get(caseId) ?? []);
  }

  /** Newest first, like the SQL backends (created_at DESC, id DESC). */
  private sorted(keep: (record: CaseRecord) => boolean): CaseRecord[] {
    const records = [...this.data.cases.values()].filter(keep);
    records.sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)));
    return copy(records);
  }

  /** The same photo sent twice is kept once; true when it was new. */
  private storeEvidence(caseId: string, evidence: EvidenceRef): boolean {
    const list = this.data.evidence.get(caseId) ?? [];
    if (list.some((kept) => kept.sha256 === evidence.sha256)) return false;
    list.push(copy(evidence));
    this.data.evidence.set(caseId, list);
    return true;
  }
}

class MemoryMessageLog implements MessageLog {
  constructor(private readonly data: MemoryStorageData) {}

  async append(entry: Omit<LoggedMessage, 'seq'>): Promise<LoggedMessage> {
    assertLogEntry(entry);
    const seq = (this.data.messages.at(-1)?.seq ?? 0) + 1;
    const logged = { ...copy(entry), seq };
    this.data.messages.push(logged);
    return copy(logged);
  }

  async listOutbound(conversationKey: string, afterId?: string): Promise<OutgoingMessage[]> {
    const outbound = this.data.messages.filter((m) => m.conversationKey === conversationKey && m.direction === 'out');
    // an id that is not one of this conversation's outgoing messages means "everything", as in SQL
    let after = -1;
    outbound.forEach((m, i) => {
      if (m.message.id === afterId) after = i;
    });
    return copy(outbound.slice(after + 1).map((m) => m.message));
  }

  async transcript(conversationKey: string, limit?: number): Promise<LoggedMessage[]> {
    const all = this.data.messages.filter((m) => m.conversationKey === conversationKey);
    if (limit === undefined) return copy(all);
    const n = Math.max(0, Math.floor(limit));
    return copy(n === 0 ? [] : all.slice(-n));
  }

  async markDelivered(messageId: string): Promise<void> {
    for (const m of this.data.messages) if (m.direction === 'out' && m.message.id === messageId) m.delivered = true;
  }

  async undelivered(limit = 100): Promise<LoggedMessage[]> {
    const pending = this.data.messages.filter((m) => m.direction === 'out' && !m.delivered);
    return copy(pending.slice(0, Math.max(0, Math.floor(limit))));
  }
}

class MemoryDedupeStore implements DedupeStore {
  constructor(private readonly data: MemoryStorageData) {}

  async seen(key: string): Promise<string[] | undefined> {
    assertDedupeInput(key);
    return copy(this.data.dedupe.get(key));
  }

  /** The first remember of a key wins, as in both real backends. */
  async remember(key: string, replyIds: string[], _now: Date): Promise<void> {
    assertDedupeInput(key, replyIds);
    if (!this.data.dedupe.has(key)) this.data.dedupe.set(key, [...replyIds]);
  }
}

class MemoryBlobStore implements BlobStore {
  constructor(private readonly data: MemoryStorageData) {}

  async put(data: Buffer): Promise<string> {
    assertBlobData(data);
    const sha256 = sha256Hex(data);
    if (!this.data.blobs.has(sha256)) this.data.blobs.set(sha256, Buffer.from(data));
    return sha256;
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    if (!isSha256Hex(sha256)) return undefined;
    const blob = this.data.blobs.get(sha256);
    return blob ? Buffer.from(blob) : undefined;
  }
}

class MemoryStaffStore implements StaffStore {
  constructor(
    private readonly data: MemoryStorageData,
    private readonly newId: () => string,
  ) {}

  async addUser(input: Omit<StaffUser, 'id' | 'createdAt'>, now: Date): Promise<{ user: StaffUser; token: string }> {
    assertStaffInput(input);
    const user = newStaffUser(copy(input), this.newId(), now);
    const token = newStaffToken();
    this.data.staff.push({ user: copy(user), tokenHash: hashStaffToken(token) });
    return { user, token };
  }

  async findByToken(token: string): Promise<StaffUser | undefined> {
    if (!looksLikeStaffToken(token)) return undefined;
    const hash = hashStaffToken(token);
    return copy(this.data.staff.find((s) => s.tokenHash === hash)?.user);
  }

  async getUser(id: string): Promise<StaffUser | undefined> {
    return copy(this.data.staff.find((s) => s.user.id === id)?.user);
  }

  async listUsers(): Promise<StaffUser[]> {
    return copy(this.data.staff.map((s) => s.user));
  }

  async audit(entry: AuditEntry): Promise<void> {
    assertAuditEntry(entry);
    const kept: AuditEntry = { actor: entry.actor, action: entry.action, at: entry.at };
    if (entry.target !== undefined) kept.target = entry.target;
    if (entry.detail !== undefined) kept.detail = copy(entry.detail);
    this.data.audit.push(kept);
  }

  /** Newest first. */
  async listAudit(limit = 100): Promise<AuditEntry[]> {
    return copy(this.data.audit.slice().reverse().slice(0, Math.max(0, Math.floor(limit))));
  }
}

class MemoryStateStore implements ConversationStateStore {
  constructor(private readonly data: MemoryStorageData) {}

  async get<T>(key: string): Promise<T | undefined> {
    assertStateKey(key);
    const text = this.data.state.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  /** Stored as JSON text, as keyv stores it in both real backends (dates come back as ISO strings). */
  async set<T>(key: string, value: T): Promise<void> {
    assertStateKey(key);
    if (value === undefined) throw new GongyouError('bad_request', 'state value is undefined; use delete() to remove it');
    this.data.state.set(key, JSON.stringify(value));
  }

  async delete(key: string): Promise<void> {
    assertStateKey(key);
    this.data.state.delete(key);
  }
}

function assertStateKey(key: string): void {
  if (typeof key !== 'string' || key === '') throw new GongyouError('bad_request', 'state key must be a non-empty string');
}

class MemoryUnansweredStore implements UnansweredStore {
  constructor(private readonly data: MemoryStorageData) {}

  async record(entry: UnansweredEntry): Promise<void> {
    try {
      this.data.unanswered.push(copy(maskedEntry(entry)));
    } catch {
      // never throws, as the port promises
    }
  }

  async entries(since?: Date): Promise<UnansweredEntry[]> {
    return copy(this.data.unanswered.flatMap((entry) => readEntry(entry, since) ?? []));
  }
}

class MemoryCannedReplyStore implements CannedReplyStore {
  constructor(
    private readonly data: MemoryStorageData,
    private readonly newId: () => string,
  ) {}

  async list(): Promise<CannedReply[]> {
    return copy(this.data.cannedReplies);
  }

  async get(id: string): Promise<CannedReply | undefined> {
    return copy(this.data.cannedReplies.find((r) => r.id === id));
  }

  async add(input: CannedReplyInput, now: Date): Promise<CannedReply> {
    assertCannedReplyInput(input);
    const reply = cannedReplyRecord(input, now, { id: this.newId(), createdAt: now.toISOString() });
    this.data.cannedReplies.push(copy(reply));
    return reply;
  }

  async update(id: string, input: CannedReplyInput, now: Date): Promise<CannedReply | undefined> {
    assertCannedReplyInput(input);
    const at = this.data.cannedReplies.findIndex((r) => r.id === id);
    if (at < 0) return undefined;
    const reply = cannedReplyRecord(input, now, this.data.cannedReplies[at]);
    this.data.cannedReplies[at] = copy(reply);
    return reply;
  }

  async remove(id: string): Promise<boolean> {
    const at = this.data.cannedReplies.findIndex((r) => r.id === id);
    if (at >= 0) this.data.cannedReplies.splice(at, 1);
    return at >= 0;
  }
}

/** Options of the memory storage. */
export interface MemoryStorageOptions {
  /** The data to open; a fresh, empty store when omitted. */
  data?: MemoryStorageData;
  /** Id generator for staff users (default: random UUIDs). */
  newId?: () => string;
}

/** Open storage in memory; after `close()` every store refuses further use, as a closed database does. */
export function openMemoryStorage(options: MemoryStorageOptions = {}): Storage {
  const data = options.data ?? new MemoryStorageData();
  let closed = false;
  const open = <T extends object>(store: T, name: string): T =>
    new Proxy(store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (closed) return Promise.reject(new GongyouError('storage_failed', `${name}: the memory storage is closed`));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  // The same masking every real backend gets, so the fake stores no ID number either.
  return withPersonalDataMasking({
    cases: open(new MemoryCaseStore(data), 'cases'),
    messages: open(new MemoryMessageLog(data), 'messages'),
    dedupe: open(new MemoryDedupeStore(data), 'dedupe'),
    blobs: open(new MemoryBlobStore(data), 'blobs'),
    staff: open(new MemoryStaffStore(data, options.newId ?? randomUUID), 'staff'),
    state: open(new MemoryStateStore(data), 'state'),
    unanswered: open(new MemoryUnansweredStore(data), 'unanswered'),
    cannedReplies: open(new MemoryCannedReplyStore(data, randomUUID), 'cannedReplies'),
    async close() {
      closed = true;
    },
  });
}
