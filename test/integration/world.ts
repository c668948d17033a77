/**
 * A real Gongyou for integration tests: built by the composition root
 * (createGongyou) on a temp data dir with an injected clock, with the channel
 * adapters the environment enables (createConfiguredAdapters, as main() does)
 * or ones a test hands in, started against the real bot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { expect, vi } from 'vitest';
import { createGongyou, type Gongyou } from '../../src/app/app.js';
import { createConfiguredAdapters } from '../../src/app/adapters.js';
import { loadConfig } from '../../src/config.js';
import type { ChannelAdapter, OutgoingMessage } from '../../src/core/types.js';
import { jarOf } from '../fakes/cookie-jar.js';
import { ManualClock, MONDAY_MORNING } from '../handoff/harness.js';

/** A running Gongyou and helpers a test needs around it. */
export interface IntegrationWorld {
  g: Gongyou;
  clock: ManualClock;
  dataDir: string;
  /** Say something in the built-in web chat as `userId`; returns the bot's replies. */
  web(userId: string, text: string, extra?: Record<string, unknown>): Promise<OutgoingMessage[]>;
  /** A mediator's bearer header, made the way `gongyou users add` makes one. */
  mediator(name: string, publicName?: string): Promise<{ id: string; auth: Record<string, string> }>;
  /** Call the JSON API as a mediator. */
  api(method: 'GET' | 'POST', url: string, auth: Record<string, string>, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Build and start Gongyou. `env` configures it (adapters included, as in
 * production); `adapters` adds adapters a test constructed itself.
 */
export async function startWorld(options: { env?: Record<string, string>; adapters?: ChannelAdapter[] } = {}): Promise<IntegrationWorld> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongyou-integration-'));
  const clock = new ManualClock(MONDAY_MORNING);
  const config = loadConfig({ GONGYOU_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...options.env });
  const logger = pino({ level: 'silent' });
  const g = await createGongyou(config, {
    clock,
    logger,
    configuredAdapters: (parts) => createConfiguredAdapters(config, logger, parts),
    adapters: options.adapters,
  });
  for (const adapter of g.adapters.values()) await adapter.start(g.bot);
  const world: IntegrationWorld = {
    g,
    clock,
    dataDir,
    async web(userId, text, extra = {}) {
      // one browser for the whole world: it keeps each web user's credential cookie
      const res = await jarOf(g.app).request(g.app, '/api/web/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId, text, ...extra }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { replies: OutgoingMessage[] }).replies;
    },
    async mediator(name, publicName) {
      const { user, token } = await g.storage.staff.addUser({ role: 'mediator', name, publicName }, clock.now());
      return { id: user.id, auth: { authorization: `Bearer ${token}` } };
    },
    api(method, url, auth, body) {
      return Promise.resolve(
        g.app.request(url, {
          method,
          headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
    },
    async close() {
      await g.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/** Wait (polling, no sleeps) until `read()` has at least `n` items, then return them. */
export async function atLeast<T>(n: number, read: () => T[] | Promise<T[]>, timeout = 8000): Promise<T[]> {
  let items: T[] = [];
  await vi.waitFor(
    async () => {
      items = await read();
      expect(items.length).toBeGreaterThanOrEqual(n);
    },
    { timeout, interval: 20 },
  );
  return items;
}

/** Case numbers as Gongyou writes them. */
export const CASE_ID = /GY-\d{4}-\d{6}/;

/** All reply texts joined, for matching. */
export const joined = (messages: Array<{ text?: string }>): string => messages.map((m) => m.text ?? '').join('\n');
