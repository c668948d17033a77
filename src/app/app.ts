/**
 * Composition root: the only place that knows every part. Builds storage,
 * knowledge base, Q&A, handoff, the bot, the HTTP app and the adapters from
 * the configuration. Tests build it too, with an injected clock and data dir.
 */
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { AppConfig } from '../config.js';
import type { ChannelAdapter, Clock } from '../core/types.js';
import { systemClock } from '../core/types.js';
import { createLogger, type Logger } from '../core/logger.js';
import { createBot, type Bot } from '../core/bot.js';
import { OutboxBus } from '../core/outbox-bus.js';
import { MemoryRateCounter } from '../core/rate-counter.js';
import { Delivery } from '../core/delivery.js';
import type { Storage } from '../storage/types.js';
import { openEmbeddedStorage } from '../storage/embedded.js';
import { DataSealer, parseDataKey } from '../core/sealing.js';
import { openLiveKnowledgeBase, type RunningKnowledge } from '../knowledge/live.js';
import { loadAnswerLines, statutePassageLookup } from '../knowledge/answer-lines.js';
import { createQaService } from '../qa/index.js';
import { createReranker } from '../llm/rerank.js';
import { createQueryRewriter } from '../llm/rewrite.js';
import { HandoffService } from '../handoff/service.js';
import { createHandoffWiring } from './handoff.js';
import type { AdapterParts } from './adapters.js';
import { createPersonalData, retentionJob } from './personal-data.js';
import { IdentityLinks } from '../identity/links.js';
import { dialogMiddleware } from '../dialog/middleware.js';
import { M as DIALOG_TEXT } from '../dialog/messages.js';
import { tr } from '../core/i18n.js';
import type { Locale } from '../core/types.js';
import type { DialogServices } from '../dialog/services.js';
import { createHttpApp } from '../http/app.js';
import { createWebAdapter } from '../../adapters/web/index.js';

/** Open the configured storage (embedded SQLite + keyv, or PostgreSQL + Redis). */
export async function openStorage(config: AppConfig, clock: Clock = systemClock): Promise<Storage> {
  if (config.env.STORAGE === 'shared') {
    // Loaded only when used: the PostgreSQL and Redis clients cost ~30 MB of memory.
    const { openSharedStorage } = await import('../storage/shared.js');
    return openSharedStorage({ databaseUrl: config.env.DATABASE_URL!, redisUrl: config.env.REDIS_URL!, schema: config.env.DATABASE_SCHEMA, clock, sealer: dataSealer(config) });
  }
  return openEmbeddedStorage({ dataDir: config.dataDir, clock, sealer: dataSealer(config) });
}

/** The sealer for personal data at rest, when GONGYOU_DATA_KEY is configured. */
export function dataSealer(config: AppConfig): DataSealer | undefined {
  return config.env.GONGYOU_DATA_KEY ? new DataSealer(parseDataKey(config.env.GONGYOU_DATA_KEY)) : undefined;
}

let warnedNoDataKey = false;
/** Without a data key personal data is stored in plain text: say so once per process. */
function warnWithoutDataKey(config: AppConfig, logger: Logger): void {
  if (config.env.GONGYOU_DATA_KEY || warnedNoDataKey) return;
  warnedNoDataKey = true;
  logger.warn(
    'GONGYOU_DATA_KEY is not set: phone numbers, names, case summaries, messages and evidence are stored unencrypted. Set it to the output of `openssl rand -base64 32` (see docs/security.md).',
  );
}

/** Short, unique, roughly time-ordered message ids. */
export function createIdGenerator(clock: Clock = systemClock): () => string {
  let counter = 0;
  const node = randomBytes(3).toString('hex');
  return () => `m${clock.now().getTime().toString(36)}${node}${(counter++ % 46656).toString(36).padStart(3, '0')}`;
}

/** What tests and main() may replace. */
export interface GongyouOverrides {
  clock?: Clock;
  logger?: Logger;
  storage?: Storage;
  /** Adapters besides the web chat (which every install has), built by a test. */
  adapters?: ChannelAdapter[];
  /** Builds the adapters the configuration enables (main() passes createConfiguredAdapters), given the parts they need. */
  configuredAdapters?: (parts: AdapterParts) => Promise<ChannelAdapter[]>;
}

/** A built (not yet listening) Gongyou. */
export interface Gongyou {
  config: AppConfig;
  app: Hono;
  bot: Bot;
  storage: Storage;
  bus: OutboxBus;
  delivery: Delivery;
  handoff: HandoffService;
  /** Every adapter by channel name, the web chat's included. */
  adapters: Map<string, ChannelAdapter>;
  /** The adapters that reach a platform (all but the web chat, which starts with the app): startChannels starts these. */
  channels: ChannelAdapter[];
  logger: Logger;
  clock: Clock;
  /** Whether /readyz answers 200. */
  ready: boolean;
  /** Each channel adapter's status (`up`, `retrying`, `stopped`), shown by /readyz once the channels were started. */
  channelStatus?: () => Record<string, string>;
  /** Stop adapters, finish turns in flight, flush and close storage. */
  close(): Promise<void>;
}

/** Build Gongyou from configuration. */
export async function createGongyou(config: AppConfig, overrides: GongyouOverrides = {}): Promise<Gongyou> {
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? createLogger({ level: config.env.LOG_LEVEL });
  warnWithoutDataKey(config, logger);
  const storage = overrides.storage ?? (await openStorage(config, clock));
  const newId = createIdGenerator(clock);
  const bus = new OutboxBus();
  const calendar = { workingHours: config.workingHours, holidays: config.holidays };
  // Rate limits (the web chat's budgets, wrong linking codes): shared by every instance in shared mode.
  const rates = storage.rates ?? new MemoryRateCounter();

  // The openai SDK is loaded only when an LLM is configured.
  // Budget: rewrite ≤ 1 s (+ rerank ≤ 1 s when on) + answer, so a failing LLM still ends in the
  // extractive answer within 6 s: the answer gets 4.5 s, or 3.5 s when reranking is on.
  const rerankOn = Boolean(config.llm) && config.env.LLM_RERANK;
  const llm = config.llm ? (await import('../llm/client.js')).createLlmClient({ ...config.llm, budgetMs: rerankOn ? 3500 : 4500 }, logger) : undefined;
  // The bot follows its data folder: an admin's `kb import`, `kb rollback`, `kb train` or edited
  // lexicon is searched within KB_RELOAD_SECONDS, without a restart.
  const kb: RunningKnowledge = await openLiveKnowledgeBase(
    {
      dataDir: config.dataDir,
      embeddings: config.embeddings
        ? { ...config.embeddings, baseURL: config.embeddings.baseURL ?? 'https://api.openai.com/v1' }
        : undefined,
      // with an LLM, colloquial questions are rewritten into legal terms before retrieval
      rewrite: llm ? createQueryRewriter(llm) : undefined,
      // optionally the model reorders the best articles (LLM_RERANK=true)
      rerank: llm && rerankOn ? createReranker(llm) : undefined,
      clock,
      utcOffsetHours: config.env.GONGYOU_TIMEZONE_OFFSET,
      warn: (msg, detail) => logger.warn({ detail }, msg),
    },
    {
      reloaded: ({ ms, changed }) => logger.info({ ms: Math.round(ms), changed }, 'knowledge base reloaded'),
      failed: (err) => logger.warn({ err }, 'knowledge base changed but could not be opened; still searching the previous version'),
      lowMemory: (info) =>
        logger.warn(info, 'knowledge base changed but the heap has no room for a second copy; still searching the previous version, trying again at the next check (restart, or raise --max-old-space-size, to switch now)'),
    },
  );
  if (config.env.KB_RELOAD_SECONDS > 0) kb.watch(config.env.KB_RELOAD_SECONDS * 1000);
  const qa = createQaService({
    retriever: kb.retriever,
    cards: kb.cards,
    llm,
    clock,
    logger,
    lowConfidenceThreshold: config.env.QA_HANDOFF_THRESHOLD,
    answerLines: loadAnswerLines(),
    passageOf: statutePassageLookup(() => kb.passages()),
    // What workers asked that the bot was unsure of: `npx gongyou kb unanswered` lists it.
    onUnsure: (report) => void storage.unanswered.record({ at: clock.now().toISOString(), ...report }),
  });
  const handoff = new HandoffService({
    cases: storage.cases,
    staff: storage.staff,
    clock,
    calendar,
    utcOffsetHours: config.env.GONGYOU_TIMEZONE_OFFSET,
  });
  // Erasure and retention tell every adapter (the web chat drops the conversation's credential).
  const forgetConversations = async (conversationKeys: string[]) => {
    for (const adapter of adapters.values()) await adapter.forget?.(conversationKeys);
  };
  const services: DialogServices = {
    cases: storage.cases,
    blobs: storage.blobs,
    qa,
    handoff,
    // A link or unlink is announced to the other identity's chat, in that chat's language.
    identities: new IdentityLinks(storage.state, clock, async (conversationKey, event, other) => {
      const saved = await storage.state.get<{ locale?: Locale }>(conversationKey);
      const locale = saved?.locale ?? config.env.GONGYOU_DEFAULT_LOCALE;
      const text = tr(locale, event === 'linked' ? DIALOG_TEXT.linkNotice : DIALOG_TEXT.unlinkNotice, { channel: other.split(':')[0] });
      await delivery.send(conversationKey, { text, meta: { intent: event === 'linked' ? 'link_notice' : 'unlink_notice' } }, 'bot');
    }, rates),
    calendar,
    handoffThreshold: config.env.QA_HANDOFF_THRESHOLD,
    personalData: storage.maintenance ? createPersonalData(storage, clock, forgetConversations) : undefined,
  };
  const bot = createBot({
    messages: storage.messages,
    dedupe: storage.dedupe,
    state: storage.state,
    lock: storage.lock,
    bus,
    clock,
    logger,
    newId,
    middleware: dialogMiddleware,
    services,
    defaultLocale: config.env.GONGYOU_DEFAULT_LOCALE,
    afterTurn: (message) => {
      if (delivery.hasPendingFor(message.conversationKey)) {
        delivery.flushConversation(message.conversationKey).catch((err: unknown) => logger.warn({ err }, 'flush after contact failed'));
      }
    },
  });
  // The web chat needs no platform, so it serves workers as soon as the app is built; the channels
  // that talk to a platform are started (and retried) by startChannels.
  const web = createWebAdapter({
    messages: storage.messages,
    outbox: bus,
    logger,
    newId,
    clock,
    rateLimitPerMinute: config.env.WEB_RATE_LIMIT_PER_MINUTE,
    addressRateLimitPerMinute: config.env.WEB_ADDRESS_RATE_LIMIT_PER_MINUTE,
    trustProxy: config.env.TRUST_PROXY,
    rates,
    // the chat's credentials sit beside conversation state, so every instance on the same store agrees
    state: storage.state,
    lock: storage.lock,
  });
  await web.start(bot);
  const adapters = new Map<string, ChannelAdapter>([[web.name, web]]);
  const delivery = new Delivery({ messages: storage.messages, clock, logger, newId, adapters });

  const gongyou: Gongyou = {
    config,
    app: undefined as unknown as Hono,
    bot,
    storage,
    bus,
    delivery,
    handoff,
    adapters,
    channels: [],
    logger,
    clock,
    ready: true,
    async close() {
      gongyou.ready = false;
      for (const adapter of adapters.values()) {
        await adapter.stop().catch((err: unknown) => logger.warn({ err, adapter: adapter.name }, 'adapter stop failed'));
      }
      await bot.drain();
      await kb.close();
      await storage.close();
    },
  };
  // ── handoff wiring: mediator API, console, scheduler ──
  const handoffWiring = createHandoffWiring({
    storage,
    handoff,
    bot,
    delivery,
    clock,
    logger,
    calendar,
    collective: { minCases: config.env.COLLECTIVE_MIN_CASES, windowDays: config.env.COLLECTIVE_WINDOW_DAYS },
    crisisEscalationMs: config.env.CRISIS_ESCALATION_MINUTES * 60_000,
    housekeeping: retentionJob(
      storage,
      clock,
      {
        closedCaseDays: config.env.RETENTION_CLOSED_CASE_DAYS,
        messageDays: config.env.RETENTION_MESSAGE_DAYS,
        stateDays: config.env.RETENTION_STATE_DAYS,
      },
      (report) => logger.info(report, 'retention pass'),
      { expireState: (key, expired) => bot.expireState(key, expired), forget: forgetConversations },
    ),
  });
  const mounts: Array<{ path: string; app: Hono }> = [...handoffWiring.mounts];
  // Adapters come after the desk, which the Slack mediator console needs; delivery reads the map when it sends.
  const configured = await overrides.configuredAdapters?.({ desk: handoffWiring.desk, state: storage.state }).catch(async (error: unknown) => {
    await gongyou.close().catch(() => undefined);
    throw error;
  });
  gongyou.channels = [...(configured ?? []), ...(overrides.adapters ?? [])];
  for (const adapter of gongyou.channels) adapters.set(adapter.name, adapter);
  // a test passes its own clock and calls scheduler.tick(); production ticks every minute
  if (!overrides.clock) handoffWiring.scheduler.start();
  const closeWithoutScheduler = gongyou.close;
  gongyou.close = async () => {
    handoffWiring.scheduler.stop();
    await closeWithoutScheduler();
  };
  // A message the platform refused (WeChat's 48-hour window) waits for the worker's next contact; tell the mediators.
  delivery.on('undeliverable', ({ conversationKey, message, error }) => {
    void (async () => {
      const state = await storage.state.get<{ activeCaseId?: string }>(conversationKey);
      if (!state?.activeCaseId) return;
      const reason = error instanceof Error ? error.message : String(error);
      await storage.cases.updateCase(state.activeCaseId, {}, 'system', 'message_undeliverable', clock.now());
      handoffWiring.desk.emit({ type: 'undeliverable', caseId: state.activeCaseId, text: message.text, reason, at: clock.now().toISOString() });
    })().catch((err: unknown) => logger.warn({ err }, 'could not report an undeliverable message'));
  });
  // ── end of handoff wiring ──
  gongyou.app = createHttpApp({
    trustProxy: config.env.TRUST_PROXY,
    routes: [...adapters.values()].flatMap((a) => a.routes ?? []),
    mounts,
    health: { ready: async () => gongyou.ready, channels: () => gongyou.channelStatus?.() ?? {} },
    logger,
  });
  return gongyou;
}
