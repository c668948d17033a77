/** Where the shared-storage tests find PostgreSQL and Redis, and how each run isolates and removes its data. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createClient } from 'redis';

/** PostgreSQL the tests use; CI starts it, and a missing server fails the tests rather than skipping them. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Redis the tests use. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A schema name and key prefix no other run uses. */
export function isolatedNames(label: string): { schema: string; keyPrefix: string } {
  const tag = `${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
  return { schema: `gy_test_${tag}`, keyPrefix: `gytest:${tag}:` };
}

/** Drop the run's schema and every Redis key under its prefix. */
export async function dropIsolated(names: { schema: string; keyPrefix: string }): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${names.schema} CASCADE`);
  } finally {
    await client.end();
  }
  const redis = createClient({ url: TEST_REDIS_URL });
  await redis.connect();
  try {
    const keys = await redisKeys(redis, names.keyPrefix);
    if (keys.length > 0) await redis.del(keys);
  } finally {
    await redis.close();
  }
}

/** Every Redis key under a prefix (SCAN, never KEYS, to be polite to a shared server). */
export async function redisKeys(redis: ReturnType<typeof createClient>, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
  return keys;
}
