/** Group commit: writes of one tick share a transaction, fail alone, and are never dropped by close. */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteWriteQueue } from '../../src/storage/sqlite/write-queue.js';
import { expectGongyouError } from '../contracts/storage-fixtures.js';

describe('SqliteWriteQueue', () => {
  let db: Database.Database;
  let queue: SqliteWriteQueue;
  const insert = (k: string) => db.prepare('INSERT INTO t (k) VALUES (?)').run(k);
  const keys = () => (db.prepare('SELECT k FROM t ORDER BY k').all() as Array<{ k: string }>).map((r) => r.k);

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
    queue = new SqliteWriteQueue(db);
  });
  afterEach(() => db.close());

  it('runs writes issued in the same tick inside one transaction, in order', async () => {
    const seen: Array<[string, boolean]> = [];
    await Promise.all(
      ['a', 'b', 'c'].map((k) =>
        queue.run(() => {
          seen.push([k, db.inTransaction]);
          return insert(k);
        }),
      ),
    );
    expect(seen).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
    ]);
    expect(keys()).toEqual(['a', 'b', 'c']);
  });

  it('rejects only the failing write; an atomic write rolls back all of its statements', async () => {
    const results = await Promise.allSettled([
      queue.run(() => insert('x')),
      queue.runAtomic(() => {
        insert('half');
        insert('x'); // duplicate key: the whole unit must go
      }),
      queue.run(() => insert('y')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(keys()).toEqual(['x', 'y']);
  });

  it('resolves with the value the work returned', async () => {
    expect(await queue.run(() => insert('v').changes)).toBe(1);
  });

  it('commits writes still queued when it closes, then refuses new ones', async () => {
    const pending = queue.run(() => insert('late'));
    queue.close();
    expect(keys()).toEqual(['late']);
    await expect(pending).resolves.toBeDefined();
    await expectGongyouError(queue.run(() => insert('after')), 'storage_failed');
  });
});
