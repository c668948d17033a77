/** What only the embedded storage promises: file layout, SQLite settings, pruning on open, hashed tokens. */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/core/types.js';
import { EMBEDDED_DATABASE_FILE, openEmbeddedStorage } from '../../src/storage/embedded.js';
import { expectGongyouError, logEntry } from '../contracts/storage-fixtures.js';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-embedded-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

describe('embedded storage on disk', () => {
  it('creates the data folder, a WAL database at the current schema version, and checkpoints on close', async () => {
    const dataDir = path.join(freshDir(), 'nested', 'data');
    const storage = await openEmbeddedStorage({ dataDir });
    await storage.messages.append(logEntry('web:u1', 'in', '你好'));
    await storage.close();
    await storage.close();
    const file = path.join(dataDir, EMBEDDED_DATABASE_FILE);
    const wal = `${file}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare('SELECT MAX(version) AS v FROM schema_version').get()).toEqual({ v: 2 });
      expect(db.prepare('SELECT COUNT(*) AS n FROM messages').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('stores evidence as evidence/<first two hex>/<sha256> and leaves no temp files', async () => {
    const dataDir = freshDir();
    const storage = await openEmbeddedStorage({ dataDir });
    const photo = Buffer.from('罚款通知截图 bytes');
    const sha = await storage.blobs.put(photo);
    await storage.blobs.put(photo);
    await storage.close();
    const folder = path.join(dataDir, 'evidence', sha.slice(0, 2));
    expect(readdirSync(folder)).toEqual([sha]);
    expect(readFileSync(path.join(folder, sha)).equals(photo)).toBe(true);
    expect(statSync(path.join(folder, sha)).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dataDir, EMBEDDED_DATABASE_FILE)).mode & 0o077).toBe(0);
  });

  it('refuses to hand out a damaged evidence file, and a new upload repairs it', async () => {
    const dataDir = freshDir();
    const storage = await openEmbeddedStorage({ dataDir });
    const photo = Buffer.from('工资条照片');
    const sha = await storage.blobs.put(photo);
    const file = path.join(dataDir, 'evidence', sha.slice(0, 2), sha);
    writeFileSync(file, 'tampered');
    await expectGongyouError(storage.blobs.get(sha), 'storage_failed');
    await storage.blobs.put(photo);
    expect((await storage.blobs.get(sha))?.equals(photo)).toBe(true);
    await storage.close();
  });

  it('forgets dedupe entries older than 7 days when it opens', async () => {
    const dataDir = freshDir();
    const first = await openEmbeddedStorage({ dataDir, clock: fixedClock('2101-01-01T00:00:00Z') });
    await first.dedupe.remember('telegram:old', ['r1'], new Date('2101-01-01T00:00:00Z'));
    await first.dedupe.remember('telegram:recent', ['r2'], new Date('2101-01-05T00:00:00Z'));
    await first.close();
    const second = await openEmbeddedStorage({ dataDir, clock: fixedClock('2101-01-09T00:00:00Z') });
    expect(await second.dedupe.seen('telegram:old')).toBeUndefined();
    expect(await second.dedupe.seen('telegram:recent')).toEqual(['r2']);
    await second.close();
  });

  it('keeps only the sha256 of a staff token on disk', async () => {
    const dataDir = freshDir();
    let next = 0;
    const storage = await openEmbeddedStorage({ dataDir, newId: () => `staff-${++next}` });
    const { user, token } = await storage.staff.addUser({ name: '王调解员', role: 'mediator' }, new Date('2101-01-01Z'));
    expect(user.id).toBe('staff-1');
    await storage.close();
    const db = new Database(path.join(dataDir, EMBEDDED_DATABASE_FILE), { readonly: true });
    try {
      const row = db.prepare('SELECT * FROM staff_users').get() as Record<string, string>;
      expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(Object.values(row).join('|')).not.toContain(token);
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer release', async () => {
    const dataDir = freshDir();
    await (await openEmbeddedStorage({ dataDir })).close();
    const db = new Database(path.join(dataDir, EMBEDDED_DATABASE_FILE));
    db.prepare('INSERT INTO schema_version (version) VALUES (99)').run();
    db.close();
    await expectGongyouError(openEmbeddedStorage({ dataDir }), 'config_invalid');
  });

  it('fails with storage_failed when the data folder cannot be used, or after close', async () => {
    const blocker = path.join(freshDir(), 'a-file');
    writeFileSync(blocker, '');
    await expectGongyouError(openEmbeddedStorage({ dataDir: blocker }), 'storage_failed');
    const storage = await openEmbeddedStorage({ dataDir: freshDir() });
    await storage.close();
    await expectGongyouError(storage.state.get('web:u1'), 'storage_failed');
    await expectGongyouError(storage.cases.getCase('GY-2101-000001'), 'storage_failed');
  });
});

describe('embedded storage durability', () => {
  it('keeps a message whose write was still queued when the storage closed', async () => {
    const dataDir = freshDir();
    const storage = await openEmbeddedStorage({ dataDir });
    const appended = storage.messages.append(logEntry('web:late', 'in', '最后一条消息'));
    await storage.close();
    expect((await appended).seq).toBeGreaterThan(0);
    const reopened = await openEmbeddedStorage({ dataDir });
    expect((await reopened.messages.transcript('web:late')).map((m) => m.message.text)).toEqual(['最后一条消息']);
    await reopened.close();
  });
});
