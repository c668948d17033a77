/** What the dialog middleware needs from the rest of the system (ports the composition root fills). */
import type { Category, IncomingMessage, Locale } from '../core/types.js';
import type { QaAnswer } from '../qa/types.js';
import type { TurnContext } from '../core/pipeline.js';
import type { BlobStore } from '../core/ports.js';
import type { CaseRecord, CaseStore, EvidenceRef } from '../cases/model.js';
import type { Understanding } from './understand.js';

/** A grounded answer to a legal question (the answer service's own type). */
export type QaAnswerPort = QaAnswer;

/** Legal Q&A as the dialog sees it. */
export interface QaPort {
  /** `screened`: what the understanding step already decided for this text (danger, scope); not decided again. */
  answer(question: string, options: { locale: Locale; history?: string[]; place?: string; screened?: ReadonlyArray<'crisis' | 'scope'> }): Promise<QaAnswerPort>;
}

/** Input of a handoff request. */
export interface HandoffRequest {
  userKey: string;
  channel: string;
  conversationKey: string;
  locale: Locale;
  /** Why: `requested`, `low_confidence`, `crisis`, `sensitive`, `rejected_answers`, `tier` … */
  reason: string;
  category?: Category;
  summary?: string;
  /** Reuse this case instead of creating one. */
  caseId?: string;
}

/** Handoff to mediators as the dialog sees it. */
export interface HandoffPort {
  /** Queue a case (reusing the worker's open one); returns the case and the text telling the worker what happens next. */
  request(input: HandoffRequest): Promise<{ caseRecord: CaseRecord; text: string }>;
  /** While a mediator owns the conversation, pass a worker's message on. */
  relayFromWorker(caseId: string, message: IncomingMessage, evidence: EvidenceRef[]): Promise<void>;
  /** Display name of a staff member for progress queries. */
  ownerName(ownerId: string): Promise<string | undefined>;
}

/** Why a linking code was refused; a lockout says how long it lasts. */
export type LinkFailure =
  | { ok: false; reason: 'invalid' | 'expired' | 'same_identity' }
  | { ok: false; reason: 'too_many_attempts'; retryAfterMinutes?: number };

/** Linked channel identities of one worker ("绑定"); the identity itself when none are linked. */
export interface IdentityPort {
  linkedUserKeys(userKey: string): Promise<string[]>;
  /** A one-time code to link this identity with another channel's (the conversation is told when it is used). */
  issueCode(userKey: string, conversationKey?: string): Promise<string>;
  /** Redeem a code given on another channel; `source` is the sender's address where the channel knows it. */
  redeem(
    who: { userKey: string; conversationKey?: string; source?: string },
    code: string,
  ): Promise<{ ok: true; linked: string[] } | LinkFailure>;
  /** Undo this identity's links ("解除绑定"); returns the identities it was linked with. */
  unlink(userKey: string): Promise<string[]>;
}

/** Whose data: the worker's linked identities and their private conversations. */
export interface DataSubject {
  userKeys: string[];
  conversationKeys: string[];
}

/** What an erasure did, for the worker's reply. */
export interface ErasureReport {
  /** Cases kept as anonymised records (ids). */
  casesAnonymised: string[];
  messagesDeleted: number;
  evidenceDeleted: number;
  notesDeleted: number;
}

/** A worker's rights over their data (PIPL): export and erase everywhere (composition root implements it). */
export interface PersonalDataPort {
  erase(subject: DataSubject, actor: string): Promise<ErasureReport>;
  export(subject: DataSubject): Promise<Record<string, unknown>>;
}

/** Everything the dialog uses. */
export interface DialogServices {
  cases: CaseStore;
  blobs: BlobStore;
  qa: QaPort;
  handoff: HandoffPort;
  identities: IdentityPort;
  calendar: { workingHours: { start: number; end: number }; holidays: string[] };
  /** Below this answer confidence the bot offers a mediator. */
  handoffThreshold: number;
  /** Export and erasure of a worker's data everywhere; without it "删除我的数据" clears this chat only. */
  personalData?: PersonalDataPort;
}

/** Turn context with the dialog's services. */
export type DialogContext = TurnContext<DialogServices>;

/** A turn inside the dialog: the context plus what the understanding step made of the message. */
export type DialogTurn = DialogContext & {
  /** Computed once per turn, before any routing. */
  readonly understanding: Understanding;
  /** Files of this message, stored by the evidence step. */
  evidence: EvidenceRef[];
};
