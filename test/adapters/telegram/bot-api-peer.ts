/**
 * A local Bot API for tests: telegram-test-api (the npm fake server) behind a thin front that adds
 * what it lacks — getFile with file downloads, and long polling (it answers getUpdates at once).
 */
import { createServer, type IncomingMessage as NodeRequest, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import telegramTestApi from 'telegram-test-api';
import type { TelegramServer as TelegramServerType, StoredBotUpdate } from 'telegram-test-api/lib/telegramServer.js';

type TelegramServerClass = typeof TelegramServerType;
// the package sets module.exports to the class, so the default import is the class itself at run time
const TelegramServer = ((telegramTestApi as unknown as { default?: TelegramServerClass }).default ??
  (telegramTestApi as unknown as TelegramServerClass)) as TelegramServerClass;

/** A running fake Bot API. */
export interface BotApiPeer {
  /** Give this to the adapter as apiRoot. */
  apiRoot: string;
  server: TelegramServerType;
  /** Make a file available through getFile and /file/bot<token>/<path>. */
  addFile(fileId: string, data: Buffer, filePath: string): void;
  /** Messages the bot sent, oldest first. */
  botMessages(token: string): StoredBotUpdate[];
  close(): Promise<void>;
}

/** Longest a getUpdates call is held open when there is nothing to deliver. */
const LONG_POLL_MS = 2000;

/** Start the fake server and its front on free ports. */
export async function startBotApiPeer(): Promise<BotApiPeer> {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await server.start();
  const files = new Map<string, { data: Buffer; filePath: string }>();
  const waiting = new Set<() => void>();
  const wake = () => waiting.forEach((resolve) => resolve());
  for (const event of ['AddedUserMessage', 'AddedUserCommand', 'AddedUserCallbackQuery']) server.on(event, wake);

  const nextUserAction = (req: NodeRequest) => {
    let done!: () => void;
    const happened = new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), LONG_POLL_MS);
      done = () => {
        waiting.delete(done);
        clearTimeout(timer);
        resolve();
      };
      waiting.add(done);
      req.on('close', done);
    });
    return { happened, cancel: () => done() };
  };

  const front: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://peer');
    const body = await readBody(req);
    const method = /^\/bot[^/]+\/(\w+)$/.exec(url.pathname)?.[1];
    const reply = (status: number, payload: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload));
    };
    if (method === 'getFile') {
      const fileId = String(parseParams(req, body).file_id ?? '');
      const file = files.get(fileId);
      if (!file) return reply(400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
      return reply(200, { ok: true, result: { file_id: fileId, file_unique_id: `u${fileId}`, file_size: file.data.length, file_path: file.filePath } });
    }
    const download = /^\/file\/bot[^/]+\/(.+)$/.exec(url.pathname);
    if (download) {
      const file = [...files.values()].find((f) => f.filePath === download[1]);
      return file ? reply(200, file.data, 'image/jpeg') : reply(404, { ok: false, error_code: 404, description: 'Not Found' });
    }
    const forward = () =>
      fetch(`${server.config.apiURL}${url.pathname}${url.search}`, {
        method: req.method,
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        body: req.method === 'GET' ? undefined : new Uint8Array(body),
      });
    // like the real Bot API, only a call with a timeout is held open
    const longPoll = method === 'getUpdates' && Number(parseParams(req, body).timeout ?? 0) > 0;
    // listen before asking, so a user action between the two cannot be missed
    const userActed = longPoll ? nextUserAction(req) : undefined;
    let upstream = await forward();
    if (userActed) {
      const first = (await upstream.clone().json()) as { result?: unknown[] };
      if (first.result?.length === 0) {
        await userActed.happened;
        if (res.destroyed) return;
        upstream = await forward();
      }
      userActed.cancel();
    }
    reply(upstream.status, Buffer.from(await upstream.arrayBuffer()));
  });
  front.listen(0, '127.0.0.1');
  await once(front, 'listening');
  const port = (front.address() as AddressInfo).port;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    server,
    addFile: (fileId, data, filePath) => void files.set(fileId, { data, filePath }),
    botMessages: (token) => server.storage.botMessages.filter((m) => m.botToken === token),
    async close() {
      wake();
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await server.stop();
    },
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function readBody(req: NodeRequest): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseParams(req: NodeRequest, body: Buffer): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('json')) return JSON.parse(body.toString() || '{}') as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(body.toString()));
}
