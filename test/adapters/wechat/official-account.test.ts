/**
 * The official-account mode end to end on a real Wechaty with the real wechaty-puppet-official-account:
 * signed XML posted to the adapter's own webhook port (as WeChat posts it), relayed to the puppet's
 * loopback webhook, emitted through Wechaty; nock only at WeChat (api.weixin.qq.com and its photo CDN).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BotHandler, IncomingMessage, OutgoingMessage } from '../../../src/core/types.js';
import { GongyouError } from '../../../src/core/errors.js';
import { createWechatAdapter, type WechatAdapter } from '../../../adapters/wechat/index.js';
import type { AdapterLogger } from '../../../adapters/shared/logger.js';
import { deferred, fixtureXml, nockPuppetStart, passiveContent, postToWebhook, setSigningClock, textXml, WECHAT_API as API, wechatSignature } from './oa-peer.js';

const TOKEN = 'gongyouToken2024';
const APP = { appId: 'wx5e1c0ffee0000001', appSecret: 'secret-for-tests' };
const OPENID = 'oRider_Wang_9sd8f7';
const HOUR = 60 * 60 * 1000;

interface Setup {
  adapter: WechatAdapter;
  url: string;
  calls: IncomingMessage[];
  clock: { now(): Date; advance(ms: number): void };
  waits: number[];
  dataDir: string;
  logs: Array<{ level: string; details: object; message?: string }>;
}

const reply = (text: string, choices?: OutgoingMessage['choices']): OutgoingMessage => ({ id: `r-${text}`, text, choices, meta: { intent: 'test' } });

async function setUp(
  answer: (message: IncomingMessage) => Promise<OutgoingMessage[]>,
  options: { passiveReplyMs?: number; apiTimeoutMs?: number } = {},
): Promise<Setup> {
  let now = Date.parse('2026-03-01T08:00:00Z');
  const clock = { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
  setSigningClock(clock);
  const calls: IncomingMessage[] = [];
  const waits: number[] = [];
  const logs: Setup['logs'] = [];
  const log = (level: string) => (details: object, message?: string) => void logs.push({ level, details, message });
  const logger: AdapterLogger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  const bot: BotHandler = {
    async handle(message) {
      calls.push(message);
      return answer(message);
    },
  };
  nockPuppetStart(APP);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongyou-oa-'));
  const adapter = createWechatAdapter({
    mode: 'official-account',
    officialAccount: { ...APP, token: TOKEN, port: 0 },
    passiveReplyMs: options.passiveReplyMs ?? 4500,
    apiTimeoutMs: options.apiTimeoutMs,
    clock,
    logger,
    dataDir,
    sleep: async (ms) => void waits.push(ms),
  });
  await adapter.start(bot);
  return { adapter, url: `http://127.0.0.1:${adapter.listeningPort()}/wechat/official-account`, calls, clock, waits, dataDir, logs };
}

/** nock the customer-service send (the token came at start); resolves with each body WeChat receives. */
function expectCustomerServiceSends(count: number): { bodies: Promise<unknown[]>; scope: nock.Scope } {
  const bodies: unknown[] = [];
  const all = deferred<unknown[]>();
  const scope = nock(API)
    .post('/cgi-bin/message/custom/send', (body) => {
      bodies.push(body);
      if (bodies.length === count) all.resolve(bodies);
      return true;
    })
    .query({ access_token: 'ACCESS_TOKEN_1' })
    .times(count)
    .reply(200, { errcode: 0, errmsg: 'ok' });
  return { bodies: all.promise, scope };
}

describe('wechat official account through wechaty-puppet-official-account', () => {
  let setup: Setup | undefined;

  beforeEach(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(async () => {
    await setup?.adapter.stop();
    if (setup) rmSync(setup.dataDir, { recursive: true, force: true });
    setup = undefined;
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("answers WeChat's server check only with the right signature", async () => {
    setup = await setUp(async () => []);
    const ts = String(Math.floor(setup.clock.now().getTime() / 1000));
    const query = (token: string) => new URLSearchParams({ signature: wechatSignature(token, ts, '42'), timestamp: ts, nonce: '42', echostr: 'echo-7731' });
    const good = await fetch(`${setup.url}?${query(TOKEN)}`);
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('echo-7731');
    const bad = await fetch(`${setup.url}?${query('notOurToken')}`);
    expect(bad.status).toBe(403);
    expect(await bad.text()).not.toContain('echo-7731');
  });

  it('puts a fast answer, choices numbered, in the passive reply; "回复 2" picks the second choice', async () => {
    setup = await setUp(async () => [reply('您遇到的是哪类问题？', [{ id: 'cat_wages', label: '欠薪' }, { id: 'cat_injury', label: '工伤' }])]);
    const response = await postToWebhook(setup.url, fixtureXml('text.xml'), TOKEN);
    const xml = await response.text();
    expect(response.status).toBe(200);
    expect(xml).toContain(`<ToUserName><![CDATA[${OPENID}]]></ToUserName>`);
    expect(xml).toContain('<FromUserName><![CDATA[gh_3f2a9c81d0e4]]></FromUserName>');
    expect(passiveContent(xml)).toBe('您遇到的是哪类问题？\n\n1. 欠薪\n2. 工伤\n请回复数字 1/2 选择。');
    const [message] = setup.calls;
    expect(message).toMatchObject({
      channel: 'wechat',
      conversationKey: `wechat:${OPENID}`,
      userKey: `wechat:${OPENID}`,
      messageId: '24510000000000001',
      text: '站长不给结钱，已经两个月了',
      isGroup: false,
      mentioned: false,
      attachments: [],
      // the puppet's user/info call, through Wechaty's Contact: proof the message came the puppet's way
      senderName: '王师傅',
    });

    const answer = await postToWebhook(setup.url, textXml(OPENID, '２', '24510000000000011'), TOKEN);
    expect(answer.status).toBe(200);
    expect(setup.calls[1]).toMatchObject({ choiceId: 'cat_injury', text: '工伤' });
    await postToWebhook(setup.url, textXml(OPENID, '7', '24510000000000012'), TOKEN);
    expect(setup.calls[2].choiceId).toBeUndefined();
    expect(setup.calls[2].text).toBe('7');
  });

  it('keeps the puppet on loopback and its contact cache under the data directory', async () => {
    setup = await setUp(async () => []);
    const ready = setup.logs.find((entry) => entry.message === 'wechat official account ready')!;
    const puppetPort = (ready.details as { puppetPort: number }).puppetPort;
    expect(puppetPort).toBeGreaterThan(0);
    expect(puppetPort).not.toBe(setup.adapter.listeningPort());
    expect(existsSync(path.join(setup.dataDir, 'wechat-official-account', '.wechaty', 'wechaty-puppet-official-account'))).toBe(true);

    // Whatever reaches the puppet without passing our front route is dropped, signed or not.
    const direct = await fetch(`http://127.0.0.1:${puppetPort}/`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: textXml(OPENID, '转人工', '24510000000000099') });
    expect(direct.status).toBe(200);
    await vi.waitFor(() => expect(setup!.logs.some((entry) => entry.message?.includes('without our signature check'))).toBe(true));
    expect(setup.calls).toHaveLength(0);
  });

  it('replies "looking it up" when the core is slow, then sends the answer through the customer-service API', async () => {
    const held = deferred<OutgoingMessage[]>();
    setup = await setUp(() => held.promise, { passiveReplyMs: 50 });
    const sends = expectCustomerServiceSends(2);
    const response = await postToWebhook(setup.url, fixtureXml('text.xml'), TOKEN);
    expect(passiveContent(await response.text())).toBe('正在为您查询，请稍候…');
    held.resolve([reply('已为您登记欠薪诉求，案件号 C-1024。'), reply('调解员会在今天内联系您。')]);
    expect(await sends.bodies).toEqual([
      { touser: OPENID, msgtype: 'text', text: { content: '已为您登记欠薪诉求，案件号 C-1024。' } },
      { touser: OPENID, msgtype: 'text', text: { content: '调解员会在今天内联系您。' } },
    ]);
    expect(sends.scope.isDone()).toBe(true);
  });

  it('refuses a post with a bad signature and never hands it on', async () => {
    setup = await setUp(async () => [reply('不该出现')]);
    const response = await postToWebhook(setup.url, fixtureXml('text.xml'), TOKEN, 'forgedToken');
    expect(response.status).toBe(403);
    expect(setup.calls).toHaveLength(0);
  });

  it('handles a redelivered MsgId once and answers it as the first time', async () => {
    setup = await setUp(async (message) => [reply(`收到：${message.text}`)]);
    const first = await (await postToWebhook(setup.url, fixtureXml('text.xml'), TOKEN)).text();
    const again = await (await postToWebhook(setup.url, fixtureXml('text.xml'), TOKEN)).text();
    expect(passiveContent(again)).toBe('收到：站长不给结钱，已经两个月了');
    expect(again).toBe(first);
    expect(setup.calls).toHaveLength(1);
  });

  it('refuses a send after the 48-hour window without calling WeChat, and allows one inside it', async () => {
    setup = await setUp(async () => []);
    const key = `wechat:${OPENID}`;
    // Nothing known since start (as after a restart): the send is tried and WeChat decides.
    expect(setup.adapter.canReach(key)).toBe(true);
    const unknown = expectCustomerServiceSends(1);
    await setup.adapter.send(key, reply('调解员：您好，我们看到您的诉求了'));
    expect(await unknown.bodies).toEqual([{ touser: OPENID, msgtype: 'text', text: { content: '调解员：您好，我们看到您的诉求了' } }]);
    const ack = await postToWebhook(setup.url, fixtureXml('text.xml'), TOKEN);
    expect(await ack.text()).toBe('success');
    setup.clock.advance(47 * HOUR);
    expect(setup.adapter.canReach(key)).toBe(true);
    const inside = expectCustomerServiceSends(1);
    await setup.adapter.send(key, reply('调解员：明天上午给您回电话'));
    expect(await inside.bodies).toEqual([{ touser: OPENID, msgtype: 'text', text: { content: '调解员：明天上午给您回电话' } }]);

    setup.clock.advance(2 * HOUR);
    expect(setup.adapter.canReach(key)).toBe(false);
    const outside = nock(API).post('/cgi-bin/message/custom/send').query(true).reply(200, { errcode: 0, errmsg: 'ok' });
    const refused = await setup.adapter.send(key, reply('太晚了')).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(GongyouError);
    expect((refused as GongyouError).code).toBe('platform_refused');
    expect((refused as GongyouError).message).toContain('48-hour');
    expect(outside.isDone()).toBe(false);
  });

  it('downloads a photo from the address the puppet gives (its PicUrl)', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    nock('https://mmbiz.qpic.cn').get('/mmbiz_jpg/fine-receipt-0001/0').reply(200, png, { 'content-type': 'image/png' });
    setup = await setUp(async () => [reply('收到照片')]);
    const response = await postToWebhook(setup.url, fixtureXml('image.xml'), TOKEN);
    expect(passiveContent(await response.text())).toBe('收到照片');
    const [photo] = setup.calls[0].attachments;
    expect(photo.kind).toBe('image');
    expect(photo.mimeType).toBe('image/png');
    expect(Buffer.compare(photo.data!, png)).toBe(0);
    expect(setup.calls[0].text).toBe('[图片]');
  });

  it('keeps a photo whose download failed as a link, so the message is not lost', async () => {
    nock('https://mmbiz.qpic.cn').get('/mmbiz_jpg/fine-receipt-0001/0').reply(404);
    nock(API).get('/cgi-bin/media/get').query({ access_token: 'ACCESS_TOKEN_1', media_id: 'media_fine_receipt_0001' }).reply(200, { errcode: 40007, errmsg: 'invalid media_id' });
    setup = await setUp(async () => []);
    await postToWebhook(setup.url, fixtureXml('image.xml'), TOKEN);
    expect(setup.calls[0].attachments).toEqual([
      { kind: 'image', url: 'https://mmbiz.qpic.cn/mmbiz_jpg/fine-receipt-0001/0', name: 'wechat-media:media_fine_receipt_0001' },
    ]);
  });

  it("uses speech recognition as the text of a voice message and fetches the audio with the puppet's token", async () => {
    nock(API).get('/cgi-bin/media/get').query({ access_token: 'ACCESS_TOKEN_1', media_id: 'media_voice_0001' }).reply(200, Buffer.from('#!AMR'), { 'content-type': 'audio/amr' });
    setup = await setUp(async () => []);
    await postToWebhook(setup.url, fixtureXml('voice.xml'), TOKEN);
    expect(setup.calls[0].text).toBe('我被罚了五十块');
    expect(setup.calls[0].attachments[0]).toMatchObject({ kind: 'audio', mimeType: 'audio/amr' });
    expect(setup.calls[0].attachments[0].url).toBeUndefined();
  });

  it('apologises in the passive reply when the core throws', async () => {
    setup = await setUp(async () => {
      throw new Error('core exploded');
    });
    const response = await postToWebhook(setup.url, fixtureXml('text.xml'), TOKEN);
    expect(response.status).toBe(200);
    expect(passiveContent(await response.text())).toContain('抱歉');
  });

  it('answers what the puppet would drop or hang on: welcome on subscribe, a location, other events, junk', async () => {
    setup = await setUp(async (message) => [reply(message.text === '/start' ? '您好，我是工会的“工友”助手。' : `收到 ${message.text}`)]);
    const welcome = await postToWebhook(setup.url, fixtureXml('event-subscribe.xml'), TOKEN);
    expect(passiveContent(await welcome.text())).toBe('您好，我是工会的“工友”助手。');
    expect(setup.calls[0]).toMatchObject({ text: '/start', messageId: `${OPENID}:1760000180` });

    const location = await postToWebhook(setup.url, fixtureXml('location.xml'), TOKEN);
    expect(passiveContent(await location.text())).toBe('收到 [位置] 朝阳区某小区东门（39.915, 116.404）');

    const unsubscribe = await postToWebhook(setup.url, fixtureXml('event-subscribe.xml', { Event: 'unsubscribe', CreateTime: '1760000999' }), TOKEN);
    expect(await unsubscribe.text()).toBe('success');
    const junk = await postToWebhook(setup.url, '{"not":"xml"}', TOKEN);
    expect(junk.status).toBe(400);
    expect(await junk.text()).toContain('无法读取');
    expect(setup.calls).toHaveLength(2);
  });

  it("reads WeChat's errcode back from the puppet: retries busy, refetches a stale token, refuses a closed window", async () => {
    setup = await setUp(async () => []);
    const key = `wechat:${OPENID}`;
    await postToWebhook(setup.url, fixtureXml('text.xml'), TOKEN);
    nock(API)
      .post('/cgi-bin/message/custom/send').query({ access_token: 'ACCESS_TOKEN_1' }).reply(200, { errcode: -1, errmsg: 'system error' })
      .post('/cgi-bin/message/custom/send').query({ access_token: 'ACCESS_TOKEN_1' }).reply(200, { errcode: 40001, errmsg: 'invalid credential' })
      .get('/cgi-bin/token').query(true).reply(200, { access_token: 'NEW', expires_in: 7200 })
      .post('/cgi-bin/message/custom/send').query({ access_token: 'NEW' }).reply(200, { errcode: 0, errmsg: 'ok' });
    await setup.adapter.send(key, reply('第一条'));
    expect(setup.waits).toEqual([1000]);
    expect(nock.isDone()).toBe(true);

    nock(API).post('/cgi-bin/message/custom/send').query(true).reply(200, { errcode: 45015, errmsg: 'response out of time limit or subscription is canceled' });
    const refused = await setup.adapter.send(key, reply('第二条')).catch((err: unknown) => err as GongyouError);
    expect(refused).toMatchObject({ code: 'platform_refused', isRetryable: false });
    expect(refused!.message).toContain('45015');
    // the puppet's own error carries the text it failed to send; ours does not
    expect(refused!.message).not.toContain('第二条');

    // An Error, not a plain object: nock 14 never delivers a plain-object error to an http.request client such as the puppet's unirest.
    nock(API).post('/cgi-bin/message/custom/send').query(true).times(3).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    await expect(setup.adapter.send(key, reply('第三条'))).rejects.toMatchObject({ code: 'network_failed', isRetryable: true });
  });

  it('gives up on a send WeChat does not answer', async () => {
    setup = await setUp(async () => [], { apiTimeoutMs: 100 });
    await postToWebhook(setup.url, fixtureXml('text.xml'), TOKEN);
    nock(API).post('/cgi-bin/message/custom/send').query(true).times(3).delay(3000).reply(200, { errcode: 0, errmsg: 'ok' });
    await expect(setup.adapter.send(`wechat:${OPENID}`, reply('没有回音'))).rejects.toMatchObject({ code: 'network_failed', isRetryable: true });
  });

  it('starts without a token when WeChat refuses one (e.g. IP not whitelisted) and says why', async () => {
    const refusal = { errcode: 40164, errmsg: 'invalid ip 203.0.113.9, not in whitelist' };
    // the puppet asks twice while starting, the adapter once more to learn why
    nock(API).get('/cgi-bin/token').query(true).times(3).reply(200, refusal);
    setup = await setUp(async () => [reply('被动回复不需要令牌')]);
    const complaint = setup.logs.find((entry) => entry.level === 'error' && entry.message?.includes('whitelist'))!;
    expect((complaint.details as { err: GongyouError }).err.message).toContain('40164');
    // passive replies need no token, so workers still get answers
    expect(passiveContent(await (await postToWebhook(setup.url, fixtureXml('text.xml'), TOKEN)).text())).toBe('被动回复不需要令牌');
  });

  it('fails to start, saying why, when WeChat cannot be reached', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongyou-oa-'));
    const adapter = createWechatAdapter({ mode: 'official-account', officialAccount: { ...APP, token: TOKEN }, dataDir });
    // no nock for the token: the request fails like a network outage
    await expect(adapter.start({ handle: async () => [] })).rejects.toMatchObject({ code: 'network_failed', message: expect.stringContaining('official account start') });
    await adapter.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses group conversation keys: an official account has no groups', async () => {
    setup = await setUp(async () => []);
    await expect(setup.adapter.send('wechat:room:r1:user:u1', reply('x'))).rejects.toMatchObject({ code: 'platform_refused' });
    await expect(setup.adapter.send('not a key', reply('x'))).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('mounts the same webhook as routes on the shared server', async () => {
    setup = await setUp(async () => [reply('走共享服务器')]);
    const post = setup.adapter.routes!.find((route) => route.method === 'POST')!;
    expect(post.path).toBe('/wechat/official-account');
    const ts = String(Math.floor(setup.clock.now().getTime() / 1000));
    const query = new URLSearchParams({ signature: wechatSignature(TOKEN, ts, '2'), timestamp: ts, nonce: '2' });
    const response = await post.handle(new Request(`http://gongyou.test${post.path}?${query}`, { method: 'POST', body: fixtureXml('text.xml') }));
    expect(passiveContent(await response.text())).toBe('走共享服务器');
  });
});
