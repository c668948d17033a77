/** Staff accounts and the audit log in PostgreSQL. */
import type pg from 'pg';
import { newStaffUser, toAuditEntry, toJson, toStaffUser, type AuditEntry, type AuditRow } from '../row-mapping.js';
import { hashStaffToken, looksLikeStaffToken, newStaffToken } from '../staff-tokens.js';
import type { StaffStore, StaffUser } from '../../cases/model.js';
import { assertAuditEntry, assertStaffInput } from '../validation.js';

/** How many audit entries `listAudit` returns when the caller does not say. */
export const PG_DEFAULT_AUDIT_LIMIT = 100;

type DataRow = { data: string };

/** StaffStore on PostgreSQL; only sha256 hashes of tokens are stored. */
export class PgStaffStore implements StaffStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly newId: () => string,
  ) {}

  async addUser(input: Omit<StaffUser, 'id' | 'createdAt'>, now: Date): Promise<{ user: StaffUser; token: string }> {
    assertStaffInput(input);
    const user = newStaffUser(input, this.newId(), now);
    const token = newStaffToken();
    await this.pool.query('INSERT INTO staff_users (id, token_hash, created_at, data) VALUES ($1, $2, $3, $4)', [
      user.id,
      hashStaffToken(token),
      user.createdAt,
      JSON.stringify(user),
    ]);
    return { user, token };
  }

  async findByToken(token: string): Promise<StaffUser | undefined> {
    if (!looksLikeStaffToken(token)) return undefined;
    const { rows } = await this.pool.query<DataRow>('SELECT data FROM staff_users WHERE token_hash = $1', [
      hashStaffToken(token),
    ]);
    return rows[0] ? toStaffUser(rows[0]) : undefined;
  }

  async getUser(id: string): Promise<StaffUser | undefined> {
    const { rows } = await this.pool.query<DataRow>('SELECT data FROM staff_users WHERE id = $1', [id]);
    return rows[0] ? toStaffUser(rows[0]) : undefined;
  }

  async listUsers(): Promise<StaffUser[]> {
    const { rows } = await this.pool.query<DataRow>('SELECT data FROM staff_users ORDER BY created_at, id');
    return rows.map(toStaffUser);
  }

  async audit(entry: AuditEntry): Promise<void> {
    assertAuditEntry(entry);
    await this.pool.query('INSERT INTO audit_log (actor, action, target, at, detail) VALUES ($1, $2, $3, $4, $5)', [
      entry.actor,
      entry.action,
      entry.target ?? null,
      entry.at,
      toJson(entry.detail),
    ]);
  }

  /** Newest first. */
  async listAudit(limit = PG_DEFAULT_AUDIT_LIMIT): Promise<AuditEntry[]> {
    const { rows } = await this.pool.query<AuditRow>(
      'SELECT actor, action, target, at, detail FROM audit_log ORDER BY id DESC LIMIT $1',
      [Math.max(0, Math.floor(limit))],
    );
    return rows.map(toAuditEntry);
  }
}
