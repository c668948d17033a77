/**
 * The WeChat official account through the real core, on a real Wechaty with the real
 * wechaty-puppet-official-account: signed XML posted to the webhook on Gongyou's own HTTP app
 * (as WeChat posts it), passive replies with numbered choices, a new follower's welcome, and
 * mediators' messages reaching the worker through the customer-service API, or waiting for the
 * worker's next contact when WeChat refuses them (45015). nock only at api.weixin.qq.com.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import nock from 'nock';
import type { MediatorEvent } from '../../src/core/mediator.js';
import { fixtureXml, nockPuppetStart, passiveContent, textXml, WECHAT_API, wechatSignature } from '../adapters/wechat/oa-peer.js';
import { CASE_ID, startWorld, type IntegrationWorld } from './world.js';

const TOKEN = 'gongyouTestToken';
const APP = { appId: 'wx0123456789abcdef', appSecret: 'test-secret' };
let world: IntegrationWorld;
let msg = 0;

/** WeChat's customer-service API for this file: what it was sent, and whether it refuses (45015, window closed). */
const customerService = { refuse: false, sent: [] as Array<{ touser: string; text: { content: string } }> };

beforeAll(async () => {
  nock.disableNetConnect();
  // our webhook hands the signed XML to the puppet's own webhook on loopback
  nock.enableNetConnect('127.0.0.1');
  nockPuppetStart(APP, 'AT1');
  nock(WECHAT_API)
    .post('/cgi-bin/message/custom/send', (body) => {
      if (!customerService.refuse) customerService.sent.push(body as (typeof customerService.sent)[number]);
      return true;
    })
    .query({ access_token: 'AT1' })
    .reply(200, () =>
      customerService.refuse ? { errcode: 45015, errmsg: 'response out of time limit or subscription is canceled' } : { errcode: 0, errmsg: 'ok' },
    )
    .persist();
  world = await startWorld({
    env: { WECHAT_MODE: 'official-account', WECHAT_OA_APP_ID: APP.appId, WECHAT_OA_APP_SECRET: APP.appSecret, WECHAT_OA_TOKEN: TOKEN },
  });
});
afterAll(async () => {
  await world.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Post a body as WeChat does; returns the passive reply's text. */
async function post(body: string): Promise<string | undefined> {
  // the adapter checks freshness against the system clock (createConfiguredAdapters gives it none of its own)
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(++msg);
  const query = new URLSearchParams({ signature: wechatSignature(TOKEN, timestamp, nonce), timestamp, nonce });
  const res = await world.g.app.request(`/wechat/official-account?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
  expect(res.status).toBe(200);
  return passiveContent(await res.text());
}

/** A worker's text as WeChat posts it (a fresh MsgId each time). */
const say = (openId: string, text: string) => post(textXml(openId, text, `70000000000000${++msg}`));

const sentTo = (openId: string) => customerService.sent.filter((s) => s.touser === openId).map((s) => s.text.content).join('\n');

describe('official account through the real core', () => {
  it('runs intake with numbered choices and relays a mediator through the customer-service API', async () => {
    const worker = 'oWorker_official_1';
    const first = await say(worker, '站长两个月没给我结工资了');
    expect(first).toMatch(/工资/);
    expect(first).toMatch(/1\. 对/);
    expect(first).toMatch(/请回复数字 1\/2/);
    expect(await say(worker, '1')).toMatch(/平台或公司/);

    const handoff = await say(worker, '转人工');
    const caseId = CASE_ID.exec(handoff ?? '')?.[0];
    expect(caseId).toBeDefined();

    const mediator = await world.mediator('王调解员', '王老师');
    expect((await world.api('POST', `/api/mediator/cases/${caseId}/claim`, mediator.auth)).ok).toBe(true);
    expect((await world.api('POST', `/api/mediator/cases/${caseId}/messages`, mediator.auth, { text: '您好，我是王老师，明天帮您联系站点。' })).ok).toBe(true);
    await vi.waitFor(() => expect(sentTo(worker)).toContain('明天帮您联系站点'));
    expect(sentTo(worker)).toContain('王老师');

    // while the mediator owns the case the bot stays quiet; the message reaches the transcript
    const quiet = await say(worker, '好的，谢谢');
    expect(quiet ?? '').not.toMatch(/平台或公司/);
    const { case: packet } = (await (await world.api('GET', `/api/mediator/cases/${caseId}`, mediator.auth)).json()) as {
      case: { transcript: Array<{ text: string }> };
    };
    expect(JSON.stringify(packet.transcript)).toContain('好的，谢谢');
  });

  it('keeps a message WeChat refuses (45015) for the worker’s next contact and tells the mediators', async () => {
    const worker = 'oWorker_official_2';
    const caseId = CASE_ID.exec((await say(worker, '转人工')) ?? '')?.[0];
    expect(caseId).toBeDefined();
    const events: MediatorEvent[] = [];
    world.g.handoff.surfaces!.desk.subscribe((event) => events.push(event));

    customerService.refuse = true;
    const mediator = await world.mediator('李调解员', '李老师');
    await world.api('POST', `/api/mediator/cases/${caseId}/claim`, mediator.auth);
    expect((await world.api('POST', `/api/mediator/cases/${caseId}/messages`, mediator.auth, { text: '李老师：请把工资条拍给我。' })).ok).toBe(true);
    await vi.waitFor(() => expect(events.find((e) => e.type === 'undeliverable')).toMatchObject({ caseId }));
    expect((await world.g.storage.messages.undelivered()).map((m) => m.message.text)).toContain('李老师：请把工资条拍给我。');
    expect((await world.g.storage.cases.history(caseId!)).map((h) => h.action)).toContain('message_undeliverable');

    // the worker writes again (a fresh 48 hours): what waited goes out
    customerService.refuse = false;
    await say(worker, '在吗');
    await vi.waitFor(() => expect(sentTo(worker)).toContain('请把工资条拍给我'));
    await vi.waitFor(async () => expect((await world.g.storage.messages.undelivered()).filter((m) => m.conversationKey === `wechat:${worker}`)).toEqual([]));
  });

  it('welcomes a new follower and handles a redelivered message once', async () => {
    const worker = 'oWorker_official_3';
    expect(await post(fixtureXml('event-subscribe.xml', { FromUserName: worker }))).toMatch(/工友/);

    const body = textXml(worker, '跑外卖摔伤了算工伤吗', '7100000000000001');
    const first = await post(body);
    const again = await post(body);
    expect(first).toMatch(/工伤/);
    expect(again).toBe(first);
    const incoming = (await world.g.storage.messages.transcript(`wechat:${worker}`)).filter((entry) => entry.direction === 'in');
    expect(incoming.filter((entry) => JSON.stringify(entry).includes('跑外卖摔伤了'))).toHaveLength(1);
  });

  it('refuses a forged post and nothing reaches the core', async () => {
    const before = (await world.g.storage.messages.transcript('wechat:oForger')).length;
    const query = new URLSearchParams({ signature: wechatSignature('wrong-token', '1', '2'), timestamp: '1', nonce: '2' });
    const res = await world.g.app.request(`/wechat/official-account?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: textXml('oForger', '转人工', '7999'),
    });
    expect(res.status).toBe(403);
    expect((await world.g.storage.messages.transcript('wechat:oForger')).length).toBe(before);
  });
});
