/** Builds the HTTP app with the web adapter around fakes, for in-process tests and the browser test's real server. */
import pino from 'pino';
import { OutboxBus, type OutboxListener } from '../../../src/core/outbox-bus.js';
import type { ConversationStateStore } from '../../../src/core/ports.js';
import type { BotHandler } from '../../../src/core/types.js';
import { createHttpApp, type HttpAppDeps } from '../../../src/http/app.js';
import { createWebAdapter, type WebAdapter, type WebAdapterConfig } from '../../../adapters/web/index.js';
import { CookieJar } from '../../fakes/cookie-jar.js';
import { InMemoryMessageLog } from '../../fakes/message-log.js';
import { ScriptedBot, type BotScript } from '../../fakes/scripted-bot.js';

/** Conversation state in memory: where the adapter keeps the web chat's credentials. */
export class MemoryStateStore implements ConversationStateStore {
  readonly entries = new Map<string, string>();
  async get<T>(key: string): Promise<T | undefined> {
    const json = this.entries.get(key);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }
  async set<T>(key: string, value: T): Promise<void> {
    this.entries.set(key, JSON.stringify(value));
  }
  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }
}

/** `app.request`'s signature, through some cookie jar (or none). */
export type RequestFn = (input: string, init?: RequestInit, env?: unknown) => Promise<Response>;

/** The app and the fakes behind it, so tests can look at what happened. */
export interface WebHarness {
  /**
   * The HTTP app. Its `request` goes through `jar`, like a browser that keeps cookies (every user a
   * test speaks as shares that browser); a real server over `app.fetch` sees no jar.
   */
  app: ReturnType<typeof createHttpApp>;
  /** The cookies `app.request` keeps and sends. */
  jar: CookieJar;
  /** `app.request` through another browser's jar (a fresh one when not given). */
  client(jar?: CookieJar): RequestFn;
  /** Where the credentials are stored. */
  state: MemoryStateStore;
  bot: ScriptedBot;
  /** The web adapter whose routes the app serves, started with `bot` (or `deps.bot`). */
  adapter: WebAdapter;
  messages: InMemoryMessageLog;
  bus: OutboxBus;
  /** Flip to make /readyz answer 503. */
  readiness: { ready: boolean };
  /** The id generator the app and bot share (`id-1`, `id-2`, ...). */
  newId: () => string;
}

/** A fixed clock: tests never depend on the real time. */
export const TEST_NOW = new Date('2026-03-15T08:30:00.000Z');

/** What a test may replace: the adapter's options, the HTTP app's, and the bot the adapter is started with. */
export type WebHarnessDeps = Partial<Omit<WebAdapterConfig, 'outbox'> & Omit<HttpAppDeps, 'routes'>> & {
  bus?: OutboxBus;
  bot?: BotHandler;
  /** Routes mounted after the web adapter's. */
  routes?: HttpAppDeps['routes'];
};

/** Create the app with a scripted bot, an in-memory log and a fresh bus. */
export async function createWebHarness(
  options: { script?: BotScript; deps?: WebHarnessDeps; botPublishesReplies?: boolean } = {},
): Promise<WebHarness> {
  let counter = 0;
  const newId = () => `id-${++counter}`;
  const messages = new InMemoryMessageLog();
  const state = new MemoryStateStore();
  const bus = options.deps?.bus ?? new OutboxBus();
  const bot = new ScriptedBot({ messages, newId, script: options.script, bus: options.botPublishesReplies ? bus : undefined });
  const readiness = { ready: true };
  const { bot: botOverride, bus: _bus, routes, mounts, health, ...adapterDeps } = options.deps ?? {};
  const logger = adapterDeps.logger ?? pino({ level: 'silent' });
  const adapter = createWebAdapter({ messages, state, newId, clock: { now: () => TEST_NOW }, logger, ...adapterDeps, outbox: bus });
  await adapter.start(botOverride ?? bot);
  const app = createHttpApp({
    routes: [...adapter.routes, ...(routes ?? [])],
    mounts,
    health: health ?? { ready: async () => readiness.ready },
    logger,
  });
  const rawRequest = app.request.bind(app) as (input: string, init?: RequestInit, env?: unknown) => Response | Promise<Response>;
  const client = (jar: CookieJar = new CookieJar()): RequestFn => (input, init, env) => jar.request({ request: rawRequest }, input, init, env);
  const jar = new CookieJar();
  (app as unknown as { request: RequestFn }).request = client(jar);
  return { app, jar, client, state, bot, adapter, messages, bus, readiness, newId };
}

/** POST a JSON body (already a string, so tests can send broken JSON too). */
export function postJson(app: WebHarness['app'], path: string, body: string, headers: Record<string, string> = {}) {
  return app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

/** A bus that counts live subscriptions, so a test can wait for a page or stream to be listening. */
export class CountingBus extends OutboxBus {
  /** Subscriptions not yet stopped. */
  active = 0;

  /** Subscribe and count; the returned stop function uncounts. */
  override subscribe(conversationKey: string, listener: OutboxListener): () => void {
    this.active++;
    const stop = super.subscribe(conversationKey, listener);
    let stopped = false;
    return () => {
      if (!stopped) this.active--;
      stopped = true;
      stop();
    };
  }
}
