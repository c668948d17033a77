/** Cases, their history and evidence in PostgreSQL, safe with many instances writing at once. */
import type pg from 'pg';
import { GongyouError } from '../../core/errors.js';
import * as caseRules from '../case-records.js';
import { fromJson, toEvidenceRef, toHistoryEntry, toJson, type EvidenceRow, type HistoryRow } from '../row-mapping.js';
import type { CaseDraft, CaseHistoryEntry, CaseRecord, CaseStatus, CaseStore, EvidenceRef } from '../../cases/model.js';
import { assertCaseDraft, assertCasePatch, assertEvidenceRef } from '../validation.js';
import { withTransaction } from './pool.js';

type Queryable = Pick<pg.PoolClient, 'query'>;
type DataRow = { data: string };

const NEWEST_FIRST = 'ORDER BY created_at DESC, id DESC';

/** CaseStore on PostgreSQL. */
export class PgCaseStore implements CaseStore {
  constructor(private readonly pool: pg.Pool) {}

  async createCase(draft: CaseDraft, actor: string, now: Date): Promise<CaseRecord> {
    assertCaseDraft(draft);
    return withTransaction(this.pool, async (client) => {
      // The upsert locks the year's counter row until commit, so concurrent creates queue here
      // and a rolled-back create gives its number back.
      const year = caseRules.caseYear(now);
      const { rows } = await client.query<{ last: number }>(
        `INSERT INTO case_counters (year, last) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last = case_counters.last + 1 RETURNING last`,
        [year],
      );
      const record = caseRules.newCaseRecord(draft, caseRules.formatCaseNumber(year, rows[0].last), now);
      await client.query(
        'INSERT INTO cases (id, user_key, status, owner, created_at, data) VALUES ($1, $2, $3, NULL, $4, $5)',
        [record.id, record.userKey, record.status, record.createdAt, JSON.stringify(record)],
      );
      for (const evidence of draft.evidence) await insertEvidence(client, record.id, evidence);
      await insertHistory(client, record.id, record.createdAt, actor, 'created', { status: record.status });
      return record;
    });
  }

  async getCase(id: string): Promise<CaseRecord | undefined> {
    const { rows } = await this.pool.query<DataRow>('SELECT data FROM cases WHERE id = $1', [id]);
    return rows[0] ? fromJson<CaseRecord>(rows[0].data) : undefined;
  }

  async listCasesByUser(userKeys: string[]): Promise<CaseRecord[]> {
    if (userKeys.length === 0) return [];
    const { rows } = await this.pool.query<DataRow>(`SELECT data FROM cases WHERE user_key = ANY($1) ${NEWEST_FIRST}`, [
      userKeys,
    ]);
    return rows.map((row) => fromJson<CaseRecord>(row.data));
  }

  async listCases(filter?: { status?: CaseStatus }): Promise<CaseRecord[]> {
    const { rows } = filter?.status
      ? await this.pool.query<DataRow>(`SELECT data FROM cases WHERE status = $1 ${NEWEST_FIRST}`, [filter.status])
      : await this.pool.query<DataRow>(`SELECT data FROM cases ${NEWEST_FIRST}`);
    return rows.map((row) => fromJson<CaseRecord>(row.data));
  }

  /** Typed from the interface: the parameter list is long and must not drift from it. */
  readonly updateCase: CaseStore['updateCase'] = async (id, patch, actor, action, now, expect) => {
    assertCasePatch(patch);
    return withTransaction(this.pool, async (client) => {
      // FOR UPDATE makes the second of two racing claims wait, then see the first one's result
      const { rows } = await client.query<DataRow>('SELECT data FROM cases WHERE id = $1 FOR UPDATE', [id]);
      if (!rows[0]) return undefined;
      const current = fromJson<CaseRecord>(rows[0].data);
      if (!caseRules.matchesExpectation(current, expect)) return undefined;
      const next = caseRules.applyCasePatch(current, patch, now);
      await client.query('UPDATE cases SET status = $1, owner = $2, data = $3 WHERE id = $4', [
        next.status,
        next.owner ?? null,
        JSON.stringify(next),
        id,
      ]);
      await insertHistory(client, id, next.updatedAt, actor, action, caseRules.patchForHistory(patch));
      return next;
    });
  };

  async history(id: string): Promise<CaseHistoryEntry[]> {
    const { rows } = await this.pool.query<HistoryRow>(
      'SELECT case_id, at, actor, action, detail FROM case_history WHERE case_id = $1 ORDER BY id',
      [id],
    );
    return rows.map(toHistoryEntry);
  }

  async addEvidence(caseId: string, evidence: EvidenceRef, actor: string, now: Date): Promise<void> {
    assertEvidenceRef(evidence);
    await withTransaction(this.pool, async (client) => {
      const { rowCount } = await client.query('SELECT 1 FROM cases WHERE id = $1 FOR SHARE', [caseId]);
      if (!rowCount) throw new GongyouError('not_found', `case ${caseId} does not exist`);
      // the same photo sent twice is kept once; only a real addition goes into the history
      if (await insertEvidence(client, caseId, evidence)) {
        await insertHistory(client, caseId, now.toISOString(), actor, 'evidence_added', { sha256: evidence.sha256 });
      }
    });
  }

  async listEvidence(caseId: string): Promise<EvidenceRef[]> {
    const { rows } = await this.pool.query<EvidenceRow>(
      'SELECT sha256, name, mime_type, size, received_at FROM case_evidence WHERE case_id = $1 ORDER BY id',
      [caseId],
    );
    return rows.map(toEvidenceRef);
  }
}

async function insertEvidence(client: Queryable, caseId: string, evidence: EvidenceRef): Promise<boolean> {
  const { rowCount } = await client.query(
    `INSERT INTO case_evidence (case_id, sha256, name, mime_type, size, received_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id, sha256) DO NOTHING`,
    [caseId, evidence.sha256, evidence.name ?? null, evidence.mimeType ?? null, evidence.size, evidence.receivedAt],
  );
  return (rowCount ?? 0) > 0;
}

async function insertHistory(
  client: Queryable,
  caseId: string,
  at: string,
  actor: string,
  action: string,
  detail: unknown,
): Promise<void> {
  await client.query('INSERT INTO case_history (case_id, at, actor, action, detail) VALUES ($1, $2, $3, $4, $5)', [
    caseId,
    at,
    actor,
    action,
    toJson(detail),
  ]);
}
