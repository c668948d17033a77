/**
 * The service-tier clock. Each tick: cases that always need a person are
 * queued, queued cases nobody has announced yet are announced, overdue cases
 * are escalated to the mediators and, after a grace period, to a supervisor,
 * and the worker is told honestly. Each step happens once per queue entry
 * (recorded in the case history), so ticking often or after a restart is safe.
 */
import { tr } from '../core/i18n.js';
import type { Logger } from '../core/logger.js';
import type { Clock, OutgoingMessage, ReplyDraft } from '../core/types.js';
import type { CaseHistoryEntry, CaseRecord, CaseStore } from '../cases/model.js';
import { dueAt } from '../cases/tier.js';
import type { MediatorDesk } from './desk.js';
import { personNeededReason } from './needs-person.js';
import { WORKER_TEXT } from './texts.js';

/** Default time between the mediators' overdue notice and the supervisor's. */
export const DEFAULT_SUPERVISOR_GRACE_MS = 2 * 3600_000;
/** Default time after which an unclaimed crisis case goes to the supervisors (CRISIS_ESCALATION_MINUTES). */
export const DEFAULT_CRISIS_ESCALATION_MS = 10 * 60_000;
/** Default time between ticks in production. */
export const DEFAULT_TICK_INTERVAL_MS = 60_000;

/** History actions that put a case (back) in the queue; later steps count from the last of these. */
const QUEUE_ENTRIES = new Set(['created', 'handoff_requested', 'escalated_category', 'reassigned', 'crisis_raised']);

/** Options of the scheduler. */
export interface HandoffSchedulerOptions {
  cases: CaseStore;
  desk: MediatorDesk;
  delivery: { send(key: string, draft: ReplyDraft, author: string): Promise<OutgoingMessage> };
  clock: Clock;
  logger: Logger;
  calendar: { workingHours: { start: number; end: number }; holidays: string[] };
  supervisorGraceMs?: number;
  /** An unclaimed crisis case goes to the supervisors this long after it was raised. */
  crisisEscalationMs?: number;
  /** Retry undelivered messages each tick (delivery.retryUndelivered). */
  retryUndelivered?: () => Promise<number>;
  /** Other periodic work run each tick (the retention job); its failure does not stop the tick. */
  housekeeping?: () => Promise<void>;
}

/** What one tick did (case ids), for logs and tests. */
export interface TickReport {
  escalatedByCategory: string[];
  announced: string[];
  overdueMediators: string[];
  overdueSupervisor: string[];
  retried: number;
}

/** Entries since the case last entered the queue. */
function sinceLastQueued(history: CaseHistoryEntry[]): CaseHistoryEntry[] {
  let start = 0;
  history.forEach((h, i) => {
    if (QUEUE_ENTRIES.has(h.action)) start = i;
  });
  return history.slice(start);
}

/** Escalates overdue cases; `tick()` is called by tests, `start()` runs it on an interval. */
export class HandoffScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<TickReport>;

  constructor(private readonly options: HandoffSchedulerOptions) {}

  /** Run one pass; overlapping calls share the pass in flight. */
  tick(): Promise<TickReport> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Tick every `intervalMs` (timer unref'd so it never keeps the process alive). */
  start(intervalMs = DEFAULT_TICK_INTERVAL_MS): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.tick().catch((err: unknown) => this.options.logger.error({ err }, 'handoff scheduler tick failed'));
    }, intervalMs);
    this.timer.unref();
  }

  /** Stop ticking. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async pass(): Promise<TickReport> {
    const { cases } = this.options;
    const report: TickReport = { escalatedByCategory: [], announced: [], overdueMediators: [], overdueSupervisor: [], retried: 0 };
    if (this.options.retryUndelivered) report.retried = await this.options.retryUndelivered();
    await this.options.housekeeping?.().catch((err: unknown) => this.options.logger.error({ err }, 'housekeeping failed'));
    for (const record of await cases.listCases({ status: 'open' })) {
      if (!record.owner && (await this.escalateByCategory(record))) report.escalatedByCategory.push(record.id);
    }
    for (const status of ['waiting', 'active'] as const) {
      for (const record of await cases.listCases({ status })) {
        await this.follow(record, report);
      }
    }
    return report;
  }

  /** An open case that always needs a person goes to the queue (once in its life). */
  private async escalateByCategory(record: CaseRecord): Promise<boolean> {
    const reason = personNeededReason(record);
    if (!reason) return false;
    const history = await this.options.cases.history(record.id);
    if (history.some((h) => h.action === 'escalated_category' || h.action === 'released')) return false;
    const now = this.options.clock.now();
    const due = dueAt('same_day', now, this.options.calendar).toISOString();
    const queued = await this.options.cases.updateCase(record.id, { status: 'waiting', tier: 'same_day', dueAt: due }, 'system', 'escalated_category', now, {
      status: 'open',
      owner: undefined,
    });
    return queued !== undefined;
  }

  private async follow(record: CaseRecord, report: TickReport): Promise<void> {
    const { cases, clock, desk } = this.options;
    const now = clock.now();
    const recent = sinceLastQueued(await cases.history(record.id));
    const done = (action: string) => recent.some((h) => h.action === action);
    if (record.status === 'waiting' && !done('announced')) {
      await desk.announce(record, record.origin ?? 'queued');
      report.announced.push(record.id);
    }
    if (record.status === 'waiting' && record.origin === 'crisis' && !done('overdue_supervisor')) {
      // a crisis nobody has taken goes to the supervisors after minutes, not after the due time and a grace period
      const raisedAt = Date.parse(recent[0]?.at ?? record.createdAt);
      if (now.getTime() >= raisedAt + (this.options.crisisEscalationMs ?? DEFAULT_CRISIS_ESCALATION_MS)) {
        await cases.updateCase(record.id, {}, 'system', 'overdue_supervisor', now);
        desk.emit({ type: 'overdue', caseId: record.id, stage: 'supervisor', dueAt: record.dueAt, item: await desk.item(record, now) });
        report.overdueSupervisor.push(record.id);
        return;
      }
    }
    const due = Date.parse(record.dueAt);
    if (!(due < now.getTime())) return;
    if (!done('overdue_mediators')) {
      await cases.updateCase(record.id, {}, 'system', 'overdue_mediators', now);
      desk.emit({ type: 'overdue', caseId: record.id, stage: 'mediators', dueAt: record.dueAt, item: await desk.item(record, now) });
      if (record.status === 'waiting') await this.tellWorker(record, WORKER_TEXT.overdueMediators, 'overdue_notice');
      report.overdueMediators.push(record.id);
      return;
    }
    const grace = this.options.supervisorGraceMs ?? DEFAULT_SUPERVISOR_GRACE_MS;
    if (now.getTime() >= due + grace && !done('overdue_supervisor')) {
      await cases.updateCase(record.id, {}, 'system', 'overdue_supervisor', now);
      desk.emit({ type: 'overdue', caseId: record.id, stage: 'supervisor', dueAt: record.dueAt, item: await desk.item(record, now) });
      await this.tellWorker(record, WORKER_TEXT.overdueSupervisor, 'supervisor_notice');
      report.overdueSupervisor.push(record.id);
    }
  }

  private async tellWorker(record: CaseRecord, text: typeof WORKER_TEXT.overdueMediators, intent: string): Promise<void> {
    await this.options.delivery.send(record.conversationKey, { text: tr(record.locale, text, { id: record.id }), meta: { intent, caseId: record.id } }, 'bot');
  }
}
