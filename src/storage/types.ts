/**
 * Storage: every port opened together. The embedded default implements them on SQLite (cases,
 * users, evidence, message log) and keyv (conversation state); PostgreSQL and
 * Redis implement the same interfaces. Every implementation passes the
 * contract suites in test/contracts/.
 */
import type { BlobStore, ConversationLock, ConversationStateStore, DedupeStore, MessageLog } from '../core/ports.js';
import type { CaseStore, StaffStore } from '../cases/model.js';
import type { UnansweredStore } from '../core/unanswered.js';

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
  /** Serialises a conversation's turns across instances (shared mode); absent when one process owns everything. */
  lock?: ConversationLock;
  /** Flush and close. */
  close(): Promise<void>;
}

