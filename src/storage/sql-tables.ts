/**
 * Tables both SQL backends share, written once. The dialects differ only in
 * how an auto-increasing key is declared; SQLite accepts BIGINT and BOOLEAN as
 * type names (stored as integers), so the rest is the same text.
 * JSON lives in TEXT columns: PostgreSQL's JSONB refuses \u0000, and a
 * worker's message must never be refused for the characters in it.
 */

/** How a dialect spells "auto-increasing primary key". */
export interface SqlDialect {
  serialKey: string;
}

/** Schema version 1 of the tables every SQL backend has. Later versions append migrations per backend. */
export function sharedTablesV1({ serialKey }: SqlDialect): string {
  return `
  CREATE TABLE case_counters (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
  CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    user_key TEXT NOT NULL,
    status TEXT NOT NULL,
    owner TEXT,
    created_at TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX cases_by_user ON cases (user_key, created_at);
  CREATE INDEX cases_by_status ON cases (status, created_at);
  CREATE TABLE case_history (
    id ${serialKey},
    case_id TEXT NOT NULL REFERENCES cases (id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT
  );
  CREATE INDEX case_history_by_case ON case_history (case_id, id);
  CREATE TABLE case_evidence (
    id ${serialKey},
    case_id TEXT NOT NULL REFERENCES cases (id),
    sha256 TEXT NOT NULL,
    name TEXT,
    mime_type TEXT,
    size BIGINT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (case_id, sha256)
  );
  CREATE TABLE messages (
    seq ${serialKey},
    conversation_key TEXT NOT NULL,
    direction TEXT NOT NULL,
    author TEXT NOT NULL,
    message_id TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL,
    delivered BOOLEAN NOT NULL
  );
  CREATE INDEX messages_by_conversation ON messages (conversation_key, seq);
  CREATE INDEX messages_by_id ON messages (message_id);
  CREATE INDEX messages_undelivered ON messages (seq) WHERE direction = 'out' AND NOT delivered;
  CREATE TABLE staff_users (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE TABLE audit_log (
    id ${serialKey},
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    at TEXT NOT NULL,
    detail TEXT
  );
  `;
}

/** Canned replies admins keep for mediators; `seq` keeps the order they were added in. */
export function cannedRepliesTable({ serialKey }: SqlDialect): string {
  return `
  CREATE TABLE canned_replies (
    seq ${serialKey},
    id TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL
  );
  `;
}
