/**
 * Every route family has a body size limit and answers a larger body with 413, whether the size is
 * declared (Content-Length) or the body just keeps coming (chunked, for the routes that read a body),
 * on a real HTTP server: the web
 * chat, the Telegram, Slack and WeChat webhooks (the WeChat one on its own port too), the mediator and
 * admin APIs, the console and the health checks. JSON APIs answer in their error shape; webhooks in text.
 */
import { request as httpRequest } from 'node:http';
import type { Hono } from 'hono';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_EVENT_MAX_BYTES, FetchRequestReceiver } from '../../adapters/slack/receiver.js';
import { createTelegramWebhookRoute, TELEGRAM_WEBHOOK_MAX_BYTES } from '../../adapters/telegram/webhook-route.js';
import { listenForRoutes, type RouteListener } from '../../adapters/wechat/official-account/node-listener.js';
import { computeWechatSignature } from '../../adapters/wechat/official-account/oa-signature.js';
import { createOfficialAccountWebhook, OFFICIAL_ACCOUNT_MAX_BYTES } from '../../adapters/wechat/official-account/oa-webhook.js';
import { MAX_JSON_BODY_BYTES } from '../../adapters/web/chat-api.js';
import { SMALL_BODY_BYTES } from '../../src/core/http/body-limit.js';
import type { MediatorActions } from '../../src/core/mediator.js';
import type { HttpRoute } from '../../src/core/types.js';
import { createConsoleApp } from '../../src/http/console/routes.js';
import { startHttpServer, type RunningHttpServer } from '../../src/http/server.js';
import { createMediatorApi } from '../../src/http/staff-api.js';
import { createAdminApi } from '../../src/http/admin-api.js';
import { STAFF_MAX_BODY_BYTES } from '../../src/http/staff-http.js';
import type { CannedReplyStore } from '../../src/core/canned-replies.js';
import { createWebHarness } from '../adapters/web/harness.js';

const silent = pino({ level: 'silent' });
const clock = { now: () => new Date() };
const ADMIN = { id: 'a1', name: '管理员', role: 'admin' as const, createdAt: '2026-01-01T00:00:00.000Z' };
const STAFF = { authorization: 'Bearer good-token' };

/** The official account's routes, answering every message with nothing. */
function officialAccountRoutes(): HttpRoute[] {
  const webhook = createOfficialAccountWebhook({
    token: 'tok',
    passiveReplyMs: 1000,
    clock,
    locale: 'zh-CN',
    logger: silent,
    window: { touch() {} } as never,
    ready: () => true,
    handle: async () => undefined,
    render: () => [],
    sendLater: async () => undefined,
  });
  return [
    { method: 'GET', path: '/wechat', handle: (r) => webhook.handleGet(r) },
    { method: 'POST', path: '/wechat', handle: (r) => webhook.handlePost(r) },
  ];
}

/** WeChat's signed query for now. */
function signedQuery(): string {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return new URLSearchParams({ timestamp, nonce: 'n1', signature: computeWechatSignature('tok', timestamp, 'n1') }).toString();
}

/** One request over a real socket: any method with any body, declared or chunked; resolves with the answer even if the server stops reading. */
function send(port: number, method: string, path: string, size: number, options: { chunked?: boolean; headers?: Record<string, string> } = {}): Promise<{ status: number; type: string; text: string }> {
  const body = Buffer.alloc(size, 'a');
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { 'content-type': 'application/json', ...options.headers, ...(options.chunked ? {} : { 'content-length': String(size) }) } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text: Buffer.concat(parts).toString('utf8') }));
    });
    // the server may answer 413 and close before the whole body is written
    req.on('error', (err) => (req.writableEnded ? undefined : reject(err)));
    if (options.chunked) {
      for (let at = 0; at < size; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
    } else req.write(body);
    req.end();
  });
}

let server: RunningHttpServer;
let ownPort: RouteListener;
let routeFamilies: Array<{ family: string; method: string; path: () => string; limit: number; json: boolean; headers?: Record<string, string>; fits: number }>;

beforeAll(async () => {
  const receiver = new FetchRequestReceiver({ signingSecret: 'sig', clock, logger: silent, isReady: () => true });
  const telegram = createTelegramWebhookRoute({ path: '/telegram', secret: 's3cret', isReady: () => true, process: async () => undefined, logger: silent });
  const staff = { findByToken: async (token: string) => (token === 'good-token' ? ADMIN : undefined), listAudit: async () => [], audit: async () => undefined };
  const desk = { reply: async () => undefined } as unknown as MediatorActions;
  const apiDeps = { desk, staff, cannedReplies: {} as CannedReplyStore, logger: silent, clock };
  const h = await createWebHarness({
    deps: {
      routes: [telegram, { method: 'POST', path: '/slack/events', handle: (r) => receiver.handle(r) }, ...officialAccountRoutes()],
      mounts: [
        { path: '/api/mediator', app: createMediatorApi(apiDeps) as unknown as Hono },
        { path: '/api/admin', app: createAdminApi(apiDeps) as unknown as Hono },
        { path: '/console', app: createConsoleApp() },
      ],
    },
  });
  server = await startHttpServer(h.app, { port: 0, host: '127.0.0.1' });
  ownPort = await listenForRoutes(officialAccountRoutes(), 0, silent);
  // `fits`: a body at the limit, answered as usual (never 413)
  routeFamilies = [
    { family: 'web chat message', method: 'POST', path: () => '/api/web/messages', limit: MAX_JSON_BODY_BYTES, json: true, fits: 100 },
    { family: 'web chat history', method: 'GET', path: () => '/api/web/messages?userId=u1', limit: SMALL_BODY_BYTES, json: true, fits: 100 },
    { family: 'Telegram webhook', method: 'POST', path: () => '/telegram', limit: TELEGRAM_WEBHOOK_MAX_BYTES, json: false, headers: { 'x-telegram-bot-api-secret-token': 's3cret' }, fits: TELEGRAM_WEBHOOK_MAX_BYTES },
    { family: 'Slack events', method: 'POST', path: () => '/slack/events', limit: SLACK_EVENT_MAX_BYTES, json: false, fits: SLACK_EVENT_MAX_BYTES },
    { family: 'WeChat official account', method: 'POST', path: () => `/wechat?${signedQuery()}`, limit: OFFICIAL_ACCOUNT_MAX_BYTES, json: false, fits: OFFICIAL_ACCOUNT_MAX_BYTES },
    { family: 'mediator API', method: 'POST', path: () => '/api/mediator/cases/GY-2026-000001/messages', limit: STAFF_MAX_BODY_BYTES, json: true, headers: STAFF, fits: STAFF_MAX_BODY_BYTES },
    { family: 'admin API', method: 'GET', path: () => '/api/admin/audit', limit: STAFF_MAX_BODY_BYTES, json: true, headers: STAFF, fits: 100 },
    { family: 'console', method: 'GET', path: () => '/console/', limit: SMALL_BODY_BYTES, json: true, fits: 100 },
    { family: 'health check', method: 'GET', path: () => '/healthz', limit: SMALL_BODY_BYTES, json: true, fits: 100 },
  ];
});
afterAll(async () => {
  await server?.close();
  await ownPort?.close();
});

describe('body size limits', () => {
  it('every route family answers 413 to a body over its limit, declared or chunked, and takes one within it', async () => {
    for (const route of routeFamilies) {
      // a GET's body never reaches the app (the server discards it unread): only its declared size can be refused
      for (const chunked of route.method === 'GET' ? [false] : [false, true]) {
        const answer = await send(server.port, route.method, route.path(), route.limit + 1, { chunked, headers: route.headers });
        expect(answer.status, `${route.family}${chunked ? ', chunked' : ''}`).toBe(413);
        if (route.json) {
          const body = JSON.parse(answer.text) as { error: { code: string; message: string; message_en: string } };
          expect(body.error.code).toBe('payload_too_large');
          expect(body.error.message).toContain(`${Math.round(route.limit / 1024)} KB`);
          expect(body.error.message_en).toMatch(/too large/);
        } else {
          expect(answer.text, route.family).toMatch(/too large.*请求内容太大/);
        }
      }
      const fits = await send(server.port, route.method, route.path(), route.fits, { headers: route.headers });
      expect(fits.status, `${route.family} within the limit`).not.toBe(413);
    }
  });

  it('the WeChat official account on its own port refuses a large body with 413 too', async () => {
    for (const chunked of [false, true]) {
      const answer = await send(ownPort.port, 'POST', `/wechat?${signedQuery()}`, OFFICIAL_ACCOUNT_MAX_BYTES + 1, { chunked });
      expect(answer.status).toBe(413);
    }
    const fits = await send(ownPort.port, 'POST', `/wechat?${signedQuery()}`, 100);
    expect(fits.status).toBe(400);
    expect(fits.text).toMatch(/unreadable WeChat XML/);
  });
});
