/** Canned replies through the staff APIs in process: admins keep them, mediators list them, nobody else changes them. */
import { describe, expect, it } from 'vitest';
import type { CannedReply } from '../../src/core/canned-replies.js';
import { addStaff, call, worldPerTest } from './harness.js';

const worlds = worldPerTest();

function send(app: Parameters<typeof call>[0], method: 'PUT' | 'DELETE', url: string, headers: Record<string, string>, payload?: unknown) {
  return app.request(url, {
    method,
    headers: { ...headers, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
}

describe('canned replies', () => {
  it('start empty; an admin adds, edits and deletes them, audited; mediators see every change', async () => {
    const world = await worlds.open();
    const admin = await addStaff(world, { name: '管理员', role: 'admin' });
    const med = await addStaff(world, { name: '调解员甲' });
    const list = async () => ((await (await call(world.app, 'GET', '/api/mediator/canned-replies', med.auth)).json()) as { replies: CannedReply[] }).replies;
    expect(await list()).toEqual([]);

    const created = await call(world.app, 'POST', '/api/admin/canned-replies', admin.auth, { title: '请发工资条', text: '请把最近三个月的工资条拍照发给我。' });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const { reply } = (await created.json()) as { reply: CannedReply };
    expect(reply).toMatchObject({ title: '请发工资条', text: '请把最近三个月的工资条拍照发给我。', locale: 'zh-CN' });
    const english = await call(world.app, 'POST', '/api/admin/canned-replies', admin.auth, { title: 'Payslips', text: 'Please send your payslips.', locale: 'en' });
    expect(english.status).toBe(201);
    expect((await list()).map((r) => r.title)).toEqual(['请发工资条', 'Payslips']);

    const edited = await send(world.app, 'PUT', `/api/admin/canned-replies/${reply.id}`, admin.auth, { title: '请发工资条', text: '请把最近三个月的工资条或转账记录拍照发给我。' });
    expect(edited.status).toBe(200);
    expect((await list())[0].text).toBe('请把最近三个月的工资条或转账记录拍照发给我。');
    expect((await send(world.app, 'DELETE', `/api/admin/canned-replies/${reply.id}`, admin.auth)).status).toBe(200);
    expect((await list()).map((r) => r.title)).toEqual(['Payslips']);
    // the admin's own list is the same
    const adminList = (await (await call(world.app, 'GET', '/api/admin/canned-replies', admin.auth)).json()) as { replies: CannedReply[] };
    expect(adminList.replies.map((r) => r.title)).toEqual(['Payslips']);

    const audit = (await (await call(world.app, 'GET', '/api/admin/audit', admin.auth)).json()) as { entries: Array<{ action: string; target?: string }> };
    expect(audit.entries.map((e) => `${e.action}:${e.target}`)).toEqual(
      expect.arrayContaining([`canned_reply_add:${reply.id}`, `canned_reply_edit:${reply.id}`, `canned_reply_delete:${reply.id}`]),
    );
  });

  it('lets only admins change them (403), asks for a token (401), refuses bad input (400) and unknown ids (404)', async () => {
    const world = await worlds.open();
    const admin = await addStaff(world, { name: '管理员', role: 'admin' });
    const sup = await addStaff(world, { name: '负责人', role: 'supervisor' });
    const med = await addStaff(world, { name: '调解员乙' });
    const body = { title: '问候', text: '您好，我是工会的调解员。' };
    expect((await call(world.app, 'POST', '/api/admin/canned-replies', med.auth, body)).status).toBe(403);
    expect((await call(world.app, 'POST', '/api/admin/canned-replies', sup.auth, body)).status).toBe(403);
    expect((await call(world.app, 'GET', '/api/admin/canned-replies', med.auth)).status).toBe(403);
    expect((await call(world.app, 'GET', '/api/mediator/canned-replies')).status).toBe(401);
    expect((await call(world.app, 'POST', '/api/admin/canned-replies', {}, body)).status).toBe(401);

    for (const bad of [{ title: '', text: '你好' }, { title: '问候', text: '   ' }, { title: '问候' }, { title: '问候', text: '你好', locale: 'fr' }, { title: 'x'.repeat(41), text: '你好' }]) {
      const res = await call(world.app, 'POST', '/api/admin/canned-replies', admin.auth, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
    expect((await call(world.app, 'POST', '/api/admin/canned-replies', admin.auth, 'not json')).status).toBe(400);
    expect((await send(world.app, 'PUT', '/api/admin/canned-replies/nope', admin.auth, body)).status).toBe(404);
    expect((await send(world.app, 'DELETE', '/api/admin/canned-replies/nope', admin.auth)).status).toBe(404);
    expect(await world.storage.cannedReplies.list()).toEqual([]);

    const { reply } = (await (await call(world.app, 'POST', '/api/admin/canned-replies', admin.auth, body)).json()) as { reply: CannedReply };
    expect((await send(world.app, 'PUT', `/api/admin/canned-replies/${reply.id}`, med.auth, { ...body, text: '改' })).status).toBe(403);
    expect((await send(world.app, 'DELETE', `/api/admin/canned-replies/${reply.id}`, sup.auth)).status).toBe(403);
    expect(await world.storage.cannedReplies.get(reply.id)).toEqual(reply);
  });
});
