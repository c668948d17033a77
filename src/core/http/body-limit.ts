/**
 * Body size limits for every route: each route family accepts bodies up to its own size (what its
 * senders really send) and answers 413 beyond it, without reading further. JSON APIs answer with the
 * one JSON error shape; webhooks with a short text, which is all a platform reads.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTP_ERROR_TEXT, sendHttpError } from './errors.js';

/** A request body that takes no body, or a small form: the console, health checks, the page. */
export const SMALL_BODY_BYTES = 16 * 1024;
/** Webhook updates from a platform (Telegram, Slack, WeChat): a few kilobytes each; files come by reference. */
export const WEBHOOK_BODY_BYTES = 1024 * 1024;

/** Kilobytes, as the texts say them. */
const kb = (bytes: number) => Math.round(bytes / 1024);

/**
 * Hono middleware for a JSON API: bodies over `maxBytes` get 413 `payload_too_large` in the standard
 * error shape. A GET or HEAD request's body never reaches the app (the Node server discards it unread),
 * so there only a larger Content-Length is refused.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (c: Context) => sendHttpError(c, 413, 'payload_too_large', HTTP_ERROR_TEXT.bodyTooLarge, { maxKb: kb(maxBytes) });
  const limit = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => (Number(c.req.header('content-length') ?? '0') > maxBytes ? tooLarge(c) : limit(c, next));
}

/** The 413 a webhook answers. */
export function payloadTooLarge(maxBytes: number): Response {
  return new Response(`request body too large: at most ${kb(maxBytes)} KB / 请求内容太大，最多 ${kb(maxBytes)} KB`, {
    status: 413,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}

/**
 * A fetch Request's body, or undefined when it is larger than `maxBytes`: a larger Content-Length is
 * refused before reading, and a body without one is read only up to the limit. The rest is left
 * unread (not cancelled, which would cut the connection before the 413 is sent): the server discards it.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) return undefined;
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.releaseLock();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
