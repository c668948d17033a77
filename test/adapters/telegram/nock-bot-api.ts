/**
 * nock replies for the Bot API. telegraf sends `Connection: keep-alive`, and nock 14 leaves such a
 * mocked response open unless it carries a Content-Length (nock issue #3001), so every reply sets one.
 */

/** A nock reply tuple with the body serialised and its length declared. */
export function botApiReply(status: number, body: unknown, contentType = 'application/json'): [number, string | Buffer, Record<string, string>] {
  const payload = Buffer.isBuffer(body) ? body : JSON.stringify(body);
  return [status, payload, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(payload)) }];
}

/** A successful Bot API answer. */
export const botApiOk = (result: unknown) => botApiReply(200, { ok: true, result });

/** A Bot API error answer, as Telegram words them. */
export const botApiError = (code: number, description: string, parameters?: Record<string, unknown>) =>
  botApiReply(code, { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) });
