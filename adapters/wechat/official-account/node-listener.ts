/** Serve fetch-style routes on their own port, for an official account configured with WECHAT_OA_PORT. */
import { createServer, type IncomingMessage as NodeRequest, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRoute } from '../../../src/core/types.js';
import type { AdapterLogger } from '../../shared/logger.js';

/** A running listener. */
export interface RouteListener {
  readonly port: number;
  close(): Promise<void>;
}

/** WeChat messages are small; a larger body is not WeChat talking. */
const MAX_BODY_BYTES = 1024 * 1024;

async function readBody(req: NodeRequest): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function dispatch(routes: readonly HttpRoute[], req: NodeRequest, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const route = routes.find((candidate) => candidate.method === req.method && candidate.path === url.pathname);
  if (!route) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found / 找不到该地址');
    return;
  }
  const body = req.method === 'POST' ? await readBody(req) : undefined;
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
