/** What only the shared storage promises: Redis keys and expiry, schema isolation, single migration, clear failures. */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/types.js';
import { openSharedStorage } from '../../src/storage/shared.js';
import { PG_MIGRATIONS } from '../../src/storage/postgres/schema.js';
import { expectGongyouError } from '../contracts/storage-fixtures.js';
import { dropIsolated, isolatedNames, redisKeys, TEST_DATABASE_URL, TEST_REDIS_URL } from './shared-env.js';

const names = isolatedNames('servers');
const open = () => openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, ...names });

describe('shared storage on PostgreSQL and Redis', () => {
  let redis: ReturnType<typeof createClient>;
  let db: pg.Client;
  const opened: Storage[] = [];

  beforeAll(async () => {
    // two instances starting together on an empty schema must migrate exactly once
    opened.push(...(await Promise.all([open(), open()])));
    redis = createClient({ url: TEST_REDIS_URL });
    await redis.connect();
    db = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    await Promise.allSettled(opened.map((s) => s.close()));
    await redis?.close();
    await db?.end();
    await dropIsolated(names);
  });

  it('creates its tables in the requested schema, migrated once', async () => {
    const { rows } = await db.query(`SELECT version FROM ${names.schema}.schema_version`);
    expect(rows).toEqual(PG_MIGRATIONS.map((_, i) => ({ version: i + 1 })));
    const tables = await db.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [names.schema],
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['blobs', 'case_counters', 'cases', 'messages', 'staff_users', 'audit_log', 'unanswered', 'canned_replies']),
    );
  });

  it('keeps dedupe entries under the key prefix with a 7-day expiry, and state under <prefix>conv:', async () => {
    const [storage] = opened;
    await storage.dedupe.remember('telegram:9001', ['r1'], new Date('2101-01-01Z'));
    await storage.state.set('telegram:9001', { step: 'ask' });
    const ttl = await redis.pTTL(`${names.keyPrefix}dedupe:telegram:9001`);
    expect(ttl).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(7 * 24 * 3600_000);
    expect(await redis.exists(`${names.keyPrefix}conv:telegram:9001`)).toBe(1);
    expect((await redisKeys(redis, names.keyPrefix)).every((k) => k.startsWith(names.keyPrefix))).toBe(true);
  });

  it('shares state and dedupe between instances', async () => {
    const [a, b] = opened;
    await a.state.set('slack:U1', { turns: 3 });
    expect(await b.state.get('slack:U1')).toEqual({ turns: 3 });
    await b.dedupe.remember('slack:evt-1', ['r9'], new Date());
    expect(await a.dedupe.seen('slack:evt-1')).toEqual(['r9']);
  });

  it('keeps only the sha256 of a staff token in PostgreSQL', async () => {
    const { token } = await opened[0].staff.addUser({ name: '李调解员', role: 'mediator' }, new Date('2101-01-01Z'));
    const { rows } = await db.query(`SELECT * FROM ${names.schema}.staff_users`);
    expect(rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('refuses to hand out a blob whose content no longer matches its hash', async () => {
    const sha = await opened[0].blobs.put(Buffer.from('事故照片'));
    await db.query(`UPDATE ${names.schema}.blobs SET data = $1 WHERE sha256 = $2`, [Buffer.from('tampered'), sha]);
    await expectGongyouError(opened[1].blobs.get(sha), 'storage_failed');
  });

  it('fails fast with a retryable storage_failed when a server cannot be reached', async () => {
    const unreachablePg = openSharedStorage({ databaseUrl: 'postgres://postgres:secret@127.0.0.1:1/test', redisUrl: TEST_REDIS_URL, ...names });
    const error = await unreachablePg.catch((e: unknown) => e);
    await expectGongyouError(Promise.reject(error), 'storage_failed');
    expect((error as { isRetryable: boolean }).isRetryable).toBe(true);
    expect((error as Error).message).not.toContain('secret');
    const unreachableRedis = openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: 'redis://127.0.0.1:1', ...names });
    await expectGongyouError(unreachableRedis, 'storage_failed');
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    const bad = openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, schema: 'x; DROP TABLE cases' });
    await expectGongyouError(bad, 'config_invalid');
  });
});
