/** PostgreSQL schema and migrations of the shared storage. */
import { GongyouError } from '../../core/errors.js';
import { cannedRepliesTable, sharedTablesV1 } from '../sql-tables.js';
import { withTransaction, type PgConnection } from './pool.js';

/** Version n is PG_MIGRATIONS[n - 1]; append, never edit. */
export const PG_MIGRATIONS: readonly string[] = [
  sharedTablesV1({ serialKey: 'BIGSERIAL PRIMARY KEY' }) +
    `
  CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    data BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  `,
  // v2: the admin's list of questions the bot was unsure of (kb unanswered), shared by every instance.
  `
  CREATE TABLE unanswered (
    id BIGSERIAL PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    data JSONB NOT NULL
  );
  CREATE INDEX unanswered_at ON unanswered (at);
  `,
  // v3: canned replies admins keep for mediators
  cannedRepliesTable({ serialKey: 'BIGSERIAL PRIMARY KEY' }),
];

/**
 * Create the schema if needed and apply pending migrations under an advisory
 * lock, so several instances starting together migrate exactly once.
 */
export async function migratePostgres(connection: PgConnection, migrations: readonly string[] = PG_MIGRATIONS): Promise<number> {
  const { pool, schema } = connection;
  return withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`gongyou-migrate:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.schema_version (version INTEGER NOT NULL)`);
    const { rows } = await client.query<{ version: number | null }>(`SELECT MAX(version) AS version FROM ${schema}.schema_version`);
    const current = rows[0].version ?? 0;
    if (current > migrations.length) {
      throw new GongyouError(
        'config_invalid',
        `database schema version ${current} is newer than this release understands (${migrations.length}); upgrade Gongyou`,
      );
    }
    for (let version = current + 1; version <= migrations.length; version++) {
      await client.query(migrations[version - 1]);
      await client.query(`INSERT INTO ${schema}.schema_version (version) VALUES ($1)`, [version]);
    }
    return migrations.length;
  });
}
