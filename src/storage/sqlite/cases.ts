/** Cases, their history and evidence in SQLite. */
import type Database from 'better-sqlite3';
import { GongyouError } from '../../core/errors.js';
import {
  applyCasePatch,
  caseYear,
  formatCaseNumber,
  matchesExpectation,
  newCaseRecord,
  patchForHistory,
} from '../case-records.js';
import { toEvidenceRef, toHistoryEntry, toJson, type EvidenceRow, type HistoryRow } from '../row-mapping.js';
import type { CaseDraft, CaseHistoryEntry, CaseRecord, CaseStatus, CaseStore, EvidenceRef } from '../../cases/model.js';
import { assertCaseDraft, assertCasePatch, assertEvidenceRef } from '../validation.js';
import type { SqliteWriteQueue } from './write-queue.js';

type DataRow = { data: string };

/**
 * CaseStore on one SQLite connection. Each write runs whole in its own savepoint
 * of the write queue's batch; better-sqlite3 is synchronous, so a read-check-write
 * (a claim) cannot interleave with another.
 */
export class SqliteCaseStore implements CaseStore {
  private readonly nextNumber;
  private readonly insertCase;
  private readonly insertEvidence;
  private readonly insertHistory;
  private readonly selectCase;
  private readonly selectByUsers;
  private readonly selectAll;
  private readonly selectByStatus;
  private readonly writeCase;
  private readonly selectHistory;
  private readonly selectEvidence;

  constructor(
    db: Database.Database,
    private readonly writes: SqliteWriteQueue,
  ) {
    // the counter row is bumped inside the insert transaction, so a rolled-back insert leaves no gap
    this.nextNumber = db.prepare<[number], { last: number }>(
      'INSERT INTO case_counters (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last',
    );
    this.insertCase = db.prepare(
      'INSERT INTO cases (id, user_key, status, owner, created_at, data) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertEvidence = db.prepare(
      'INSERT OR IGNORE INTO case_evidence (case_id, sha256, name, mime_type, size, received_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertHistory = db.prepare('INSERT INTO case_history (case_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)');
    this.selectCase = db.prepare<[string], DataRow>('SELECT data FROM cases WHERE id = ?');
    // json_each keeps "any number of user keys" to one prepared statement
    this.selectByUsers = db.prepare<[string], DataRow>(
      'SELECT data FROM cases WHERE user_key IN (SELECT value FROM json_each(?)) ORDER BY created_at DESC, id DESC',
    );
    this.selectAll = db.prepare<[], DataRow>('SELECT data FROM cases ORDER BY created_at DESC, id DESC');
    this.selectByStatus = db.prepare<[string], DataRow>(
      'SELECT data FROM cases WHERE status = ? ORDER BY created_at DESC, id DESC',
    );
    this.writeCase = db.prepare('UPDATE cases SET status = ?, owner = ?, data = ? WHERE id = ?');
    this.selectHistory = db.prepare<[string], HistoryRow>(
      'SELECT case_id, at, actor, action, detail FROM case_history WHERE case_id = ? ORDER BY id',
    );
    this.selectEvidence = db.prepare<[string], EvidenceRow>(
      'SELECT sha256, name, mime_type, size, received_at FROM case_evidence WHERE case_id = ? ORDER BY id',
    );
  }

  async createCase(draft: CaseDraft, actor: string, now: Date): Promise<CaseRecord> {
    assertCaseDraft(draft);
    return this.writes.runAtomic(() => {
      const year = caseYear(now);
      const { last } = this.nextNumber.get(year)!;
      const record = newCaseRecord(draft, formatCaseNumber(year, last), now);
      this.insertCase.run(record.id, record.userKey, record.status, null, record.createdAt, JSON.stringify(record));
      for (const evidence of draft.evidence) this.storeEvidence(record.id, evidence);
      this.insertHistory.run(record.id, record.createdAt, actor, 'created', toJson({ status: record.status }));
      return record;
    });
  }

  async getCase(id: string): Promise<CaseRecord | undefined> {
    const row = this.selectCase.get(id);
    return row ? (JSON.parse(row.data) as CaseRecord) : undefined;
  }

  async listCasesByUser(userKeys: string[]): Promise<CaseRecord[]> {
    if (userKeys.length === 0) return [];
    return this.selectByUsers.all(JSON.stringify(userKeys)).map((row) => JSON.parse(row.data) as CaseRecord);
  }

  async listCases(filter?: { status?: CaseStatus }): Promise<CaseRecord[]> {
    const rows = filter?.status ? this.selectByStatus.all(filter.status) : this.selectAll.all();
    return rows.map((row) => JSON.parse(row.data) as CaseRecord);
  }

  /** Typed from the interface: the parameter list is long and must not drift from it. */
  readonly updateCase: CaseStore['updateCase'] = async (id, patch, actor, action, now, expect) => {
    assertCasePatch(patch);
    return this.writes.runAtomic(() => {
      const row = this.selectCase.get(id);
      if (!row) return undefined;
      const current = JSON.parse(row.data) as CaseRecord;
      if (!matchesExpectation(current, expect)) return undefined;
      const next = applyCasePatch(current, patch, now);
      this.writeCase.run(next.status, next.owner ?? null, JSON.stringify(next), id);
      this.insertHistory.run(id, next.updatedAt, actor, action, toJson(patchForHistory(patch)));
      return next;
    });
  };

  async history(id: string): Promise<CaseHistoryEntry[]> {
    return this.selectHistory.all(id).map(toHistoryEntry);
  }

  async addEvidence(caseId: string, evidence: EvidenceRef, actor: string, now: Date): Promise<void> {
    assertEvidenceRef(evidence);
    await this.writes.runAtomic(() => {
      if (!this.selectCase.get(caseId)) throw new GongyouError('not_found', `case ${caseId} does not exist`);
      // the same photo sent twice is kept once; only a real addition goes into the history
      if (this.storeEvidence(caseId, evidence)) {
        this.insertHistory.run(caseId, now.toISOString(), actor, 'evidence_added', toJson({ sha256: evidence.sha256 }));
      }
    });
  }

  async listEvidence(caseId: string): Promise<EvidenceRef[]> {
    return this.selectEvidence.all(caseId).map(toEvidenceRef);
  }

  private storeEvidence(caseId: string, evidence: EvidenceRef): boolean {
    const result = this.insertEvidence.run(
      caseId,
      evidence.sha256,
      evidence.name ?? null,
      evidence.mimeType ?? null,
      evidence.size,
      evidence.receivedAt,
    );
    return result.changes > 0;
  }
}
