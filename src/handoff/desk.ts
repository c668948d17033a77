/**
 * The mediator desk: every mediator action (queue, packet, claim, reply,
 * release, close, reassign, notes) with routing, compare-and-set ownership,
 * worker notices through delivery, and an audit entry for each read and action.
 */
import { EventEmitter } from 'node:events';
import type { ConversationState } from '../core/conversation-state.js';
import { GongyouError } from '../core/errors.js';
import { tr } from '../core/i18n.js';
import type { Logger } from '../core/logger.js';
import {
  MEDIATOR_OUTCOMES,
  type Assignee,
  type CasePage,
  type CaseQuery,
  type EvidenceFile,
  type CasePacket,
  type CollectiveGroup,
  type MediatorActions,
  type MediatorActor,
  type MediatorEvent,
  type MediatorOutcome,
  type QueueItem,
  type QueueStatus,
  type SatisfactionSummary,
} from '../core/mediator.js';
import type { Clock, IncomingMessage, OutgoingMessage, ReplyDraft } from '../core/types.js';
import type { CaseHistoryEntry, CaseRecord } from '../cases/model.js';
import type { LoggedMessage } from '../core/ports.js';
import type { Storage } from '../storage/types.js';
import { renderCaseFile } from './case-file.js';
import { buildPacket, PACKET_TRANSCRIPT_LIMIT } from './packet.js';
import { satisfactionScore } from '../cases/satisfaction.js';
import { assigneesFor, findCollectiveGroups, inScope, toQueueItem, waitingSince } from './queue.js';
import { evidenceId } from './packet.js';
import { priorityRank } from './priority.js';
import { matchesQuery, SAFE_EVIDENCE_TYPES } from './search.js';
import { SLACK_ACTOR_PREFIX, type HandoffService } from './service.js';
import { satisfactionChoices } from '../dialog/satisfaction.js';
import { OUTCOME_LABEL, WORKER_TEXT } from './texts.js';

/** Longest mediator message or note accepted. */
export const MAX_MEDIATOR_TEXT = 2000;
/** Most labels on one case, and the longest label. */
export const MAX_LABELS = 20;
export const MAX_LABEL_CHARS = 30;
/** Largest page of the queue. */
export const MAX_PAGE = 200;
/** Messages read from the end of a conversation for queue rows. */
const TAIL = 50;
/** History actions after which the worker's latest message is what raised a crisis. */
const CRISIS_ENTRIES = new Set(['created', 'handoff_requested', 'crisis_raised']);

/** Options of the desk. */
export interface MediatorDeskOptions {
  storage: Pick<Storage, 'cases' | 'messages' | 'staff' | 'blobs'>;
  handoff: HandoffService;
  /** The bot: changes conversation state queued behind the worker's turns. */
  conversations: { updateState(key: string, mutate: (state: ConversationState) => void): Promise<ConversationState> };
  /** Persist-then-send to the worker's own channel. */
  delivery: { send(key: string, draft: ReplyDraft, author: string): Promise<OutgoingMessage> };
  clock: Clock;
  logger: Logger;
  collective: { minCases: number; windowDays: number };
}

const bad = (message: string) => new GongyouError('bad_request', message);
const forbidden = (message: string) => new GongyouError('forbidden', message);

/** Mediator actions on top of storage, the bot and delivery. */
export class MediatorDesk implements MediatorActions {
  private readonly events = new EventEmitter<{ event: [MediatorEvent] }>();

  constructor(private readonly options: MediatorDeskOptions) {
    this.events.setMaxListeners(0);
    options.handoff.on('queued', (record, reason) => void this.announce(record, reason).catch((err: unknown) => this.warn(err, 'announce failed')));
    options.handoff.on('workerMessage', (record, message) => this.relayed(record, message));
  }

  /** Listen to events; returns the function that stops listening. */
  subscribe(listener: (event: MediatorEvent) => void): () => void {
    const safe = (event: MediatorEvent) => {
      try {
        listener(event);
      } catch (err) {
        this.warn(err, 'mediator event listener failed');
      }
    };
    this.events.on('event', safe);
    return () => void this.events.off('event', safe);
  }

  /** Tell surfaces about an event (the scheduler uses it for overdue notices). */
  emit(event: MediatorEvent): void {
    this.events.emit('event', event);
  }

  /** Put a case in front of mediators once per queue entry (recorded as `announced`). */
  async announce(record: CaseRecord, reason: string): Promise<void> {
    const now = this.options.clock.now();
    await this.options.storage.cases.updateCase(record.id, {}, 'system', 'announced', now);
    // A case the worker reopened goes to everyone's queue, and the mediator who closed it is named so
    // that each surface can tell them personally.
    const closedBy = reason === 'reopened' ? await this.lastCloser(record.id) : undefined;
    this.emit({ type: 'queued', caseId: record.id, item: await this.item(record, now), reason, ...(closedBy ? { closedBy } : {}) });
  }

  /** Who closed the case last (a staff id, or `slack:U…` for a Slack-only mediator). */
  private async lastCloser(caseId: string): Promise<string | undefined> {
    const history = await this.options.storage.cases.history(caseId);
    return history.filter((entry) => entry.action === 'closed').at(-1)?.actor;
  }

  async listCases(actor: MediatorActor, status: QueueStatus): Promise<QueueItem[]> {
    return (await this.query(actor, { status }, 'list_cases')).cases;
  }

  async searchCases(actor: MediatorActor, query: CaseQuery): Promise<CasePage> {
    return this.query(actor, query, query.q ? 'search_cases' : 'list_cases');
  }

  private async query(actor: MediatorActor, query: CaseQuery, action: string): Promise<CasePage> {
    const now = this.options.clock.now();
    const status = query.status ?? (query.q ? 'all' : 'waiting');
    const all = await this.options.storage.cases.listCases();
    const collective = this.collectiveIds(all, now);
    const list = (value: string | undefined) => (value ? new Set(value.split(',').map((v) => v.trim()).filter(Boolean)) : undefined);
    const [categories, tiers, channels, priorities, regions] = [list(query.category), list(query.tier), list(query.channel), list(query.priority), list(query.region)];
    const shown = all.filter(
      (c) =>
        (status === 'all' || c.status === status) &&
        inScope(actor, c) &&
        (!query.mine || c.owner === actor.id) &&
        (!categories || categories.has(c.category)) &&
        (!tiers || tiers.has(c.tier)) &&
        (!channels || channels.has(c.channel)),
    );
    let items = await Promise.all(shown.map(async (c) => ({ record: c, item: await this.item(c, now, collective) })));
    items = items.filter(
      ({ record, item }) =>
        (!priorities || priorities.has(item.priority)) &&
        (!regions || (item.region !== undefined && regions.has(item.region))) &&
        (!query.overdue || item.overdue) &&
        (!query.q || matchesQuery(query.q, record, item)),
    );
    const sort = query.sort ?? 'due';
    const byKey = (a: QueueItem, b: QueueItem): number => {
      if (sort === 'waiting') return a.waitingSince.localeCompare(b.waitingSince);
      if (sort === 'last_message') return (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? '');
      return a.dueAt.localeCompare(b.dueAt);
    };
    const sorted = items
      .map((x) => x.item)
      .sort((a, b) => priorityRank(a.priority === 'crisis' ? 'crisis' : 'normal') - priorityRank(b.priority === 'crisis' ? 'crisis' : 'normal') || byKey(a, b) || a.id.localeCompare(b.id));
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const limit = query.limit === undefined ? null : Math.min(MAX_PAGE, Math.max(1, Math.floor(query.limit)));
    const page = sorted.slice(offset, limit === null ? undefined : offset + limit);
    const detail: Record<string, unknown> = { status, count: page.length, total: sorted.length };
    if (query.q) detail.q = query.q;
    await this.audit(actor, action, undefined, detail);
    return { cases: page, total: sorted.length, offset, limit };
  }

  async evidenceFile(actor: MediatorActor, caseId: string, wanted: string): Promise<EvidenceFile> {
    const record = await this.visible(actor, caseId);
    const ref = (await this.options.storage.cases.listEvidence(record.id)).find((e) => evidenceId(e.sha256) === wanted);
    if (!ref) throw new GongyouError('not_found', `case ${caseId} has no evidence ${wanted}`);
    const data = await this.options.storage.blobs.get(ref.sha256);
    if (!data) throw new GongyouError('not_found', `the file of evidence ${wanted} is missing`);
    await this.audit(actor, 'read_evidence', caseId, { evidenceId: wanted, name: ref.name ?? null, sha256: ref.sha256 });
    const type = (ref.mimeType ?? '').toLowerCase().split(';')[0].trim();
    return { name: ref.name ?? `${wanted}`, mimeType: SAFE_EVIDENCE_TYPES.has(type) ? type : 'application/octet-stream', data };
  }

  async reopen(actor: MediatorActor, caseId: string): Promise<void> {
    const record = await this.visible(actor, caseId);
    if (record.status !== 'closed') throw bad(`case ${caseId} is not closed (status ${record.status})`);
    const now = this.options.clock.now();
    const reopened = await this.options.storage.cases.updateCase(caseId, { status: 'open', outcome: undefined, owner: undefined }, actor.id, 'reopened', now, {
      status: 'closed',
    });
    if (!reopened) throw new GongyouError('conflict', `case ${caseId} changed meanwhile; reload it`);
    await this.audit(actor, 'reopen', caseId);
    this.emit({ type: 'reopened', caseId, by: actor.id });
  }

  async addPrivateNote(actor: MediatorActor, caseId: string, text: string): Promise<void> {
    const clean = checkText(text, 'text');
    const record = await this.visible(actor, caseId);
    const now = this.options.clock.now();
    const notes = [...(record.privateNotes ?? []), { at: now.toISOString(), by: actor.id, text: clean }];
    await this.options.storage.cases.updateCase(caseId, { privateNotes: notes }, actor.id, 'private_note', now);
    await this.audit(actor, 'private_note', caseId, { length: clean.length });
  }

  async setLabels(actor: MediatorActor, caseId: string, labels: string[]): Promise<void> {
    if (!Array.isArray(labels) || labels.some((l) => typeof l !== 'string')) throw bad('"labels" must be a list of strings');
    const clean = [...new Set(labels.map((l) => l.trim()).filter(Boolean))];
    if (clean.length > MAX_LABELS) throw bad(`at most ${MAX_LABELS} labels`);
    if (clean.some((l) => l.length > MAX_LABEL_CHARS)) throw bad(`a label is at most ${MAX_LABEL_CHARS} characters`);
    await this.visible(actor, caseId);
    await this.options.storage.cases.updateCase(caseId, { labels: clean }, actor.id, 'labels', this.options.clock.now());
    await this.audit(actor, 'labels', caseId, { labels: clean });
  }

  async packet(actor: MediatorActor, caseId: string): Promise<CasePacket> {
    const record = await this.visible(actor, caseId);
    const packet = await this.buildPacket(record);
    await this.audit(actor, 'read_case', caseId);
    return packet;
  }

  async claim(actor: MediatorActor, caseId: string): Promise<QueueItem> {
    const record = await this.visible(actor, caseId);
    const now = this.options.clock.now();
    const won = await this.options.storage.cases.updateCase(caseId, { status: 'active', owner: actor.id }, actor.id, 'claimed', now, { status: 'waiting' });
    if (!won) {
      const current = (await this.options.storage.cases.getCase(caseId)) ?? record;
      if (current.status === 'active' && current.owner === actor.id) return this.item(current, now);
      await this.audit(actor, 'claim_refused', caseId, { status: current.status });
      if (current.status === 'active') throw new GongyouError('conflict', `case ${caseId} is owned by someone else`);
      throw bad(`case ${caseId} is not waiting (status ${current.status})`);
    }
    await this.audit(actor, 'claim', caseId);
    await this.takeOver(won, actor, WORKER_TEXT.joined);
    this.emit({ type: 'claimed', caseId, by: actor.id, owner: actor.id });
    return this.item(won, now);
  }

  async reply(actor: MediatorActor, caseId: string, text: string): Promise<void> {
    const body = checkText(text, 'text');
    const record = await this.visible(actor, caseId);
    if (record.status !== 'active' || record.owner !== actor.id) throw forbidden(`only the mediator who took case ${caseId} may write to the worker`);
    const authorName = await this.nameForWorkers(actor);
    await this.options.delivery.send(record.conversationKey, { text: body, meta: { intent: 'mediator_message', caseId, authorName } }, `mediator:${actor.id}`);
    await this.audit(actor, 'reply', caseId, { length: body.length });
    this.emit({ type: 'mediatorMessage', caseId, by: actor.id, text: body, at: this.options.clock.now().toISOString() });
  }

  async release(actor: MediatorActor, caseId: string, note?: string): Promise<void> {
    const clean = note === undefined ? undefined : checkText(note, 'note', true);
    const record = await this.visible(actor, caseId);
    if (record.status !== 'active') throw bad(`case ${caseId} is not taken over (status ${record.status})`);
    this.mustOwnOrSupervise(actor, record);
    const now = this.options.clock.now();
    const released = await this.options.storage.cases.updateCase(caseId, { status: 'open', owner: undefined }, actor.id, 'released', now, {
      status: 'active',
      owner: record.owner,
    });
    if (!released) throw new GongyouError('conflict', `case ${caseId} changed meanwhile; reload it`);
    await this.audit(actor, 'release', caseId, clean ? { note: clean } : undefined);
    await this.handBack(record, clean, false);
    this.emit({ type: 'released', caseId, by: actor.id });
  }

  async close(actor: MediatorActor, caseId: string, outcome: string, note?: string): Promise<void> {
    if (!(MEDIATOR_OUTCOMES as readonly string[]).includes(outcome)) throw bad(`unknown outcome "${outcome}"; use one of ${MEDIATOR_OUTCOMES.join(', ')}`);
    const clean = note === undefined ? undefined : checkText(note, 'note', true);
    const record = await this.visible(actor, caseId);
    if (record.status === 'closed') throw new GongyouError('conflict', `case ${caseId} is already closed`);
    // Closing needs the case's owner or a supervisor: a queued case nobody has claimed is not any
    // in-scope mediator's to close. A case handed back to the bot may be closed as before.
    if (record.owner) this.mustOwnOrSupervise(actor, record);
    else if (record.status === 'waiting' && actor.role === 'mediator') {
      throw forbidden(`case ${caseId} is waiting and nobody has claimed it: claim it first, or ask a supervisor to close it`);
    }
    const now = this.options.clock.now();
    const closed = await this.options.storage.cases.updateCase(caseId, { status: 'closed', outcome: outcome as MediatorOutcome }, actor.id, 'closed', now, {
      status: record.status,
      owner: record.owner,
    });
    if (!closed) throw new GongyouError('conflict', `case ${caseId} changed meanwhile; reload it`);
    await this.audit(actor, 'close', caseId, { outcome, ...(clean ? { note: clean } : {}) });
    await this.handBack(record, clean, true, outcome as MediatorOutcome);
    this.emit({ type: 'closed', caseId, by: actor.id, outcome: outcome as MediatorOutcome });
  }

  async reassign(actor: MediatorActor, caseId: string, toStaffId: string): Promise<void> {
    if (actor.role === 'mediator') throw forbidden('only a supervisor or admin may reassign cases');
    const record = await this.visible(actor, caseId);
    if (record.status === 'closed') throw bad(`case ${caseId} is closed`);
    const target = await this.options.storage.staff.getUser(toStaffId);
    if (!target) throw bad(`no staff member with id ${toStaffId}`);
    const now = this.options.clock.now();
    const moved = await this.options.storage.cases.updateCase(caseId, { status: 'active', owner: target.id }, actor.id, 'reassigned', now, {
      status: record.status,
      owner: record.owner,
    });
    if (!moved) throw new GongyouError('conflict', `case ${caseId} changed meanwhile; reload it`);
    await this.audit(actor, 'reassign', caseId, { from: record.owner ?? null, to: target.id });
    await this.takeOver(moved, target, WORKER_TEXT.reassigned);
    this.emit({ type: 'reassigned', caseId, by: actor.id, owner: target.id });
  }

  async assignees(actor: MediatorActor, caseId: string): Promise<Assignee[]> {
    if (actor.role === 'mediator') throw forbidden('only a supervisor or admin may reassign cases');
    const record = await this.visible(actor, caseId);
    const list = assigneesFor(record, await this.options.storage.staff.listUsers());
    await this.audit(actor, 'list_assignees', caseId, { count: list.length });
    return list;
  }

  async setPublicNote(actor: MediatorActor, caseId: string, note: string): Promise<void> {
    const clean = checkText(note, 'note');
    const record = await this.visible(actor, caseId);
    if (record.owner) this.mustOwnOrSupervise(actor, record);
    await this.options.storage.cases.updateCase(caseId, { publicNote: clean }, actor.id, 'public_note', this.options.clock.now());
    await this.audit(actor, 'public_note', caseId);
    this.emit({ type: 'note', caseId, by: actor.id, note: clean });
  }

  async caseFile(actor: MediatorActor, caseId: string): Promise<string> {
    const record = await this.visible(actor, caseId);
    const packet = await this.buildPacket(record);
    await this.audit(actor, 'case_file', caseId);
    return renderCaseFile(packet, { generatedAt: this.options.clock.now().toISOString(), by: actor.name, outcome: record.outcome });
  }

  async collectiveGroups(actor: MediatorActor): Promise<CollectiveGroup[]> {
    const all = await this.options.storage.cases.listCases();
    const groups = findCollectiveGroups(all, { ...this.options.collective, now: this.options.clock.now() });
    await this.audit(actor, 'list_collective');
    return groups
      .map(({ members, ...shared }) => ({ ...shared, caseIds: members.filter((c) => inScope(actor, c)).map((c) => c.id) }))
      .filter((g) => g.caseIds.length > 0);
  }

  async satisfaction(actor: MediatorActor): Promise<SatisfactionSummary> {
    const closed = await this.options.storage.cases.listCases({ status: 'closed' });
    const byScore: SatisfactionSummary['byScore'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    let total = 0;
    let answered = 0;
    for (const c of closed.filter((x) => inScope(actor, x))) {
      const score = satisfactionScore(await this.options.storage.cases.history(c.id));
      if (score === undefined || score < 1 || score > 5) continue;
      byScore[String(score) as keyof typeof byScore] += 1;
      total += score;
      answered += 1;
    }
    await this.audit(actor, 'read_satisfaction');
    return { answered, average: answered ? Math.round((total / answered) * 100) / 100 : null, byScore };
  }

  async canSee(actor: MediatorActor, caseId: string): Promise<boolean> {
    const record = await this.options.storage.cases.getCase(caseId);
    return record !== undefined && inScope(actor, record);
  }

  async slackUserOf(actorId: string): Promise<string | undefined> {
    if (actorId.startsWith(SLACK_ACTOR_PREFIX)) return actorId.slice(SLACK_ACTOR_PREFIX.length);
    return (await this.options.storage.staff.getUser(actorId))?.slackUserId;
  }

  async actorForSlackUser(slackUserId: string): Promise<MediatorActor> {
    const staff = (await this.options.storage.staff.listUsers()).find((u) => u.slackUserId === slackUserId);
    if (staff) return staff;
    return { id: `${SLACK_ACTOR_PREFIX}${slackUserId}`, name: slackUserId, role: 'mediator' };
  }

  /** A queue row for one case (collective flag computed when not given). */
  async item(record: CaseRecord, now: Date, collective?: Set<string>): Promise<QueueItem> {
    const [history, tail] = await Promise.all([
      this.options.storage.cases.history(record.id),
      this.options.storage.messages.transcript(record.conversationKey, TAIL),
    ]);
    const flags = collective ?? this.collectiveIds(await this.options.storage.cases.listCases(), now);
    const ownerName = record.owner ? await this.options.handoff.ownerName(record.owner) : undefined;
    const trigger = await this.crisisMessage(record, history, tail);
    const item = toQueueItem(record, { now, since: waitingSince(record, history), collective: flags.has(record.id), ownerName, summary: trigger });
    if (record.labels?.length) item.labels = [...record.labels];
    const last = tail.at(-1);
    if (last) item.lastMessageAt = last.at;
    const fromWorker = tail.filter((m) => m.direction === 'in').at(-1);
    if (fromWorker) item.lastWorkerMessageAt = fromWorker.at;
    return item;
  }

  /**
   * The worker's message that raised a crisis case: their last message up to the moment the case
   * became a crisis (creation, re-queue or crisis_raised), not the chit-chat before it.
   */
  private async crisisMessage(record: CaseRecord, history: CaseHistoryEntry[], tail?: LoggedMessage[]): Promise<string | undefined> {
    if (record.origin !== 'crisis') return undefined;
    const raisedAt = history.filter((h) => CRISIS_ENTRIES.has(h.action)).at(-1)?.at ?? record.createdAt;
    const pick = (lines: LoggedMessage[]) => lines.filter((m) => m.direction === 'in' && m.at <= raisedAt && m.message.text.trim()).at(-1)?.message.text;
    return (tail && pick(tail)) ?? pick(await this.options.storage.messages.transcript(record.conversationKey)) ?? undefined;
  }

  /** Staff id → the name workers and colleagues see (public name first). */
  private async staffNames(): Promise<Map<string, string>> {
    const users = await this.options.storage.staff.listUsers();
    return new Map(users.map((u) => [u.id, u.publicName ?? u.name]));
  }

  /** Write one audit entry (who, what, when). */
  async audit(actor: MediatorActor | string, action: string, target?: string, detail?: unknown): Promise<void> {
    const entry: { actor: string; action: string; at: string; target?: string; detail?: unknown } = {
      actor: typeof actor === 'string' ? actor : actor.id,
      action,
      at: this.options.clock.now().toISOString(),
    };
    if (target !== undefined) entry.target = target;
    if (detail !== undefined) entry.detail = detail;
    await this.options.storage.staff.audit(entry);
  }

  private collectiveIds(all: CaseRecord[], now: Date): Set<string> {
    const groups = findCollectiveGroups(all, { ...this.options.collective, now });
    return new Set(groups.flatMap((g) => g.members.map((m) => m.id)));
  }

  private async buildPacket(record: CaseRecord): Promise<CasePacket> {
    const { cases, messages } = this.options.storage;
    const [history, evidence, transcript] = await Promise.all([
      cases.history(record.id),
      cases.listEvidence(record.id),
      messages.transcript(record.conversationKey, PACKET_TRANSCRIPT_LIMIT),
    ]);
    const [item, names, trigger] = await Promise.all([this.item(record, this.options.clock.now()), this.staffNames(), this.crisisMessage(record, history, transcript)]);
    return buildPacket({ record, item, history, evidence, transcript, names, trigger });
  }

  private async visible(actor: MediatorActor, caseId: string): Promise<CaseRecord> {
    const record = await this.options.storage.cases.getCase(caseId);
    if (!record) throw new GongyouError('not_found', `case ${caseId} does not exist`);
    if (!inScope(actor, record)) {
      await this.audit(actor, 'denied_out_of_scope', caseId);
      throw forbidden(`case ${caseId} is outside your routing scope`);
    }
    return record;
  }

  private mustOwnOrSupervise(actor: MediatorActor, record: CaseRecord): void {
    if (record.owner !== actor.id && actor.role === 'mediator') throw forbidden(`case ${record.id} belongs to another mediator`);
  }

  /** The name a worker sees for this mediator: the public name first. */
  private async nameForWorkers(actor: MediatorActor): Promise<string> {
    return actor.publicName ?? (await this.options.handoff.ownerName(actor.id)) ?? actor.name;
  }

  /** The mediator joins: the bot falls silent and the worker learns who is there. */
  private async takeOver(record: CaseRecord, actor: MediatorActor, text: typeof WORKER_TEXT.joined): Promise<void> {
    await this.options.conversations.updateState(record.conversationKey, (s) => {
      s.mode = 'mediator';
      s.activeCaseId = record.id;
      s.offeredHandoff = false;
    });
    const name = await this.nameForWorkers(actor);
    await this.options.delivery.send(
      record.conversationKey,
      { text: tr(record.locale, text, { name, id: record.id }), meta: { intent: 'mediator_joined', caseId: record.id, authorName: name } },
      `mediator:${actor.id}`,
    );
  }

  /** The bot takes the conversation back, keeping the notes; a close also asks the satisfaction question. */
  private async handBack(record: CaseRecord, note: string | undefined, closing: boolean, outcome?: MediatorOutcome): Promise<void> {
    const choices = closing ? satisfactionChoices(record.id, record.locale) : undefined;
    const state = await this.options.conversations.updateState(record.conversationKey, (s) => {
      if (s.activeCaseId === record.id) s.mode = 'bot';
      if (note) s.mediatorNotes = [...s.mediatorNotes, note].slice(-20);
      if (choices) s.lastChoices = choices;
    });
    const locale = record.locale;
    const author = 'bot';
    if (closing && outcome) {
      const lines = [tr(locale, WORKER_TEXT.closed, { id: record.id, outcome: tr(locale, OUTCOME_LABEL[outcome]) })];
      if (note) lines.push(tr(locale, WORKER_TEXT.closedNote, { note }));
      lines.push(tr(locale, WORKER_TEXT.satisfactionAsk));
      await this.options.delivery.send(record.conversationKey, { text: lines.join('\n'), choices, meta: { intent: 'case_closed', caseId: record.id } }, author);
      return;
    }
    const lines = [tr(locale, WORKER_TEXT.left, { id: record.id })];
    if (state.intake) lines.push(tr(locale, WORKER_TEXT.resumeIntake));
    await this.options.delivery.send(record.conversationKey, { text: lines.join('\n'), meta: { intent: 'mediator_left', caseId: record.id } }, author);
  }

  private relayed(record: CaseRecord, message: IncomingMessage): void {
    this.emit({
      type: 'workerMessage',
      caseId: record.id,
      owner: record.owner,
      text: message.text,
      attachments: message.attachments.length,
      at: message.receivedAt.toISOString(),
    });
  }

  private warn(err: unknown, what: string): void {
    this.options.logger.warn({ err }, what);
  }
}

/** Trim and check a mediator's text; an optional note may be empty (then it is simply not kept). */
function checkText(value: unknown, field: string, optional = false): string {
  if (typeof value !== 'string') throw bad(`"${field}" must be a string`);
  const text = value.trim();
  if (!text && !optional) throw bad(`"${field}" is empty`);
  if (text.length > MAX_MEDIATOR_TEXT) throw bad(`"${field}" is longer than ${MAX_MEDIATOR_TEXT} characters`);
  return text;
}
