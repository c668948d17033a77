/**
 * Shared storage for several instances behind a load balancer: cases, messages,
 * staff, audit and evidence in PostgreSQL; conversation state, dedupe and rate-limit counts in Redis.
 */
import { randomUUID } from 'node:crypto';
import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';
import type { RedisClientType } from 'redis';
import { GongyouError } from '../core/errors.js';
import { systemClock, type Clock } from '../core/types.js';
import { guardStore, redactUrl } from './guard.js';
import { createKeyvStateStore, stateSerialization } from './keyv-state.js';
import { silentStorageLogger, type StorageLogger } from './logger.js';
import { PgBlobStore } from './postgres/blobs.js';
import { PgCaseStore } from './postgres/cases.js';
import { PgMessageLog } from './postgres/messages.js';
import { pgMaintenance } from './postgres/maintenance.js';
import { createPgPool, isRetryablePgError, type PgConnection } from './postgres/pool.js';
import { migratePostgres } from './postgres/schema.js';
import { PgStaffStore } from './postgres/staff.js';
import { connectRedis } from './redis/client.js';
import { RedisDedupeStore } from './redis/dedupe.js';
import { RedisConversationLock } from './redis/lock.js';
import { RedisRateCounter } from './redis/rate-counter.js';
import { RedisStateTouches } from './redis/state-touches.js';
import { PgUnansweredStore } from './postgres/unanswered.js';
import { SqlCannedReplyStore } from './canned-replies-sql.js';
import { pgRunner } from './postgres/sql-runner.js';
import type { Storage } from './types.js';
import { withPersonalDataMasking } from './masking.js';
import { withEncryption } from './encryption.js';
import type { DataSealer } from '../core/sealing.js';

/** Options of the shared storage. */
export interface SharedStorageOptions {
  /** Seals personal data at rest (GONGYOU_DATA_KEY); without one it is stored in plain text. */
  sealer?: DataSealer;
  /** e.g. `postgres://user@host:5432/gongyou`. */
  databaseUrl: string;
  /** e.g. `redis://host:6379`. */
  redisUrl: string;
  /** Stamps each state write (RETENTION_STATE_DAYS counts from it); other times come from the callers and Redis. */
  clock?: Clock;
  /** PostgreSQL schema to work in (created if missing); default `public`. Tests use one per run. */
  schema?: string;
  /** Prefix of every Redis key; default `gongyou:`. Tests use one per run. */
  keyPrefix?: string;
  /** Id generator for staff users. */
  newId?: () => string;
  /** Connections per instance; default 10. */
  poolSize?: number;
  /** Where dropped-connection warnings go (pino works). */
  logger?: StorageLogger;
}

/** Default Redis key prefix. */
export const DEFAULT_REDIS_KEY_PREFIX = 'gongyou:';

/** Redis errors are connection trouble far more often than bad commands, so a retry is worth it. */
function isRetryableRedisError(error: unknown): boolean {
  return !(error instanceof TypeError);
}

/** Open the shared storage, creating the PostgreSQL schema on first use. */
export async function openSharedStorage(options: SharedStorageOptions): Promise<Storage> {
  const logger = options.logger ?? silentStorageLogger;
  const keyPrefix = options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
  let connection: PgConnection;
  try {
    connection = createPgPool(options.databaseUrl, options.schema ?? 'public', logger, options.poolSize);
  } catch (error) {
    throw new GongyouError('config_invalid', (error as Error).message, { cause: error });
  }
  try {
    await migratePostgres(connection);
  } catch (error) {
    await connection.pool.end().catch(() => undefined);
    if (error instanceof GongyouError) throw error;
    throw new GongyouError(
      'storage_failed',
      `cannot open PostgreSQL at ${redactUrl(options.databaseUrl)}: ${(error as Error).message}`,
      { cause: error, isRetryable: true },
    );
  }
  let redis: RedisClientType;
  try {
    redis = await connectRedis(options.redisUrl, logger);
  } catch (error) {
    await connection.pool.end().catch(() => undefined);
    throw new GongyouError('storage_failed', `cannot reach Redis at ${redactUrl(options.redisUrl)}: ${(error as Error).message}`, {
      cause: error,
      isRetryable: true,
    });
  }

  const { pool } = connection;
  // Keyv adds no prefix of its own (useKeyPrefix: false); @keyv/redis writes `<prefix>conv:<conversation key>`.
  const keyvRedis = new KeyvRedis(redis, { keyPrefixSeparator: ':', throwOnErrors: true });
  const state = new Keyv({ store: keyvRedis, namespace: `${keyPrefix}conv`, useKeyPrefix: false, throwOnErrors: true, ...stateSerialization });
  const pgGuard = <T extends object>(store: T, name: string) => guardStore(store, name, isRetryablePgError);
  const redisGuard = <T extends object>(store: T, name: string) => guardStore(store, name, isRetryableRedisError);
  const touches = new RedisStateTouches(redis, keyPrefix, options.clock ?? systemClock);
  let closed = false;

  const sealed = (storage: Storage): Storage => (options.sealer ? withEncryption(storage, options.sealer) : storage);
  return withPersonalDataMasking(sealed({
    cases: pgGuard(new PgCaseStore(pool), 'cases'),
    messages: pgGuard(new PgMessageLog(pool), 'messages'),
    dedupe: redisGuard(new RedisDedupeStore(redis, keyPrefix), 'dedupe'),
    blobs: pgGuard(new PgBlobStore(pool, options.sealer), 'blobs'),
    staff: pgGuard(new PgStaffStore(pool, options.newId ?? randomUUID), 'staff'),
    unanswered: pgGuard(new PgUnansweredStore(pool), 'unanswered'),
    cannedReplies: pgGuard(new SqlCannedReplyStore(pgRunner(pool), randomUUID), 'cannedReplies'),
    state: redisGuard(touches.track(createKeyvStateStore(state)), 'state'),
    lock: new RedisConversationLock(redis, { keyPrefix }),
    rates: redisGuard(new RedisRateCounter(redis, keyPrefix), 'rates'),
    maintenance: pgGuard({ ...pgMaintenance(pool, redis, keyPrefix), staleState: (before: Date) => touches.untouchedSince(before) }, 'maintenance'),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([pool.end(), redis.close()]);
    },
  }));
}
