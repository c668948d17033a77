/** Limits (issue 16): signed WeChat requests expire, the Telegram webhook has a body limit, staff responses are not cached, HSTS over HTTPS. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { computeWechatSignature, verifyWechatSignature } from '../../adapters/wechat/official-account/oa-signature.js';
import { createTelegramWebhookRoute, TELEGRAM_WEBHOOK_MAX_BYTES } from '../../adapters/telegram/webhook-route.js';
import { HSTS, securityHeaders } from '../../src/core/http/security-headers.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('WeChat signature freshness', () => {
  const now = new Date('2101-01-01T08:00:00Z');
  const signed = (secondsAgo: number) => {
    const timestamp = String(Math.floor(now.getTime() / 1000) - secondsAgo);
    return new URLSearchParams({ timestamp, nonce: 'n1', signature: computeWechatSignature('tok', timestamp, 'n1') });
  };
  it('accepts a fresh signed request and refuses a correctly signed one a day old', () => {
    expect(verifyWechatSignature('tok', signed(30), now)).toBe(true);
    expect(verifyWechatSignature('tok', signed(-30), now)).toBe(true);
    expect(verifyWechatSignature('tok', signed(6 * 60), now)).toBe(false);
    expect(verifyWechatSignature('tok', signed(86_400), now)).toBe(false);
  });
});

describe('Telegram webhook body limit', () => {
  const route = createTelegramWebhookRoute({ path: '/tg', secret: 's3cret', isReady: () => true, process: async () => {}, logger: silent } as never);
  const post = (body: string, headers: Record<string, string> = {}) =>
    route.handle(new Request('http://x/tg', { method: 'POST', body, headers: { 'x-telegram-bot-api-secret-token': 's3cret', ...headers } }));
  it('refuses a body over 1 MB with 413 and takes a normal update', async () => {
    expect((await post('x'.repeat(TELEGRAM_WEBHOOK_MAX_BYTES + 1))).status).toBe(413);
    expect((await post('{}', { 'content-length': String(10 * 1024 * 1024) })).status).toBe(413);
    expect((await post(JSON.stringify({ update_id: 1 }))).status).toBe(200);
  });
});

describe('HSTS', () => {
  const app = (trustProxy: boolean) => {
    const a = new Hono();
    a.use('*', securityHeaders({ trustProxy }));
    a.get('/', (c) => c.text('ok'));
    return a;
  };
  it('is sent over HTTPS, and for X-Forwarded-Proto only when the proxy is trusted', async () => {
    expect((await app(false).request('https://gy.example/')).headers.get('strict-transport-security')).toBe(HSTS);
    expect((await app(false).request('http://gy.example/')).headers.get('strict-transport-security')).toBeNull();
    expect((await app(false).request('http://gy.example/', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBeNull();
    expect((await app(true).request('http://gy.example/', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBe(HSTS);
  });
});
