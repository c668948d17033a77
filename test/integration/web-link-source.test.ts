/**
 * Identity linking's per-source limit on the web chat: the web adapter gives each message its client
 * address, so throwaway web userIds from one network guessing codes are stopped at 20 wrong codes,
 * while a worker on another network links as usual. The whole app, on a real HTTP server, behind a
 * trusted proxy (TRUST_PROXY=true: the proxy's X-Forwarded-For names the address).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/core/types.js';
import { LINK_LIMITS } from '../../src/identity/links.js';
import { startHttpServer, type RunningHttpServer } from '../../src/http/server.js';
import { CookieJar } from '../fakes/cookie-jar.js';
import { webMessage } from '../fakes/web-message.js';
import { startWorld, type IntegrationWorld } from './world.js';

let world: IntegrationWorld;
let server: RunningHttpServer;
beforeAll(async () => {
  world = await startWorld({ env: { TRUST_PROXY: 'true' } });
  server = await startHttpServer(world.g.app, { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server.close();
  await world.close();
});

/** Say `text` as `userId` from the network `address` (as our proxy reports it); the replies' intents and texts. */
async function say(userId: string, text: string, address: string): Promise<OutgoingMessage[]> {
  const init = webMessage(userId, text);
  const res = await new CookieJar().fetch(`http://127.0.0.1:${server.port}/api/web/messages`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': address },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { replies: OutgoingMessage[] }).replies;
}

describe('linking codes guessed through the web chat', () => {
  it('stops one network after 20 wrong codes from throwaway userIds; another network links', async () => {
    const issued = /([2-9A-Z]{4}-[2-9A-Z]{4})/.exec((await say('victim', '绑定', '192.0.2.50'))[0].text)?.[1];
    expect(issued).toBeDefined();
    const intents: string[] = [];
    for (let i = 0; i < LINK_LIMITS.source.failures; i++) {
      intents.push((await say(`throwaway-${i}`, `绑定 ZZZZ-${String(2000 + i).replace(/[01]/g, '9')}`, '203.0.113.9'))[0].meta.intent);
    }
    // each throwaway guessed once, far below the per-identity limit: only the address's count stops them
    expect(intents.slice(0, -1).every((intent) => intent === 'link')).toBe(true);
    expect(intents.at(-1)).toBe('link_locked');
    const fresh = await say('throwaway-fresh', `绑定 ${issued}`, '203.0.113.9');
    expect(fresh[0].meta.intent).toBe('link_locked');
    expect(fresh[0].text).toMatch(/分钟后再试/);

    const owner = await say('owner-phone', `绑定 ${issued}`, '198.51.100.7');
    expect(owner[0].text).toMatch(/绑定成功/);
  });
});
