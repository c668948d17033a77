/** Runs the app on a real socket and shuts it down gracefully. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** Where to listen and how long shutdown may wait for requests in flight. */
export interface HttpServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Default 0.0.0.0 (inside a container the health check comes from outside). */
  host?: string;
  /** After this, connections still open are cut; default 10 s. */
  shutdownTimeoutMs?: number;
}

/** A listening server. */
export interface RunningHttpServer {
  /** The port actually bound (useful with port 0). */
  port: number;
  /** Stop accepting, let requests in flight finish (up to the timeout), then resolve. Safe to call twice. */
  close(): Promise<void>;
}

/** An event stream never finishes by itself, so shutdown ends it instead of waiting for it. */
function isEventStream(request: IncomingMessage): boolean {
  return (request.headers.accept ?? '').includes('text/event-stream');
}

/** Start listening; resolves once the port is bound. */
export function startHttpServer(app: Hono, options: HttpServerOptions): Promise<RunningHttpServer> {
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const inFlight = new Map<ServerResponse, IncomingMessage>();
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '0.0.0.0' }) as Server;
    let closing: Promise<void> | undefined;
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      inFlight.set(response, request);
      response.on('close', () => inFlight.delete(response));
      // a keep-alive connection would otherwise stay open after its last response
      response.on('finish', () => {
        if (closing) setImmediate(() => server.closeIdleConnections());
      });
    });
    server.once('error', reject);

    const close = () =>
      (closing ??= new Promise<void>((done) => {
        const cutOff = setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs);
        cutOff.unref();
        server.close(() => {
          clearTimeout(cutOff);
          done();
        });
        server.closeIdleConnections();
        for (const [response, request] of inFlight) {
          if (isEventStream(request)) response.destroy();
          else if (!response.headersSent) response.setHeader('Connection', 'close');
        }
      }));

    server.once('listening', () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({ port, close });
    });
  });
}
