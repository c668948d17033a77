/** Recorded Bot API updates posted to the webhook route, with nock standing in for api.telegram.org. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpRoute } from '../../../src/core/types.js';
import { createTelegramAdapter, type TelegramAdapter } from '../../../adapters/telegram/index.js';
import { createScriptedBot, type ScriptedBot } from '../../contracts/adapter.contract.js';
import { botApiError, botApiOk, botApiReply } from './nock-bot-api.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/telegram');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8');
const TOKEN = '7012345678:AAHfT3xq-gongyou-test-token';
const SECRET = 'webhook-secret-4c1f9a2b7d';
const API = 'https://api.telegram.org';
const ME = { id: 7012345678, is_bot: true, first_name: '工友', username: 'gongyou_union_bot' };

describe('telegram webhook with recorded updates', () => {
  let adapter: TelegramAdapter;
  let route: HttpRoute;
  let bot: ScriptedBot;
  let sent: Array<Record<string, unknown>>;

  const post = (body: string, secret?: string) =>
    route.handle(
      new Request('https://bot.union.example/telegram/webhook', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        body,
      }),
    );

  beforeEach(async () => {
    nock.disableNetConnect();
    sent = [];
    nock(API).post(`/bot${TOKEN}/getMe`).reply(() => botApiOk(ME));
    nock(API)
      .persist()
      .post(`/bot${TOKEN}/sendMessage`)
      .reply((_uri, body) => {
        sent.push(body as Record<string, unknown>);
        return botApiOk({ message_id: 900 + sent.length, chat: { id: 1, type: 'private' }, date: 1760598200, text: 'x' });
      });
    bot = createScriptedBot();
    adapter = createTelegramAdapter({ token: TOKEN, mode: 'webhook', webhookSecret: SECRET, sleep: async () => {} });
    route = adapter.routes![0];
    await adapter.start(bot);
  });

  afterEach(async () => {
    await adapter.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('mounts the route at the default path', () => {
    expect(route).toMatchObject({ method: 'POST', path: '/telegram/webhook' });
  });

  it('rejects a missing or wrong secret token with 401 and processes nothing', async () => {
    expect((await post(fixture('private-text'))).status).toBe(401);
    expect((await post(fixture('private-text'), 'webhook-secret-wrong-value')).status).toBe(401);
    expect(bot.calls).toHaveLength(0);
    expect(sent).toHaveLength(0);
  });

  it('answers 400 to a body that is not an update', async () => {
    expect((await post('not json', SECRET)).status).toBe(400);
    expect((await post('{"hello":1}', SECRET)).status).toBe(400);
    expect(bot.calls).toHaveLength(0);
  });

  it('normalises a private text and sends the reply to the same chat', async () => {
    bot.replyNext([{ text: '别急，我们来登记。', meta: { intent: 'intake' } }]);
    expect((await post(fixture('private-text'), SECRET)).status).toBe(200);
    expect(bot.calls[0]).toMatchObject({
      channel: 'telegram',
      conversationKey: 'telegram:5123456789',
      userKey: 'telegram:5123456789',
      messageId: '5123456789:52',
      text: '站长两个月没给我结钱了，怎么办',
      isGroup: false,
      mentioned: false,
      senderName: '建国 王',
    });
    expect(sent).toEqual([expect.objectContaining({ chat_id: 5123456789, text: '别急，我们来登记。' })]);
    expect(sent[0]).not.toHaveProperty('reply_parameters');
  });

  it('passes /start with its deep-link payload to the core as text', async () => {
    await post(fixture('start-deeplink'), SECRET);
    expect(bot.calls[0].text).toBe('/start station_haidian_07');
  });

  it('downloads the largest size of a photo and keeps the caption', async () => {
    const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
    nock(API).post(`/bot${TOKEN}/getFile`, { file_id: 'AgACAgUAAxkBAAM1aPBx-large' }).reply(() =>
      botApiOk({ file_id: 'AgACAgUAAxkBAAM1aPBx-large', file_unique_id: 'AQADv8IxG2kQ0Vd9', file_size: jpeg.length, file_path: 'photos/file_7.jpg' }),
    );
    nock(API).get(`/file/bot${TOKEN}/photos/file_7.jpg`).reply(() => botApiReply(200, jpeg, 'image/jpeg'));
    await post(fixture('photo-with-caption'), SECRET);
    const [message] = bot.calls;
    expect(message.text).toBe('这是罚款的截图');
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', name: 'photo-53.jpg' });
    expect(message.attachments[0].data?.equals(jpeg)).toBe(true);
  });

  it('downloads a document with its name and type', async () => {
    const pdf = Buffer.from('%PDF-1.4 fake pay slip');
    nock(API).post(`/bot${TOKEN}/getFile`).reply(() => botApiOk({ file_id: 'BQACAgUAAxkBAAM2aPByDoc', file_unique_id: 'x', file_path: 'documents/file_3.pdf' }));
    nock(API).get(`/file/bot${TOKEN}/documents/file_3.pdf`).reply(() => botApiReply(200, pdf, 'application/octet-stream'));
    await post(fixture('document'), SECRET);
    expect(bot.calls[0].attachments[0]).toMatchObject({ kind: 'file', name: '9月工资条.pdf', mimeType: 'application/pdf' });
    expect(bot.calls[0].attachments[0].data?.toString()).toBe('%PDF-1.4 fake pay slip');
  });

  it('keeps a file it could not download as a reference without the token, so the evidence is not lost', async () => {
    nock(API).post(`/bot${TOKEN}/getFile`).reply(() => botApiError(400, 'Bad Request: file is too big'));
    await post(fixture('document'), SECRET);
    const [attachment] = bot.calls[0].attachments;
    expect(attachment.data).toBeUndefined();
    expect(attachment.url).toBe('telegram-file:BQACAgUAAxkBAAM2aPByDoc');
    expect(attachment.url).not.toContain(TOKEN);
  });

  it('turns a button press into the choice, with the button label as text, and answers the query', async () => {
    const answered = nock(API).post(`/bot${TOKEN}/answerCallbackQuery`, { callback_query_id: '2200451781942301554' }).reply(() => botApiOk(true));
    await post(fixture('callback-query'), SECRET);
    expect(answered.isDone()).toBe(true);
    expect(bot.calls[0]).toMatchObject({
      conversationKey: 'telegram:5123456789',
      messageId: '5123456789:cb:2200451781942301554',
      choiceId: 'cat_wages',
      text: '欠薪 / 不结钱',
    });
  });

  it('flags a group mention, strips the bot name and replies in the group to that message', async () => {
    bot.replyNext([{ text: '这个问题请私聊我登记。', meta: { intent: 'move_to_private' } }]);
    await post(fixture('group-mention'), SECRET);
    expect(bot.calls[0]).toMatchObject({
      conversationKey: 'telegram:room:-1001987654321:user:6234567890',
      userKey: 'telegram:6234567890',
      isGroup: true,
      mentioned: true,
      text: '平台无故封号可以找谁',
    });
    expect(sent[0]).toMatchObject({ chat_id: -1001987654321, reply_parameters: { message_id: 1187 } });
  });

  it('passes group chatter unmentioned and sends nothing when the core returns nothing', async () => {
    await post(fixture('group-chatter'), SECRET);
    expect(bot.calls[0]).toMatchObject({ isGroup: true, mentioned: false });
    expect(sent).toHaveLength(0);
  });

  it('counts a command addressed to the bot in a group as a mention', async () => {
    await post(fixture('group-command'), SECRET);
    expect(bot.calls[0]).toMatchObject({ text: '/help', mentioned: true, isGroup: true });
  });

  it('acknowledges an edited message without handing it to the core again', async () => {
    expect((await post(fixture('edited-message'), SECRET)).status).toBe(200);
    expect(bot.calls).toHaveLength(0);
  });

  it('acknowledges when the core throws and tells the worker politely in both languages', async () => {
    bot.replyNext(new Error('database down'));
    expect((await post(fixture('private-text'), SECRET)).status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(String(sent[0].text)).toContain('抱歉');
    expect(String(sent[0].text)).toContain('Sorry');
  });
});
