/**
 * Plays WeChat towards the official account: signed XML posts to its webhook, fixtures, reading
 * passive replies, and nock at api.weixin.qq.com for what the puppet asks WeChat.
 */
import { createHash } from 'node:crypto';
import nock from 'nock';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/wechat');

/** WeChat's signature, computed here from its published rule (sha1 of the sorted token, timestamp, nonce). */
export function wechatSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([timestamp, nonce, token].sort().join('')).digest('hex');
}

/** A fixture body, with the fields a test needs changed (e.g. a fresh MsgId). */
export function fixtureXml(name: string, replace: Record<string, string> = {}): string {
  let xml = readFileSync(path.join(FIXTURES, name), 'utf8');
  for (const [field, value] of Object.entries(replace)) {
    const pattern = new RegExp(`<${field}>(?:<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|[^<]*)</${field}>`);
    if (!pattern.test(xml)) throw new Error(`fixture ${name} has no <${field}>`);
    xml = xml.replace(pattern, `<${field}><![CDATA[${value}]]></${field}>`);
  }
  return xml;
}

/** A text message from `openId` as WeChat posts it. */
export function textXml(openId: string, content: string, msgId: string): string {
  return fixtureXml('text.xml', { FromUserName: openId, Content: content, MsgId: msgId });
}

let signingClock: { now(): Date } = { now: () => new Date() };
/** The clock WeChat's timestamp is taken from: the adapter's, so its 5-minute freshness window holds. */
export function setSigningClock(clock: { now(): Date }): void {
  signingClock = clock;
}

/** Post a body to the webhook the way WeChat does; `signWith` lets a test forge a bad signature. */
export async function postToWebhook(url: string, body: string, token: string, signWith = token): Promise<Response> {
  const timestamp = String(Math.floor(signingClock.now().getTime() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e9));
  const query = new URLSearchParams({ signature: wechatSignature(signWith, timestamp, nonce), timestamp, nonce });
  return fetch(`${url}?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
}

/** A CDATA field of a passive reply, e.g. its ToUserName. */
export function passiveField(xml: string, field: string): string | undefined {
  return new RegExp(`<${field}><!\\[CDATA\\[([\\s\\S]*?)\\]\\]></${field}>`).exec(xml)?.[1];
}

/** The Content of a passive text reply, or undefined for "success" / empty. */
export function passiveContent(xml: string): string | undefined {
  return passiveField(xml, 'Content');
}

/** A promise with its resolver, so a test can hold the core's answer back without sleeping. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** WeChat's server-side API, where the puppet gets its token and sends customer-service messages. */
export const WECHAT_API = 'https://api.weixin.qq.com';

/**
 * nock what wechaty-puppet-official-account asks WeChat by itself: one access token at start, and
 * user/info for each worker Wechaty has not seen yet (answered for any openid, nickname 王师傅).
 */
export function nockPuppetStart(app: { appId: string; appSecret: string }, accessToken = 'ACCESS_TOKEN_1'): nock.Scope {
  nock(WECHAT_API)
    .get('/cgi-bin/user/info')
    .query(true)
    .reply(200, (uri) => ({ subscribe: 1, openid: new URL(uri, WECHAT_API).searchParams.get('openid'), nickname: '王师傅', language: 'zh_CN' }))
    .persist();
  return nock(WECHAT_API)
    .get('/cgi-bin/token')
    .query({ grant_type: 'client_credential', appid: app.appId, secret: app.appSecret })
    .reply(200, { access_token: accessToken, expires_in: 7200 });
}
