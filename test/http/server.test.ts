/** startHttpServer on a real socket: serves the app, and closes gracefully. */
import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingMessage, OutgoingMessage } from '../../src/core/types.js';
import { startHttpServer, type RunningHttpServer } from '../../src/http/server.js';
import { createWebHarness } from '../adapters/web/harness.js';

/** A bot whose turns wait until the test lets them finish. */
function gatedBot() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let entered!: () => void;
  const started = new Promise<void>((resolve) => (entered = resolve));
  return {
    release,
    started,
    bot: {
      async handle(message: IncomingMessage): Promise<OutgoingMessage[]> {
        entered();
        await gate;
        return [{ id: 'r-1', text: `收到：${message.text}`, meta: { intent: 'ack' } }];
      },
    },
  };
}

let running: RunningHttpServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('startHttpServer', () => {
  it('listens on a free port and answers /healthz', async () => {
    running = await startHttpServer((await createWebHarness()).app, { port: 0, host: '127.0.0.1' });
    expect(running.port).toBeGreaterThan(0);
    const res = await fetch(`http://127.0.0.1:${running.port}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('close() stops accepting but lets a turn in flight finish', async () => {
    const gated = gatedBot();
    running = await startHttpServer((await createWebHarness({ deps: { bot: gated.bot } })).app, { port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${running.port}`;
    const inFlight = fetch(`${base}/api/web/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'u1', text: '你好' }),
    });
    await gated.started;
    let closed = false;
    const closing = running.close().then(() => (closed = true));
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    expect(closed).toBe(false);
    gated.release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { replies: Array<{ text: string }> }).replies[0].text).toBe('收到：你好');
    await closing;
    expect(closed).toBe(true);
  });

  it('close() does not wait for open event streams', async () => {
    running = await startHttpServer((await createWebHarness()).app, { port: 0, host: '127.0.0.1', shutdownTimeoutMs: 60_000 });
    const res = await fetch(`http://127.0.0.1:${running.port}/api/web/events?userId=u1`, { headers: { accept: 'text/event-stream' } });
    const reader = res.body!.getReader();
    await reader.read();
    // with a 60 s grace period, only ending the stream at once lets this finish inside the 5 s test timeout
    await running.close();
    const outcome = await (async () => {
      try {
        while (!(await reader.read()).done);
        return 'ended';
      } catch {
        return 'cut';
      }
    })();
    expect(['ended', 'cut']).toContain(outcome);
  }, 5_000);

  it('close() cuts a request that outlives the timeout', async () => {
    const gated = gatedBot();
    running = await startHttpServer((await createWebHarness({ deps: { bot: gated.bot } })).app, { port: 0, host: '127.0.0.1', shutdownTimeoutMs: 50 });
    const stuck = fetch(`http://127.0.0.1:${running.port}/api/web/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'u1', text: '你好' }),
    }).catch((err: unknown) => err);
    await gated.started;
    await running.close();
    expect(await stuck).toBeInstanceOf(Error);
    gated.release();
  });
});
