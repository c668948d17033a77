/** The web chat's JSON API: send a message, upload a file, list later messages. */
import { clientAddress, type WebAccess } from './access.js';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { formatConversationKey } from '../../src/core/conversation-key.js';
import { limitBody } from '../../src/core/http/body-limit.js';
import type { LoggedMessage } from '../../src/core/ports.js';
import type { Attachment, BotHandler, IncomingMessage, OutgoingMessage } from '../../src/core/types.js';
import type { WebChatSettings } from './config.js';
import { sendWebError, WEB_ERROR_TEXT } from './errors.js';
import { checkIdempotencyKey, checkWebMessage, MAX_ID_CHARS, type InputCheck, type WebMessageInput } from './message-input.js';

/** Largest JSON body accepted: 2,000 characters of text are at most 8 KB of UTF-8; far below anything abusive. */
export const MAX_JSON_BODY_BYTES = 16 * 1024;
/** Room for the multipart framing and small fields around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** The conversation key of a web user (also their user key: web chats are always private). */
export function webConversationKey(userId: string): string {
  return formatConversationKey({ channel: 'web', chatId: userId });
}

/** Copy only the documented fields, so internal extras never leak to the page. */
export function toWebReply(message: OutgoingMessage): OutgoingMessage {
  const reply: OutgoingMessage = { id: message.id, text: message.text, meta: message.meta };
  if (message.choices && message.choices.length > 0) reply.choices = message.choices.map((c) => ({ id: c.id, label: c.label }));
  return reply;
}

/** Most entries `include=all` returns without `after`: the latest ones, enough for any page reload. */
export const MAX_HISTORY_ENTRIES = 500;

/** One entry of the whole conversation (`include=all`): a reply as above, or the worker's own message. */
export type WebHistoryEntry = (OutgoingMessage & { direction: 'out' }) | { id: string; text: string; direction: 'in'; meta: { intent: 'worker_message' } };

/** A logged message as the page's history shows it; the worker's own carry only id and text. */
export function toWebHistoryEntry(entry: LoggedMessage): WebHistoryEntry {
  if (entry.direction === 'in') return { id: entry.message.id, text: entry.message.text, direction: 'in', meta: { intent: 'worker_message' } };
  return { ...toWebReply(entry.message), direction: 'out' };
}

/** The whole conversation after the entry with id `after` (in or out; unknown: everything), oldest first. */
async function conversationAfter(deps: WebChatSettings, conversationKey: string, after: string | undefined): Promise<WebHistoryEntry[]> {
  if (after === undefined) return (await deps.messages.transcript(conversationKey, MAX_HISTORY_ENTRIES)).map(toWebHistoryEntry);
  const all = await deps.messages.transcript(conversationKey);
  let start = 0;
  for (let i = all.length - 1; i >= 0; i--) {
    if (all[i].message.id === after) {
      start = i + 1;
      break;
    }
  }
  return all.slice(start).map(toWebHistoryEntry);
}

/**
 * Turn validated input into the normalised message the core expects. `source` is the client address
 * (X-Forwarded-For only from a trusted proxy), so limits per address (identity linking) apply here too.
 */
function toIncoming(c: Context, deps: WebChatSettings, input: WebMessageInput, idempotencyKey: string | undefined, attachments: Attachment[]): IncomingMessage {
  const key = webConversationKey(input.userId);
  const incoming: IncomingMessage = {
    channel: 'web',
    conversationKey: key,
    userKey: key,
    messageId: input.messageId ?? idempotencyKey ?? deps.newId(),
    text: input.text,
    attachments,
    isGroup: false,
    mentioned: false,
    receivedAt: deps.clock.now(),
  };
  if (input.choiceId !== undefined) incoming.choiceId = input.choiceId;
  const source = clientAddress(c, deps.trustProxy);
  if (source !== undefined) incoming.source = source;
  return incoming;
}

/** The bot the adapter was started with; undefined before `start` and after `stop`. */
export type CurrentBot = () => BotHandler | undefined;

/** Run one turn; a bot failure becomes a polite 500 and the details go to the log only. */
async function runTurn(c: Context, deps: WebChatSettings, bot: CurrentBot, incoming: IncomingMessage): Promise<Response> {
  const handler = bot();
  if (!handler) return sendWebError(c, 503, 'unavailable', WEB_ERROR_TEXT.unavailable);
  try {
    const replies = await handler.handle(incoming);
    return c.json({ replies: replies.map(toWebReply) });
  } catch (err) {
    deps.logger.error({ err, conversationKey: incoming.conversationKey, messageId: incoming.messageId }, 'web turn failed');
    return sendWebError(c, 500, 'internal_error', WEB_ERROR_TEXT.internal);
  }
}

/** Refuse with 400 when a check failed; undefined when it passed. */
function refuse(c: Context, check: InputCheck | undefined): Response | undefined {
  if (!check || check.ok) return undefined;
  const { code, text, vars, field } = check.problem;
  return sendWebError(c, 400, code, text, vars, field);
}

/** Media type of a request without parameters, lower-cased. */
function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

/** A message or upload as `userId`: the address's budget, the credential, then the user's budget. */
async function admit(c: Context, access: WebAccess, userId: string): Promise<Response | undefined> {
  return (
    (await access.overAddressBudget(c)) ??
    (await access.authorize(c, userId, { countClaim: false, renew: true })) ??
    (await access.overUserBudget(c, userId))
  );
}

/** Mount the web chat API on the adapter's app; turns go to the bot the adapter was started with. */
export function mountChatApi(app: Hono, deps: WebChatSettings, access: WebAccess, bot: CurrentBot): void {
  const maxUploadBytes = deps.maxUploadBytes;
  const maxMb = Math.round((maxUploadBytes / (1024 * 1024)) * 10) / 10;

  app.post(
    '/api/web/messages',
    limitBody(MAX_JSON_BODY_BYTES),
    async (c) => {
      if (mediaType(c) !== 'application/json') return sendWebError(c, 400, 'unsupported_content_type', WEB_ERROR_TEXT.needJson);
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return sendWebError(c, 400, 'invalid_json', WEB_ERROR_TEXT.invalidJson);
      }
      const check = checkWebMessage(body, { requireText: true });
      const idempotencyKey = c.req.header('idempotency-key');
      const refused = refuse(c, check) ?? refuse(c, checkIdempotencyKey(idempotencyKey));
      if (refused || !check.ok) return refused!;
      const denied = await admit(c, access, check.value.userId);
      if (denied) return denied;
      return runTurn(c, deps, bot, toIncoming(c, deps, check.value, idempotencyKey, []));
    },
  );

  app.get('/api/web/messages', async (c) => {
    const userId = c.req.query('userId');
    const after = c.req.query('after');
    const refused = refuse(c, checkWebMessage({ userId, text: '' }, { requireText: false }));
    if (refused) return refused;
    if (after !== undefined && after.length > MAX_ID_CHARS) {
      return sendWebError(c, 400, 'invalid_field', WEB_ERROR_TEXT.fieldTooLong, { field: 'after', max: MAX_ID_CHARS }, 'after');
    }
    const include = c.req.query('include');
    if (include !== undefined && include !== 'all') {
      return sendWebError(c, 400, 'invalid_field', WEB_ERROR_TEXT.invalidValue, { field: 'include', allowed: 'all' }, 'include');
    }
    const denied = await access.authorize(c, userId!, { countClaim: true, renew: false });
    if (denied) return denied;
    if (include === 'all') return c.json({ messages: await conversationAfter(deps, webConversationKey(userId!), after || undefined) });
    const messages = await deps.messages.listOutbound(webConversationKey(userId!), after || undefined);
    return c.json({ messages: messages.map(toWebReply) });
  });

  app.post(
    '/api/web/uploads',
    bodyLimit({
      maxSize: maxUploadBytes + MULTIPART_OVERHEAD_BYTES,
      onError: (c) => sendWebError(c, 413, 'payload_too_large', WEB_ERROR_TEXT.fileTooLarge, { maxMb }),
    }),
    async (c) => {
      if (mediaType(c) !== 'multipart/form-data') return sendWebError(c, 400, 'unsupported_content_type', WEB_ERROR_TEXT.needMultipart);
      let form: Record<string, unknown>;
      try {
        form = (await c.req.parseBody()) as Record<string, unknown>;
      } catch {
        return sendWebError(c, 400, 'invalid_form', WEB_ERROR_TEXT.invalidForm);
      }
      const check = checkWebMessage(
        // a File where text belongs is not a string, so the check refuses it
        { userId: form.userId, text: form.text, messageId: form.messageId, choiceId: form.choiceId },
        { requireText: false },
      );
      const idempotencyKey = c.req.header('idempotency-key');
      const refused = refuse(c, check) ?? refuse(c, checkIdempotencyKey(idempotencyKey));
      if (refused || !check.ok) return refused!;
      const file = form.file;
      if (!(file instanceof File)) {
        return sendWebError(c, 400, 'missing_field', WEB_ERROR_TEXT.missingField, { field: 'file' }, 'file');
      }
      if (file.size === 0) return sendWebError(c, 400, 'empty_file', WEB_ERROR_TEXT.emptyFile, {}, 'file');
      const denied = await admit(c, access, check.value.userId);
      if (denied) return denied;
      if (file.size > maxUploadBytes) return sendWebError(c, 413, 'payload_too_large', WEB_ERROR_TEXT.fileTooLarge, { maxMb }, 'file');
      const mimeType = file.type || 'application/octet-stream';
      const attachment: Attachment = {
        kind: mimeType.startsWith('image/') ? 'image' : 'file',
        mimeType,
        data: Buffer.from(await file.arrayBuffer()),
      };
      if (file.name) attachment.name = file.name;
      return runTurn(c, deps, bot, toIncoming(c, deps, check.value, idempotencyKey, [attachment]));
    },
  );
}
