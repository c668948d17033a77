/**
 * The web chat's credential in shared mode: two Gongyou instances on one PostgreSQL + Redis agree on
 * who holds a userId. A cookie one instance set is accepted by the other; a browser without it is
 * refused by both; two first requests racing on different instances leave exactly one owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gongyou } from '../../src/app/app.js';
import { CookieJar } from '../fakes/cookie-jar.js';
import { webMessage } from '../fakes/web-message.js';
import { sharedDeployment } from '../storage/shared-gongyou.js';

const deployment = sharedDeployment('webcred');
let a: Gongyou;
let b: Gongyou;

beforeAll(async () => {
  a = await deployment.start();
  b = await deployment.start();
});
afterAll(() => deployment.remove());

const say = webMessage;

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

  it('an erasure through one instance revokes the credential on the other too', async () => {
    const worker = new CookieJar();
    expect((await worker.request(b.app, '/api/web/messages', say('erased-1', '站长欠我工资'))).status).toBe(200);
    expect((await worker.request(b.app, '/api/web/messages?userId=erased-1')).status).toBe(200);
    const oldCookie = worker.header()!;
    await worker.request(a.app, '/api/web/messages', say('erased-1', '删除我的数据'));
    expect((await worker.request(a.app, '/api/web/messages', say('erased-1', '确认删除'))).status).toBe(200);

    const next = new CookieJar();
    expect((await next.request(a.app, '/api/web/messages', say('erased-1', '你好'))).status).toBe(200);
    for (const g of [a, b]) {
      expect((await g.app.request('/api/web/messages?userId=erased-1', { headers: { cookie: oldCookie } })).status).toBe(401);
      expect((await next.request(g.app, '/api/web/messages?userId=erased-1')).status).toBe(200);
    }
  });
});
