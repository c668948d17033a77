/** Personal data at rest: with a data key, what lands on disk and in PostgreSQL/Redis is sealed. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createClient } from 'redis';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerKbCommands } from '../../src/admin/kb-commands.js';
import { createPersonalData } from '../../src/app/personal-data.js';
import { DataSealer, parseDataKey } from '../../src/core/sealing.js';
import { openEmbeddedStorage } from '../../src/storage/embedded.js';
import { openSharedStorage } from '../../src/storage/shared.js';
import type { Storage } from '../../src/storage/types.js';
import { unansweredFile } from '../../src/storage/unanswered-file.js';
import { caseDraft, logEntry } from '../contracts/storage-fixtures.js';
import { dropIsolated, isolatedNames, redisKeys, TEST_DATABASE_URL, TEST_REDIS_URL } from './shared-env.js';

const PHONE = '13912345678';
const NAME = '王小明';
const HEALTH = '左手腕骨折，住院两周';
const PHOTO = Buffer.from(`工资条 ${PHONE} ${NAME}`);

/** Write one of everything personal, read it back through the store, and return what the reads gave. */
async function writePersonal(storage: Storage): Promise<void> {
  const created = await storage.cases.createCase(
    caseDraft({ userKey: 'web:sealed', conversationKey: 'web:sealed', summary: `${NAME}受伤：${HEALTH}`, facts: { injury: HEALTH }, contact: { phone: PHONE, name: NAME } }),
    'bot',
    new Date('2101-01-01T00:00:00Z'),
  );
  const sha = await storage.blobs.put(PHOTO);
  await storage.cases.addEvidence(created.id, { sha256: sha, name: `${NAME}.jpg`, size: PHOTO.length, receivedAt: '2101-01-01T00:00:00.000Z' }, 'bot', new Date('2101-01-01T00:00:00Z'));
  await storage.cases.updateCase(created.id, { contact: { phone: PHONE, name: NAME } }, 'bot', 'contact', new Date('2101-01-01T00:01:00Z'));
  await storage.messages.append(logEntry('web:sealed', 'in', `我叫${NAME}，电话${PHONE}`));
  await storage.messages.append(logEntry('web:sealed', 'out', `已记下 ${PHONE}`));
  await storage.state.set('web:sealed', { intake: { contact: { phone: PHONE, name: NAME }, description: HEALTH } });
  // everything reads back as written
  const back = await storage.cases.getCase(created.id);
  expect(back?.contact).toEqual({ phone: PHONE, name: NAME });
  expect(back?.facts).toEqual({ injury: HEALTH });
  expect(await storage.blobs.get(sha)).toEqual(PHOTO);
  expect((await storage.cases.listEvidence(created.id))[0].name).toBe(`${NAME}.jpg`);
  expect((await storage.messages.transcript('web:sealed')).map((m) => m.message.text)).toEqual([`我叫${NAME}，电话${PHONE}`, `已记下 ${PHONE}`]);
  expect(JSON.stringify(await storage.state.get('web:sealed'))).toContain(PHONE);
  expect(JSON.stringify(await storage.cases.history(created.id))).not.toContain('gy1:');
}

const leaks = (text: string) => [PHONE, NAME, HEALTH].filter((s) => text.includes(s));

describe('the data key', () => {
  it('accepts what openssl rand -base64 32 prints and refuses anything else, clearly', () => {
    expect(parseDataKey(randomBytes(32).toString('base64'))).toHaveLength(32);
    expect(() => parseDataKey(randomBytes(16).toString('base64'))).toThrow(/32 random bytes in base64/);
    expect(() => parseDataKey('not a key')).toThrow(/openssl rand -base64 32/);
  });

  it('opens nothing with another key', () => {
    const sealed = new DataSealer(randomBytes(32)).seal(PHONE);
    expect(sealed).not.toContain(PHONE);
    expect(() => new DataSealer(randomBytes(32)).open(sealed)).toThrow(/not configured/);
  });
});

describe('embedded: nothing personal in the SQLite file or the evidence folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-sealed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seals contacts, summaries, facts, messages, state and evidence', async () => {
    const storage = await openEmbeddedStorage({ dataDir: dir, sealer: new DataSealer(randomBytes(32)) });
    await writePersonal(storage);
    await storage.close();
    const db = new Database(path.join(dir, 'gongyou.sqlite'), { readonly: true });
    const dump = ['cases', 'case_history', 'case_evidence', 'messages', 'keyv_store', 'audit_log']
      .map((table) => JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all()))
      .join('\n');
    db.close();
    expect(dump).toContain('gy1:');
    expect(leaks(dump)).toEqual([]);
    const files: string[] = [];
    const walk = (d: string) => readdirSync(d).forEach((f) => (statSync(path.join(d, f)).isDirectory() ? walk(path.join(d, f)) : files.push(path.join(d, f))));
    walk(path.join(dir, 'evidence'));
    expect(files).toHaveLength(1);
    expect(leaks(readFileSync(files[0]).toString('utf8'))).toEqual([]);
  });
});

describe('shared: nothing personal in PostgreSQL or Redis', () => {
  const names = isolatedNames('sealed_raw');
  afterAll(() => dropIsolated(names));

  it('seals contacts, summaries, facts, messages, state and evidence', async () => {
    const storage = await openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, ...names, sealer: new DataSealer(randomBytes(32)) });
    await writePersonal(storage);
    await storage.close();
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    let dump = '';
    try {
      for (const table of ['cases', 'case_history', 'case_evidence', 'messages', 'audit_log']) {
        dump += JSON.stringify((await client.query(`SELECT * FROM ${names.schema}.${table}`)).rows);
      }
      const blobs = await client.query<{ data: Buffer }>(`SELECT data FROM ${names.schema}.blobs`);
      dump += blobs.rows.map((r) => r.data.toString('utf8')).join('');
    } finally {
      await client.end();
    }
    const redis = createClient({ url: TEST_REDIS_URL });
    await redis.connect();
    for (const key of await redisKeys(redis, names.keyPrefix)) {
      // state values are strings; the index of when each was written is a sorted set of their keys
      dump += (await redis.type(key)) === 'zset' ? (await redis.zRange(key, 0, -1)).join('') : ((await redis.get(key)) ?? '');
    }
    await redis.close();
    expect(dump).toContain('gy1:');
    expect(leaks(dump)).toEqual([]);
  });
});

describe('unsure-question notes, sealed like the rest', () => {
  const key = randomBytes(32).toString('base64');
  const sealer = () => new DataSealer(parseDataKey(key));
  const at = '2101-01-01T00:00:00.000Z';
  const WORKERS = `我叫${NAME}，${HEALTH}，电话${PHONE}，平台能不赔吗`;
  const OTHERS = '站点罚款五百合法吗';

  /** What `kb unanswered --json` lists for `env`. */
  async function listed(env: Record<string, string>): Promise<string[]> {
    const lines: string[] = [];
    const program = new Command('gongyou').exitOverride();
    registerKbCommands(program, { env, print: (text) => void lines.push(text) });
    await program.parseAsync(['node', 'gongyou', 'kb', 'unanswered', '--json']);
    return (JSON.parse(lines[0]) as Array<{ question: string }>).map((group) => group.question);
  }

  /** Note both questions, check what `stored()` dumps and what reads give, then erase the worker's data. */
  async function noteCheckErase(storage: Storage, stored: () => Promise<string>, env: Record<string, string>): Promise<void> {
    await storage.unanswered.record({ at, question: WORKERS, confidence: 0.1, found: [{ law: '工伤保险条例', article: 14 }] });
    await storage.unanswered.record({ at, question: OTHERS, confidence: 0.2, found: [] });
    const dump = await stored();
    expect(dump).toContain('gy1:');
    expect(dump).toContain('工伤保险条例');
    expect(leaks(dump)).toEqual([]);
    expect(dump).not.toContain(OTHERS);
    const masked = WORKERS.replace(PHONE, '[手机号已隐藏]');
    expect((await storage.unanswered.entries()).map((entry) => entry.question)).toEqual([masked, OTHERS]);
    // the admin command opens them with the server's key, and says what is missing without it
    expect((await listed({ ...env, GONGYOU_DATA_KEY: key })).sort()).toEqual([masked, OTHERS].sort());
    await expect(listed(env)).rejects.toThrow(/GONGYOU_DATA_KEY/);

    await storage.messages.append(logEntry('web:noted', 'in', WORKERS));
    const report = await createPersonalData(storage, { now: () => new Date(at) }).erase({ userKeys: ['web:noted'], conversationKeys: ['web:noted'] }, 'worker:web:noted');
    expect(report.notesDeleted).toBe(1);
    expect((await storage.unanswered.entries()).map((entry) => entry.question)).toEqual([OTHERS]);
  }

  it('embedded: sealed in the notes file, listed by kb unanswered, erased with the worker', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-sealed-notes-'));
    try {
      const storage = await openEmbeddedStorage({ dataDir: dir, sealer: sealer() });
      const file = () => storage.unanswered.entries().then(() => readFileSync(unansweredFile(dir), 'utf8'));
      await noteCheckErase(storage, file, { GONGYOU_DATA_DIR: dir });
      await storage.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shared: sealed in PostgreSQL, listed by kb unanswered, erased with the worker', async () => {
    const names = isolatedNames('sealed_notes');
    const storage = await openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, ...names, sealer: sealer() });
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const rows = async () => JSON.stringify((await client.query(`SELECT data FROM ${names.schema}.unanswered`)).rows);
      const env = { STORAGE: 'shared', DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: TEST_REDIS_URL, DATABASE_SCHEMA: names.schema };
      await noteCheckErase(storage, rows, env);
    } finally {
      await client.end();
      await storage.close();
      await dropIsolated(names);
    }
  });
});
