/**
 * Rate limits in shared mode: two Gongyou instances on one PostgreSQL + Redis, each on a real HTTP
 * server, count one budget together. A worker (or a network) sending through both is refused at the
 * (limit+1)th message with the web chat's 429, as one instance alone would refuse it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_ERROR_TEXT } from '../../adapters/web/errors.js';
import type { Gongyou } from '../../src/app/app.js';
import type { OutgoingMessage } from '../../src/core/types.js';
import { LINK_LIMITS } from '../../src/identity/links.js';
import { httpErrorBody } from '../../src/core/http/errors.js';
import { startHttpServer, type RunningHttpServer } from '../../src/http/server.js';
import { CookieJar } from '../fakes/cookie-jar.js';
import { webMessage } from '../fakes/web-message.js';
import { ManualClock } from '../handoff/harness.js';
import { sharedDeployment } from '../storage/shared-gongyou.js';

const USER_LIMIT = 5;
const ADDRESS_LIMIT = 8;
/** Both instances read one clock, set on a minute's start: the test never straddles two windows. */
const clock = new ManualClock(new Date('2026-03-16T02:00:00.000Z'));
const deployment = sharedDeployment('ratelimit', {
  env: { WEB_RATE_LIMIT_PER_MINUTE: String(USER_LIMIT), WEB_ADDRESS_RATE_LIMIT_PER_MINUTE: String(ADDRESS_LIMIT) },
  clock,
});
const instances: Array<{ g: Gongyou; server: RunningHttpServer; url: string }> = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i++) {
    const g = await deployment.start();
    const server = await startHttpServer(g.app, { port: 0, host: '127.0.0.1' });
    instances.push({ g, server, url: `http://127.0.0.1:${server.port}` });
  }
});
afterAll(async () => {
  for (const { server } of instances) await server.close();
  await deployment.remove();
});

/** POST a message as `userId` to instance `i` (of two) through `browser`. */
const say = (browser: CookieJar, i: number, userId: string, text: string) =>
  browser.fetch(`${instances[i % 2].url}/api/web/messages`, webMessage(userId, text));

describe('web chat budgets across instances (Redis)', () => {
  it('one user: the messages through both instances add up, and the (limit+1)th gets the polite 429', async () => {
    const worker = new CookieJar();
    for (let i = 0; i < USER_LIMIT; i++) expect((await say(worker, i, 'rider-shared', `第${i + 1}条`)).status).toBe(200);
    const refused = await say(worker, USER_LIMIT, 'rider-shared', '多出来的一条');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await refused.json()).toEqual(httpErrorBody('rate_limited', WEB_ERROR_TEXT.rateLimited, { seconds: 60 }));
    // refused before the turn: nothing of it stored, and the instance that refused it had seen only half the messages
    const logged = await instances[0].g.storage.messages.transcript('web:rider-shared');
    expect(logged.filter((m) => m.direction === 'in').map((m) => m.message.text)).toEqual(['第1条', '第2条', '第3条', '第4条', '第5条']);
    // the next minute the worker may send again
    clock.advance(1);
    expect((await say(worker, 1, 'rider-shared', '多出来的一条')).status).toBe(200);
  });

  it('one address: new userIds through both instances add up, and the (limit+1)th gets the polite 429', async () => {
    clock.advance(1);
    const statuses: number[] = [];
    for (let i = 0; i < ADDRESS_LIMIT; i++) statuses.push((await say(new CookieJar(), i, `throwaway-${i}`, '你好')).status);
    expect(statuses).toEqual(Array(ADDRESS_LIMIT).fill(200));
    const refused = await say(new CookieJar(), ADDRESS_LIMIT, 'throwaway-last', '你好');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual(httpErrorBody('rate_limited', WEB_ERROR_TEXT.addressRateLimited, { seconds: 60 }));
    expect(await instances[1].g.storage.messages.transcript('web:throwaway-last')).toEqual([]);
  });

  it('wrong linking codes through both instances count together: the 5th locks the identity', async () => {
    clock.advance(15);
    const worker = new CookieJar();
    const intents: string[] = [];
    for (let i = 0; i < LINK_LIMITS.identity.failures; i++) {
      const res = await say(worker, i, 'guesser', `绑定 ZZZZ-ZZZ${'23456789'[i]}`);
      expect(res.status).toBe(200);
      intents.push(((await res.json()) as { replies: OutgoingMessage[] }).replies[0].meta.intent);
    }
    expect(intents).toEqual([...Array(LINK_LIMITS.identity.failures - 1).fill('link'), 'link_locked']);
  });
});
