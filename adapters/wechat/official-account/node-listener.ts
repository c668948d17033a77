/** Serve fetch-style routes on their own port, for an official account configured with WECHAT_OA_PORT. */
import { createServer, type IncomingMessage as NodeRequest, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { payloadTooLarge, WEBHOOK_BODY_BYTES } from '../../../src/core/http/body-limit.js';
import type { HttpRoute } from '../../../src/core/types.js';
import type { AdapterLogger } from '../../shared/logger.js';

/** A running listener. */
export interface RouteListener {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The request body, or undefined when it is larger than `maxBytes` (declared or counted); the rest is
 * then left unread, and `refuseTooLarge` discards it after answering.
 */
function readBody(req: NodeRequest, maxBytes: number): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length'] ?? '0') > maxBytes) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      stop();
      req.pause();
      resolve(undefined);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/** Answer 413 and close the connection; what the client still sends is read and dropped for a moment, so it sees the answer. */
function refuseTooLarge(req: NodeRequest, res: ServerResponse, maxBytes: number): void {
  res.on('finish', () => {
    req.resume();
    setTimeout(() => req.socket.destroy(), 500).unref();
  });
  void payloadTooLarge(maxBytes)
    .text()
    .then((text) => res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end(text));
}

async function dispatch(routes: readonly HttpRoute[], req: NodeRequest, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const route = routes.find((candidate) => candidate.method === req.method && candidate.path === url.pathname);
  if (!route) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found / 找不到该地址');
    return;
  }
  const body = req.method === 'POST' ? await readBody(req, WEBHOOK_BODY_BYTES) : undefined;
  if (req.method === 'POST' && !body) return refuseTooLarge(req, res, WEBHOOK_BODY_BYTES);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const response = await route.handle(new Request(url, { method: req.method, headers, body: body ? new Uint8Array(body) : undefined }));
  res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** Listen on `port` (0 picks a free one) and hand each request to the matching route. */
export async function listenForRoutes(routes: readonly HttpRoute[], port: number, logger: AdapterLogger): Promise<RouteListener> {
  const server: Server = createServer((req, res) => {
    dispatch(routes, req, res).catch((err: unknown) => {
      logger.error({ err }, 'wechat webhook listener: request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('server error / 服务器出错');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
