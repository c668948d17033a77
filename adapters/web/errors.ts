/** The web chat API's error codes and texts; the JSON shape is the one in src/core/http/errors.ts. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { BiText } from '../../src/core/i18n.js';
import { HTTP_ERROR_TEXT, sendHttpError } from '../../src/core/http/errors.js';

/** Stable error codes of the web API (clients switch on these, never on the message). */
export type WebErrorCode =
  | 'invalid_json'
  | 'invalid_form'
  | 'unsupported_content_type'
  | 'missing_field'
  | 'invalid_field'
  | 'empty_text'
  | 'text_too_long'
  | 'user_id_too_long'
  | 'empty_file'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unauthorized'
  | 'unavailable'
  | 'not_found'
  | 'internal_error';

/** Send a web API error: the shared JSON error shape, restricted to the web API's codes. */
export function sendWebError(
  c: Context,
  status: ContentfulStatusCode,
  code: WebErrorCode,
  text: BiText,
  vars: Record<string, string | number> = {},
  field?: string,
): Response {
  return sendHttpError(c, status, code, text, vars, field);
}

/** The texts of the web API's errors, written for a worker reading on a phone. */
export const WEB_ERROR_TEXT = {
  rateLimited: {
    'zh-CN': '消息发得太快了，这条没有收到。请等 {seconds} 秒再发一次。',
    en: 'Messages are coming too fast; this one was not received. Please send it again in {seconds} seconds.',
  },
  addressRateLimited: {
    'zh-CN': '从这个网络发来的消息太多了，这条没有收到。请等 {seconds} 秒再发一次。',
    en: 'Too many messages are coming from this network; this one was not received. Please send it again in {seconds} seconds.',
  },
  unauthorized: {
    'zh-CN': '这个对话只能在最开始使用它的浏览器里继续，请回到原来的手机或浏览器。着急可拨打工会服务热线 12351。',
    en: 'This chat can only be continued in the browser where it started. Please go back to that phone or browser. If it is urgent, call the union hotline 12351.',
  },
  invalidJson: {
    'zh-CN': '消息格式不对，请刷新页面后再发一次。',
    en: 'The message was not valid JSON. Please reload the page and send it again.',
  },
  needJson: {
    'zh-CN': '请用 JSON 格式发送消息（Content-Type: application/json）。',
    en: 'Please send the message as JSON (Content-Type: application/json).',
  },
  invalidForm: {
    'zh-CN': '上传的内容不完整，请重新选择文件再发一次。',
    en: 'The upload was incomplete. Please choose the file again and resend.',
  },
  needMultipart: {
    'zh-CN': '上传文件请用 multipart/form-data 格式。',
    en: 'Please upload files as multipart/form-data.',
  },
  missingField: {
    'zh-CN': '缺少“{field}”，请补上后再发。',
    en: 'The field "{field}" is missing. Please add it and send again.',
  },
  notAString: {
    'zh-CN': '“{field}”必须是文字。',
    en: 'The field "{field}" must be a string.',
  },
  fieldTooLong: {
    'zh-CN': '“{field}”太长了，最多 {max} 个字符。',
    en: 'The field "{field}" is too long: at most {max} characters.',
  },
  invalidValue: {
    'zh-CN': '“{field}”的值不对，只能是 {allowed}。',
    en: 'The field "{field}" has an invalid value; allowed: {allowed}.',
  },
  emptyText: {
    'zh-CN': '消息是空的，请写几个字再发。',
    en: 'The message is empty. Please type something before sending.',
  },
  textTooLong: {
    'zh-CN': '消息太长了（最多 {max} 个字），请分几条发。',
    en: 'The message is too long (at most {max} characters). Please split it into several messages.',
  },
  userIdTooLong: {
    'zh-CN': '用户编号太长了（最多 {max} 个字符）。',
    en: 'The user id is too long (at most {max} characters).',
  },
  emptyFile: {
    'zh-CN': '文件是空的，请重新选择照片或文件。',
    en: 'The file is empty. Please choose the photo or file again.',
  },
  fileTooLarge: {
    'zh-CN': '文件太大了，最大 {maxMb} MB。可以压缩照片或分几次发送。',
    en: 'The file is too large: at most {maxMb} MB. You can shrink the photo or send it in parts.',
  },
  bodyTooLarge: HTTP_ERROR_TEXT.bodyTooLarge,
  unavailable: {
    'zh-CN': '服务正在启动或维护，请稍后再发一次。着急可拨打工会服务热线 12351。',
    en: 'The service is starting or under maintenance. Please send it again in a moment; if it is urgent, call the union hotline 12351.',
  },
  notFound: HTTP_ERROR_TEXT.notFound,
  internal: HTTP_ERROR_TEXT.internal,
} satisfies Record<string, BiText>;
