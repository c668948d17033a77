/** Server-Sent Events for the web chat: how a mediator's later messages reach an open page. */
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { OutgoingMessage } from '../../src/core/types.js';
import type { WebAccess } from './access.js';
import type { WebChatSettings } from './config.js';
import { toWebReply, webConversationKey } from './chat-api.js';
import { sendWebError, WEB_ERROR_TEXT } from './errors.js';
import { checkWebMessage, MAX_ID_CHARS } from './message-input.js';

/** How long a browser waits before reconnecting after a drop. */
const RECONNECT_HINT_MS = 3_000;

/** The open event streams, so the adapter can end them when it stops. */
export type OpenStreams = Set<() => void>;

/** Mount `GET /api/web/events?userId=U[&after=ID]` on the adapter's app. */
export function mountChatEvents(app: Hono, deps: WebChatSettings, access: WebAccess, open: OpenStreams): void {
  const heartbeatMs = deps.sseHeartbeatMs;

  app.get('/api/web/events', async (c) => {
    const userId = c.req.query('userId');
    const refused = checkWebMessage({ userId, text: '' }, { requireText: false });
    if (!refused.ok) {
      const { code, text, vars, field } = refused.problem;
      return sendWebError(c, 400, code, text, vars, field);
    }
    // a reconnecting EventSource names the last event it saw; the page may also say so explicitly
    const after = c.req.header('last-event-id') || c.req.query('after') || undefined;
    if (after !== undefined && after.length > MAX_ID_CHARS) {
      return sendWebError(c, 400, 'invalid_field', WEB_ERROR_TEXT.fieldTooLong, { field: 'after', max: MAX_ID_CHARS }, 'after');
    }
    const denied = await access.authorize(c, userId!, { countClaim: true, renew: false });
    if (denied) return denied;
    const conversationKey = webConversationKey(userId!);
    c.header('X-Accel-Buffering', 'no');

    return streamSSE(c, async (stream) => {
      const sent = new Set<string>();
      const send = async (message: OutgoingMessage) => {
        if (sent.has(message.id) || stream.closed || stream.aborted) return;
        sent.add(message.id);
        await stream.writeSSE({ event: 'message', id: message.id, data: JSON.stringify(toWebReply(message)) });
      };
      const failed = (err: unknown) => deps.logger.warn({ err, conversationKey }, 'sse write failed');

      // subscribe before replaying, so nothing published in between is missed (duplicates are skipped)
      const unsubscribe = deps.outbox.subscribe(conversationKey, (message) => void send(message).catch(failed));
      const heartbeat = setInterval(() => void stream.write(': ping\n\n').catch(failed), heartbeatMs);
      let end!: () => void;
      const closed = new Promise<void>((resolve) => {
        end = resolve;
        stream.onAbort(resolve);
      });
      open.add(end);
      try {
        await stream.writeSSE({ event: 'ready', data: '{}', retry: RECONNECT_HINT_MS });
        if (after !== undefined) {
          for (const message of await deps.messages.listOutbound(conversationKey, after)) await send(message);
        }
        await closed;
      } catch (err) {
        // the page reconnects and replays from its last id; the error text stays in our log
        deps.logger.error({ err, conversationKey }, 'sse stream failed');
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
      }
    });
  });
}
