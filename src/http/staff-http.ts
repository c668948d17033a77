/**
 * What the staff APIs (`/api/mediator`, `/api/admin`) share: bearer-token authentication, the
 * role check for admins, JSON body parsing, the error-to-response mapping and no-store responses.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { GongyouError } from '../core/errors.js';
import type { BiText } from '../core/i18n.js';
import { limitBody } from '../core/http/body-limit.js';
import { sendHttpError } from '../core/http/errors.js';
import type { Logger } from '../core/logger.js';
import type { CannedReplyStore } from '../core/canned-replies.js';
import type { MediatorActions, MediatorActor } from '../core/mediator.js';
import type { StaffStore } from '../cases/model.js';
import { MEDIATOR_ERROR_TEXT } from '../handoff/texts.js';

/** Hono environment of the staff APIs: the authenticated actor. */
export type StaffEnv = { Variables: { actor: MediatorActor } };

/** What the staff APIs need. */
export interface StaffApiDeps {
  desk: MediatorActions;
  staff: Pick<StaffStore, 'findByToken' | 'listAudit' | 'audit'>;
  /** Canned replies: admins keep them, mediators pick from them. */
  cannedReplies: CannedReplyStore;
  logger: Logger;
  clock: { now(): Date };
  /** SSE keep-alive interval; default 25 s. */
  heartbeatMs?: number;
}

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
export function requireStaff(staff: StaffApiDeps['staff']): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const user = m ? await staff.findByToken(m[1]) : undefined;
    if (!user) return staffError(c, 401, 'unauthorized', MEDIATOR_ERROR_TEXT.unauthorized);
    c.set('actor', user);
    await next();
  };
}

/** Admins only: everyone else gets 403. */
export const requireAdmin: MiddlewareHandler<StaffEnv> = async (c, next) => {
  if (c.get('actor').role !== 'admin') return staffError(c, 403, 'forbidden', MEDIATOR_ERROR_TEXT.forbidden);
  await next();
};

/** Parse a JSON body against a schema; a missing body counts as `{}` when `optional`. */
export async function body<T>(c: Context, schema: z.ZodType<T>, optional = false): Promise<T> {
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

/** Staff responses carry phone numbers and transcripts: no cache may keep them. */
const noStore = async (c: Context, next: () => Promise<void>) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

/** Largest body of a staff request: a mediator's reply or note is text, 64 KB is far more than one. */
export const STAFF_MAX_BODY_BYTES = 64 * 1024;

/** A staff sub-app: no-store responses, bodies up to 64 KB, a bearer token required, errors mapped to JSON. */
export function createStaffApp(deps: StaffApiDeps): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  app.use('*', noStore);
  app.use('*', limitBody(STAFF_MAX_BODY_BYTES));
  app.use('*', requireStaff(deps.staff));
  app.onError((err, c) => errorResponse(c, err, deps.logger));
  return app;
}
