/**
 * The shared adapter contract, run against the WeChat official account on a real Wechaty with
 * wechaty-puppet-official-account: signed XML posted to our front route, nock at api.weixin.qq.com
 * (token, user/info, customer-service sends) and at the photo CDN.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { createWechatAdapter, type WechatAdapter } from '../../../adapters/wechat/index.js';
import { describeAdapterContract, type AdapterContractHarness, type PlatformDelivery, type SentMessage } from '../../contracts/adapter.contract.js';
import { numberedChoices } from './mock-peer.js';
import { fixtureXml, nockPuppetStart, passiveContent, passiveField, postToWebhook, textXml, WECHAT_API } from './oa-peer.js';

const TOKEN = 'gongyouContractToken';
const APP = { appId: 'wx5e1c0ffee0000002', appSecret: 'secret-for-contract' };
const OPENIDS: Record<string, string> = { alice: 'oAlice_contract_0001' };

/** A customer-service send as WeChat receives it. */
interface CustomerServiceSend {
  touser: string;
  msgtype: string;
  text: { content: string };
}

const shown = (to: string, text: string, raw: unknown): SentMessage => ({ to, text, choices: numberedChoices(text), raw });

function officialAccountHarness(): AdapterContractHarness {
  let adapter: WechatAdapter;
  let url: string;
  let dataDir: string;
  let msgId = 24_520_000_000_000_000n;
  // What WeChat got, in order: one slot per delivery for its passive reply (filled when the response
  // comes, replaced by a redelivery's), and customer-service sends as they reach api.weixin.qq.com.
  const log: Array<{ sent?: SentMessage }> = [];
  const slots = new Map<string, { sent?: SentMessage }>();

  const openIdOf = (user: string) => OPENIDS[user] ?? `o${user}_contract`;
  const nextMsgId = () => String(++msgId);

  const post = async (xml: string): Promise<PlatformDelivery> => {
    let slot = slots.get(xml);
    if (!slot) {
      slot = {};
      slots.set(xml, slot);
      log.push(slot);
    }
    const response = await postToWebhook(url, xml, TOKEN);
    const answer = await response.text();
    const content = passiveContent(answer);
    if (content !== undefined) slot.sent = shown(passiveField(answer, 'ToUserName') ?? '', content, answer);
    return { acknowledged: response.status === 200, ref: xml, answer };
  };

  return {
    channel: 'wechat',
    capabilities: { groups: false, dedupesRedelivery: true },
    async start(bot) {
      nock.disableNetConnect();
      nock.enableNetConnect('127.0.0.1');
      nockPuppetStart(APP);
      nock(WECHAT_API)
        .post('/cgi-bin/message/custom/send')
        .query({ access_token: 'ACCESS_TOKEN_1' })
        .reply(200, (_uri, body) => {
          const send = body as CustomerServiceSend;
          log.push({ sent: shown(send.touser, send.text.content, send) });
          return { errcode: 0, errmsg: 'ok' };
        })
        .persist();
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongyou-oa-contract-'));
      adapter = createWechatAdapter({ mode: 'official-account', officialAccount: { ...APP, token: TOKEN, port: 0 }, dataDir, sleep: async () => {} });
      await adapter.start(bot);
      url = `http://127.0.0.1:${adapter.listeningPort()}/wechat/official-account`;
      return adapter;
    },
    async stop() {
      await adapter.stop();
      rmSync(dataDir, { recursive: true, force: true });
      nock.cleanAll();
      nock.enableNetConnect();
    },
    deliverText({ user, text, room }) {
      if (room) throw new Error('an official account has no group chats');
      return post(textXml(openIdOf(user), text, nextMsgId()));
    },
    // WeChat's image message has no caption.
    deliverPhoto({ user, data }) {
      const id = nextMsgId();
      const picPath = `/mmbiz_jpg/contract-${id}/0`;
      nock('https://mmbiz.qpic.cn').get(picPath).reply(200, data, { 'content-type': 'image/png' });
      return post(fixtureXml('image.xml', { FromUserName: openIdOf(user), PicUrl: `https://mmbiz.qpic.cn${picPath}`, MediaId: `media_${id}`, MsgId: id }));
    },
    // No buttons: the worker answers "回复 1/2" with the number of the choice.
    pressButton({ user, label, on }) {
      const number = on.choices.findIndex((choice) => choice.label === label) + 1;
      return post(textXml(openIdOf(user), String(number), nextMsgId()));
    },
    redeliver(delivery) {
      return post(delivery.ref as string);
    },
    async received() {
      return log.flatMap((entry) => (entry.sent ? [entry.sent] : []));
    },
  };
}

describeAdapterContract('wechat (official account, wechaty-puppet-official-account)', officialAccountHarness);
