/** The keyv adapter over SQLite, driven through Keyv itself as the state store uses it. */
import Database from 'better-sqlite3';
import Keyv from 'keyv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteKeyvStore } from '../../src/storage/sqlite/keyv-store.js';
import { migrateSqlite } from '../../src/storage/sqlite/schema.js';

describe('SqliteKeyvStore', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    migrateSqlite(db);
  });
  afterEach(() => db.close());

  it('round-trips values through Keyv, including nested objects and Buffers', async () => {
    const keyv = new Keyv({ store: new SqliteKeyvStore(db), namespace: 'conv', throwOnErrors: true });
    await keyv.set('telegram:1', { step: 'ask', file: Buffer.from([1, 2, 3]) });
    const back = await keyv.get<{ step: string; file: Buffer }>('telegram:1');
    expect(back?.step).toBe('ask');
    expect(Buffer.isBuffer(back?.file) && back.file.equals(Buffer.from([1, 2, 3]))).toBe(true);
    expect(await keyv.has('telegram:1')).toBe(true);
    expect(await keyv.has('telegram:2')).toBe(false);
    expect(db.prepare('SELECT key FROM keyv_store').all()).toEqual([{ key: 'conv:telegram:1' }]);
  });

  it('answers getMany in the order asked, with gaps for missing keys', async () => {
    const keyv = new Keyv({ store: new SqliteKeyvStore(db), namespace: 'conv' });
    await keyv.set('a', 1);
    await keyv.set('c', 3);
    expect(await keyv.getMany(['c', 'b', 'a'])).toEqual([3, undefined, 1]);
  });

  it('honours a TTL set through Keyv', async () => {
    const keyv = new Keyv({ store: new SqliteKeyvStore(db), namespace: 'conv' });
    await keyv.set('short', 'x', -1);
    expect(await keyv.get('short')).toBeUndefined();
  });

  it('clears only its own namespace, even when the namespace has LIKE wildcards', async () => {
    const mine = new Keyv({ store: new SqliteKeyvStore(db), namespace: 'a_b' });
    const other = new Keyv({ store: new SqliteKeyvStore(db), namespace: 'axb' });
    await mine.set('k', 1);
    await other.set('k', 2);
    await mine.clear();
    expect(await mine.get('k')).toBeUndefined();
    expect(await other.get('k')).toBe(2);
  });

  it('deletes and reports whether something was there', async () => {
    const store = new SqliteKeyvStore(db);
    await store.set('k', 'v');
    expect(await store.delete('k')).toBe(true);
    expect(await store.delete('k')).toBe(false);
  });
});
