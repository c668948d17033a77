/** The HTTP app: web chat page and API, health checks, adapter webhooks and later consoles. */
import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { OutboxBus } from '../core/outbox-bus.js';
import type { BotHandler, Clock, HttpRoute } from '../core/types.js';
import type { MessageLog } from '../core/ports.js';
import { mountChatApi } from '../../adapters/web/chat-api.js';
import { mountChatEvents } from '../../adapters/web/chat-events.js';
import { mountChatPage } from '../../adapters/web/chat-page.js';
import { HTTP_ERROR_TEXT, sendHttpError } from '../core/http/errors.js';
import { securityHeaders } from '../core/http/security-headers.js';

/** Everything the HTTP app needs, injected by the composition root (or a test). */
export interface WebAppDeps {
  bot: BotHandler;
  /** Read side of the message log: what was sent to a web user after a given message. */
  messages: MessageLog;
  /** Live outgoing messages, fed to SSE. */
  bus: OutboxBus;
  /** Adapter webhooks, mounted as given; the raw request (body bytes untouched) goes to them. */
  routes?: HttpRoute[];
  /** Sub-apps such as the mediator console and its APIs. */
  mounts?: Array<{ path: string; app: Hono }>;
  /** Readiness: false while starting or shutting down, so load balancers stop sending. */
  health: { ready(): Promise<boolean>; channels?(): Record<string, string> };
  logger: Logger;
  newId: () => string;
  clock: Clock;
  /** Largest uploaded file in bytes; default 10 MB. */
  maxUploadBytes?: number;
  /** Messages (and uploads) one web user may send per minute; default 60. */
  rateLimitPerMinute?: number;
  /** SSE heartbeat interval in ms; default 25 s (tests shorten it instead of sleeping). */
  sseHeartbeatMs?: number;
}

/** Build the Hono app; no sockets are opened here (see startHttpServer). */
export function createHttpApp(deps: WebAppDeps): Hono {
  const app = new Hono();
  app.use('*', securityHeaders());

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    let ready = false;
    try {
      ready = await deps.health.ready();
    } catch (err) {
      deps.logger.warn({ err }, 'readiness check failed');
    }
    // Ready means workers can be served (storage, web chat); a channel still retrying shows in `channels`.
    const channels = deps.health.channels?.() ?? {};
    return ready ? c.json({ status: 'ready', channels }) : c.json({ status: 'not_ready', channels }, 503);
  });

  mountChatApi(app, deps);
  mountChatEvents(app, deps);
  mountChatPage(app);

  for (const route of deps.routes ?? []) {
    app.on(route.method, route.path, (c) => route.handle(c.req.raw));
  }
  for (const mount of deps.mounts ?? []) app.route(mount.path, mount.app);

  app.notFound((c) => sendHttpError(c, 404, 'not_found', HTTP_ERROR_TEXT.notFound));
  app.onError((err, c) => {
    deps.logger.error({ err, method: c.req.method, path: c.req.path }, 'http request failed');
    return sendHttpError(c, 500, 'internal_error', HTTP_ERROR_TEXT.internal);
  });
  return app;
}
