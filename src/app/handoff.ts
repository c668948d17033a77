/**
 * Builds the handoff surfaces for the composition root: the mediator desk,
 * the tier scheduler, and the HTTP sub-apps (mediator API, admin API,
 * console pages). Kept here so src/app.ts holds only a few lines of wiring.
 */
import type { Hono } from 'hono';
import type { ConversationState } from '../core/conversation-state.js';
import type { Logger } from '../core/logger.js';
import type { Clock, OutgoingMessage, ReplyDraft } from '../core/types.js';
import type { Storage } from '../storage/types.js';
import { createConsoleApp } from '../http/console/routes.js';
import { MediatorDesk } from '../handoff/desk.js';
import { createAdminApi } from '../http/admin-api.js';
import { createMediatorApi } from '../http/staff-api.js';
import { HandoffScheduler } from '../handoff/scheduler.js';
import type { HandoffService } from '../handoff/service.js';

/** What the handoff surfaces need from the rest of Gongyou. */
export interface HandoffWiringDeps {
  storage: Storage;
  handoff: HandoffService;
  bot: { updateState(key: string, mutate: (state: ConversationState) => void): Promise<ConversationState> };
  /** Periodic work the scheduler runs besides escalation (retention). */
  housekeeping?: () => Promise<void>;
  delivery: { send(key: string, draft: ReplyDraft, author: string): Promise<OutgoingMessage>; retryUndelivered(limit?: number): Promise<number> };
  clock: Clock;
  logger: Logger;
  calendar: { workingHours: { start: number; end: number }; holidays: string[] };
  collective: { minCases: number; windowDays: number };
  supervisorGraceMs?: number;
  /** An unclaimed crisis case goes to the supervisors after this long. */
  crisisEscalationMs?: number;
  sseHeartbeatMs?: number;
}

/** The built surfaces. */
export interface HandoffWiring {
  desk: MediatorDesk;
  scheduler: HandoffScheduler;
  /** Sub-apps for the HTTP server: /api/mediator, /api/admin, /console. */
  mounts: Array<{ path: string; app: Hono }>;
}

/** Build the desk, scheduler and HTTP sub-apps, and attach them to the handoff service. */
export function createHandoffWiring(deps: HandoffWiringDeps): HandoffWiring {
  const desk = new MediatorDesk({
    storage: deps.storage,
    handoff: deps.handoff,
    conversations: deps.bot,
    delivery: deps.delivery,
    clock: deps.clock,
    logger: deps.logger,
    collective: deps.collective,
  });
  const scheduler = new HandoffScheduler({
    cases: deps.storage.cases,
    desk,
    delivery: deps.delivery,
    clock: deps.clock,
    logger: deps.logger,
    calendar: deps.calendar,
    supervisorGraceMs: deps.supervisorGraceMs,
    crisisEscalationMs: deps.crisisEscalationMs,
    retryUndelivered: () => deps.delivery.retryUndelivered(),
    housekeeping: deps.housekeeping,
  });
  deps.handoff.surfaces = { desk, scheduler };
  const apiDeps = { desk, staff: deps.storage.staff, cannedReplies: deps.storage.cannedReplies, logger: deps.logger, clock: deps.clock, heartbeatMs: deps.sseHeartbeatMs };
  const mounts: HandoffWiring['mounts'] = [
    { path: '/api/mediator', app: createMediatorApi(apiDeps) as unknown as Hono },
    { path: '/api/admin', app: createAdminApi(apiDeps) as unknown as Hono },
    { path: '/console', app: createConsoleApp() },
  ];
  return { desk, scheduler, mounts };
}
