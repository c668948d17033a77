/**
 * The mediator JSON API (`/api/mediator/...`) and the admin audit list
 * (`/api/admin/audit`), bearer-token authenticated. Route paths are a
 * contract: external checks call them.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { GongyouError } from '../core/errors.js';
import type { BiText } from '../core/i18n.js';
import { limitBody } from '../core/http/body-limit.js';
import { sendHttpError } from '../core/http/errors.js';
import type { Logger } from '../core/logger.js';
import type { CaseQuery, MediatorActions, MediatorActor, MediatorEvent, QueueStatus } from '../core/mediator.js';
import type { StaffStore } from '../cases/model.js';
import { CASE_FILE_CSP } from '../handoff/case-file.js';
import { MEDIATOR_ERROR_TEXT } from '../handoff/texts.js';

/** Hono environment of the staff APIs: the authenticated actor. */
export type StaffEnv = { Variables: { actor: MediatorActor } };

/** What the staff APIs need. */
export interface MediatorApiDeps {
  desk: MediatorActions;
  staff: Pick<StaffStore, 'findByToken' | 'listAudit' | 'audit'>;
  logger: Logger;
  clock: { now(): Date };
  /** SSE keep-alive interval; default 25 s. */
  heartbeatMs?: number;
}

const STATUSES: Array<QueueStatus | 'all'> = ['waiting', 'active', 'open', 'closed', 'all'];
const SORTS = ['due', 'waiting', 'last_message'] as const;
const labelsBody = z.object({ labels: z.array(z.string()) });
const textBody = z.object({ text: z.string() });
const closeBody = z.object({ outcome: z.string(), note: z.string().optional() });
const releaseBody = z.object({ note: z.string().optional() });
const noteBody = z.object({ note: z.string() });
const reassignBody = z.object({ to: z.string().min(1) });

/** The JSON error body of the staff APIs (same shape as the web chat's). */
export function staffError(c: Context, status: ContentfulStatusCode, code: string, text: BiText, vars: Record<string, string> = {}): Response {
  return sendHttpError(c, status, code, text, vars);
}

/** Turn a thrown error into the matching status; unexpected errors are logged, never shown. */
function errorResponse(c: Context, err: unknown, logger: Logger): Response {
  if (err instanceof GongyouError) {
    if (err.code === 'not_found') return staffError(c, 404, 'not_found', MEDIATOR_ERROR_TEXT.notFound);
    if (err.code === 'forbidden') return staffError(c, 403, 'forbidden', MEDIATOR_ERROR_TEXT.forbidden);
    if (err.code === 'conflict') return staffError(c, 409, 'conflict', MEDIATOR_ERROR_TEXT.conflict);
    if (err.code === 'bad_request') return staffError(c, 400, 'bad_request', MEDIATOR_ERROR_TEXT.badRequest, { detail: err.message });
  }
  logger.error({ err, path: c.req.path }, 'mediator api failed');
  return staffError(c, 500, 'internal_error', MEDIATOR_ERROR_TEXT.internal);
}

/** Bearer token → staff actor; 401 when missing or unknown. */
export function requireStaff(staff: MediatorApiDeps['staff']): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const user = m ? await staff.findByToken(m[1]) : undefined;
    if (!user) return staffError(c, 401, 'unauthorized', MEDIATOR_ERROR_TEXT.unauthorized);
    c.set('actor', user);
    await next();
  };
}

/** Parse a JSON body against a schema; a missing body counts as `{}` when `optional`. */
async function body<T>(c: Context, schema: z.ZodType<T>, optional = false): Promise<T> {
  const raw = await c.req.text();
  if (!raw.trim() && optional) return schema.parse({});
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new GongyouError('bad_request', 'the body is not valid JSON');
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw new GongyouError('bad_request', result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  }
  return result.data;
}

/** Largest body of a staff request: a mediator's reply or note is text, 64 KB is far more than one. */
export const STAFF_MAX_BODY_BYTES = 64 * 1024;

/** Staff responses carry phone numbers and transcripts: no cache may keep them. */
const noStore = async (c: Context, next: () => Promise<void>) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

/** Build the `/api/mediator` app. */
export function createMediatorApi(deps: MediatorApiDeps): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const { desk } = deps;
  app.use('*', noStore);
  app.use('*', limitBody(STAFF_MAX_BODY_BYTES));
  app.use('*', requireStaff(deps.staff));
  app.onError((err, c) => errorResponse(c, err, deps.logger));
  const actor = (c: Context<StaffEnv>) => c.get('actor');

  app.get('/me', (c) => {
    const a = actor(c);
    return c.json({ id: a.id, name: a.name, role: a.role, publicName: a.publicName ?? null });
  });
  app.get('/cases', async (c) => {
    // `cases` keeps its old shape; `total`, `offset` and `limit` (null: no limit) say what the page holds
    return c.json(await desk.searchCases(actor(c), caseQuery(c)));
  });
  app.get('/cases/:id', async (c) => c.json({ case: await desk.packet(actor(c), c.req.param('id')) }));
  app.get('/cases/:id/file', async (c) => {
    const html = await desk.caseFile(actor(c), c.req.param('id'));
    c.header('Content-Security-Policy', CASE_FILE_CSP);
    return c.html(html);
  });
  app.get('/cases/:id/evidence/:evidenceId', async (c) => {
    const file = await desk.evidenceFile(actor(c), c.req.param('id'), c.req.param('evidenceId'));
    const inline = file.mimeType.startsWith('image/') || file.mimeType === 'application/pdf';
    return new Response(new Uint8Array(file.data), {
      status: 200,
      headers: {
        'Content-Type': file.mimeType,
        'Content-Length': String(file.data.length),
        'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.name),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      },
    });
  });
  app.post('/cases/:id/reopen', async (c) => {
    await desk.reopen(actor(c), c.req.param('id'));
    return c.json({ ok: true });
  });
  app.post('/cases/:id/private-notes', async (c) => {
    const { text } = await body(c, textBody);
    await desk.addPrivateNote(actor(c), c.req.param('id'), text);
    return c.json({ ok: true }, 201);
  });
  app.post('/cases/:id/labels', async (c) => {
    const { labels } = await body(c, labelsBody);
    await desk.setLabels(actor(c), c.req.param('id'), labels);
    return c.json({ ok: true });
  });
  app.post('/cases/:id/claim', async (c) => c.json({ case: await desk.claim(actor(c), c.req.param('id')) }));
  app.post('/cases/:id/messages', async (c) => {
    const { text } = await body(c, textBody);
    await desk.reply(actor(c), c.req.param('id'), text);
    return c.json({ ok: true }, 201);
  });
  app.post('/cases/:id/release', async (c) => {
    const { note } = await body(c, releaseBody, true);
    await desk.release(actor(c), c.req.param('id'), note);
    return c.json({ ok: true });
  });
  app.post('/cases/:id/close', async (c) => {
    const { outcome, note } = await body(c, closeBody);
    await desk.close(actor(c), c.req.param('id'), outcome, note);
    return c.json({ ok: true });
  });
  app.post('/cases/:id/reassign', async (c) => {
    const { to } = await body(c, reassignBody);
    await desk.reassign(actor(c), c.req.param('id'), to);
    return c.json({ ok: true });
  });
  app.post('/cases/:id/note', async (c) => {
    const { note } = await body(c, noteBody);
    await desk.setPublicNote(actor(c), c.req.param('id'), note);
    return c.json({ ok: true });
  });
  app.get('/collective', async (c) => c.json({ groups: await desk.collectiveGroups(actor(c)) }));
  app.get('/satisfaction', async (c) => c.json(await desk.satisfaction(actor(c))));
  app.get('/events', (c) => streamEvents(c, deps, actor(c)));
  return app;
}

/** `Content-Disposition` with an ASCII fallback and the UTF-8 file name (RFC 6266 / 5987). */
function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'evidence';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The queue query from the URL; bad values are 400. */
function caseQuery(c: Context<StaffEnv>): CaseQuery {
  const q = (name: string) => {
    const v = c.req.query(name);
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const flag = (name: string) => ['1', 'true', 'yes'].includes((q(name) ?? '').toLowerCase());
  const int = (name: string, min: number) => {
    const v = q(name);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v) || Number(v) < min) throw new GongyouError('bad_request', `${name} must be a whole number of at least ${min}`);
    return Number(v);
  };
  const status = q('status') as CaseQuery['status'];
  if (status !== undefined && !STATUSES.includes(status)) throw new GongyouError('bad_request', 'status must be waiting, active, open, closed or all');
  const sort = q('sort') as CaseQuery['sort'];
  if (sort !== undefined && !SORTS.includes(sort)) throw new GongyouError('bad_request', 'sort must be due, waiting or last_message');
  const text = q('q');
  if (text !== undefined && text.length > 100) throw new GongyouError('bad_request', 'q is longer than 100 characters');
  return {
    status,
    q: text,
    mine: flag('mine'),
    category: q('category'),
    region: q('region'),
    tier: q('tier'),
    overdue: flag('overdue'),
    channel: q('channel'),
    priority: q('priority'),
    sort,
    limit: int('limit', 1),
    offset: int('offset', 0),
  };
}

/** Live queue and case events for one actor, filtered by their routing scope. */
function streamEvents(c: Context<StaffEnv>, deps: MediatorApiDeps, who: MediatorActor): Response {
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    const failed = (err: unknown) => deps.logger.warn({ err }, 'mediator sse write failed');
    const forward = async (event: MediatorEvent) => {
      if (stream.closed || stream.aborted) return;
      if (!(await deps.desk.canSee(who, event.caseId))) return;
      await stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
    };
    const unsubscribe = deps.desk.subscribe((event) => void forward(event).catch(failed));
    const heartbeat = setInterval(() => void stream.write(': ping\n\n').catch(failed), deps.heartbeatMs ?? 25_000);
    const closed = new Promise<void>((resolve) => stream.onAbort(resolve));
    try {
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ at: deps.clock.now().toISOString() }) });
      await closed;
    } finally {
      clearInterval(heartbeat);
      unsubscribe();
    }
  });
}

/** Build the `/api/admin` app (admins only): the audit list. */
export function createAdminApi(deps: MediatorApiDeps): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  app.use('*', noStore);
  app.use('*', limitBody(STAFF_MAX_BODY_BYTES));
  app.use('*', requireStaff(deps.staff));
  app.onError((err, c) => errorResponse(c, err, deps.logger));
  app.get('/audit', async (c) => {
    const who = c.get('actor');
    if (who.role !== 'admin') return staffError(c, 403, 'forbidden', MEDIATOR_ERROR_TEXT.forbidden);
    const limit = Math.min(1000, Math.max(1, Number.parseInt(c.req.query('limit') ?? '200', 10) || 200));
    await deps.staff.audit({ actor: who.id, action: 'read_audit', at: deps.clock.now().toISOString() });
    return c.json({ entries: await deps.staff.listAudit(limit) });
  });
  return app;
}
