/**
 * A real handoff world for tests: the real Gongyou from the composition root
 * (createGongyou) on a temp data dir with an injected clock: storage in memory
 * (test/fakes/memory-storage.ts; embedded SQLite in the data dir when a test asks),
 * the full dialog, delivery, handoff service, desk, scheduler and HTTP app.
 * The scheduler never runs on a timer here; tests call `wiring.scheduler.tick()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Hono } from 'hono';
import { createGongyou, type Gongyou } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import type { Bot } from '../../src/core/bot.js';
import type { Delivery } from '../../src/core/delivery.js';
import type { ChannelAdapter, Clock, IncomingMessage, OutgoingMessage } from '../../src/core/types.js';
import type { HandoffService } from '../../src/handoff/service.js';
import { DEFAULT_SUPERVISOR_GRACE_MS } from '../../src/handoff/scheduler.js';
import type { HandoffWiring } from '../../src/app/handoff.js';
import type { Storage } from '../../src/storage/types.js';
import type { StaffUser } from '../../src/cases/model.js';
import { jarOf } from '../fakes/cookie-jar.js';
import { openMemoryStorage } from '../fakes/memory-storage.js';

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  /** Move forward by minutes. */
  advance(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

/** Monday 2026-03-16 10:00 in China (02:00 UTC): inside working hours. */
export const MONDAY_MORNING = new Date('2026-03-16T02:00:00.000Z');

/** Everything a handoff test touches. */
export interface HandoffWorld {
  dataDir: string;
  /** The whole Gongyou the world was built from. */
  gongyou: Gongyou;
  clock: ManualClock;
  storage: Storage;
  bot: Bot;
  delivery: Delivery;
  handoff: HandoffService;
  /** The desk and scheduler createGongyou attached to the handoff service. */
  wiring: Pick<HandoffWiring, 'desk' | 'scheduler'>;
  app: Hono;
  adapters: Map<string, ChannelAdapter>;
  /** Close Gongyou: adapters, bot, knowledge base and storage (keeps the data dir). */
  close(): Promise<void>;
}

/** Build a world on `dataDir` (a new temp dir when omitted) with the real createGongyou. */
export async function openWorld(
  options: {
    dataDir?: string;
    clock?: ManualClock;
    adapters?: ChannelAdapter[];
    supervisorGraceMs?: number;
    collectiveMin?: number;
    env?: Record<string, string>;
    /** `embedded` keeps cases and messages in the data dir, for a test that reopens it (a restart). */
    storage?: 'memory' | 'embedded';
  } = {},
): Promise<HandoffWorld> {
  // the composition root fixes the grace period; a test asking for another one would test nothing real
  if (options.supervisorGraceMs !== undefined && options.supervisorGraceMs !== DEFAULT_SUPERVISOR_GRACE_MS) {
    throw new Error(`openWorld: createGongyou uses a supervisor grace of ${DEFAULT_SUPERVISOR_GRACE_MS} ms`);
  }
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'gongyou-handoff-'));
  const clock = options.clock ?? new ManualClock(MONDAY_MORNING);
  const config = loadConfig({
    GONGYOU_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WORKING_HOURS_START: '09:00',
    WORKING_HOURS_END: '18:00',
    GONGYOU_TIMEZONE_OFFSET: '8',
    COLLECTIVE_MIN_CASES: String(options.collectiveMin ?? 3),
    COLLECTIVE_WINDOW_DAYS: '14',
    ...options.env,
  });
  const storage = options.storage === 'embedded' ? undefined : openMemoryStorage();
  const gongyou = await createGongyou(config, { clock, adapters: options.adapters ?? [], storage });
  const surfaces = gongyou.handoff.surfaces;
  if (!surfaces) throw new Error('openWorld: createGongyou did not wire the handoff surfaces');
  return {
    dataDir,
    clock,
    gongyou,
    storage: gongyou.storage,
    bot: gongyou.bot,
    delivery: gongyou.delivery,
    handoff: gongyou.handoff,
    wiring: { desk: surfaces.desk, scheduler: surfaces.scheduler },
    app: gongyou.app,
    adapters: gongyou.adapters,
    close: () => gongyou.close(),
  };
}

/**
 * One world per test: `current()` opens it lazily with the given options;
 * afterEach closes it and removes its data dir.
 */
export function worldPerTest(): { open(options?: Parameters<typeof openWorld>[0]): Promise<HandoffWorld> } {
  let world: HandoffWorld | undefined;
  afterEach(async () => {
    if (!world) return;
    await world.close();
    removeDataDir(world.dataDir);
    world = undefined;
  });
  return {
    async open(options) {
      world = await openWorld(options);
      return world;
    },
  };
}

/** Remove a world's data dir. */
export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

/** Add a staff member; returns the user and the bearer header. */
export async function addStaff(
  world: HandoffWorld,
  input: { name: string; role?: StaffUser['role']; publicName?: string; skills?: string[]; regions?: string[]; slackUserId?: string },
): Promise<{ user: StaffUser; auth: Record<string, string>; token: string }> {
  const { user, token } = await world.storage.staff.addUser({ role: 'mediator', ...input }, world.clock.now());
  return { user, token, auth: { authorization: `Bearer ${token}` } };
}

/** A worker's message as an adapter would hand it to the bot. */
export function workerMessage(conversationKey: string, text: string, id: string, clock: Clock): IncomingMessage {
  const channel = conversationKey.split(':')[0];
  return { channel, conversationKey, userKey: conversationKey, messageId: id, text, attachments: [], isGroup: false, mentioned: false, receivedAt: clock.now() };
}

/** Call the HTTP app in-process with JSON. */
export function call(app: Hono, method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, body?: unknown) {
  // the web chat's calls carry the cookies of one browser per app, as the worker's page would
  return jarOf(app).request(app, url, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** What the web worker sees: every outgoing message of their conversation. */
export async function webInbox(app: Hono, userId: string): Promise<OutgoingMessage[]> {
  const res = await jarOf(app).request(app, `/api/web/messages?userId=${encodeURIComponent(userId)}`);
  return ((await res.json()) as { messages: OutgoingMessage[] }).messages;
}
