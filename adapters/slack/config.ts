/** Slack adapter configuration, checked once so a mistake names the setting and a valid value. */
import { z } from 'zod';
import { GongyouError } from '../../src/core/errors.js';
import type { Clock } from '../../src/core/types.js';
import type { AdapterLogger } from '../shared/logger.js';
import type { FetchLike } from '../shared/download.js';
import type { SlackMediatorConsoleOptions } from './mediator/console.js';

/** How the Slack adapter connects (env: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN, SLACK_SOCKET_MODE). */
export interface SlackAdapterConfig {
  botToken: string;
  signingSecret: string;
  /** xapp- token; needed for Socket Mode. */
  appToken?: string;
  /** Default: on when appToken is set. */
  socketMode?: boolean;
  /** Default /slack/events (external checks post there; keep it). */
  eventsPath?: string;
  logger?: AdapterLogger;
  /** Used for the signature timestamp check. */
  clock?: Clock;
  /** Added: injected for file downloads (default globalThis.fetch). */
  fetch?: FetchLike;
  /** Added: injected so tests never really wait out a rate limit. */
  sleep?: (ms: number) => Promise<void>;
  /** Added: retries of a send after a rate limit or network failure (default 3). */
  retries?: number;
  /** Added: larger files are kept as a reference, not downloaded (default 20 MB). */
  maxAttachmentBytes?: number;
  /** Added: channels whose messages belong to the mediators (their console listens there), never to the worker bot. */
  staffChannels?: string[];
  /** The mediator console (SLACK_MEDIATOR_CHANNEL): registered on the adapter's Bolt App, so its buttons and threads arrive with the worker events. */
  mediatorConsole?: SlackMediatorConsoleOptions;
}

const schema = z
  .object({
    botToken: z.string().startsWith('xoxb-', 'SLACK_BOT_TOKEN must be a bot token starting with xoxb-'),
    signingSecret: z.string(),
    appToken: z.string().startsWith('xapp-', 'SLACK_APP_TOKEN must be an app-level token starting with xapp-').optional(),
    socketMode: z.boolean().optional(),
    eventsPath: z.string().startsWith('/', 'eventsPath must start with /').optional(),
    retries: z.number().int().min(0).max(10).optional(),
    maxAttachmentBytes: z.number().int().positive().optional(),
  })
  .refine((c) => c.socketMode !== true || c.appToken !== undefined, {
    message: 'SLACK_APP_TOKEN is required when SLACK_SOCKET_MODE=true',
    path: ['appToken'],
  })
  // Socket Mode needs no signature check; HTTP events cannot be trusted without one
  .refine((c) => usesSocketMode(c) || c.signingSecret.length >= 8, {
    message: "SLACK_SIGNING_SECRET must be the app's signing secret (Basic Information page) unless Socket Mode is on",
    path: ['signingSecret'],
  });

function usesSocketMode(c: { socketMode?: boolean; appToken?: string }): boolean {
  return c.socketMode ?? c.appToken !== undefined;
}

/** The config with defaults filled in. */
export type ResolvedSlackConfig = SlackAdapterConfig & { eventsPath: string; socketMode: boolean; retries: number };

/** Validate and fill defaults; throws GongyouError('config_invalid') naming each bad setting. */
export function resolveSlackConfig(config: SlackAdapterConfig): ResolvedSlackConfig {
  const { botToken, signingSecret, appToken, socketMode, eventsPath, retries, maxAttachmentBytes } = config;
  const parsed = schema.safeParse({ botToken, signingSecret, appToken, socketMode, eventsPath, retries, maxAttachmentBytes });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message).join('; ');
    throw new GongyouError('config_invalid', `Slack adapter: ${problems}`);
  }
  return {
    ...config,
    eventsPath: eventsPath ?? '/slack/events',
    socketMode: usesSocketMode(config),
    retries: retries ?? 3,
  };
}
