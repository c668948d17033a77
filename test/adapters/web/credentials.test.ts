/**
 * The web chat's credential: the first request as a userId sets an httpOnly cookie bound to it; every
 * later request as that userId (messages, history, events, uploads) needs the cookie, or gets 401 with
 * nothing stored or shown. External clients keep a cookie jar per user, as these tests do.
 */
import { describe, expect, it } from 'vitest';
import { credentialCookieName, credentialKey, WebCredentials } from '../../../adapters/web/credentials.js';
import { CookieJar } from '../../fakes/cookie-jar.js';
import { webMessage } from '../../fakes/web-message.js';
import { parseCookies } from '../../fakes/parse-set-cookie.js';
import { createWebHarness, MemoryStateStore, TEST_NOW } from './harness.js';

const json = webMessage;

function upload(userId: string): RequestInit {
  const form = new FormData();
  form.append('userId', userId);
  form.append('file', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2])], { type: 'image/jpeg' }), '工资条.jpg');
  return { method: 'POST', body: form };
}

/** Every route as `userId`, each answered by `request` (one browser). */
async function everyRoute(request: (input: string, init?: RequestInit) => Response | Promise<Response>, userId: string): Promise<Record<string, Response>> {
  const events = await request(`/api/web/events?userId=${userId}`);
  const result = {
    messages: await request('/api/web/messages', json(userId, '我的工资呢')),
    history: await request(`/api/web/messages?userId=${userId}`),
    events,
    uploads: await request('/api/web/uploads', upload(userId)),
  };
  if (events.status === 200) await events.body?.cancel();
  return result;
}

describe('web chat credential cookie', () => {
  it("sets an httpOnly, SameSite=Lax cookie on a userId's first message, for the web API only", async () => {
    const h = await createWebHarness();
    const res = await h.app.request('/api/web/messages', json('rider-1', '你好'));
    expect(res.status).toBe(200);
    const [cookie] = parseCookies(res.headers.getSetCookie());
    expect(cookie).toMatchObject({ name: credentialCookieName('rider-1'), httpOnly: true, sameSite: 'Lax', path: '/api/web', secure: false });
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.maxAge).toBeGreaterThan(30 * 24 * 3600);
    // only a hash of the token is stored, with the userId
    const stored = JSON.stringify(await h.state.get(credentialKey('rider-1')));
    expect(stored).not.toContain(cookie.value);
    expect(stored).toMatch(/"tokenHash":"[0-9a-f]{64}"/);
  });

  it('a second client without the cookie gets 401 on messages, history, events and uploads, and nothing is stored or shown', async () => {
    const h = await createWebHarness();
    const owner = h.app.request;
    expect((await owner('/api/web/messages', json('rider-1', '站长两个月没给我结工资'))).status).toBe(200);
    const received = h.bot.received.length;
    const logged = h.messages.entries.length;

    for (const stranger of [h.client(), h.client(new CookieJar())]) {
      const answers = await everyRoute(stranger, 'rider-1');
      for (const [route, res] of Object.entries(answers)) {
        expect(res.status, route).toBe(401);
        expect(res.headers.getSetCookie(), route).toEqual([]);
        const body = (await res.json()) as { error: { code: string; message: string; message_en: string } };
        expect(body.error.code).toBe('unauthorized');
        expect(body.error.message).toMatch(/浏览器/);
        expect(body.error.message_en).toMatch(/browser/);
        expect(JSON.stringify(body)).not.toContain('工资');
      }
    }
    // a forged or stale cookie of the right name is no better
    const forged = (path: string, init: RequestInit = {}) =>
      h.client()(path, { ...init, headers: { ...(init.headers as Record<string, string>), cookie: `${credentialCookieName('rider-1')}=${'A'.repeat(43)}` } });
    for (const res of Object.values(await everyRoute(forged, 'rider-1'))) expect(res.status).toBe(401);

    expect(h.bot.received).toHaveLength(received);
    expect(h.messages.entries).toHaveLength(logged);

    // with the cookie, every route answers
    for (const [route, res] of Object.entries(await everyRoute(owner, 'rider-1'))) expect(res.status, route).toBe(200);
    expect(h.bot.received.length).toBeGreaterThan(received);
  });

  it("the page's first request may be history or events: it claims the userId, and later requests carry the cookie", async () => {
    const h = await createWebHarness();
    const first = await h.app.request('/api/web/messages?userId=page-1');
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ messages: [] });
    expect(first.headers.getSetCookie()).toHaveLength(1);
    expect((await h.app.request('/api/web/messages', json('page-1', '你好'))).status).toBe(200);
    expect((await h.client()('/api/web/messages?userId=page-1')).status).toBe(401);

    const events = await h.app.request('/api/web/events?userId=page-2');
    expect(events.status).toBe(200);
    expect(events.headers.getSetCookie()).toHaveLength(1);
    await events.body?.cancel();
    expect((await h.app.request('/api/web/uploads', upload('page-2'))).status).toBe(200);
    expect((await h.client()('/api/web/uploads', upload('page-2'))).status).toBe(401);
  });

  it('one browser holds credentials for several userIds, one cookie each', async () => {
    const h = await createWebHarness();
    for (const user of ['a', 'b', 'c']) expect((await h.app.request('/api/web/messages', json(user, '你好'))).status).toBe(200);
    expect(h.jar.size).toBe(3);
    for (const user of ['a', 'b', 'c']) expect((await h.app.request(`/api/web/messages?userId=${user}`)).status).toBe(200);
    // another browser has its own userIds, and none of these
    const other = h.client();
    expect((await other('/api/web/messages', json('d', '你好'))).status).toBe(200);
    expect((await other('/api/web/messages?userId=a')).status).toBe(401);
  });

  it('two first requests racing for one userId: exactly one browser wins', async () => {
    const h = await createWebHarness();
    const browsers = [h.client(), h.client(), h.client(), h.client()];
    const answers = await Promise.all(browsers.map((send) => send('/api/web/messages', json('contested', '你好'))));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401, 401, 401]);
    expect(h.bot.received).toHaveLength(1);
  });

  it('the cookie is Secure over HTTPS: the URL scheme, or X-Forwarded-Proto only when the proxy is trusted', async () => {
    const direct = await createWebHarness();
    const overHttps = await direct.app.request('https://chat.example.org/api/web/messages', json('s1', '你好'));
    expect(parseCookies(overHttps.headers.getSetCookie())[0].secure).toBe(true);
    const spoofed = await direct.app.request('/api/web/messages', { ...json('s2', '你好'), headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' } });
    expect(parseCookies(spoofed.headers.getSetCookie())[0].secure).toBe(false);

    const proxied = await createWebHarness({ deps: { trustProxy: true } });
    const viaProxy = await proxied.app.request('/api/web/messages', { ...json('s3', '你好'), headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' } });
    expect(parseCookies(viaProxy.headers.getSetCookie())[0].secure).toBe(true);
  });

  it('a refused request (bad input, over a limit) claims nothing', async () => {
    const h = await createWebHarness();
    expect((await h.client()('/api/web/messages', json('x', ''))).status).toBe(400);
    expect(await h.state.get(credentialKey('x'))).toBeUndefined();
    expect((await h.app.request('/api/web/messages', json('x', '你好'))).status).toBe(200);
  });
});

describe('a revoked credential (erasure, retention)', () => {
  const clock = { now: () => TEST_NOW };

  it('the adapter forgets it: the old cookie opens nothing, and the next first request claims the userId afresh', async () => {
    const h = await createWebHarness();
    expect((await h.app.request('/api/web/messages', json('gone', '你好'))).status).toBe(200);
    const oldCookie = h.jar.header()!;
    await h.adapter.forget!(['web:gone', 'telegram:gone', 'not a key']);
    expect(await h.state.get(credentialKey('gone'))).toBeUndefined();
    const next = h.client();
    expect((await next('/api/web/messages', json('gone', '你好'))).status).toBe(200);
    expect((await h.client()('/api/web/messages?userId=gone', { headers: { cookie: oldCookie } })).status).toBe(401);
  });

  it('stays revoked even when a request was reading it at that moment', async () => {
    const store = new MemoryStateStore();
    const owner = await new WebCredentials(store, clock).check('u', undefined);
    if (!owner.ok) throw new Error('the first request claims');
    const cookie = `${credentialCookieName('u')}=${owner.token}`;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // a store read that has its answer but has not returned it yet
    const slow = { get: async <T>(key: string) => { const value = await store.get<T>(key); await gate; return value; }, set: store.set.bind(store), delete: store.delete.bind(store) };
    const credentials = new WebCredentials(slow, clock);
    const reading = credentials.check('u', cookie);
    const revoking = credentials.forget('u');
    release();
    expect(await reading).toMatchObject({ ok: true, claimed: false });
    await revoking;
    const after = await credentials.check('u', cookie);
    expect(after).toMatchObject({ ok: true, claimed: true });
    expect(after.ok && after.token).not.toBe(owner.token);
  });
});

describe('per-address limits', () => {
  /** What @hono/node-server hands the app for a request from `address`. */
  const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

  it('stops 200 userIds from one address at the address budget (default 300 a minute) with 429 and Retry-After', async () => {
    let now = new Date('2026-03-15T08:30:00.000Z');
    const h = await createWebHarness({ deps: { clock: { now: () => now } } });
    const statuses: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 200; i++) {
        const res = await h.app.request('/api/web/messages', json(`flood-${i}`, `第${round}条`), from('198.51.100.7'));
        statuses.push(res.status);
        if (res.status === 429) {
          expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
          const body = (await res.json()) as { error: { code: string; message: string } };
          expect(body.error.code).toBe('rate_limited');
          expect(body.error.message).toMatch(/太多/);
        }
      }
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(300);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100);
    expect(h.bot.received).toHaveLength(300);
    // claims by reading count too: a new userId from the spent address is not claimed
    const read = await h.client()('/api/web/messages?userId=fresh', {}, from('198.51.100.7'));
    expect(read.status).toBe(429);
    expect(await h.state.get(credentialKey('fresh'))).toBeUndefined();

    // another address is not held back, and the spent one may send again after the minute
    expect((await h.app.request('/api/web/messages', json('neighbour', '你好'), from('203.0.113.9'))).status).toBe(200);
    now = new Date(now.getTime() + 61_000);
    expect((await h.app.request('/api/web/messages', json('flood-0', '又来了'), from('198.51.100.7'))).status).toBe(200);
  });

  it('hands the bot the client address as the message source, from X-Forwarded-For only behind a trusted proxy', async () => {
    const forwarded = (init: RequestInit): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': '1.2.3.4, 198.51.100.7' } });
    const direct = await createWebHarness();
    await direct.app.request('/api/web/messages', forwarded(json('d1', '你好')), from('192.0.2.1'));
    await direct.app.request('/api/web/uploads', upload('d1'), from('192.0.2.1'));
    // in-process, with no socket, there is no address to give
    await direct.app.request('/api/web/messages', json('d2', '你好'));
    expect(direct.bot.received.map((m) => [m.userKey, m.source])).toEqual([
      ['web:d1', '192.0.2.1'],
      ['web:d1', '192.0.2.1'],
      ['web:d2', undefined],
    ]);

    const proxied = await createWebHarness({ deps: { trustProxy: true } });
    await proxied.app.request('/api/web/messages', forwarded(json('p1', '你好')), from('10.0.0.2'));
    await proxied.app.request('/api/web/uploads', forwarded(upload('p1')), from('10.0.0.2'));
    await proxied.app.request('/api/web/messages', json('p2', '你好'), from('10.0.0.2'));
    expect(proxied.bot.received.map((m) => m.source)).toEqual(['198.51.100.7', '198.51.100.7', '10.0.0.2']);
  });

  it('is configurable, applies to uploads, and reads X-Forwarded-For only from a trusted proxy', async () => {
    const h = await createWebHarness({ deps: { addressRateLimitPerMinute: 2, trustProxy: true } });
    const proxy = from('10.0.0.2');
    const via = (address: string, init: RequestInit): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': `1.2.3.4, ${address}` } });
    expect((await h.app.request('/api/web/messages', via('198.51.100.7', json('u1', '一')), proxy)).status).toBe(200);
    expect((await h.app.request('/api/web/uploads', via('198.51.100.7', upload('u2')), proxy)).status).toBe(200);
    expect((await h.app.request('/api/web/uploads', via('198.51.100.7', upload('u3')), proxy)).status).toBe(429);
    // the client-supplied first entry is not the address; the proxy's last entry is
    expect((await h.app.request('/api/web/messages', via('198.51.100.8', json('u4', '二')), proxy)).status).toBe(200);

    // without a trusted proxy a client cannot dodge the limit by inventing X-Forwarded-For
    const direct = await createWebHarness({ deps: { addressRateLimitPerMinute: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await direct.app.request('/api/web/messages', via(`198.51.100.${i}`, json(`v${i}`, '你好')), from('192.0.2.1'));
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('body size', () => {
  it('413 with the standard error body for JSON over 16 KB; 2,000 Chinese characters fit', async () => {
    const h = await createWebHarness();
    const res = await h.app.request('/api/web/messages', json('u1', '工'.repeat(2000) + ' '.repeat(11_000)));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string; message_en: string } };
    expect(body.error).toEqual({ code: 'payload_too_large', message: expect.stringContaining('16 KB'), message_en: expect.stringContaining('16 KB') });
    expect(h.bot.received).toHaveLength(0);
    expect(await h.state.get(credentialKey('u1'))).toBeUndefined();
    expect((await h.app.request('/api/web/messages', json('u1', '工'.repeat(2000)))).status).toBe(200);
  });
});
