/** WeChat's webhook signature: sha1 of token, timestamp and nonce sorted and joined. */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Compute the signature WeChat puts in the `signature` query parameter. */
export function computeWechatSignature(token: string, timestamp: string, nonce: string): string {
  const joined = [token, timestamp, nonce].sort().join('');
  return createHash('sha1').update(joined).digest('hex');
}

/** True only when the query carries a signature made with our token. */
export function verifyWechatSignature(token: string, query: URLSearchParams): boolean {
  const signature = query.get('signature');
  const timestamp = query.get('timestamp');
  const nonce = query.get('nonce');
  if (!signature || !timestamp || !nonce) return false;
  const expected = Buffer.from(computeWechatSignature(token, timestamp, nonce));
  const given = Buffer.from(signature.toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
