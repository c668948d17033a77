/**
 * The WeChat official account through the real core: signed XML posted to the
 * webhook on Gongyou's own HTTP app (as WeChat posts it), passive replies with
 * numbered choices, and a mediator's messages reaching the worker through the
 * customer-service API (nock at api.weixin.qq.com).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import nock from 'nock';
import { textXml, passiveContent, wechatSignature } from '../adapters/wechat/oa-peer.js';
import { startWorld, type IntegrationWorld } from './world.js';

const TOKEN = 'gongyouTestToken';
const APP = { id: 'wx0123456789abcdef', secret: 'test-secret' };
let world: IntegrationWorld;
let msg = 0;

beforeAll(async () => {
  nock.disableNetConnect();
  world = await startWorld({
    env: { WECHAT_MODE: 'official-account', WECHAT_OA_APP_ID: APP.id, WECHAT_OA_APP_SECRET: APP.secret, WECHAT_OA_TOKEN: TOKEN },
  });
});
afterAll(async () => {
  await world.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Post a worker's text as WeChat does; returns the passive reply's text. */
async function say(openId: string, text: string): Promise<string | undefined> {
  const timestamp = '1760000000';
  const nonce = String(++msg);
  const query = new URLSearchParams({ signature: wechatSignature(TOKEN, timestamp, nonce), timestamp, nonce });
  const res = await world.g.app.request(`/wechat/official-account?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body: textXml(openId, text, `70000000000000${msg}`),
  });
  expect(res.status).toBe(200);
  return passiveContent(await res.text());
}

describe('official account through the real core', () => {
  it('runs intake with numbered choices and relays a mediator through the customer-service API', async () => {
    const worker = 'oWorker_official_1';
    const first = await say(worker, '站长两个月没给我结工资了');
    expect(first).toMatch(/工资/);
    expect(first).toMatch(/1\. 对/);
    expect(first).toMatch(/请回复数字 1\/2/);
    expect(await say(worker, '1')).toMatch(/平台或公司/);

    const handoff = await say(worker, '转人工');
    const caseId = /GY-\d{4}-\d{6}/.exec(handoff ?? '')?.[0];
    expect(caseId).toBeDefined();

    const sent: Array<{ touser: string; text: { content: string } }> = [];
    nock('https://api.weixin.qq.com')
      .get('/cgi-bin/token')
      .query(true)
      .reply(200, { access_token: 'AT1', expires_in: 7200 })
      .post('/cgi-bin/message/custom/send', (body) => {
        sent.push(body as (typeof sent)[number]);
        return true;
      })
      .query({ access_token: 'AT1' })
      .times(5)
      .reply(200, { errcode: 0, errmsg: 'ok' });
    const mediator = await world.mediator('王调解员', '王老师');
    expect((await world.api('POST', `/api/mediator/cases/${caseId}/claim`, mediator.auth)).ok).toBe(true);
    expect((await world.api('POST', `/api/mediator/cases/${caseId}/messages`, mediator.auth, { text: '您好，我是王老师，明天帮您联系站点。' })).ok).toBe(true);
    await vi.waitFor(() => expect(sent.map((s) => s.text.content).join('\n')).toContain('明天帮您联系站点'));
    expect(sent.every((s) => s.touser === worker)).toBe(true);
    expect(sent.map((s) => s.text.content).join('\n')).toContain('王老师');

    // while the mediator owns the case the bot stays quiet; the message reaches the transcript
    const quiet = await say(worker, '好的，谢谢');
    expect(quiet ?? '').not.toMatch(/平台或公司/);
    const { case: packet } = (await (await world.api('GET', `/api/mediator/cases/${caseId}`, mediator.auth)).json()) as {
      case: { transcript: Array<{ text: string }> };
    };
    expect(JSON.stringify(packet.transcript)).toContain('好的，谢谢');
  });

  it('refuses a forged post and nothing reaches the core', async () => {
    const before = (await world.g.storage.messages.transcript('wechat:oForger')).length;
    const query = new URLSearchParams({ signature: wechatSignature('wrong-token', '1', '2'), timestamp: '1', nonce: '2' });
    const res = await world.g.app.request(`/wechat/official-account?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: textXml('oForger', '转人工', '7999'),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await world.g.storage.messages.transcript('wechat:oForger')).length).toBe(before);
  });
});
