/** The webhook route on the shared HTTP server: only Telegram (which knows the secret) gets in, and it is always acknowledged. */
import { timingSafeEqual } from 'node:crypto';
import type { Update } from 'telegraf/types';
import { payloadTooLarge, readBodyWithin, WEBHOOK_BODY_BYTES } from '../../src/core/http/body-limit.js';
import type { HttpRoute } from '../../src/core/types.js';
import type { AdapterLogger } from '../shared/logger.js';

/** What the route needs from the adapter. */
export interface TelegramWebhookDeps {
  path: string;
  secret: string;
  logger: AdapterLogger;
  /** False until start(): Telegram then gets 503 and re-delivers later, so nothing is lost. */
  isReady(): boolean;
  /** Process one update completely; must not throw. */
  process(update: Update): Promise<void>;
}

/** Largest update body accepted: Telegram's updates are a few kilobytes; files come by reference. */
export const TELEGRAM_WEBHOOK_MAX_BYTES = WEBHOOK_BODY_BYTES;

/** Build the POST route that receives Telegram updates. */
export function createTelegramWebhookRoute(deps: TelegramWebhookDeps): HttpRoute {
  const expected = Buffer.from(deps.secret);
  return {
    method: 'POST',
    path: deps.path,
    async handle(request: Request): Promise<Response> {
      const given = Buffer.from(request.headers.get('x-telegram-bot-api-secret-token') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        deps.logger.warn({ path: deps.path }, 'telegram webhook: wrong or missing secret token');
        return new Response('unauthorized', { status: 401 });
      }
      if (!deps.isReady()) return new Response('not ready', { status: 503 });
      const body = await readBodyWithin(request, TELEGRAM_WEBHOOK_MAX_BYTES);
      if (!body) return payloadTooLarge(TELEGRAM_WEBHOOK_MAX_BYTES);
      let update: Update;
      try {
        update = JSON.parse(new TextDecoder().decode(body)) as Update;
      } catch {
        return new Response('body must be a JSON update', { status: 400 });
      }
      if (typeof update !== 'object' || update === null || typeof update.update_id !== 'number') {
        return new Response('body must be a JSON update', { status: 400 });
      }
      await deps.process(update);
      // 200 even when our handler failed: a re-delivery would only repeat the failure
      return new Response('ok', { status: 200 });
    },
  };
}
