/** Staff accounts and the audit log in SQLite. */
import type Database from 'better-sqlite3';
import { newStaffUser, toAuditEntry, toJson, toStaffUser, type AuditEntry, type AuditRow } from '../row-mapping.js';
import { hashStaffToken, looksLikeStaffToken, newStaffToken } from '../staff-tokens.js';
import type { StaffStore, StaffUser } from '../../cases/model.js';
import { assertAuditEntry, assertStaffInput } from '../validation.js';
import type { SqliteWriteQueue } from './write-queue.js';

/** How many audit entries `listAudit` returns when the caller does not say. */
export const DEFAULT_AUDIT_LIMIT = 100;

/** StaffStore on SQLite; only sha256 hashes of tokens are stored. */
export class SqliteStaffStore implements StaffStore {
  private readonly insertUser;
  private readonly selectByHash;
  private readonly selectById;
  private readonly selectAll;
  private readonly insertAudit;
  private readonly selectAudit;

  constructor(
    db: Database.Database,
    private readonly writes: SqliteWriteQueue,
    private readonly newId: () => string,
  ) {
    this.insertUser = db.prepare('INSERT INTO staff_users (id, token_hash, created_at, data) VALUES (?, ?, ?, ?)');
    this.selectByHash = db.prepare<[string], { data: string }>('SELECT data FROM staff_users WHERE token_hash = ?');
    this.selectById = db.prepare<[string], { data: string }>('SELECT data FROM staff_users WHERE id = ?');
    this.selectAll = db.prepare<[], { data: string }>('SELECT data FROM staff_users ORDER BY created_at, id');
    this.insertAudit = db.prepare('INSERT INTO audit_log (actor, action, target, at, detail) VALUES (?, ?, ?, ?, ?)');
    this.selectAudit = db.prepare<[number], AuditRow>(
      'SELECT actor, action, target, at, detail FROM audit_log ORDER BY id DESC LIMIT ?',
    );
  }

  async addUser(input: Omit<StaffUser, 'id' | 'createdAt'>, now: Date): Promise<{ user: StaffUser; token: string }> {
    assertStaffInput(input);
    const user = newStaffUser(input, this.newId(), now);
    const token = newStaffToken();
    const tokenHash = hashStaffToken(token);
    await this.writes.run(() => this.insertUser.run(user.id, tokenHash, user.createdAt, JSON.stringify(user)));
    return { user, token };
  }

  async findByToken(token: string): Promise<StaffUser | undefined> {
    if (!looksLikeStaffToken(token)) return undefined;
    const row = this.selectByHash.get(hashStaffToken(token));
    return row ? toStaffUser(row) : undefined;
  }

  async getUser(id: string): Promise<StaffUser | undefined> {
    const row = this.selectById.get(id);
    return row ? toStaffUser(row) : undefined;
  }

  async listUsers(): Promise<StaffUser[]> {
    return this.selectAll.all().map(toStaffUser);
  }

  async audit(entry: AuditEntry): Promise<void> {
    assertAuditEntry(entry);
    const detail = toJson(entry.detail);
    await this.writes.run(() => this.insertAudit.run(entry.actor, entry.action, entry.target ?? null, entry.at, detail));
  }

  /** Newest first. */
  async listAudit(limit = DEFAULT_AUDIT_LIMIT): Promise<AuditEntry[]> {
    return this.selectAudit.all(Math.max(0, Math.floor(limit))).map(toAuditEntry);
  }
}
