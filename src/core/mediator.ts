/**
 * What mediator surfaces (web console, Slack) may do with cases. Types only:
 * adapters import this module and never reach into storage or the handoff
 * service. Failures are GongyouErrors (errors.ts): `not_found`, `forbidden`,
 * `conflict` (someone else owns the case), `bad_request`.
 */
import type { Category, Citation, Locale, ServiceTier } from './types.js';

/** Roles of staff; supervisors and admins may reassign and see every case. */
export type MediatorRole = 'mediator' | 'supervisor' | 'admin';

/** Who is acting: a staff account (or a Slack user allowed by configuration). */
export interface MediatorActor {
  id: string;
  name: string;
  role: MediatorRole;
  /** Name or number shown to workers when this person joins. */
  publicName?: string;
  /** Categories this person handles; none means all. */
  skills?: string[];
  /** Regions this person handles; none means all. */
  regions?: string[];
}

/** How a case can end (same values as CaseOutcome in storage). */
export const MEDIATOR_OUTCOMES = [
  'resolved',
  'referred_inspection',
  'referred_arbitration',
  'referred_legal_aid',
  'referred_court',
  'withdrawn',
  'no_response',
] as const;

/** One outcome value. */
export type MediatorOutcome = (typeof MEDIATOR_OUTCOMES)[number];

/** Queue filter; `open` = handed back to the bot (or never queued) and not closed (跟进中). */
export type QueueStatus = 'waiting' | 'active' | 'open' | 'closed';

/** How soon a case needs a person: a crisis (self-harm, violence, emergency) first, then same-day matters. */
export type CasePriority = 'crisis' | 'urgent' | 'normal';

/** One row of the queue, without the worker's personal details. */
export interface QueueItem {
  id: string;
  status: 'waiting' | 'active' | 'open' | 'closed';
  tier: ServiceTier;
  /** `crisis` (raised by the crisis guard), `urgent` (same-day reasons) or `normal`. */
  priority: CasePriority;
  dueAt: string;
  category: Category;
  channel: string;
  /** One line about the case: for a crisis the worker's message that raised it. */
  summary?: string;
  /** Why the case reached a person (`requested`, `crisis`, `intake` …). */
  origin?: string;
  /** When the case entered the queue (creation time if never re-queued). */
  waitingSince: string;
  /** Minutes the worker has waited so far. */
  waitedMinutes: number;
  overdue: boolean;
  /** Part of a possible collective issue. */
  collective: boolean;
  owner?: string;
  ownerName?: string;
  outcome?: string;
  region?: string;
  /** Labels mediators put on the case. */
  labels?: string[];
  /** Time of the last message in the conversation, either way. */
  lastMessageAt?: string;
  /** Time of the worker's last message (for unread markers). */
  lastWorkerMessageAt?: string;
}

/** Search, filters, sort and paging of the queue (`GET /api/mediator/cases`). */
export interface CaseQuery {
  /** One status, or `all`; default `waiting`, or `all` when `q` is given. */
  status?: QueueStatus | 'all';
  /** Words matched against case number, phone (last digits), name, station, platform and summary. */
  q?: string;
  /** Only cases the actor owns. */
  mine?: boolean;
  category?: string;
  region?: string;
  tier?: string;
  overdue?: boolean;
  channel?: string;
  priority?: string;
  /** `due` (default), `waiting` (longest wait first) or `last_message` (newest first); crisis cases first in each. */
  sort?: 'due' | 'waiting' | 'last_message';
  limit?: number;
  offset?: number;
}

/** One page of the queue and how many cases matched in all. */
export interface CasePage {
  cases: QueueItem[];
  total: number;
  offset: number;
  limit: number | null;
}

/** An evidence file as the API serves it. */
export interface EvidenceFile {
  name: string;
  mimeType: string;
  data: Buffer;
}

/** An intake answer in words: the slot's label and the value as a person would write it. */
export interface FactLine {
  slot: string;
  label: { 'zh-CN': string; en: string };
  value: { 'zh-CN': string; en: string };
}

/** One line of the conversation as the mediator reads it. */
export interface TranscriptLine {
  at: string;
  direction: 'in' | 'out';
  /** `worker`, `bot` or `mediator:<id>`. */
  author: string;
  /** A mediator's public name (or name) for `mediator:<id>` lines. */
  authorName?: string;
  text: string;
  delivered: boolean;
}

/** Everything a mediator needs to act on a case without asking the worker again. */
export interface CasePacket {
  item: QueueItem;
  summary: string;
  /** Intake answers as collected. */
  facts: Record<string, unknown>;
  /** Intake answers in words (slot labels and plain values), in the category's asking order. */
  factLines: FactLine[];
  /** `id` addresses the file at `/api/mediator/cases/:id/evidence/:evidenceId` (`url`). */
  evidence: Array<{ id: string; url: string; sha256: string; name?: string; mimeType?: string; size: number; receivedAt: string }>;
  /** Articles the bot cited in this conversation. */
  citations: Citation[];
  transcript: TranscriptLine[];
  /** Why it was escalated: origin and the case history. */
  escalation: { origin?: string; history: Array<{ at: string; actor: string; actorName?: string; action: string }> };
  /** Deadline warnings (arbitration, work injury). */
  warnings: string[];
  contact?: { phone?: string; name?: string };
  anonymous: boolean;
  publicNote?: string;
  satisfaction?: number;
  /** Notes mediators keep for each other; never shown to the worker. */
  privateNotes: Array<{ at: string; by: string; byName?: string; text: string }>;
  labels: string[];
  /** The language the worker reads (canned replies in it are offered first). */
  locale: Locale;
}

/** A possible collective issue: only the shared fields and counts, grouped by platform × city (× station when known). */
export interface CollectiveGroup {
  /** `platform` for platform × city groups; `employer` when only an employer (no platform) ties the cases. */
  field: 'platform' | 'station' | 'employer';
  /** Display value, e.g. "美团 · 北京市 · 望京站". */
  value: string;
  category: Category;
  /** Canonical platform (or employer) name (typos such as 没团 → 美团 folded). */
  platform: string;
  /** City, or null when the cases do not say. */
  city: string | null;
  /** Station, when the cases name one. */
  station?: string;
  /** Number of cases. */
  count: number;
  /** Workers affected, counting what each intake says (at least 1 per case). */
  workers: number;
  /** Cases of the group the viewer may open. */
  caseIds: string[];
}

/** A staff member a case can be given to, named as colleagues know them. */
export interface Assignee {
  id: string;
  name: string;
  /** The name or number workers see. */
  publicName?: string;
  role: MediatorRole;
  /** Owns the case now. */
  current: boolean;
}

/** Satisfaction answers after closing. */
export interface SatisfactionSummary {
  answered: number;
  average: number | null;
  /** Count per score 1–5. */
  byScore: Record<'1' | '2' | '3' | '4' | '5', number>;
}

/** Something mediators should see at once (queue and case updates). */
export type MediatorEvent =
  /** `closedBy`: for a case the worker reopened, the mediator who had closed it. */
  | { type: 'queued'; caseId: string; item: QueueItem; reason: string; closedBy?: string }
  | { type: 'claimed' | 'released' | 'reassigned' | 'reopened'; caseId: string; by: string; owner?: string }
  | { type: 'closed'; caseId: string; by: string; outcome: MediatorOutcome }
  | { type: 'note'; caseId: string; by: string; note: string }
  | { type: 'workerMessage'; caseId: string; owner?: string; text: string; attachments: number; at: string }
  | { type: 'mediatorMessage'; caseId: string; by: string; text: string; at: string }
  | { type: 'overdue'; caseId: string; stage: 'mediators' | 'supervisor'; dueAt: string; item: QueueItem }
  /** A message could not reach the worker (e.g. WeChat's 48-hour window); it waits for the worker's next contact. */
  | { type: 'undeliverable'; caseId: string; text: string; reason: string; at: string };

/** The mediator actions the handoff service implements for every surface. */
export interface MediatorActions {
  /** Cases this actor may see, crisis first, then oldest due first. */
  listCases(actor: MediatorActor, status: QueueStatus): Promise<QueueItem[]>;
  /** Search, filter, sort and page the cases this actor may see. */
  searchCases(actor: MediatorActor, query: CaseQuery): Promise<CasePage>;
  /** An evidence file of a case (read is audited). */
  evidenceFile(actor: MediatorActor, caseId: string, evidenceId: string): Promise<EvidenceFile>;
  /** Reopen a closed case (status `open`, audited). */
  reopen(actor: MediatorActor, caseId: string): Promise<void>;
  /** Add a note for mediators only (never shown to the worker). */
  addPrivateNote(actor: MediatorActor, caseId: string, text: string): Promise<void>;
  /** Replace the case's labels. */
  setLabels(actor: MediatorActor, caseId: string, labels: string[]): Promise<void>;
  /** The handoff packet (read is audited). */
  packet(actor: MediatorActor, caseId: string): Promise<CasePacket>;
  /** Take a waiting case; exactly one of several concurrent claims wins. */
  claim(actor: MediatorActor, caseId: string): Promise<QueueItem>;
  /** Send a message to the worker (owner only). */
  reply(actor: MediatorActor, caseId: string, text: string): Promise<void>;
  /** Hand the conversation back to the bot, with notes the bot keeps in context. */
  release(actor: MediatorActor, caseId: string, note?: string): Promise<void>;
  /** Close with an outcome; the worker is told and asked one satisfaction question. */
  close(actor: MediatorActor, caseId: string, outcome: string, note?: string): Promise<void>;
  /** Give the case to another staff member (supervisor/admin). */
  reassign(actor: MediatorActor, caseId: string, toStaffId: string): Promise<void>;
  /** Staff whose routing scope includes the case, to choose from when reassigning (supervisor/admin). */
  assignees(actor: MediatorActor, caseId: string): Promise<Assignee[]>;
  /** Status note the worker sees in a progress query. */
  setPublicNote(actor: MediatorActor, caseId: string, note: string): Promise<void>;
  /** Printable HTML case file (for referrals). */
  caseFile(actor: MediatorActor, caseId: string): Promise<string>;
  /** Possible collective issues in the actor's scope. */
  collectiveGroups(actor: MediatorActor): Promise<CollectiveGroup[]>;
  satisfaction(actor: MediatorActor): Promise<SatisfactionSummary>;
  /** Whether the actor may see the case (routing scope); false for an unknown case. */
  canSee(actor: MediatorActor, caseId: string): Promise<boolean>;
  /** The actor for a Slack user (a staff account linked by slackUserId, else a plain mediator). */
  actorForSlackUser(slackUserId: string): Promise<MediatorActor>;
  /** The Slack user a staff id (or a Slack-only mediator's `slack:U…` id) stands for, to mention them. */
  slackUserOf(actorId: string): Promise<string | undefined>;
  /** Listen to events; returns the function that stops listening. */
  subscribe(listener: (event: MediatorEvent) => void): () => void;
}
