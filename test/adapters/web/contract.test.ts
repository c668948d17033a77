/**
 * The shared adapter contract, run against the web chat adapter. The peer plays the chat page
 * (adapters/web/public/chat.js): it posts messages and photos to the adapter's routes as the page
 * does, keeps one event stream open per worker, and "receives" what the page would show: the
 * replies in each response plus the messages that arrive on the stream. Each worker has a browser of
 * their own: a cookie jar per user, which keeps the credential the adapter sets on the first request.
 */
import pino from 'pino';
import type { HttpRoute } from '../../../src/core/types.js';
import { createWebAdapter, type WebAdapter } from '../../../adapters/web/index.js';
import { describeAdapterContract, type AdapterContractHarness, type PlatformDelivery, type SentMessage } from '../../contracts/adapter.contract.js';
import { CookieJar } from '../../fakes/cookie-jar.js';
import { InMemoryMessageLog } from '../../fakes/message-log.js';
import { MemoryStateStore } from './harness.js';

const ORIGIN = 'http://gongyou.test';

/** What the page sent, kept so the harness can send it again as the page's retry does. */
interface PageRequest {
  path: string;
  body: () => BodyInit;
  headers: Record<string, string>;
}

/** The parts of a reply the page renders. */
interface PageReply {
  id: string;
  text: string;
  choices?: Array<{ id: string; label: string }>;
}

/** One worker's open event stream, read in the background into `received`. */
interface OpenStream {
  ready: Promise<void>;
  cancel(): Promise<void>;
}

function webHarness(): AdapterContractHarness {
  let adapter: WebAdapter;
  let counter = 0;
  const received: SentMessage[] = [];
  const streams = new Map<string, OpenStream>();
  const jars = new Map<string, CookieJar>();
  const route = (method: HttpRoute['method'], path: string): HttpRoute => {
    const found = adapter.routes.find((r) => r.method === method && r.path === path);
    if (!found) throw new Error(`the web adapter has no route ${method} ${path}`);
    return found;
  };
  /** Send `request` from `user`'s browser: with its cookies, keeping what the response sets. */
  const fetchAs = async (user: string, method: HttpRoute['method'], path: string, init: RequestInit = {}): Promise<Response> => {
    let jar = jars.get(user);
    if (!jar) jars.set(user, (jar = new CookieJar()));
    const url = new URL(`${ORIGIN}${path}`);
    return jar.take(await route(method, url.pathname).handle(new Request(url, { ...jar.withCookies(init), method })));
  };
  const show = (to: string, reply: PageReply) =>
    received.push({ to, text: reply.text, choices: (reply.choices ?? []).map((c) => ({ id: c.id, label: c.label })), raw: reply });

  /** Open the worker's event stream as the page does on load, and wait until it listens. */
  const listen = (user: string): Promise<void> => {
    const existing = streams.get(user);
    if (existing) return existing.ready;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    const ready = (async () => {
      const response = await fetchAs(user, 'GET', `/api/web/events?userId=${encodeURIComponent(user)}`);
      reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let isReady!: () => void;
      const readyEvent = new Promise<void>((resolve) => (isReady = resolve));
      void (async () => {
        for (;;) {
          const { done, value } = await reader!.read().catch(() => ({ done: true, value: undefined }));
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (/^event: ready$/m.test(event)) isReady();
            const data = /^event: message$/m.test(event) ? /^data: (.*)$/m.exec(event) : null;
            if (data) show(user, JSON.parse(data[1]) as PageReply);
          }
        }
      })();
      await readyEvent;
    })();
    streams.set(user, { ready, cancel: async () => void (await reader?.cancel().catch(() => undefined)) });
    return ready;
  };

  /**
   * Send as the page does. The page resends by itself only after a network error, so any answer,
   * replies or a polite error, is an acknowledgement (the worker may press "send again" on an error).
   */
  const send = async (user: string, request: PageRequest): Promise<PlatformDelivery> => {
    await listen(user);
    const response = await fetchAs(user, 'POST', request.path, { headers: request.headers, body: request.body() });
    const body = (await response.json()) as { replies?: PageReply[]; error?: { code: string } };
    for (const reply of body.replies ?? []) show(user, reply);
    return { acknowledged: Boolean(body.replies ?? body.error), ref: { user, request } };
  };
  const sendJson = (user: string, fields: Record<string, string>) => {
    const body = JSON.stringify({ userId: user, messageId: `m-${++counter}`, ...fields });
    return send(user, { path: '/api/web/messages', headers: { 'content-type': 'application/json' }, body: () => body });
  };

  return {
    channel: 'web',
    // the web chat has no group chats; each page is one worker's private conversation
    capabilities: { groups: false },
    async start(bot) {
      let id = 0;
      adapter = createWebAdapter({
        messages: new InMemoryMessageLog(),
        state: new MemoryStateStore(),
        logger: pino({ level: 'silent' }),
        newId: () => `id-${++id}`,
        clock: { now: () => new Date() },
      });
      await adapter.start(bot);
      return adapter;
    },
    async stop() {
      await adapter.stop();
      for (const stream of streams.values()) await stream.cancel();
    },
    deliverText({ user, text }) {
      return sendJson(user, { text });
    },
    deliverPhoto({ user, data, caption }) {
      const messageId = `m-${++counter}`;
      return send(user, {
        path: '/api/web/uploads',
        headers: {},
        body: () => {
          const form = new FormData();
          form.append('userId', user);
          form.append('messageId', messageId);
          if (caption !== undefined) form.append('text', caption);
          form.append('file', new File([new Uint8Array(data)], 'photo.png', { type: 'image/png' }));
          return form;
        },
      });
    },
    pressButton({ user, choiceId, label }) {
      // the page sends the button's label as the text, with the choice id
      return sendJson(user, { text: label, choiceId });
    },
    redeliver(delivery) {
      const { user, request } = delivery.ref as { user: string; request: PageRequest };
      return send(user, request);
    },
    async received() {
      return [...received];
    },
  };
}

describeAdapterContract('web', webHarness);
