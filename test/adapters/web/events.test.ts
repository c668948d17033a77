/** GET /api/web/events: Server-Sent Events of messages published for one web user. */
import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../src/core/types.js';
import { CountingBus, createWebHarness, postJson } from './harness.js';

/** Reads an SSE body chunk by chunk, so a test can wait for the next event without sleeping. */
class SseReader {
  private buffer = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }
  /** Resolve with everything read once it contains `marker`. */
  async until(marker: string): Promise<string> {
    while (!this.buffer.includes(marker)) {
      const { done, value } = await this.reader.read();
      if (done) throw new Error(`stream ended before ${marker}; got ${this.buffer}`);
      this.buffer += this.decoder.decode(value, { stream: true });
    }
    const at = this.buffer.indexOf(marker) + marker.length;
    const upTo = this.buffer.slice(0, at);
    this.buffer = this.buffer.slice(at);
    return upTo;
  }
  cancel() {
    return this.reader.cancel();
  }
}

const mediatorMessage: OutgoingMessage = {
  id: 'med-1',
  text: '您好，我是调解员小李，案件 GY-2026-000123 我来跟进。',
  meta: { intent: 'mediator_message', caseId: 'GY-2026-000123', handoff: { caseId: 'GY-2026-000123', reason: 'requested' } },
};

describe('GET /api/web/events', () => {
  it('sends a message published for the user as `event: message` with the Reply JSON', async () => {
    const bus = new CountingBus();
    const h = await createWebHarness({ deps: { bus } });
    const res = await h.app.request('/api/web/events?userId=u1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const sse = new SseReader(res.body!);
    await sse.until('event: ready');
    h.bus.publish('web:u2', { ...mediatorMessage, id: 'other-user' });
    h.bus.publish('web:u1', mediatorMessage);
    const text = await sse.until('id: med-1');
    expect(text).not.toContain('other-user');
    const data = /event: message\ndata: (.*)\nid: med-1/.exec(text);
    expect(data).not.toBeNull();
    expect(JSON.parse(data![1])).toEqual(mediatorMessage);

    expect(bus.active).toBe(1);
    expect(h.bus).toBe(bus);
    await sse.cancel();
    await expect.poll(() => bus.active).toBe(0);
  });

  it('replays what was sent after the given id, from `after` or Last-Event-ID', async () => {
    const h = await createWebHarness();
    const first = (await (await postJson(h.app, '/api/web/messages', '{"userId":"u1","text":"你好"}')).json()) as { replies: Array<{ id: string }> };
    const second = (await (await postJson(h.app, '/api/web/messages', '{"userId":"u1","text":"3500"}')).json()) as { replies: Array<{ id: string }> };
    for (const init of [{ url: `/api/web/events?userId=u1&after=${first.replies[0].id}` }, { url: '/api/web/events?userId=u1', lastEventId: first.replies[0].id }]) {
      const res = await h.app.request(init.url, { headers: init.lastEventId ? { 'last-event-id': init.lastEventId } : {} });
      const sse = new SseReader(res.body!);
      const text = await sse.until(`id: ${second.replies[0].id}`);
      expect(text).not.toContain(`id: ${first.replies[0].id}\n`);
      expect(text).toContain('GY-2026-000123');
      await sse.cancel();
    }
  });

  it('sends heartbeats so proxies keep the stream open', async () => {
    const h = await createWebHarness({ deps: { sseHeartbeatMs: 5 } });
    const res = await h.app.request('/api/web/events?userId=u1');
    const sse = new SseReader(res.body!);
    expect(await sse.until(': ping')).toContain('event: ready');
    await sse.cancel();
  });

  it('400 without userId', async () => {
    const h = await createWebHarness();
    const res = await h.app.request('/api/web/events');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('missing_field');
  });
});
