/**
 * The one JSON error shape of every HTTP API (web chat, mediator and admin APIs):
 * `{ error: { code, message, message_en, field? } }`, a stable code clients switch on and a polite
 * message in both languages.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { tr, type BiText } from '../i18n.js';

/** Body of every error an HTTP API returns; `Code` narrows the codes one API may use. */
export interface HttpErrorBody<Code extends string = string> {
  error: { code: Code; message: string; message_en: string; field?: string };
}

/** Build the error body; `vars` fill `{name}` placeholders in both languages. */
export function httpErrorBody<Code extends string>(
  code: Code,
  text: BiText,
  vars: Record<string, string | number> = {},
  field?: string,
): HttpErrorBody<Code> {
  const error: HttpErrorBody<Code>['error'] = {
    code,
    message: tr('zh-CN', text, vars),
    message_en: tr('en', text, vars),
  };
  if (field !== undefined) error.field = field;
  return { error };
}

/** Send a JSON error with the given HTTP status. */
export function sendHttpError(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  text: BiText,
  vars: Record<string, string | number> = {},
  field?: string,
): Response {
  return c.json(httpErrorBody(code, text, vars, field), status);
}

/** Texts of the errors the server itself answers, whatever is mounted on it. */
export const HTTP_ERROR_TEXT = {
  notFound: {
    'zh-CN': '没有这个地址。',
    en: 'There is nothing at this address.',
  },
  bodyTooLarge: {
    'zh-CN': '发送的内容太大了，最大 {maxKb} KB。',
    en: 'What you sent is too large: at most {maxKb} KB.',
  },
  internal: {
    'zh-CN': '抱歉，系统出了点问题，请稍后再发一次。着急可拨打工会服务热线 12351。',
    en: 'Sorry, something went wrong on our side. Please send it again in a moment; if it is urgent, call the union hotline 12351.',
  },
} satisfies Record<string, BiText>;
