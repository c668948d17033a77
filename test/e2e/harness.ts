/** Builds a real Gongyou (embedded store in a temp dir) for end-to-end tests through the web API. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createGongyou, type Gongyou } from '../../src/app/app.js';
import type { OutgoingMessage } from '../../src/core/types.js';
import { CookieJar } from '../fakes/cookie-jar.js';

/** A clock tests can move. */
export class TestClock {
  constructor(public current = new Date('2026-11-20T02:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A running Gongyou with helpers to talk to it as a web-chat user. */
export interface Harness {
  g: Gongyou;
  dir: string;
  clock: TestClock;
  say(userId: string, text: string, extra?: Record<string, unknown>): Promise<OutgoingMessage[]>;
  /** Say each text in turn (answers whose replies the test does not look at); the last one's replies. */
  sayEach(userId: string, texts: string[]): Promise<OutgoingMessage[]>;
  raw(body: string, headers?: Record<string, string>): Promise<Response>;
  /** `app.request` from the test's browser (every user's web chat cookies are kept across restarts). */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Close this instance and open a new one on the same data directory (a process restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Start a harness; `env` adds configuration. */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongyou-e2e-'));
  const clock = new TestClock();
  const open = () => createGongyou(loadConfig({ GONGYOU_DATA_DIR: dir, LOG_LEVEL: 'silent', ...env }), { clock });
  const jar = new CookieJar();
  const h: Harness = {
    g: await open(),
    dir,
    clock,
    async raw(body, headers = { 'content-type': 'application/json' }) {
      return h.request('/api/web/messages', { method: 'POST', headers, body });
    },
    async request(path, init = {}) {
      return jar.request(h.g.app, path, init);
    },
    async say(userId, text, extra = {}) {
      const res = await h.raw(JSON.stringify({ userId, text, ...extra }));
      if (res.status !== 200) throw new Error(`POST /api/web/messages → ${res.status} ${await res.text()}`);
      const json = (await res.json()) as { replies: OutgoingMessage[] };
      return json.replies;
    },
    async sayEach(userId, texts) {
      let replies: OutgoingMessage[] = [];
      for (const text of texts) replies = await h.say(userId, text);
      return replies;
    },
    async restart() {
      await h.g.close();
      h.g = await open();
    },
    async close() {
      await h.g.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

/** All reply texts joined, for matching. */
export const texts = (replies: OutgoingMessage[]) => replies.map((r) => r.text).join('\n');
