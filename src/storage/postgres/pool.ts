/** PostgreSQL connection pool and transactions for the shared storage. */
import pg from 'pg';
import type { StorageLogger } from '../logger.js';

/** The pool plus the schema every connection of it works in. */
export interface PgConnection {
  pool: pg.Pool;
  schema: string;
}

/** Schema names go into SQL and a connection option unquoted, so only plain identifiers are allowed. */
export function assertSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`schema name must be lowercase letters, digits and _ (at most 63), got: ${schema}`);
  }
}

/**
 * A pool whose connections all use `schema` as search_path, so the same SQL
 * serves production (`public`) and isolated test runs.
 */
export function createPgPool(databaseUrl: string, schema: string, logger: StorageLogger, max = 10): PgConnection {
  assertSchemaName(schema);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    options: `-c search_path=${schema}`,
    connectionTimeoutMillis: 5000,
  });
  // without a listener an idle connection dropped by the server would crash the process
  pool.on('error', (error) => logger.warn({ err: error }, 'PostgreSQL connection lost; the pool will reconnect'));
  return { pool, schema };
}

/** Run `work` in one transaction on one connection; rolls back when it throws. */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Connection refused, server shutting down, serialization failure or deadlock: worth another try. */
export function isRetryablePgError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return false;
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '40001', '40P01', '55P03', '57P01', '57P02', '57P03'].includes(code) ||
    code.startsWith('08')
  );
}
