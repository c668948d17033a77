/** POST /api/web/uploads: a photo or file reaches the bot as an Attachment; limits refuse politely. */
import { describe, expect, it } from 'vitest';
import { createWebHarness } from './harness.js';

function form(fields: Record<string, string>, file?: { bytes: Uint8Array<ArrayBuffer>; name: string; type: string }): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  if (file) data.append('file', new Blob([file.bytes], { type: file.type }), file.name);
  return data;
}

const photo = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]), name: '工资条.jpg', type: 'image/jpeg' };

describe('POST /api/web/uploads', () => {
  it('hands a photo to the bot as an image attachment with its bytes, name and type', async () => {
    const h = await createWebHarness();
    const res = await h.app.request('/api/web/uploads', { method: 'POST', body: form({ userId: 'u1', text: '这是工资条', messageId: 'up-1' }, photo) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { replies: Array<{ text: string }> };
    expect(body.replies[0].text).toContain('工资条.jpg');
    const incoming = h.bot.received[0];
    expect(incoming).toMatchObject({ channel: 'web', conversationKey: 'web:u1', messageId: 'up-1', text: '这是工资条' });
    expect(incoming.attachments).toHaveLength(1);
    const [attachment] = incoming.attachments;
    expect(attachment).toMatchObject({ kind: 'image', name: '工资条.jpg', mimeType: 'image/jpeg' });
    expect(Buffer.isBuffer(attachment.data)).toBe(true);
    expect([...attachment.data!]).toEqual([...photo.bytes]);
  });

  it('treats a PDF as a file and allows no text', async () => {
    const h = await createWebHarness();
    const pdf = { bytes: new TextEncoder().encode('%PDF-1.4 test'), name: 'contract.pdf', type: 'application/pdf' };
    const res = await h.app.request('/api/web/uploads', { method: 'POST', body: form({ userId: 'u1' }, pdf) });
    expect(res.status).toBe(200);
    expect(h.bot.received[0].attachments[0].kind).toBe('file');
    expect(h.bot.received[0].text).toBe('');
  });

  it('413 with a polite message for a file over the limit, and nothing reaches the bot', async () => {
    const h = await createWebHarness({ deps: { maxUploadBytes: 1024 } });
    const big = { bytes: new Uint8Array(1025), name: 'big.png', type: 'image/png' };
    const res = await h.app.request('/api/web/uploads', { method: 'POST', body: form({ userId: 'u1' }, big) });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.message).toContain('MB');
    expect(h.bot.received).toHaveLength(0);
    expect(h.messages.entries).toHaveLength(0);
  });

  it('413 when the whole request is far over the limit (stopped before parsing)', async () => {
    const h = await createWebHarness({ deps: { maxUploadBytes: 1024 } });
    const huge = { bytes: new Uint8Array(200 * 1024), name: 'huge.png', type: 'image/png' };
    const res = await h.app.request('/api/web/uploads', { method: 'POST', body: form({ userId: 'u1' }, huge) });
    expect(res.status).toBe(413);
    expect(h.bot.received).toHaveLength(0);
  });

  const refusals: Array<{ name: string; body: () => BodyInit; headers?: Record<string, string>; code: string }> = [
    { name: 'no file', body: () => form({ userId: 'u1', text: 'hi' }), code: 'missing_field' },
    { name: 'an empty file', body: () => form({ userId: 'u1' }, { bytes: new Uint8Array(0), name: 'a.jpg', type: 'image/jpeg' }), code: 'empty_file' },
    { name: 'no userId', body: () => form({}, photo), code: 'missing_field' },
    { name: 'text over 2000 characters', body: () => form({ userId: 'u1', text: '工'.repeat(2001) }, photo), code: 'text_too_long' },
    { name: 'a JSON body', body: () => '{"userId":"u1"}', headers: { 'content-type': 'application/json' }, code: 'unsupported_content_type' },
  ];
  for (const r of refusals) {
    it(`400 for ${r.name}`, async () => {
      const h = await createWebHarness();
      const res = await h.app.request('/api/web/uploads', { method: 'POST', body: r.body(), headers: r.headers });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(r.code);
      expect(h.bot.received).toHaveLength(0);
    });
  }

  it('400 when a file is sent where the userId belongs', async () => {
    const h = await createWebHarness();
    const data = form({}, photo);
    data.append('userId', new Blob(['x']), 'x.txt');
    const res = await h.app.request('/api/web/uploads', { method: 'POST', body: data });
    expect(res.status).toBe(400);
    expect(h.bot.received).toHaveLength(0);
  });
});
