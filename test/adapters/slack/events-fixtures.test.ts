/** Recorded Slack payloads, signed and posted to POST /slack/events; Bolt verifies them; nock plays the Web API. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HttpRoute } from '../../../src/core/types.js';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js';
import { createScriptedBot, type ScriptedBot } from '../../contracts/adapter.contract.js';
import { atLeast, BOT_TOKEN, buttonsOf, DM_FIXTURE_MESSAGE, interactivityBody, mockSlackApi, signedSlackRequest, SIGNING_SECRET, type PostedMessage } from './slack-peer.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/slack');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8');
const NOW_SEC = 1_760_598_500;
const clock = { now: () => new Date(NOW_SEC * 1000) };

describe('slack events with recorded payloads', () => {
  let adapter: SlackAdapter;
  let route: HttpRoute;
  let bot: ScriptedBot;
  let posted: PostedMessage[];

  const post = (body: string, options: { timestampSec?: number; secret?: string; contentType?: string; headers?: Record<string, string> } = {}) =>
    route.handle(signedSlackRequest({ body, timestampSec: options.timestampSec ?? NOW_SEC - 2, ...options }));
  const calls = (n: number) => atLeast(bot.calls, n);
  const posts = (n: number) => atLeast(posted, n);

  beforeEach(async () => {
    nock.disableNetConnect();
    posted = mockSlackApi();
    bot = createScriptedBot();
    adapter = createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, clock, sleep: async () => {} });
    route = adapter.routes![0];
    await adapter.start(bot);
  });
  afterEach(async () => {
    await adapter.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('listens at POST /slack/events', () => {
    expect(adapter.routes?.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /slack/events']);
  });

  it('answers the url_verification challenge', async () => {
    const response = await post(fixture('url-verification'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('rejects a bad signature with 401 and processes nothing', async () => {
    const response = await post(fixture('dm-message'), { secret: 'not-the-signing-secret' });
    expect(response.status).toBe(401);
    const unsigned = await route.handle(new Request('https://x/slack/events', { method: 'POST', body: fixture('dm-message') }));
    expect(unsigned.status).toBe(401);
    await adapter.stop();
    expect(bot.calls).toHaveLength(0);
    expect(posted).toHaveLength(0);
  });

  it('rejects a timestamp older than five minutes with 401 even when correctly signed', async () => {
    const response = await post(fixture('dm-message'), { timestampSec: NOW_SEC - 5 * 60 - 1 });
    expect(response.status).toBe(401);
    await adapter.stop();
    expect(bot.calls).toHaveLength(0);
  });

  it('rejects a tampered body: the signature covers the exact bytes', async () => {
    const request = signedSlackRequest({ body: fixture('dm-message'), timestampSec: NOW_SEC });
    const tampered = new Request(request.url, { method: 'POST', headers: request.headers, body: fixture('dm-message').replace('结钱', '结账') });
    expect((await route.handle(tampered)).status).toBe(401);
  });

  it('hands a direct message to the core and posts the reply with Block Kit buttons', async () => {
    bot.replyNext([{ text: '什么问题？', choices: [{ id: 'cat_wages', label: '欠薪' }, { id: 'cat_injury', label: '工伤' }], meta: { intent: 'intake' } }]);
    expect((await post(fixture('dm-message'))).status).toBe(200);
    const [message] = await calls(1);
    expect(message).toMatchObject(DM_FIXTURE_MESSAGE);
    const [reply] = await posts(1);
    expect(reply.channel).toBe('D0LAN2Q65');
    expect(reply.thread_ts).toBeUndefined();
    expect(reply.text).toBe('什么问题？');
    expect(reply.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '什么问题？' } });
    expect(buttonsOf(reply)).toEqual([
      { id: 'cat_wages', label: '欠薪', actionId: 'gongyou_choice:0' },
      { id: 'cat_injury', label: '工伤', actionId: 'gongyou_choice:1' },
    ]);
  });

  it('answers an app_mention in the thread of the message, flagged as a group mention', async () => {
    bot.replyNext([{ text: '请私信我登记。', meta: { intent: 'move_to_private' } }]);
    await post(fixture('app-mention'));
    const [mention] = await calls(1);
    expect(mention).toMatchObject({
      conversationKey: 'slack:room:C0LAN2Q66:user:U0G9QF9C6',
      isGroup: true,
      mentioned: true,
      text: '平台无故封号可以找谁',
    });
    const [reply] = await posts(1);
    expect(reply).toMatchObject({ channel: 'C0LAN2Q66', thread_ts: '1760598400.001900' });
  });

  it('passes channel chatter unmentioned and posts nothing the core did not return', async () => {
    await post(fixture('channel-message'));
    const [chatter] = await calls(1);
    expect(chatter).toMatchObject({ isGroup: true, mentioned: false });
    await adapter.stop();
    expect(posted).toHaveLength(0);
  });

  it('turns a button press into the choice, with the button label as text', async () => {
    const response = await post(interactivityBody(JSON.parse(fixture('block-actions'))), { contentType: 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(200);
    const [pressed] = await calls(1);
    expect(pressed).toMatchObject({
      conversationKey: 'slack:D0LAN2Q65',
      userKey: 'slack:U061F7AUR',
      choiceId: 'cat_injury',
      text: '受伤 / 事故',
      messageId: 'D0LAN2Q65:action:1760598130.448811',
    });
  });

  it('downloads a shared file with the bot token', async () => {
    const jpeg = Buffer.from('ffd8ffe000104a4649460001', 'hex');
    const download = nock('https://files.slack.com', { reqheaders: { authorization: `Bearer ${BOT_TOKEN}` } })
      .get('/files-pri/T024BE7LD-F07PAYSLIP1/download/img_2031.jpg')
      .reply(200, jpeg, { 'content-type': 'image/jpeg', 'content-length': String(jpeg.length) });
    await post(fixture('file-share'));
    const [message] = await calls(1);
    expect(download.isDone()).toBe(true);
    expect(message.text).toBe('罚款的截图');
    expect(message.attachments[0]).toMatchObject({ kind: 'image', name: 'IMG_2031.jpg', mimeType: 'image/jpeg' });
    expect(message.attachments[0].data?.equals(jpeg)).toBe(true);
  });

  it('keeps a file Slack would not give as its link, so the evidence is not lost', async () => {
    nock('https://files.slack.com').get(/.*/).reply(200, '<html>sign in</html>', { 'content-type': 'text/html', 'content-length': '20' });
    await post(fixture('file-share'));
    const [attachment] = (await calls(1))[0].attachments;
    expect(attachment.data).toBeUndefined();
    expect(attachment.url).toBe('https://files.slack.com/files-pri/T024BE7LD-F07PAYSLIP1/download/img_2031.jpg');
  });

  it('ignores edits and the bot\'s own messages', async () => {
    expect((await post(fixture('message-changed'))).status).toBe(200);
    expect((await post(fixture('own-bot-message'))).status).toBe(200);
    await adapter.stop();
    expect(bot.calls).toHaveLength(0);
  });

  it('acknowledges a Slack retry and keeps the message id, so the core can drop the duplicate', async () => {
    await post(fixture('dm-message'));
    const retry = await post(fixture('dm-message'), { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    const [first, second] = await calls(2);
    expect(second.messageId).toBe(first.messageId);
  });

  it('acknowledges with 200 when the core throws, and apologises in the DM', async () => {
    bot.replyNext(new Error('core down'));
    expect((await post(fixture('dm-message'))).status).toBe(200);
    const [apology] = await posts(1);
    expect(apology.text).toContain('抱歉');
    expect(apology.text).toContain('Sorry');
  });

  it('keeps mediators\' staff channel away from the worker bot', async () => {
    await adapter.stop();
    const staffAware = createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, clock, staffChannels: ['C0LAN2Q66'] });
    await staffAware.start(bot);
    await staffAware.routes![0].handle(signedSlackRequest({ body: fixture('app-mention'), timestampSec: NOW_SEC }));
    await staffAware.stop();
    expect(bot.calls).toHaveLength(0);
  });

  it('answers 503 before start so Slack re-delivers later instead of losing the message', async () => {
    const idle = createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, clock });
    const response = await idle.routes![0].handle(signedSlackRequest({ body: fixture('dm-message'), timestampSec: NOW_SEC }));
    expect(response.status).toBe(503);
  });

  it('exposes the Bolt app so the mediator console can add its own handlers', async () => {
    const seen: string[] = [];
    adapter.app.action('mediator_take_case', async ({ ack, action }) => {
      await ack();
      seen.push((action as { value?: string }).value ?? '');
    });
    const payload = JSON.parse(fixture('block-actions'));
    payload.actions = [{ ...payload.actions[0], action_id: 'mediator_take_case', value: 'case-42' }];
    await post(interactivityBody(payload), { contentType: 'application/x-www-form-urlencoded' });
    await vi.waitFor(() => expect(seen).toEqual(['case-42']));
    expect(bot.calls).toHaveLength(0);
  });
});
