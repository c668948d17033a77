/** The HTTP app: health checks, every adapter's routes (the web chat's among them) and the staff sub-apps. */
import { Hono } from 'hono';
import type { Logger } from '../core/logger.js';
import type { HttpRoute } from '../core/types.js';
import { HTTP_ERROR_TEXT, sendHttpError } from '../core/http/errors.js';
import { securityHeaders } from '../core/http/security-headers.js';
import { limitBody, SMALL_BODY_BYTES } from '../core/http/body-limit.js';

/** Everything the HTTP app needs, injected by the composition root (or a test). */
export interface HttpAppDeps {
  /** Behind a reverse proxy that sets X-Forwarded-Proto: HTTPS requests then get HSTS. */
  trustProxy?: boolean;
  /** Adapter routes (the web chat, webhooks), mounted as given; the raw request (body bytes untouched) goes to them. */
  routes?: HttpRoute[];
  /** Sub-apps such as the mediator console and its APIs. */
  mounts?: Array<{ path: string; app: Hono }>;
  /** Readiness: false while starting or shutting down, so load balancers stop sending. */
  health: { ready(): Promise<boolean>; channels?(): Record<string, string> };
  logger: Logger;
}

/** The peer address @hono/node-server exposes as `env.incoming`; undefined in-process (app.request without env). */
function remoteAddressOf(env: unknown): string | undefined {
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress || undefined;
}

/** Build the Hono app; no sockets are opened here (see startHttpServer). */
export function createHttpApp(deps: HttpAppDeps): Hono {
  const app = new Hono();
  app.use('*', securityHeaders({ trustProxy: deps.trustProxy }));

  // health checks read no body; the adapters' routes and the sub-apps set their own limits
  const smallBody = limitBody(SMALL_BODY_BYTES);
  app.get('/healthz', smallBody, (c) => c.json({ status: 'ok' }));
  app.get('/readyz', smallBody, async (c) => {
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

  for (const route of deps.routes ?? []) {
    app.on(route.method, route.path, (c) => route.handle(c.req.raw, { remoteAddress: remoteAddressOf(c.env) }));
  }
  for (const mount of deps.mounts ?? []) app.route(mount.path, mount.app);

  app.notFound((c) => sendHttpError(c, 404, 'not_found', HTTP_ERROR_TEXT.notFound));
  app.onError((err, c) => {
    deps.logger.error({ err, method: c.req.method, path: c.req.path }, 'http request failed');
    return sendHttpError(c, 500, 'internal_error', HTTP_ERROR_TEXT.internal);
  });
  return app;
}
