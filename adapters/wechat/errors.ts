/** The one place where WeChat, Wechaty and network failures become GongyouErrors. */
import {
  GongyouError,
  networkFailed,
  platformRateLimited,
  platformRefused,
} from '../../src/core/errors.js';

/** An answer from api.weixin.qq.com with a non-zero errcode (WeChat reports failures in a 200 body). */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly httpStatus = 200,
    readonly retryAfterMs?: number,
  ) {
    super(`WeChat API error ${errcode}: ${errmsg}`);
    this.name = 'WechatApiError';
  }
}

/** errcodes that mean "the access token is stale": refresh once and try again. */
export const STALE_TOKEN_CODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

/** WeChat refused because the 48-hour customer-service window is closed or the worker unsubscribed. */
const WINDOW_CLOSED_CODES = new Set([45015, 43004]);
/** Quota errcodes: "API daily limit", "too many customer-service messages", "frequency limit". */
const QUOTA_CODES = new Set([45009, 45047, 45011]);
const SYSTEM_BUSY = -1;

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const own = (err as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  const cause = (err as { cause?: unknown }).cause;
  return cause && cause !== err ? errorCode(cause) : undefined;
}

/** Translate anything thrown while talking to WeChat into a GongyouError with the right retry advice. */
export function toGongyouError(err: unknown, action: string): GongyouError {
  if (err instanceof GongyouError) return err;
  if (err instanceof WechatApiError) {
    if (err.httpStatus === 429) return platformRateLimited(`${action}: WeChat asked us to slow down`, err.retryAfterMs ?? 1000, err);
    if (err.httpStatus >= 500) return networkFailed(`${action}: WeChat server error ${err.httpStatus}`, err);
    if (err.errcode === SYSTEM_BUSY) return platformRateLimited(`${action}: WeChat is busy`, err.retryAfterMs ?? 1000, err);
    if (WINDOW_CLOSED_CODES.has(err.errcode)) {
      return platformRefused(
        `${action}: WeChat refused (${err.errcode}); the worker is outside the 48-hour customer-service window or unsubscribed`,
        err,
      );
    }
    if (QUOTA_CODES.has(err.errcode)) return platformRefused(`${action}: WeChat quota reached (${err.errcode} ${err.errmsg})`, err);
    if (err.errcode === 48001) {
      return platformRefused(`${action}: the official account lacks the customer-service message permission (48001)`, err);
    }
    return platformRefused(`${action}: WeChat refused (${err.errcode} ${err.errmsg})`, err);
  }
  const code = errorCode(err);
  const name = err instanceof Error ? err.name : '';
  if ((code && NETWORK_CODES.has(code)) || name === 'AbortError' || name === 'TimeoutError' || err instanceof TypeError) {
    return networkFailed(`${action}: network failure${code ? ` (${code})` : ''}`, err);
  }
  // Unknown failures are not retried: a blind retry could send the worker the same message twice.
  return platformRefused(`${action}: ${err instanceof Error ? err.message : String(err)}`, err);
}
