/** POST/GET /api/web/messages: validation, reply shapes, idempotency, listing after an id. */
import { describe, expect, it } from 'vitest';
import { SCRIPTED_CASE_ID } from '../../fakes/scripted-bot.js';
import { createWebHarness, postJson, TEST_NOW } from './harness.js';

const long = (n: number) => '工'.repeat(n);

describe('POST /api/web/messages refuses bad input and stores nothing', () => {
  const cases: Array<{ name: string; body: string; headers?: Record<string, string>; code: string }> = [
    { name: 'broken JSON', body: '{"userId": "u1", "text": ', code: 'invalid_json' },
    { name: 'a JSON array', body: '["u1", "hi"]', code: 'invalid_json' },
    { name: 'JSON null', body: 'null', code: 'invalid_json' },
    { name: 'wrong content type', body: '{"userId":"u1","text":"hi"}', headers: { 'content-type': 'text/plain' }, code: 'unsupported_content_type' },
    { name: 'missing userId', body: '{"text":"hi"}', code: 'missing_field' },
    { name: 'missing text', body: '{"userId":"u1"}', code: 'missing_field' },
    { name: 'numeric text', body: '{"userId":"u1","text":42}', code: 'invalid_field' },
    { name: 'numeric userId', body: '{"userId":7,"text":"hi"}', code: 'invalid_field' },
    { name: 'empty text', body: '{"userId":"u1","text":""}', code: 'empty_text' },
    { name: 'blank text', body: '{"userId":"u1","text":"  \\n "}', code: 'empty_text' },
    { name: 'text over 2000 characters', body: JSON.stringify({ userId: 'u1', text: long(2001) }), code: 'text_too_long' },
    { name: 'userId over 128 characters', body: JSON.stringify({ userId: 'u'.repeat(129), text: 'hi' }), code: 'user_id_too_long' },
    { name: 'non-string messageId', body: '{"userId":"u1","text":"hi","messageId":5}', code: 'invalid_field' },
    { name: 'non-string choiceId', body: '{"userId":"u1","text":"hi","choiceId":{}}', code: 'invalid_field' },
    { name: 'too long Idempotency-Key', body: '{"userId":"u1","text":"hi"}', headers: { 'idempotency-key': 'k'.repeat(129) }, code: 'invalid_field' },
  ];

  for (const c of cases) {
    it(`400 for ${c.name}`, async () => {
      const h = await createWebHarness();
      const res = await postJson(h.app, '/api/web/messages', c.body, c.headers);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string; message_en: string } };
      expect(body.error.code).toBe(c.code);
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(body.error.message_en).toMatch(/[a-z]/);
      expect(h.bot.received).toHaveLength(0);
      expect(h.messages.entries).toHaveLength(0);
    });
  }

  it('413 for a JSON body far over the limit, and nothing reaches the bot', async () => {
    const h = await createWebHarness();
    const res = await postJson(h.app, '/api/web/messages', JSON.stringify({ userId: 'u1', text: 'x'.repeat(100_000) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect(h.bot.received).toHaveLength(0);
  });

  it('accepts exactly 2000 characters (emoji counted as one)', async () => {
    const h = await createWebHarness();
    const res = await postJson(h.app, '/api/web/messages', JSON.stringify({ userId: 'u1', text: '😀'.repeat(2000) }));
    expect(res.status).toBe(200);
    expect(h.bot.received).toHaveLength(1);
  });
});

describe('POST /api/web/messages hands a normalised message to the bot', () => {
  it('returns the replies with choices and meta exactly as the bot made them', async () => {
    const h = await createWebHarness();
    const res = await postJson(h.app, '/api/web/messages', JSON.stringify({ userId: 'rider:1', text: '站长两个月没给我结工资' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { replies: unknown[] };
    expect(body).toEqual({
      replies: [
        {
          id: expect.any(String),
          text: '您遇到的是哪类问题？',
          choices: [
            { id: 'wages', label: '工资被拖欠' },
            { id: 'injury', label: '受伤了' },
          ],
          meta: { intent: 'intake_category', confidence: 0.6 },
        },
      ],
    });
    const incoming = h.bot.received[0];
    expect(incoming).toMatchObject({
      channel: 'web',
      conversationKey: 'web:rider%3A1',
      userKey: 'web:rider%3A1',
      text: '站长两个月没给我结工资',
      isGroup: false,
      attachments: [],
    });
    expect(incoming.messageId).toMatch(/^id-/);
    expect(incoming.receivedAt).toEqual(TEST_NOW);
    expect(incoming.choiceId).toBeUndefined();
  });

  it('passes a pressed button as choiceId and returns case id and citations', async () => {
    const h = await createWebHarness();
    const choice = await postJson(h.app, '/api/web/messages', JSON.stringify({ userId: 'u1', text: '工资被拖欠', choiceId: 'wages' }));
    expect(h.bot.received[0].choiceId).toBe('wages');
    expect(((await choice.json()) as { replies: Array<{ text: string }> }).replies[0].text).toContain('多少钱');
    const res = await postJson(h.app, '/api/web/messages', JSON.stringify({ userId: 'u1', text: '3500' }));
    const { replies } = (await res.json()) as { replies: Array<{ meta: Record<string, unknown>; choices?: unknown }> };
    expect(replies[0].meta).toEqual({ intent: 'case_created', caseId: SCRIPTED_CASE_ID, citations: [{ law: '劳动争议调解仲裁法', article: 27 }] });
    expect(replies[0]).not.toHaveProperty('choices');
  });

  it('uses the given messageId, so a retried request is answered once with the same replies', async () => {
    const h = await createWebHarness();
    const send = () => postJson(h.app, '/api/web/messages', JSON.stringify({ userId: 'u1', text: '你好', messageId: 'm-42' }));
    const first = await (await send()).json();
    const second = await (await send()).json();
    expect(second).toEqual(first);
    expect(h.bot.received.map((m) => m.messageId)).toEqual(['m-42', 'm-42']);
    expect(h.messages.entries.filter((e) => e.direction === 'out')).toHaveLength(1);
  });

  it('falls back to the Idempotency-Key header when the body has no messageId', async () => {
    const h = await createWebHarness();
    await postJson(h.app, '/api/web/messages', '{"userId":"u1","text":"你好"}', { 'idempotency-key': 'key-7' });
    expect(h.bot.received[0].messageId).toBe('key-7');
  });

  it('answers a bot failure with a polite 500 and no stack', async () => {
    const h = await createWebHarness();
    h.bot.failWith = new Error('database exploded at /srv/secret.ts:12');
    const res = await postJson(h.app, '/api/web/messages', '{"userId":"u1","text":"你好"}');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('exploded');
    expect(text).not.toContain('secret');
    expect(JSON.parse(text).error).toMatchObject({ code: 'internal_error', message: expect.stringContaining('12351') });
  });
});

describe('GET /api/web/messages', () => {
  it('lists what was sent to the user after the given id, and only to that user', async () => {
    const h = await createWebHarness();
    const r1 = (await (await postJson(h.app, '/api/web/messages', '{"userId":"u1","text":"你好"}')).json()) as { replies: Array<{ id: string }> };
    await postJson(h.app, '/api/web/messages', '{"userId":"u2","text":"你好"}');
    await postJson(h.app, '/api/web/messages', '{"userId":"u1","text":"工资被拖欠","choiceId":"wages"}');
    await postJson(h.app, '/api/web/messages', '{"userId":"u1","text":"3500"}');

    const all = (await (await h.app.request('/api/web/messages?userId=u1')).json()) as { messages: Array<{ id: string; text: string }> };
    expect(all.messages).toHaveLength(3);
    const after = (await (await h.app.request(`/api/web/messages?userId=u1&after=${r1.replies[0].id}`)).json()) as {
      messages: Array<{ id: string; text: string; meta: { caseId?: string } }>;
    };
    expect(after.messages.map((m) => m.id)).toEqual(all.messages.slice(1).map((m) => m.id));
    expect(after.messages[1].meta.caseId).toBe(SCRIPTED_CASE_ID);
  });

  it('with include=all lists the whole conversation in order, the worker\'s own messages marked direction "in"', async () => {
    const h = await createWebHarness();
    await postJson(h.app, '/api/web/messages', '{"userId":"u1","text":"你好","messageId":"m-1"}');
    await postJson(h.app, '/api/web/messages', '{"userId":"u2","text":"别人的"}');
    await postJson(h.app, '/api/web/messages', '{"userId":"u1","text":"工资被拖欠","choiceId":"wages","messageId":"m-2"}');
    type Entry = { id: string; text: string; direction: string; choices?: unknown[]; meta: { intent: string } };
    const get = async (query: string) => ((await (await h.app.request(`/api/web/messages?userId=u1${query}`)).json()) as { messages: Entry[] }).messages;

    const all = await get('&include=all');
    expect(all.map((m) => [m.direction, m.text])).toEqual([
      ['in', '你好'],
      ['out', '您遇到的是哪类问题？'],
      ['in', '工资被拖欠'],
      ['out', '一共欠了多少钱？例如：3500'],
    ]);
    expect(all[0]).toEqual({ id: 'm-1', text: '你好', direction: 'in', meta: { intent: 'worker_message' } });
    expect(all[1].choices).toHaveLength(2);
    // after an id (the worker's or a reply's) lists what follows it
    expect((await get('&include=all&after=m-2')).map((m) => m.text)).toEqual(['一共欠了多少钱？例如：3500']);
    expect((await get(`&include=all&after=${all[1].id}`)).map((m) => m.id)).toEqual(['m-2', all[3].id]);
    // the existing shape for existing callers: replies only, no direction
    const plain = await get('');
    expect(plain.map((m) => m.text)).toEqual(['您遇到的是哪类问题？', '一共欠了多少钱？例如：3500']);
    expect(plain.every((m) => !('direction' in m))).toBe(true);
    const bad = await h.app.request('/api/web/messages?userId=u1&include=everything');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('include');
  });

  it('400 without userId', async () => {
    const h = await createWebHarness();
    const res = await h.app.request('/api/web/messages');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('missing_field');
  });
});

describe('other routes', () => {
  it('404 JSON for an unknown route', async () => {
    const h = await createWebHarness();
    const res = await h.app.request('/nope');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('serves the chat page with a strict CSP and no inline script', async () => {
    const h = await createWebHarness();
    const res = await h.app.request('/');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toContain('<meta name="viewport"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    for (const asset of ['/chat.js', '/chat.css']) expect((await h.app.request(asset)).status).toBe(200);
  });

  it('mounts adapter routes with the raw body untouched, and sub-apps', async () => {
    const { Hono } = await import('hono');
    const seen: string[] = [];
    const sub = new Hono().get('/ping', (c) => c.text('pong'));
    const h = await createWebHarness({
      deps: {
        routes: [{ method: 'POST', path: '/webhooks/slack', handle: async (req) => (seen.push(await req.text()), new Response('ok')) }],
        mounts: [{ path: '/console', app: sub }],
      },
    });
    const raw = '{"a":1,  "b" : "空格 保留"}';
    const res = await h.app.request('/webhooks/slack', { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw });
    expect(await res.text()).toBe('ok');
    expect(seen).toEqual([raw]);
    expect(await (await h.app.request('/console/ping')).text()).toBe('pong');
  });
});
