/** /healthz and /readyz. */
import { describe, expect, it } from 'vitest';
import { createWebHarness } from '../adapters/web/harness.js';

describe('health checks', () => {
  it('/healthz is ok while the process runs, even when not ready', async () => {
    const h = await createWebHarness();
    h.readiness.ready = false;
    const res = await h.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz follows health.ready()', async () => {
    const h = await createWebHarness();
    expect((await h.app.request('/readyz')).status).toBe(200);
    h.readiness.ready = false;
    const res = await h.app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'not_ready', channels: {} });
  });

  it('/readyz lists each channel’s status', async () => {
    const h = await createWebHarness({ deps: { health: { ready: async () => true, channels: () => ({ telegram: 'retrying', slack: 'up' }) } } });
    expect(await (await h.app.request('/readyz')).json()).toEqual({ status: 'ready', channels: { telegram: 'retrying', slack: 'up' } });
  });

  it('/readyz is 503 when the readiness check itself throws', async () => {
    const h = await createWebHarness({ deps: { health: { ready: async () => { throw new Error('db gone'); } } } });
    expect((await h.app.request('/readyz')).status).toBe(503);
  });
});
