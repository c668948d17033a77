/**
 * The web chat's credential in shared mode: two Gongyou instances on one PostgreSQL + Redis agree on
 * who holds a userId. A cookie one instance set is accepted by the other; a browser without it is
 * refused by both; two first requests racing on different instances leave exactly one owner.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGongyou, type Gongyou } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import { openSharedStorage } from '../../src/storage/shared.js';
import { CookieJar } from '../fakes/cookie-jar.js';
import { dropIsolated, isolatedNames, TEST_DATABASE_URL, TEST_REDIS_URL } from '../storage/shared-env.js';

const names = isolatedNames('webcred');
const dirs: string[] = [];
let a: Gongyou;
let b: Gongyou;

async function instance(): Promise<Gongyou> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongyou-webcred-'));
  dirs.push(dir);
  const storage = await openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, ...names });
  return createGongyou(loadConfig({ GONGYOU_DATA_DIR: dir, LOG_LEVEL: 'silent' }), { storage, clock: { now: () => new Date() } });
}

beforeAll(async () => {
  a = await instance();
  b = await instance();
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await dropIsolated(names);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const say = (userId: string, text: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ userId, text }),
});

describe('web chat credentials across instances (PostgreSQL + Redis)', () => {
  it('a cookie set by one instance is accepted by the other; a browser without it is refused by both', async () => {
    const worker = new CookieJar();
    expect((await worker.request(a.app, '/api/web/messages', say('shared-1', '你好'))).status).toBe(200);
    expect(worker.size).toBe(1);
    expect((await worker.request(b.app, '/api/web/messages', say('shared-1', '站长欠我工资'))).status).toBe(200);
    expect((await worker.request(b.app, '/api/web/messages?userId=shared-1')).status).toBe(200);

    const before = (await a.storage.messages.transcript('web:shared-1')).length;
    for (const g of [a, b]) {
      const stranger = new CookieJar();
      const res = await stranger.request(g.app, '/api/web/messages', say('shared-1', '我也要看'));
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
      expect((await stranger.request(g.app, '/api/web/messages?userId=shared-1')).status).toBe(401);
    }
    expect(await a.storage.messages.transcript('web:shared-1')).toHaveLength(before);
  });

  it('first requests racing on two instances leave exactly one owner', async () => {
    const browsers = Array.from({ length: 6 }, () => new CookieJar());
    const answers = await Promise.all(browsers.map((jar, i) => jar.request(i % 2 === 0 ? a.app : b.app, '/api/web/messages', say('raced', `第${i}个`))));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    const winner = browsers[statuses.indexOf(200)];
    for (const g of [a, b]) expect((await winner.request(g.app, '/api/web/messages?userId=raced')).status).toBe(200);
  });
});
