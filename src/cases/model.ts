/**
 * The case model: what intake and handoff create and change, and what every storage backend keeps
 * (records, drafts, evidence references, statuses, outcomes, history, staff). Storage implements
 * CaseStore and StaffStore; nothing here depends on how.
 */
import type { Category, Locale, ServiceTier } from '../core/types.js';

/** Where a case is in the union's process. */
export type CaseStatus = 'waiting' | 'active' | 'open' | 'closed';

/** How a closed case ended. */
export type CaseOutcome =
  | 'resolved'
  | 'referred_inspection'
  | 'referred_arbitration'
  | 'referred_legal_aid'
  | 'referred_court'
  | 'withdrawn'
  | 'no_response';

/** A piece of evidence as kept with a case. */
export interface EvidenceRef {
  /** sha256 of the content, hex. */
  sha256: string;
  name?: string;
  mimeType?: string;
  size: number;
  /** ISO time the bot received it. */
  receivedAt: string;
}

/** What intake (or a handoff request) hands over to create a case. */
export interface CaseDraft {
  userKey: string;
  channel: string;
  conversationKey: string;
  category: Category;
  /** Normalised slot answers. */
  facts: Record<string, unknown>;
  /** One-paragraph summary in the worker's language. */
  summary: string;
  anonymous: boolean;
  contact?: { phone?: string; name?: string };
  tier: ServiceTier;
  /** ISO time the tier promise falls due. */
  dueAt: string;
  /** Deadline warnings (arbitration, work-injury windows) as shown to the worker. */
  warnings: string[];
  locale: Locale;
  evidence: EvidenceRef[];
  /** Why the case exists when it did not come from a finished intake (e.g. `requested`, `crisis`). */
  origin?: string;
  /** Case starts in this status; default `open`. */
  status?: CaseStatus;
}

/** A stored case. */
export interface CaseRecord extends Omit<CaseDraft, 'evidence' | 'status'> {
  /** Case number, e.g. GY-2026-000123. */
  id: string;
  status: CaseStatus;
  createdAt: string;
  updatedAt: string;
  /** Mediator id who owns it, if any. */
  owner?: string;
  outcome?: CaseOutcome;
  /** Status note the worker sees in a progress query. */
  publicNote?: string;
  /** Next step shown to the worker. */
  nextStep?: string;
  /** Notes mediators keep for each other; never shown to the worker. */
  privateNotes?: PrivateNote[];
  /** Free labels mediators put on the case (e.g. 待回电, 需法援). */
  labels?: string[];
}

/** A mediator's private note on a case. */
export interface PrivateNote {
  at: string;
  /** Staff id who wrote it. */
  by: string;
  text: string;
}

/** One change to a case: who, when, what. */
export interface CaseHistoryEntry {
  caseId: string;
  at: string;
  actor: string;
  action: string;
  detail?: unknown;
}

/** Fields of a case that may change after creation. */
export type CasePatch = Partial<
  Pick<
    CaseRecord,
    | 'status'
    | 'owner'
    | 'outcome'
    | 'publicNote'
    | 'nextStep'
    | 'tier'
    | 'dueAt'
    | 'facts'
    | 'summary'
    | 'category'
    | 'warnings'
    | 'contact'
    | 'anonymous'
    | 'origin'
    | 'privateNotes'
    | 'labels'
  >
>;

/** Cases, their history and evidence. */
export interface CaseStore {
  /** Create a case with the next number for the year of `now`. */
  createCase(draft: CaseDraft, actor: string, now: Date): Promise<CaseRecord>;
  getCase(id: string): Promise<CaseRecord | undefined>;
  /** A worker's own cases, newest first. */
  listCasesByUser(userKeys: string[]): Promise<CaseRecord[]>;
  listCases(filter?: { status?: CaseStatus }): Promise<CaseRecord[]>;
  /**
   * Change a case and record it in the history in one transaction.
   * `expect` makes it conditional (e.g. claim only while `status` is `waiting`):
   * when the stored case does not match, nothing changes and undefined is returned.
   */
  updateCase(
    id: string,
    patch: CasePatch,
    actor: string,
    action: string,
    now: Date,
    expect?: Partial<Pick<CaseRecord, 'status' | 'owner'>>,
  ): Promise<CaseRecord | undefined>;
  history(id: string): Promise<CaseHistoryEntry[]>;
  addEvidence(caseId: string, evidence: EvidenceRef, actor: string, now: Date): Promise<void>;
  listEvidence(caseId: string): Promise<EvidenceRef[]>;
}

/** Staff accounts (mediators, admins) with bearer tokens stored hashed. */
export interface StaffUser {
  id: string;
  name: string;
  role: 'mediator' | 'admin' | 'supervisor';
  /** Display name or number shown to workers. */
  publicName?: string;
  skills?: string[];
  regions?: string[];
  slackUserId?: string;
  createdAt: string;
}

/** Staff accounts and audit log. */
export interface StaffStore {
  /** Create a user; returns the user and the clear token (shown once). */
  addUser(user: Omit<StaffUser, 'id' | 'createdAt'>, now: Date): Promise<{ user: StaffUser; token: string }>;
  findByToken(token: string): Promise<StaffUser | undefined>;
  getUser(id: string): Promise<StaffUser | undefined>;
  listUsers(): Promise<StaffUser[]>;
  audit(entry: { actor: string; action: string; target?: string; at: string; detail?: unknown }): Promise<void>;
  listAudit(limit?: number): Promise<Array<{ actor: string; action: string; target?: string; at: string; detail?: unknown }>>;
}

