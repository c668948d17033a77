/**
 * The official account's outgoing side: access token (cgi-bin/token) and the
 * customer-service send (cgi-bin/message/custom/send), plus media download.
 * Same endpoints and payloads wechaty-puppet-official-account uses, but with an
 * injected fetch and the errcode kept, so failures can be translated and retried.
 */
import type { Clock } from '../../src/core/types.js';
import { STALE_TOKEN_CODES, WechatApiError } from './errors.js';

/** Where the API lives and how to reach it. */
export interface OfficialAccountApiOptions {
  appId: string;
  appSecret: string;
  fetch: typeof fetch;
  clock: Clock;
  /** Defaults to WeChat's public API. */
  apiBase?: string;
}

/** Bytes of a downloaded photo, voice note or video. */
export interface DownloadedMedia {
  data: Buffer;
  mimeType?: string;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

/** Refresh a little before WeChat's expiry so a send never races the deadline. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000;
const DEFAULT_API_BASE = 'https://api.weixin.qq.com/cgi-bin/';

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

async function readWechatJson<T>(response: Response): Promise<T> {
  if (!response.ok) {
    throw new WechatApiError(-2, `HTTP ${response.status}`, response.status, retryAfterMs(response));
  }
  const body = (await response.json()) as T & { errcode?: number; errmsg?: string };
  if (typeof body.errcode === 'number' && body.errcode !== 0) {
    throw new WechatApiError(body.errcode, body.errmsg ?? '');
  }
  return body;
}

/** A small client for the official account's server-side API. */
export class OfficialAccountApi {
  private token?: CachedToken;
  private tokenRequest?: Promise<string>;
  private readonly apiBase: string;

  constructor(private readonly options: OfficialAccountApiOptions) {
    this.apiBase = options.apiBase ?? DEFAULT_API_BASE;
  }

  /** Send a text message through the customer-service API (only works within the 48-hour window). */
  async sendText(openId: string, content: string): Promise<void> {
    await this.withToken(async (accessToken) => {
      const response = await this.options.fetch(
        `${this.apiBase}message/custom/send?access_token=${encodeURIComponent(accessToken)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ touser: openId, msgtype: 'text', text: { content } }),
        },
      );
      await readWechatJson(response);
    });
  }

  /** Download media a worker sent (voice, video) by its MediaId. */
  async downloadMedia(mediaId: string): Promise<DownloadedMedia> {
    return this.withToken(async (accessToken) => {
      const response = await this.options.fetch(
        `${this.apiBase}media/get?access_token=${encodeURIComponent(accessToken)}&media_id=${encodeURIComponent(mediaId)}`,
      );
      const mimeType = response.headers.get('content-type') ?? undefined;
      // media/get answers JSON only when it fails; success is the raw file.
      if (!response.ok || mimeType?.includes('json')) await readWechatJson(response);
      return { data: Buffer.from(await response.arrayBuffer()), mimeType };
    });
  }


  private async withToken<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    try {
      return await call(await this.accessToken());
    } catch (err) {
      if (!(err instanceof WechatApiError) || !STALE_TOKEN_CODES.has(err.errcode)) throw err;
      // WeChat revoked the token early (e.g. another server fetched a new one): fetch again once.
      this.token = undefined;
      return call(await this.accessToken());
    }
  }

  private async accessToken(): Promise<string> {
    const now = this.options.clock.now().getTime();
    if (this.token && now < this.token.expiresAt - TOKEN_MARGIN_MS) return this.token.value;
    // Concurrent sends share one token request: WeChat invalidates the older token on each fetch.
    this.tokenRequest ??= this.fetchToken().finally(() => {
      this.tokenRequest = undefined;
    });
    return this.tokenRequest;
  }

  private async fetchToken(): Promise<string> {
    const query = new URLSearchParams({
      grant_type: 'client_credential',
      appid: this.options.appId,
      secret: this.options.appSecret,
    });
    const response = await this.options.fetch(`${this.apiBase}token?${query}`);
    const body = await readWechatJson<{ access_token: string; expires_in: number }>(response);
    this.token = {
      value: body.access_token,
      expiresAt: this.options.clock.now().getTime() + body.expires_in * 1000,
    };
    return body.access_token;
  }
}
