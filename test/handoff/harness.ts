/**
 * A real handoff world for tests: embedded storage on a temp dir, the real
 * bot, delivery, handoff service, desk, scheduler and HTTP app. The dialog is
 * reduced to the parts a handoff touches (request a person, relay while a
 * mediator owns the conversation, the satisfaction answer, an echo standing in
 * for "the bot resumes"), so these tests do not depend on Q&A or intake.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach } from 'vitest';
import type { Hono } from 'hono';
import { createBot, type Bot } from '../../src/core/bot.js';
import { Delivery } from '../../src/core/delivery.js';
import { OutboxBus } from '../../src/core/outbox-bus.js';
import type { Middleware } from '../../src/core/pipeline.js';
import type { ChannelAdapter, Clock, IncomingMessage, OutgoingMessage } from '../../src/core/types.js';
import type { DialogServices } from '../../src/dialog/services.js';
import { HandoffService } from '../../src/handoff/service.js';
import { satisfactionAnswer } from '../../src/handoff/satisfaction.js';
import { createHandoffWiring, type HandoffWiring } from '../../src/handoff/wiring.js';
import { openEmbeddedStorage } from '../../src/storage/embedded.js';
import type { Storage, StaffUser } from '../../src/storage/types.js';
import { createHttpApp } from '../../src/web/app.js';

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

/** A channel adapter that records what it sends, and can be made to fail. */
export class RecordingAdapter implements ChannelAdapter {
  readonly capabilities = { buttons: true, threads: false, edits: false, maxTextLength: 4000, attachments: true };
  readonly sent: Array<{ conversationKey: string; message: OutgoingMessage }> = [];
  failing = false;
  constructor(readonly name: string) {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(conversationKey: string, message: OutgoingMessage): Promise<void> {
    if (this.failing) throw new Error('platform down');
    this.sent.push({ conversationKey, message });
  }
}

const handoffRequested = /转人工|找调解员/;

/** The dialog parts a handoff touches, in the real dialog's order. */
function handoffDialog(): Array<Middleware<DialogServices>> {
  const numbered: Middleware<DialogServices> = async (ctx, next) => {
    const picked = /^\s*\d\s*$/.test(ctx.message.text) ? ctx.state.lastChoices?.[Number(ctx.message.text.trim()) - 1] : undefined;
    if (picked && !ctx.message.choiceId) (ctx.message as { choiceId?: string }).choiceId = picked.id;
    await next();
  };
  const takeover: Middleware<DialogServices> = async (ctx, next) => {
    if (ctx.state.mode !== 'mediator' || !ctx.state.activeCaseId) return next();
    await ctx.services.handoff.relayFromWorker(ctx.state.activeCaseId, ctx.message, []);
  };
  const request: Middleware<DialogServices> = async (ctx, next) => {
    if (!handoffRequested.test(ctx.message.text)) return next();
    const { caseRecord, text } = await ctx.services.handoff.request({
      userKey: ctx.message.userKey,
      channel: ctx.message.channel,
      conversationKey: ctx.message.conversationKey,
      locale: ctx.locale,
      reason: 'requested',
      caseId: ctx.state.activeCaseId,
      summary: ctx.message.text,
    });
    ctx.state.activeCaseId = caseRecord.id;
    ctx.reply({ text, meta: { intent: 'handoff', caseId: caseRecord.id, handoff: { caseId: caseRecord.id, reason: 'requested' } } });
  };
  const echo: Middleware<DialogServices> = async (ctx) => {
    ctx.reply({ text: `bot heard: ${ctx.message.text}`, meta: { intent: 'echo' } });
  };
  return [numbered, satisfactionAnswer, takeover, request, echo];
}

/** Everything a handoff test touches. */
export interface HandoffWorld {
  dataDir: string;
  clock: ManualClock;
  storage: Storage;
  bot: Bot;
  delivery: Delivery;
  handoff: HandoffService;
  wiring: HandoffWiring;
  app: Hono;
  adapters: Map<string, ChannelAdapter>;
  /** Close storage (keeps the data dir). */
  close(): Promise<void>;
}

/** Build a world on `dataDir` (a new temp dir when omitted). */
export async function openWorld(
  options: { dataDir?: string; clock?: ManualClock; adapters?: ChannelAdapter[]; supervisorGraceMs?: number; collectiveMin?: number } = {},
): Promise<HandoffWorld> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'gongyou-handoff-'));
  const clock = options.clock ?? new ManualClock(MONDAY_MORNING);
  const logger = pino({ level: 'silent' });
  const storage = await openEmbeddedStorage({ dataDir, clock });
  let counter = 0;
  const newId = () => `m${clock.now().getTime().toString(36)}-${(++counter).toString().padStart(5, '0')}-${Math.random().toString(36).slice(2, 6)}`;
  const calendar = { workingHours: { start: 9, end: 18 }, holidays: [] };
  const handoff = new HandoffService({ cases: storage.cases, staff: storage.staff, clock, calendar, utcOffsetHours: 8 });
  const bus = new OutboxBus();
  const services: DialogServices = {
    cases: storage.cases,
    blobs: storage.blobs,
    qa: { answer: async () => ({ intent: 'legal_qa', text: '', citations: [], confidence: 1, needsHuman: false }) },
    handoff,
    handoffThreshold: 0.45,
    identities: {
      linkedUserKeys: async (k) => [k],
      issueCode: async () => '000000',
      redeem: async () => ({ ok: false, reason: 'invalid' }),
    },
    calendar,
  };
  const bot = createBot({
    messages: storage.messages,
    dedupe: storage.dedupe,
    state: storage.state,
    bus,
    clock,
    logger,
    newId,
    middleware: handoffDialog(),
    services,
    defaultLocale: 'zh-CN',
  });
  const adapters = new Map((options.adapters ?? []).map((a) => [a.name, a] as [string, ChannelAdapter]));
  const delivery = new Delivery({ messages: storage.messages, bus, clock, logger, newId, adapters });
  const wiring = createHandoffWiring({
    storage,
    handoff,
    bot,
    delivery,
    clock,
    logger,
    calendar,
    collective: { minCases: options.collectiveMin ?? 3, windowDays: 14 },
    supervisorGraceMs: options.supervisorGraceMs,
    sseHeartbeatMs: 60_000,
  });
  const app = createHttpApp({
    bot,
    messages: storage.messages,
    bus,
    mounts: wiring.mounts,
    health: { ready: async () => true },
    logger,
    newId,
    clock,
  });
  return {
    dataDir,
    clock,
    storage,
    bot,
    delivery,
    handoff,
    wiring,
    app,
    adapters,
    async close() {
      await bot.drain();
      await storage.close();
    },
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
  return app.request(url, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** What the web worker sees: every outgoing message of their conversation. */
export async function webInbox(app: Hono, userId: string): Promise<OutgoingMessage[]> {
  const res = await app.request(`/api/web/messages?userId=${encodeURIComponent(userId)}`);
  return ((await res.json()) as { messages: OutgoingMessage[] }).messages;
}
