/** The WeChat adapter's small parts: XML, signatures, config, error translation, per-conversation memory. */
import { describe, expect, it } from 'vitest';
import { GongyouError } from '../../../src/core/errors.js';
import { parseOfficialAccountXml, buildPassiveTextReply } from '../../../adapters/wechat/official-account/oa-xml.js';
import { computeWechatSignature, verifyWechatSignature } from '../../../adapters/wechat/official-account/oa-signature.js';
import { validateWechatConfig, wechatConfigFromEnv } from '../../../adapters/wechat/config.js';
import { toGongyouError, WechatApiError } from '../../../adapters/wechat/errors.js';
import { ChoiceMemory } from '../../../adapters/wechat/choices.js';
import { CappedMap } from '../../../adapters/wechat/capped-map.js';
import { CustomerServiceWindow } from '../../../adapters/wechat/official-account/service-window.js';
import { failureOf } from '../../../adapters/wechat/official-account/oa-puppet.js';
import { createWechatAdapter } from '../../../adapters/wechat/index.js';
import { fixtureXml, wechatSignature } from './oa-peer.js';

describe('official-account XML', () => {
  it('reads the fixtures as WeChat posts them', () => {
    expect(parseOfficialAccountXml(fixtureXml('text.xml'))).toMatchObject({
      ToUserName: 'gh_3f2a9c81d0e4',
      FromUserName: 'oRider_Wang_9sd8f7',
      CreateTime: '1760000000',
      MsgType: 'text',
      Content: '站长不给结钱，已经两个月了',
      MsgId: '24510000000000001',
    });
    expect(parseOfficialAccountXml(fixtureXml('location.xml'))).toMatchObject({ Location_X: '39.915', Label: '朝阳区某小区东门' });
  });

  it('decodes entities outside CDATA and refuses what is not WeChat XML', () => {
    const xml = '<xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><MsgType>text</MsgType><Content>a &lt;b&gt; &amp; &#20320;</Content></xml>';
    expect(parseOfficialAccountXml(xml).Content).toBe('a <b> & 你');
    expect(() => parseOfficialAccountXml('<html></html>')).toThrow(/xml/);
    expect(() => parseOfficialAccountXml('<xml><ToUserName>gh</ToUserName></xml>')).toThrow(/FromUserName/);
  });

  it('builds a passive reply that survives "]]>" in the text', () => {
    const inbound = parseOfficialAccountXml(fixtureXml('text.xml'));
    const xml = buildPassiveTextReply(inbound, '看 a]]>b', new Date(1_760_000_005_000));
    expect(xml).toContain('<CreateTime>1760000005</CreateTime>');
    // a reader joining the CDATA sections gets the original text back
    const content = /<Content>([\s\S]*)<\/Content>/.exec(xml)![1].replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
    expect(content).toBe('看 a]]>b');
  });
});

describe('webhook signature', () => {
  it('matches the rule WeChat publishes and rejects tampering', () => {
    expect(computeWechatSignature('tok', '1760000000', '99')).toBe(wechatSignature('tok', '1760000000', '99'));
    const query = new URLSearchParams({ signature: wechatSignature('tok', '1760000000', '99'), timestamp: '1760000000', nonce: '99' });
    const at = new Date(1760000000 * 1000);
    expect(verifyWechatSignature('tok', query, at)).toBe(true);
    query.set('nonce', '98');
    expect(verifyWechatSignature('tok', query, at)).toBe(false);
    expect(verifyWechatSignature('tok', new URLSearchParams())).toBe(false);
  });
});

describe('configuration', () => {
  it('names the bad variable and what a valid value looks like', () => {
    const bad = (config: Parameters<typeof validateWechatConfig>[0]) => () => validateWechatConfig(config);
    expect(bad({ mode: 'official-account' })).toThrow(/WECHAT_OA_APP_ID/);
    expect(bad({ mode: 'official-account', officialAccount: { appId: 'wx1', appSecret: 's', token: 'has space' } })).toThrow(/WECHAT_OA_TOKEN/);
    expect(bad({ mode: 'puppet' })).toThrow(/WECHATY_PUPPET/);
    expect(bad({ mode: 'puppet', puppet: 'p', passiveReplyMs: 5000 })).toThrow(/passiveReplyMs/);
    expect(bad({ mode: 'puppet', puppet: 'p', serviceWindowHours: 72 })).toThrow(/48/);
    expect(bad({ mode: 'puppet', puppet: 'p', apiTimeoutMs: 0 })).toThrow(/apiTimeoutMs/);
    expect(bad({ mode: 'official-account', officialAccount: { appId: 'wx1', appSecret: 's', token: 'tok', webhookProxyUrl: 'https://x.localtunnel.me' } })).toThrow(
      /webhookProxyUrl/,
    );
    try {
      createWechatAdapter({ mode: 'wrong' as 'puppet' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(GongyouError);
      expect((err as GongyouError).code).toBe('config_invalid');
    }
  });

  it('reads the environment', () => {
    expect(wechatConfigFromEnv({})).toBeUndefined();
    expect(
      wechatConfigFromEnv({ WECHAT_MODE: 'official-account', WECHAT_OA_APP_ID: 'wx1', WECHAT_OA_APP_SECRET: 's', WECHAT_OA_TOKEN: 't0k', WECHAT_OA_PORT: '8788' }),
    ).toEqual({ mode: 'official-account', officialAccount: { appId: 'wx1', appSecret: 's', token: 't0k', port: 8788 } });
    expect(wechatConfigFromEnv({ WECHAT_MODE: 'puppet', WECHATY_PUPPET: 'wechaty-puppet-service', WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_xyz' })).toEqual({
      mode: 'puppet',
      puppet: 'wechaty-puppet-service',
      puppetToken: 'puppet_xyz',
    });
    expect(() => wechatConfigFromEnv({ WECHAT_MODE: 'oa' })).toThrow(/WECHAT_MODE/);
    expect(() => wechatConfigFromEnv({ WECHAT_MODE: 'official-account', WECHAT_OA_PORT: 'eighty' })).toThrow(/WECHAT_OA_PORT/);
  });
});

describe('error translation', () => {
  it('sorts WeChat and network failures by whether a retry can help', () => {
    const code = (err: unknown) => {
      const e = toGongyouError(err, 'test');
      return [e.code, e.isRetryable, e.retryAfterMs];
    };
    expect(code(new WechatApiError(45015, 'response out of time limit'))).toEqual(['platform_refused', false, undefined]);
    expect(code(new WechatApiError(-1, 'system error'))).toEqual(['platform_rate_limited', true, 1000]);
    expect(code(new WechatApiError(-2, 'HTTP 429', 429, 7000))).toEqual(['platform_rate_limited', true, 7000]);
    expect(code(new WechatApiError(-2, 'HTTP 502', 502))).toEqual(['network_failed', true, undefined]);
    expect(code(new WechatApiError(45047, 'out of response count limit'))).toEqual(['platform_refused', false, undefined]);
    expect(code(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toEqual(['network_failed', true, undefined]);
    expect(code(new TypeError('fetch failed', { cause: { code: 'UND_ERR_SOCKET' } }))).toEqual(['network_failed', true, undefined]);
    expect(code(new Error('something odd'))).toEqual(['platform_refused', false, undefined]);
    expect(code(Object.assign(new Error('timeout'), { code: 'ESOCKETTIMEDOUT' }))).toEqual(['network_failed', true, undefined]);
    const already = new GongyouError('bad_request', 'x');
    expect(toGongyouError(already, 'test')).toBe(already);
  });
});

describe("reading WeChat's answer back from what the puppet's unirest saw", () => {
  it('finds the errcode, the HTTP status or the network error, and nothing in a good answer', () => {
    expect(failureOf({ status: 200, body: { errcode: 45015, errmsg: 'out of time limit' } })).toMatchObject({ errcode: 45015, errmsg: 'out of time limit' });
    expect(failureOf({ status: 429, body: 'slow down', headers: { 'retry-after': '7' } })).toMatchObject({ httpStatus: 429, retryAfterMs: 7000 });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(failureOf({ error: reset })).toBe(reset);
    expect(failureOf({ status: 200, body: { errcode: 0, errmsg: 'ok' } })).toBeUndefined();
    expect(failureOf({ status: 200, body: { access_token: 'T', expires_in: 7200 } })).toBeUndefined();
    expect(failureOf(undefined)).toBeUndefined();
  });
});

describe('per-conversation memory', () => {
  it('forgets the oldest entry past its cap', () => {
    const map = new CappedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 3);
    map.set('c', 4);
    expect([map.get('a'), map.get('b'), map.get('c'), map.size]).toEqual([3, undefined, 4, 2]);
  });

  it('maps numbers to the last choices of that conversation only', () => {
    const memory = new ChoiceMemory(1);
    memory.remember('wechat:a', [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }]);
    expect(memory.resolve('wechat:a', ' 2 ')?.id).toBe('y');
    expect(memory.resolve('wechat:a', '2 个')).toBeUndefined();
    memory.remember('wechat:a', undefined);
    expect(memory.resolve('wechat:a', '1')?.id).toBe('x');
    memory.remember('wechat:b', [{ id: 'z', label: 'Z' }]);
    expect(memory.resolve('wechat:a', '1')).toBeUndefined();
    expect(memory.resolve('wechat:b', '1')?.id).toBe('z');
  });

  it('opens the customer-service window on each message and closes it after the configured hours', () => {
    let now = 0;
    const window = new CustomerServiceWindow(48, { now: () => new Date(now) });
    // nothing known (e.g. after a restart): not known to be closed, WeChat decides
    expect(window.isKnownClosed('o1')).toBe(false);
    expect(window.closesAt('o1')).toBeUndefined();
    window.touch('o1');
    now = 48 * 3_600_000 - 1;
    expect(window.isKnownClosed('o1')).toBe(false);
    now += 1;
    expect(window.isKnownClosed('o1')).toBe(true);
    window.touch('o1');
    expect(window.isKnownClosed('o1')).toBe(false);
    expect(window.closesAt('o1')?.getTime()).toBe(now + 48 * 3_600_000);
  });
});
