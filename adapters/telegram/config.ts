/** Telegram adapter configuration, checked once so a mistake names the setting and a valid value. */
import { z } from 'zod';
import { GongyouError } from '../../src/core/errors.js';
import type { Clock } from '../../src/core/types.js';
import type { AdapterLogger } from '../shared/logger.js';
import type { FetchLike } from '../shared/download.js';

/** How the Telegram adapter connects (env: TELEGRAM_BOT_TOKEN, TELEGRAM_MODE, TELEGRAM_WEBHOOK_SECRET, TELEGRAM_WEBHOOK_URL, TELEGRAM_API_ROOT). */
export interface TelegramAdapterConfig {
  token: string;
  mode: 'webhook' | 'polling';
  /** Required in webhook mode: Telegram echoes it in X-Telegram-Bot-Api-Secret-Token. */
  webhookSecret?: string;
  /** Default /telegram/webhook. */
  webhookPath?: string;
  /** Public URL for setWebhook: a bare origin gets webhookPath appended; a URL with a path is used as is. */
  publicUrl?: string;
  /** TELEGRAM_API_ROOT, default https://api.telegram.org (a local Bot API server or a test fake). */
  apiRoot?: string;
  logger?: AdapterLogger;
  /** Added: injected for downloads (default globalThis.fetch). */
  fetch?: FetchLike;
  /** Added: injected so tests never really wait out a rate limit. */
  sleep?: (ms: number) => Promise<void>;
  /** Added: stamps receivedAt. */
  clock?: Clock;
  /** Added: retries of a send after a rate limit or network failure (default 3). */
  retries?: number;
  /** Added: larger files are kept as a reference, not downloaded (default 20 MB, the Bot API's own limit). */
  maxAttachmentBytes?: number;
}

const schema = z
  .object({
    token: z.string().regex(/^\d+:[\w-]+$/, 'TELEGRAM_BOT_TOKEN must look like 123456:ABC-def (from @BotFather)'),
    mode: z.enum(['webhook', 'polling'], 'TELEGRAM_MODE must be "webhook" or "polling"'),
    webhookSecret: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, 'TELEGRAM_WEBHOOK_SECRET must be 16-256 characters of A-Z a-z 0-9 _ -')
      .optional(),
    webhookPath: z.string().startsWith('/', 'webhookPath must start with /').optional(),
    publicUrl: z.url('TELEGRAM_WEBHOOK_URL must be a full https:// URL').optional(),
    apiRoot: z.url('TELEGRAM_API_ROOT must be a URL such as https://api.telegram.org').optional(),
    retries: z.number().int().min(0).max(10).optional(),
    maxAttachmentBytes: z.number().int().positive().optional(),
  })
  .refine((c) => c.mode !== 'webhook' || c.webhookSecret !== undefined, {
    message: 'TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_MODE=webhook',
    path: ['webhookSecret'],
  });

/** The config with defaults filled in. */
export type ResolvedTelegramConfig = TelegramAdapterConfig & { webhookPath: string; apiRoot: string; retries: number };

/** Validate and fill defaults; throws GongyouError('config_invalid') naming each bad setting. */
export function resolveTelegramConfig(config: TelegramAdapterConfig): ResolvedTelegramConfig {
  const { logger: _l, fetch: _f, sleep: _s, clock: _c, ...checkable } = config;
  const parsed = schema.safeParse(checkable);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message).join('; ');
    throw new GongyouError('config_invalid', `Telegram adapter: ${problems}`);
  }
  return {
    ...config,
    webhookPath: config.webhookPath ?? '/telegram/webhook',
    apiRoot: (config.apiRoot ?? 'https://api.telegram.org').replace(/\/+$/, ''),
    retries: config.retries ?? 3,
  };
}

/** The URL to register with setWebhook. */
export function webhookUrl(publicUrl: string, webhookPath: string): string {
  const url = new URL(publicUrl);
  if (url.pathname === '/' || url.pathname === '') url.pathname = webhookPath;
  return url.toString();
}
