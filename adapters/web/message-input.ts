/** Validation of what the web chat sends, before anything reaches the bot. */
import type { BiText } from '../../src/core/i18n.js';
import { WEB_ERROR_TEXT, type WebErrorCode } from './errors.js';

/** Longest message text a worker may send in one go. */
export const MAX_TEXT_CHARS = 2000;
/** Longest userId, messageId or choiceId the API accepts. */
export const MAX_ID_CHARS = 128;

/** A validated web message, ready to become an IncomingMessage. */
export interface WebMessageInput {
  userId: string;
  text: string;
  messageId?: string;
  choiceId?: string;
}

/** Why the input was refused, ready for sendWebError. */
export interface InputProblem {
  code: WebErrorCode;
  text: BiText;
  vars: Record<string, string | number>;
  field: string;
}

/** Either the validated input or the first problem found. */
export type InputCheck = { ok: true; value: WebMessageInput } | { ok: false; problem: InputProblem };

const problem = (code: WebErrorCode, text: BiText, field: string, vars: Record<string, string | number> = {}): InputCheck => ({
  ok: false,
  problem: { code, text, field, vars: { field, ...vars } },
});

/** Count characters as a person would (an emoji is one), not UTF-16 units. */
export function countChars(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Check an optional id-like field; undefined when absent. */
function checkOptionalId(source: Record<string, unknown>, field: string): InputCheck | undefined {
  const value = source[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return problem('invalid_field', WEB_ERROR_TEXT.notAString, field);
  if (value.trim() === '') return problem('invalid_field', WEB_ERROR_TEXT.missingField, field);
  if (countChars(value) > MAX_ID_CHARS) return problem('invalid_field', WEB_ERROR_TEXT.fieldTooLong, field, { max: MAX_ID_CHARS });
  return undefined;
}

/**
 * Validate a message from the web chat. `requireText` is false for uploads,
 * where a photo without words is a whole message.
 */
export function checkWebMessage(source: unknown, options: { requireText: boolean }): InputCheck {
  if (typeof source !== 'object' || source === null || Array.isArray(source)) {
    return problem('invalid_json', WEB_ERROR_TEXT.invalidJson, 'body');
  }
  const body = source as Record<string, unknown>;

  const userId = body.userId;
  if (userId === undefined || userId === null) return problem('missing_field', WEB_ERROR_TEXT.missingField, 'userId');
  if (typeof userId !== 'string') return problem('invalid_field', WEB_ERROR_TEXT.notAString, 'userId');
  if (userId.trim() === '') return problem('missing_field', WEB_ERROR_TEXT.missingField, 'userId');
  if (countChars(userId) > MAX_ID_CHARS) {
    return problem('user_id_too_long', WEB_ERROR_TEXT.userIdTooLong, 'userId', { max: MAX_ID_CHARS });
  }

  const rawText = body.text;
  let text = '';
  if (rawText === undefined || rawText === null) {
    if (options.requireText) return problem('missing_field', WEB_ERROR_TEXT.missingField, 'text');
  } else if (typeof rawText !== 'string') {
    return problem('invalid_field', WEB_ERROR_TEXT.notAString, 'text');
  } else {
    text = rawText;
  }
  if (options.requireText && text.trim() === '') return problem('empty_text', WEB_ERROR_TEXT.emptyText, 'text');
  if (countChars(text) > MAX_TEXT_CHARS) {
    return problem('text_too_long', WEB_ERROR_TEXT.textTooLong, 'text', { max: MAX_TEXT_CHARS });
  }

  for (const field of ['messageId', 'choiceId']) {
    const bad = checkOptionalId(body, field);
    if (bad) return bad;
  }
  const value: WebMessageInput = { userId, text };
  if (typeof body.messageId === 'string') value.messageId = body.messageId;
  if (typeof body.choiceId === 'string') value.choiceId = body.choiceId;
  return { ok: true, value };
}

/** Check an Idempotency-Key header the same way as a messageId field. */
export function checkIdempotencyKey(header: string | undefined): InputCheck | undefined {
  if (header === undefined) return undefined;
  return checkOptionalId({ 'Idempotency-Key': header }, 'Idempotency-Key');
}
