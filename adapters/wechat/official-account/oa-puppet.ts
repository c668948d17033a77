/**
 * wechaty-puppet-official-account (PuppetOA), made safe to run behind our own
 * webhook. It stays the puppet that parses WeChat's XML, emits messages through
 * Wechaty and calls api.weixin.qq.com (token, customer-service send, user info,
 * media); this subclass only
 *  - keeps its express webhook on loopback, on a free port (our signed front route relays to it),
 *  - gives every call it makes through unirest a timeout and remembers the response, so a
 *    failed send can be read back as WeChat's errcode (the puppet throws a bare Error),
 *  - puts its contact cache (a FlashStore) under our data directory instead of ~/.wechaty.
 * The reaching-in is limited to the few members named in OfficialAccountInternals.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { PuppetOA } from 'wechaty-puppet-official-account';
import { GongyouError, networkFailed } from '../../../src/core/errors.js';
import { withDeadline } from '../deadline.js';
import { STALE_TOKEN_CODES, toGongyouError, WechatApiError } from '../errors.js';

/** What unirest hands the puppet for one HTTP call (the Node response, or `{ error }` when none came). */
interface UnirestResult {
  status?: number;
  body?: unknown;
  error?: unknown;
  headers?: Record<string, string | string[] | undefined>;
}

interface UnirestRequest {
  end(callback?: (result: UnirestResult) => void): unknown;
  timeout(ms: number): UnirestRequest;
}

interface UnirestClient {
  get(url: string): UnirestRequest;
  post(url: string): UnirestRequest;
}

/** The members of the puppet's OfficialAccount we use; its typings mark them protected or omit them (v1.10). */
interface OfficialAccountInternals {
  simpleUnirest: UnirestClient;
  payloadStore: { start(): Promise<void> };
  accessTokenPayload?: { token?: string };
  updateAccessToken(): Promise<boolean>;
  /** Despite the name, the media/get address for any MediaId, with the current token. */
  getAudioUrl(mediaId: string): Promise<string>;
  webhook: { server?: Server };
}

/** Options of the wrapped puppet. */
export interface OfficialAccountPuppetOptions {
  appId: string;
  appSecret: string;
  token: string;
  /** Directory for the puppet's contact cache; undefined leaves it in the puppet's ~/.wechaty. */
  stateDir?: string;
  /** Longest wait for one call to api.weixin.qq.com. */
  apiTimeoutMs: number;
}

/** The last response unirest delivered in the current async context (one slot per call, so it cannot grow). */
const lastResponse = new AsyncLocalStorage<{ result?: UnirestResult }>();

function instrumentHttp(client: UnirestClient, timeoutMs: number): UnirestClient {
  const observe = (request: UnirestRequest): UnirestRequest => {
    request.timeout(timeoutMs);
    const end = request.end.bind(request);
    // The puppet awaits the request, which calls end(); our async context is still current there.
    request.end = (callback) => {
      const slot = lastResponse.getStore();
      return end((result) => {
        if (slot) slot.result = result;
        callback?.(result);
      });
    };
    return request;
  };
  return { get: (url) => observe(client.get(url)), post: (url) => observe(client.post(url)) };
}

function retryAfterMs(headers: UnirestResult['headers']): number | undefined {
  const seconds = Number(headers?.['retry-after']);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/**
 * What really went wrong, from the response the puppet saw: WeChat's errcode, an HTTP
 * status, or the network error. Undefined when the response looks fine (the puppet failed by itself).
 */
export function failureOf(result: UnirestResult | undefined): unknown {
  if (!result) return undefined;
  if (result.status === undefined) return result.error;
  if (result.status >= 400) return new WechatApiError(-2, `HTTP ${result.status}`, result.status, retryAfterMs(result.headers));
  const body = result.body as { errcode?: unknown; errmsg?: unknown } | undefined;
  if (body && typeof body.errcode === 'number' && body.errcode !== 0) return new WechatApiError(body.errcode, String(body.errmsg ?? ''));
  return undefined;
}

/** The puppet's own error without the message it failed to send (it puts the worker's text in it). */
function withoutPayload(err: unknown): Error {
  if (err instanceof GongyouError) return err;
  const text = err instanceof Error ? err.message : String(err);
  return new Error(text.replace(/<\{[\s\S]*\}>/, '<…>'));
}

/** PuppetOA behind our front route; see the file comment for what differs. */
export class OfficialAccountPuppet extends PuppetOA {
  private readonly stateDir?: string;
  private readonly apiTimeoutMs: number;
  /** Why onStart() failed, with WeChat's answer where there was one. */
  private startFailure?: unknown;

  constructor(options: OfficialAccountPuppetOptions) {
    super({
      appId: options.appId,
      appSecret: options.appSecret,
      token: options.token,
      // Named so the puppet's WECHATY_PUPPET_OA_* environment defaults cannot switch them on.
      personalMode: false,
      webhookProxyUrl: undefined,
      // The webhook hands `port` to server.listen(), which also takes an options object:
      // loopback only, on a free port. Nothing outside this process can post to it.
      port: { host: '127.0.0.1', port: 0 } as unknown as number,
    });
    this.stateDir = options.stateDir;
    this.apiTimeoutMs = options.apiTimeoutMs;
  }

  /** PuppetOA.onStart(), remembering why it failed: Wechaty's start() only emits that as an 'error' event. */
  override async onStart(): Promise<void> {
    const slot: { result?: UnirestResult } = {};
    this.startFailure = undefined;
    try {
      await lastResponse.run(slot, () => super.onStart());
    } catch (err) {
      // e.g. its token request got no answer: it reads `ret.body.errcode` of a missing body and throws a TypeError.
      this.startFailure = failureOf(slot.result) ?? err;
      throw err;
    }
  }

  /** Throw (translated) unless the puppet runs with its webhook listening. */
  assertStarted(): void {
    if (this.webhookPort() === undefined) {
      throw toGongyouError(this.startFailure ?? new Error('the puppet did not start'), 'wechat official account start');
    }
  }

  /** Called by onStart() with the new OfficialAccount before it starts: the one moment to adjust it. */
  protected override bridgeEvents(oa: EventEmitter): void {
    super.bridgeEvents(oa as Parameters<PuppetOA['bridgeEvents']>[0]);
    const internals = oa as unknown as OfficialAccountInternals;
    internals.simpleUnirest = instrumentHttp(internals.simpleUnirest, this.apiTimeoutMs);
    const stateDir = this.stateDir;
    if (stateDir) {
      const start = internals.payloadStore.start.bind(internals.payloadStore);
      // PayloadStore.start() reads os.homedir() for its FlashStore path before its first await,
      // so pointing homedir at our directory for that synchronous stretch moves the store.
      internals.payloadStore.start = () => {
        const mutableOs = os as { homedir: () => string };
        const homedir = mutableOs.homedir;
        mutableOs.homedir = () => stateDir;
        try {
          return start();
        } finally {
          mutableOs.homedir = homedir;
        }
      };
    }
  }

  private get internals(): OfficialAccountInternals {
    if (!this.oa) throw networkFailed('the WeChat official-account puppet is not running');
    return this.oa as unknown as OfficialAccountInternals;
  }

  /** The loopback port of the puppet's webhook, once started. */
  webhookPort(): number | undefined {
    const address = this.oa ? this.internals.webhook.server?.address() : undefined;
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  /** Send one text through the customer-service API; throws WechatApiError (errcode kept) or the network error. */
  async sendText(openId: string, text: string): Promise<void> {
    await this.ensureAccessToken();
    try {
      await this.call(() => this.messageSendText(openId, text));
    } catch (err) {
      if (!(err instanceof WechatApiError) || !STALE_TOKEN_CODES.has(err.errcode)) throw err;
      // WeChat revoked the token early (another server fetched one): let the puppet fetch anew, once.
      await this.refreshAccessToken();
      await this.call(() => this.messageSendText(openId, text));
    }
  }

  /** The media/get address of a MediaId (voice, video, or a photo whose PicUrl failed); it carries the token. */
  async mediaUrl(mediaId: string): Promise<string> {
    await this.ensureAccessToken();
    return this.internals.getAudioUrl(mediaId);
  }

  /** Make sure the puppet holds an access token; throws WeChat's refusal (e.g. 40164, IP not whitelisted). */
  async ensureAccessToken(): Promise<void> {
    if (!this.internals.accessTokenPayload?.token) await this.refreshAccessToken();
  }

  private async refreshAccessToken(): Promise<void> {
    const fetched = await this.call(() => this.internals.updateAccessToken());
    // updateAccessToken() answers false on an errcode and keeps it to its log; call() saw the response.
    if (!fetched || !this.internals.accessTokenPayload?.token) {
      throw new WechatApiError(-2, 'WeChat gave no access token');
    }
  }

  /** Run one puppet call that talks to WeChat, bounded in time, and throw what WeChat really said if it fails. */
  private async call<T>(work: () => Promise<T>): Promise<T> {
    const slot: { result?: UnirestResult } = {};
    let value: T;
    try {
      value = await withDeadline(lastResponse.run(slot, work), this.apiTimeoutMs + 1000, () =>
        networkFailed(`WeChat did not answer within ${this.apiTimeoutMs} ms`),
      );
    } catch (err) {
      throw failureOf(slot.result) ?? withoutPayload(err);
    }
    // A falsy answer (no token) still leaves WeChat's reason in the slot.
    const failure = value ? undefined : failureOf(slot.result);
    if (failure) throw failure;
    return value;
  }
}
