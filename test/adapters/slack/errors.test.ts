/** Web API failures at the HTTP edge (nock): rate limits are waited out, refusals are not retried, network failures back off. */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GongyouError } from '../../../src/core/errors.js';
import { createSlackAdapter, translateSlackError, type SlackAdapter } from '../../../adapters/slack/index.js';
import { BOT_TOKEN, SIGNING_SECRET, slackApiReply } from './slack-peer.js';

const reply = { id: 'r1', text: '调解员：明天上午联系你', meta: { intent: 'mediator_reply' } };
const posted = () => slackApiReply({ ok: true, channel: 'D0LAN2Q65', ts: '1760600000.000100' });
/** nock 14 only fails the request for an Error instance; a plain object leaves it hanging. */
const socketError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('slack error translation', () => {
  let adapter: SlackAdapter;
  let waits: number[];

  beforeEach(() => {
    nock.disableNetConnect();
    waits = [];
    adapter = createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, sleep: async (ms) => void waits.push(ms) });
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('waits the Retry-After of a 429 and then posts', async () => {
    const scope = nock('https://slack.com')
      .post('/api/chat.postMessage')
      .reply(() => slackApiReply({ ok: false, error: 'ratelimited' }, 429, { 'retry-after': '2' }))
      .post('/api/chat.postMessage')
      .reply(posted);
    await adapter.send('slack:D0LAN2Q65', reply);
    expect(scope.isDone()).toBe(true);
    expect(waits).toEqual([2000]);
  });

  it('does not retry a refusal such as channel_not_found', async () => {
    const scope = nock('https://slack.com').post('/api/chat.postMessage').once().reply(() => slackApiReply({ ok: false, error: 'channel_not_found' }));
    const error = await adapter.send('slack:D0GONE', reply).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GongyouError);
    expect(error).toMatchObject({ code: 'platform_refused', isRetryable: false });
    expect((error as Error).message).toContain('channel_not_found');
    expect(scope.isDone()).toBe(true);
    expect(waits).toEqual([]);
  });

  it('backs off after network failures and reports network_failed after the last retry', async () => {
    nock('https://slack.com').post('/api/chat.postMessage').times(4).replyWithError(socketError('ECONNRESET', 'socket hang up'));
    const error = await adapter.send('slack:D0LAN2Q65', reply).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network_failed', isRetryable: true });
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it('treats a Slack 5xx as a retryable failure', async () => {
    const scope = nock('https://slack.com')
      .post('/api/chat.postMessage')
      .reply(() => slackApiReply({ ok: false }, 503))
      .post('/api/chat.postMessage')
      .reply(posted);
    await adapter.send('slack:D0LAN2Q65', reply);
    expect(scope.isDone()).toBe(true);
    expect(waits).toEqual([500]);
  });

  it('mentions the worker when sending to a channel conversation', async () => {
    let body = '';
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .reply((_uri, requestBody) => {
        body = typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody);
        return posted();
      });
    await adapter.send('slack:room:C0LAN2Q66:user:U0G9QF9C6', reply);
    const fields = Object.fromEntries(new URLSearchParams(body));
    expect(fields.channel).toBe('C0LAN2Q66');
    expect(fields.text).toBe('<@U0G9QF9C6> 调解员：明天上午联系你');
  });

  it('rejects a key of another channel', async () => {
    await expect(adapter.send('telegram:42', reply)).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('translates unknown throwables to a non-retryable refusal and leaves GongyouErrors alone', () => {
    const own = new GongyouError('network_failed', 'x', { isRetryable: true });
    expect(translateSlackError(own)).toBe(own);
    expect(translateSlackError(new Error('odd'))).toMatchObject({ code: 'platform_refused', isRetryable: false });
    expect(translateSlackError({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 })).toMatchObject({ code: 'platform_rate_limited', retryAfterMs: 7000 });
  });
});

describe('slack adapter configuration', () => {
  it('names the variable when the config is wrong', () => {
    expect(() => createSlackAdapter({ botToken: 'xoxp-user-token', signingSecret: SIGNING_SECRET })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: '' })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, socketMode: true })).toThrow(/SLACK_APP_TOKEN is required/);
  });

  it('uses Socket Mode (and mounts no route) when an app token is given', () => {
    const socket = createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, appToken: 'xapp-1-A07GONGYOU1-123-abc' });
    expect(socket.routes).toBeUndefined();
    expect(() => createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: '', appToken: 'xapp-1-A07GONGYOU1-123-abc' })).not.toThrow();
    const http = createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, appToken: 'xapp-1-A07GONGYOU1-123-abc', socketMode: false });
    expect(http.routes?.[0].path).toBe('/slack/events');
  });
});
