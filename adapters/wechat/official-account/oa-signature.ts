/** WeChat's webhook signature: sha1 of token, timestamp and nonce sorted and joined. */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Compute the signature WeChat puts in the `signature` query parameter. */
export function computeWechatSignature(token: string, timestamp: string, nonce: string): string {
  const joined = [token, timestamp, nonce].sort().join('');
  return createHash('sha1').update(joined).digest('hex');
}

/** How far a signed request's timestamp may be from our clock: a replayed old request is refused. */
export const WECHAT_FRESHNESS_SECONDS = 5 * 60;

/**
 * True only when the query carries a signature made with our token and a timestamp within
 * WECHAT_FRESHNESS_SECONDS of `now` (a correctly signed request a day old is a replay).
 */
export function verifyWechatSignature(token: string, query: URLSearchParams, now: Date = new Date()): boolean {
  const signature = query.get('signature');
  const timestamp = query.get('timestamp');
  const nonce = query.get('nonce');
  if (!signature || !timestamp || !nonce) return false;
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > WECHAT_FRESHNESS_SECONDS) return false;
  const expected = Buffer.from(computeWechatSignature(token, timestamp, nonce));
  const given = Buffer.from(signature.toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
