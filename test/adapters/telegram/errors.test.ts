/** Bot API failures at the HTTP edge (nock): rate limits are waited out, refusals are not retried, network failures back off. */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GongyouError } from '../../../src/core/errors.js';
import { createTelegramAdapter, translateTelegramError, type TelegramAdapter } from '../../../adapters/telegram/index.js';
import { botApiError, botApiOk } from './nock-bot-api.js';

const TOKEN = '7012345678:AAHfT3xq-gongyou-test-token';
const API = 'https://api.telegram.org';
const reply = { id: 'r1', text: '你的诉求已登记', meta: { intent: 'intake' } };
/** nock 14 only fails the request for an Error instance; a plain object leaves it hanging. */
const socketError = (code: string, message: string) => Object.assign(new Error(message), { code });
const sentOk = () => botApiOk({ message_id: 77, chat: { id: 5123456789, type: 'private' }, date: 1760598200, text: reply.text });

describe('telegram error translation', () => {
  let adapter: TelegramAdapter;
  let waits: number[];

  beforeEach(() => {
    nock.disableNetConnect();
    waits = [];
    adapter = createTelegramAdapter({ token: TOKEN, mode: 'polling', sleep: async (ms) => void waits.push(ms) });
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('waits the retry_after of a 429 and then sends', async () => {
    const scope = nock(API)
      .post(`/bot${TOKEN}/sendMessage`)
      .reply(() => botApiError(429, 'Too Many Requests: retry after 3', { retry_after: 3 }))
      .post(`/bot${TOKEN}/sendMessage`)
      .reply(sentOk);
    await adapter.send('telegram:5123456789', reply);
    expect(scope.isDone()).toBe(true);
    expect(waits).toEqual([3000]);
  });

  it('gives up at once on a rate limit longer than the cap, as a retryable platform_rate_limited error', async () => {
    nock(API).post(`/bot${TOKEN}/sendMessage`).reply(() => botApiError(429, 'Too Many Requests: retry after 600', { retry_after: 600 }));
    const error = await adapter.send('telegram:5123456789', reply).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GongyouError);
    expect(error).toMatchObject({ code: 'platform_rate_limited', retryAfterMs: 600_000, isRetryable: true });
    expect(waits).toEqual([]);
  });

  it('does not retry a worker who blocked the bot (403)', async () => {
    const scope = nock(API).post(`/bot${TOKEN}/sendMessage`).once().reply(() => botApiError(403, 'Forbidden: bot was blocked by the user'));
    const error = await adapter.send('telegram:5123456789', reply).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'platform_refused', isRetryable: false });
    expect((error as Error).message).toContain('blocked by the user');
    expect(scope.isDone()).toBe(true);
    expect(waits).toEqual([]);
  });

  it('backs off and retries a network failure, then succeeds', async () => {
    const scope = nock(API)
      .post(`/bot${TOKEN}/sendMessage`)
      .replyWithError(socketError('ECONNRESET', 'socket hang up'))
      .post(`/bot${TOKEN}/sendMessage`)
      .replyWithError(socketError('ETIMEDOUT', 'connect ETIMEDOUT'))
      .post(`/bot${TOKEN}/sendMessage`)
      .reply(sentOk);
    await adapter.send('telegram:5123456789', reply);
    expect(scope.isDone()).toBe(true);
    expect(waits).toEqual([500, 1000]);
  });

  it('reports network_failed after the last retry', async () => {
    nock(API).post(`/bot${TOKEN}/sendMessage`).times(4).replyWithError(socketError('ECONNREFUSED', 'connect ECONNREFUSED'));
    const error = await adapter.send('telegram:5123456789', reply).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network_failed', isRetryable: true });
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it('fails start with platform_refused on a revoked token, and stops cleanly afterwards', async () => {
    nock(API).post(`/bot${TOKEN}/getMe`).reply(() => botApiError(401, 'Unauthorized'));
    await expect(adapter.start({ handle: async () => [] })).rejects.toMatchObject({ code: 'platform_refused' });
    await expect(adapter.stop()).resolves.toBeUndefined();
  });

  it('rejects a conversation key of another channel without calling Telegram', async () => {
    await expect(adapter.send('slack:D123', reply)).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('translates unknown throwables to a non-retryable refusal and leaves GongyouErrors alone', () => {
    const own = new GongyouError('network_failed', 'x', { isRetryable: true });
    expect(translateTelegramError(own)).toBe(own);
    expect(translateTelegramError('weird')).toMatchObject({ code: 'platform_refused', isRetryable: false });
  });
});

describe('telegram adapter configuration', () => {
  it('names the variable when the config is wrong', () => {
    expect(() => createTelegramAdapter({ token: 'nonsense', mode: 'polling' })).toThrow(/TELEGRAM_BOT_TOKEN/);
    expect(() => createTelegramAdapter({ token: '1:abc', mode: 'webhook' })).toThrow(/TELEGRAM_WEBHOOK_SECRET is required/);
    expect(() => createTelegramAdapter({ token: '1:abc', mode: 'sideways' as 'polling' })).toThrow(/TELEGRAM_MODE/);
  });

  it('exposes a webhook route only in webhook mode, at the configured path', () => {
    expect(createTelegramAdapter({ token: '1:abc', mode: 'polling' }).routes).toBeUndefined();
    const adapter = createTelegramAdapter({ token: '1:abc', mode: 'webhook', webhookSecret: 'a'.repeat(20), webhookPath: '/tg/hook' });
    expect(adapter.routes?.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /tg/hook']);
  });
});
