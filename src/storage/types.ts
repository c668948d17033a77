/**
 * Storage: every port opened together. The embedded default implements them on SQLite (cases,
 * users, evidence, message log) and keyv (conversation state); PostgreSQL and
 * Redis implement the same interfaces. Every implementation passes the
 * contract suites in test/contracts/.
 */
import type { BlobStore, ConversationLock, ConversationStateStore, DedupeStore, MessageLog, RateCounter } from '../core/ports.js';
import type { CaseStore, StaffStore } from '../cases/model.js';
import type { UnansweredStore } from '../core/unanswered.js';
import type { DataSealer } from '../core/sealing.js';
import type { CannedReplyStore } from '../core/canned-replies.js';

/** Everything the core needs from storage, opened together. */
export interface Storage {
  cases: CaseStore;
  messages: MessageLog;
  dedupe: DedupeStore;
  blobs: BlobStore;
  staff: StaffStore;
  /** Conversation state (keyv). */
  state: ConversationStateStore;
  /** Questions the bot was unsure of, for the admin (`kb unanswered`). */
  unanswered: UnansweredStore;
  /** Canned replies admins keep for mediators (常用回复). */
  cannedReplies: CannedReplyStore;
  /** Serialises a conversation's turns across instances (shared mode); absent when one process owns everything. */
  lock?: ConversationLock;
  /** Rate-limit counts every instance on this store shares (Redis in shared mode); absent: each instance counts in memory. */
  rates?: RateCounter;
  /** Erasure, retention and key rotation (absent in test fakes). */
  maintenance?: PersonalDataMaintenance;
  /** Flush and close. */
  close(): Promise<void>;
}


/**
 * What erasure, retention and key rotation need below the ports. Each backend implements
 * it over its own tables; the composition root drives it (a worker's "删除我的数据", the retention
 * job, `gongyou data rotate-key`).
 */
export interface PersonalDataMaintenance {
  /** Delete every logged message of these conversations; returns how many. */
  deleteMessages(conversationKeys: string[]): Promise<number>;
  /** Delete logged messages older than `before` (undelivered ones are kept for retry); returns how many. */
  trimMessages(before: Date): Promise<number>;
  /** Remove personal details from a case's trail: history details and evidence names. */
  scrubCaseTrail(caseId: string): Promise<void>;
  /** Delete an evidence file's contents. */
  deleteBlob(sha256: string): Promise<void>;
  /** Keys of conversation state (every kind of entry in the state store) last written before `before`. */
  staleState(before: Date): Promise<string[]>;
  /** Delete the unsure-question notes whose question (as stored: masked, maybe sealed) `matches` says; returns how many. */
  forgetNotes(matches: (question: string) => boolean): Promise<number>;
  /** Re-seal everything stored under the sealer's master key (it must also hold the old key); returns items rewritten. */
  rewrap(sealer: DataSealer): Promise<number>;
}
