/**
 * Handoff requests from the dialog: put the worker's case in the mediator
 * queue (creating one when there is none), and pass on messages while a
 * mediator owns the conversation.
 */
import { EventEmitter } from 'node:events';
import type { Clock, IncomingMessage, ServiceTier } from '../core/types.js';
import { tr, type BiText } from '../core/i18n.js';
import type { CaseRecord, CaseStore, EvidenceRef, StaffStore } from '../cases/model.js';
import type { HandoffPort, HandoffRequest } from '../dialog/services.js';
import { dueAt } from '../cases/tier.js';
import type { MediatorDesk } from './desk.js';
import type { HandoffScheduler } from './scheduler.js';
import { CRISIS_DUE_MINUTES, CRISIS_ORIGINS, URGENT_ORIGINS } from './priority.js';

/** Events mediator surfaces (Slack, web console) listen to. */
export interface HandoffEvents {
  /** A case entered the queue (new or re-queued). */
  queued: [CaseRecord, string];
  /** A worker wrote while a mediator owns the case. */
  workerMessage: [CaseRecord, IncomingMessage, EvidenceRef[]];
}

/** Owner ids of mediators acting from Slack without a staff account. */
export const SLACK_ACTOR_PREFIX = 'slack:';

/** Reasons that make the case urgent (same-day tier). */
const URGENT = new Set([...CRISIS_ORIGINS, ...URGENT_ORIGINS]);

const QUEUED: BiText = {
  'zh-CN':
    '已为您转接工会调解员，案件编号 {id}。\n我们会在 {due} 前回复您（工作时间内处理）。调解员接手后会直接在这里和您说话，您也可以随时发送“查进度”。',
  en:
    'You are being connected to a union mediator. Case number {id}.\nWe will reply by {due} (handled in working hours). The mediator will write to you right here; send "查进度" any time to check progress.',
};
const ALREADY: BiText = {
  'zh-CN': '您的案件 {id} 已经在调解员队列里了，{status}。有新情况可以直接发在这里，我们会一起转给调解员。',
  en: 'Your case {id} is already in the mediators’ queue ({status}). Send any new details here and they will be passed on.',
};
const STATUS_TEXT: Record<string, BiText> = {
  waiting: { 'zh-CN': '正在等待调解员接手', en: 'waiting for a mediator' },
  active: { 'zh-CN': '调解员正在处理', en: 'a mediator is handling it' },
};

/** Options of the handoff service. */
export interface HandoffServiceOptions {
  cases: CaseStore;
  staff: StaffStore;
  clock: Clock;
  calendar: { workingHours: { start: number; end: number }; holidays: string[] };
  /** Offset of local time from UTC in hours (China: 8), for showing due times. */
  utcOffsetHours?: number;
}

/** The handoff service: implements the dialog's HandoffPort and emits events for mediator surfaces. */
export class HandoffService extends EventEmitter<HandoffEvents> implements HandoffPort {
  /** The mediator desk and scheduler, attached by the composition root (tests reach them here). */
  surfaces?: { desk: MediatorDesk; scheduler: HandoffScheduler };

  constructor(private readonly options: HandoffServiceOptions) {
    super();
  }

  /** Local wall-clock text of an ISO time, e.g. 2026-11-23 18:00. */
  formatTime(iso: string): string {
    const offset = (this.options.utcOffsetHours ?? 8) * 3600_000;
    return new Date(Date.parse(iso) + offset).toISOString().slice(0, 16).replace('T', ' ');
  }

  /** Queue the worker's case for a mediator. */
  async request(input: HandoffRequest): Promise<{ caseRecord: CaseRecord; text: string }> {
    const { cases, clock } = this.options;
    const now = clock.now();
    const existing = (input.caseId ? await cases.getCase(input.caseId) : undefined) ?? (await this.openCaseOf(input.userKey));
    if (existing && existing.status !== 'closed' && existing.userKey === input.userKey) {
      if (existing.status === 'waiting' || existing.status === 'active') {
        if (CRISIS_ORIGINS.has(input.reason) && existing.origin !== input.reason) {
          // a crisis on a case already queued or taken: it becomes a crisis case, due within the hour
          const raised = await cases.updateCase(
            existing.id,
            { origin: input.reason, tier: 'same_day', dueAt: this.due('same_day', now, true) },
            `worker:${input.userKey}`,
            'crisis_raised',
            now,
          );
          if (raised?.status === 'waiting') this.emit('queued', raised, input.reason);
          const status = tr(input.locale, STATUS_TEXT[existing.status]);
          return { caseRecord: raised ?? existing, text: tr(input.locale, ALREADY, { id: existing.id, status }) };
        }
        const status = tr(input.locale, STATUS_TEXT[existing.status]);
        return { caseRecord: existing, text: tr(input.locale, ALREADY, { id: existing.id, status }) };
      }
      const tier: ServiceTier = URGENT.has(input.reason) ? 'same_day' : existing.tier;
      const crisis = CRISIS_ORIGINS.has(input.reason);
      const updated = await cases.updateCase(
        existing.id,
        { status: 'waiting', tier, dueAt: this.due(tier, now, crisis), ...(crisis ? { origin: input.reason } : {}) },
        `worker:${input.userKey}`,
        'handoff_requested',
        now,
      );
      const record = updated ?? existing;
      this.emit('queued', record, input.reason);
      return { caseRecord: record, text: tr(input.locale, QUEUED, { id: record.id, due: this.formatTime(record.dueAt) }) };
    }
    const tier: ServiceTier = URGENT.has(input.reason) ? 'same_day' : 'three_days';
    const created = await cases.createCase(
      {
        userKey: input.userKey,
        channel: input.channel,
        conversationKey: input.conversationKey,
        category: input.category ?? 'other',
        facts: {},
        summary: input.summary ?? '',
        anonymous: true,
        tier,
        dueAt: this.due(tier, now, CRISIS_ORIGINS.has(input.reason)),
        warnings: [],
        locale: input.locale,
        evidence: [],
        origin: input.reason,
        status: 'waiting',
      },
      `worker:${input.userKey}`,
      now,
    );
    this.emit('queued', created, input.reason);
    return { caseRecord: created, text: tr(input.locale, QUEUED, { id: created.id, due: this.formatTime(created.dueAt) }) };
  }

  /** When a queued case falls due: a crisis within the hour at any time of day, else by the tier's working-time promise. */
  private due(tier: ServiceTier, now: Date, crisis: boolean): string {
    if (crisis) return new Date(now.getTime() + CRISIS_DUE_MINUTES * 60_000).toISOString();
    return dueAt(tier, now, this.options.calendar).toISOString();
  }

  /** A worker's message while a mediator owns the case: evidence goes to the case, mediators are told. */
  async relayFromWorker(caseId: string, message: IncomingMessage, evidence: EvidenceRef[]): Promise<void> {
    const record = await this.options.cases.getCase(caseId);
    if (!record) return;
    for (const e of evidence) await this.options.cases.addEvidence(caseId, e, `worker:${message.userKey}`, this.options.clock.now());
    this.emit('workerMessage', record, message, evidence);
  }

  /** The name a mediator chose to show workers (a Slack-only mediator shows their Slack id). */
  async ownerName(ownerId: string): Promise<string | undefined> {
    const user = await this.options.staff.getUser(ownerId);
    if (user) return user.publicName ?? user.name;
    return ownerId.startsWith(SLACK_ACTOR_PREFIX) ? ownerId.slice(SLACK_ACTOR_PREFIX.length) : undefined;
  }

  /** The worker's newest case that is still open, so a second request never opens a duplicate. */
  private async openCaseOf(userKey: string): Promise<CaseRecord | undefined> {
    const mine = await this.options.cases.listCasesByUser([userKey]);
    return mine.find((c) => c.status !== 'closed');
  }
}
