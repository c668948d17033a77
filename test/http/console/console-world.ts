/**
 * What the console's browser tests share: a handoff world from the real composition root behind a
 * real HTTP server, headless Chromium, and the worker's side through the web chat API (with the
 * credential cookies one browser keeps). Register it at the top of a test file; its fields are filled
 * in beforeAll and everything is closed in afterAll.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../../src/http/server.js';
import { openWorld, removeDataDir, type HandoffWorld } from '../../handoff/harness.js';
import { close, launch } from '../../adapters/web/browser.js';
import { CookieJar } from '../../fakes/cookie-jar.js';

/** The running console and the worker's side of it. */
export interface ConsoleWorld {
  world: HandoffWorld;
  browser: Browser;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** A worker writes in the web chat (expects 200). */
  worker(userId: string, text: string): Promise<void>;
  /** What the web worker has been sent. */
  inbox(userId: string): Promise<Array<{ text: string; meta: { intent: string } }>>;
}

/** Start the world, the server and the browser for this file. */
export function consoleWorld(options: Parameters<typeof openWorld>[0] = {}): ConsoleWorld {
  const jar = new CookieJar();
  let server: RunningHttpServer | undefined;
  const cw = {
    async worker(userId: string, text: string) {
      const res = await jar.fetch(`${cw.base}/api/web/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, text }) });
      expect(res.status).toBe(200);
    },
    async inbox(userId: string) {
      const res = await jar.fetch(`${cw.base}/api/web/messages?userId=${encodeURIComponent(userId)}`);
      return ((await res.json()) as { messages: Array<{ text: string; meta: { intent: string } }> }).messages;
    },
  } as ConsoleWorld;
  beforeAll(async () => {
    cw.world = await openWorld(options);
    server = await startHttpServer(cw.world.app, { port: 0, host: '127.0.0.1', shutdownTimeoutMs: 500 });
    cw.base = `http://127.0.0.1:${server.port}`;
    cw.browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await close(cw.browser);
    await server?.close();
    await cw.world?.close();
    if (cw.world) removeDataDir(cw.world.dataDir);
  });
  return cw;
}
