import { describe, expect, it } from 'vitest';
import { createWebHarness, postJson } from './harness.js';

describe('web chat message budget', () => {
  it('refuses a flood from one user with 429 and Retry-After, stores nothing, and lets others and later messages through', async () => {
    let now = new Date('2026-03-15T08:30:00.000Z');
    const h = await createWebHarness({ deps: { rateLimitPerMinute: 3, clock: { now: () => now } } });
    const send = (userId: string, text: string) => postJson(h.app, '/api/web/messages', JSON.stringify({ userId, text }));
    for (let i = 0; i < 3; i++) expect((await send('flood', `第${i}条`)).status).toBe(200);
    const refused = await send('flood', '第4条');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { error: { code: string; message: string; message_en: string } };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/太快/);
    expect(h.bot.received.map((m) => m.text)).not.toContain('第4条');
    expect((await send('someone-else', '你好')).status).toBe(200);
    now = new Date(now.getTime() + 61_000);
    expect((await send('flood', '第4条')).status).toBe(200);
  });
});
