/** The PostgreSQL list of unsure answers against the real server: it stays small, and a failing database never fails the answer. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerKbCommands } from '../../src/admin/kb-commands.js';
import { openSharedStorage } from '../../src/storage/shared.js';
import { createPgPool, type PgConnection } from '../../src/storage/postgres/pool.js';
import { migratePostgres } from '../../src/storage/postgres/schema.js';
import { silentStorageLogger } from '../../src/storage/logger.js';
import { PgUnansweredStore } from '../../src/storage/postgres/unanswered.js';
import { dropIsolated, isolatedNames, TEST_DATABASE_URL, TEST_REDIS_URL } from './shared-env.js';

const names = isolatedNames('unanswered');
let connection: PgConnection;
const quiet = silentStorageLogger;

beforeAll(async () => {
  connection = createPgPool(TEST_DATABASE_URL, names.schema, quiet);
  await migratePostgres(connection);
});
afterAll(async () => {
  await connection.pool.end().catch(() => undefined);
  await dropIsolated(names);
});

const entry = (question: string, minute: number) => ({ at: `2101-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`, question, confidence: 0.2, found: [] });

describe('unanswered questions in PostgreSQL', () => {
  it('keeps the most recent notes only', async () => {
    const store = new PgUnansweredStore(connection.pool, { kept: 3 });
    for (let index = 0; index < 7; index += 1) await store.record(entry(`问题${index}`, index));
    // Every 3 notes the oldest beyond 3 go: after the 6th, 3 to 5 are left, then the 7th joins them.
    expect((await store.entries()).map((item) => item.question)).toEqual(['问题3', '问题4', '问题5', '问题6']);
  });

  it('a database that fails never costs the worker the answer', async () => {
    const broken = createPgPool(TEST_DATABASE_URL, names.schema, quiet);
    await broken.pool.end();
    await expect(new PgUnansweredStore(broken.pool).record(entry('问题', 0))).resolves.toBeUndefined();
  });

  it('kb unanswered lists the notes of every instance from the database when STORAGE=shared', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongyou-unanswered-'));
    const instances = await Promise.all([1, 2].map(() => openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, ...names })));
    try {
      await instances[0].unanswered.record(entry('站点的头盔要自己买吗', 10));
      await instances[1].unanswered.record(entry('站点的头盔要自己买吗？', 11));
      const lines: string[] = [];
      const env = { STORAGE: 'shared', DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: TEST_REDIS_URL, DATABASE_SCHEMA: names.schema, GONGYOU_DATA_DIR: dataDir };
      const program = new Command('gongyou').exitOverride();
      registerKbCommands(program, { env, print: (text) => void lines.push(text) });
      await program.parseAsync(['node', 'gongyou', 'kb', 'unanswered', '--json']);
      expect(JSON.parse(lines[0])).toContainEqual(expect.objectContaining({ question: '站点的头盔要自己买吗？', times: 2 }));
    } finally {
      await Promise.all(instances.map((storage) => storage.close()));
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
