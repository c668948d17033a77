/**
 * The admin JSON API (`/api/admin/...`, admins only): the audit list and the canned replies
 * mediators start their replies from. Every change is audited. Route paths are a contract.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { GongyouError } from '../core/errors.js';
import { body, createStaffApp, requireAdmin, type StaffApiDeps, type StaffEnv } from './staff-http.js';

const cannedReplyBody = z.object({ title: z.string(), text: z.string(), locale: z.enum(['zh-CN', 'en']).default('zh-CN') });

/** Build the `/api/admin` app. */
export function createAdminApi(deps: StaffApiDeps): Hono<StaffEnv> {
  const app = createStaffApp(deps);
  const { cannedReplies } = deps;
  app.use('*', requireAdmin);
  const audit = (c: Context<StaffEnv>, action: string, target?: string, detail?: unknown) =>
    deps.staff.audit({ actor: c.get('actor').id, action, at: deps.clock.now().toISOString(), ...(target ? { target } : {}), ...(detail ? { detail } : {}) });
  const missing = (id: string) => new GongyouError('not_found', `no canned reply ${id}`);

  app.get('/audit', async (c) => {
    const limit = Math.min(1000, Math.max(1, Number.parseInt(c.req.query('limit') ?? '200', 10) || 200));
    await audit(c, 'read_audit');
    return c.json({ entries: await deps.staff.listAudit(limit) });
  });

  app.get('/canned-replies', async (c) => c.json({ replies: await cannedReplies.list() }));
  app.post('/canned-replies', async (c) => {
    const reply = await cannedReplies.add(await body(c, cannedReplyBody), deps.clock.now());
    await audit(c, 'canned_reply_add', reply.id, { title: reply.title });
    return c.json({ reply }, 201);
  });
  app.put('/canned-replies/:id', async (c) => {
    const id = c.req.param('id');
    const reply = await cannedReplies.update(id, await body(c, cannedReplyBody), deps.clock.now());
    if (!reply) throw missing(id);
    await audit(c, 'canned_reply_edit', id, { title: reply.title });
    return c.json({ reply });
  });
  app.delete('/canned-replies/:id', async (c) => {
    const id = c.req.param('id');
    if (!(await cannedReplies.remove(id))) throw missing(id);
    await audit(c, 'canned_reply_delete', id);
    return c.json({ ok: true });
  });
  return app;
}
