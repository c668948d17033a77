/**
 * A worker's rights over their data, and retention, over every store: erasure after the
 * worker confirms ("删除我的数据" → "确认删除"), export ("导出我的数据"), and the retention job the
 * scheduler runs (personal data of long-closed cases erased, old messages trimmed, conversation state
 * nobody wrote to for long expired). Where a worker's conversation is erased or expires, the adapters
 * forget what they keep for it (the web chat its credential), so it starts afresh.
 */
import { conversationStateSchema } from '../core/conversation-state.js';
import { maskedQuestion } from '../core/unanswered.js';
import type { Clock } from '../core/types.js';
import type { CaseRecord } from '../cases/model.js';
import type { DataSubject, ErasureReport, PersonalDataPort } from '../dialog/services.js';
import type { Storage } from '../storage/types.js';

/** What stays of an erased case: no contact, summary, facts or warnings. */
export const ERASED_SUMMARY = '[个人信息已按本人要求删除 / personal data erased]';

/** Erase a case's personal data, keeping the anonymised record; returns evidence files deleted. */
async function anonymiseCase(storage: Storage, c: CaseRecord, actor: string, action: string, now: Date): Promise<number> {
  const evidence = await storage.cases.listEvidence(c.id);
  let deleted = 0;
  for (const ref of evidence) {
    await storage.maintenance?.deleteBlob(ref.sha256);
    deleted += 1;
  }
  await storage.maintenance?.scrubCaseTrail(c.id);
  await storage.cases.updateCase(
    c.id,
    { contact: {}, summary: ERASED_SUMMARY, facts: {}, warnings: [], anonymous: true },
    actor,
    action,
    now,
  );
  return deleted;
}

/** Tells the adapters that these conversations' data is gone (the web chat revokes their credentials). */
export type ForgetConversations = (conversationKeys: string[]) => Promise<void>;

/** Export and erasure over the open storage; `forget` is told of every conversation erased. */
export function createPersonalData(storage: Storage, clock: Clock, forget: ForgetConversations = async () => undefined): PersonalDataPort {
  return {
    async erase(subject: DataSubject, actor: string): Promise<ErasureReport> {
      const now = clock.now();
      const cases = await storage.cases.listCasesByUser(subject.userKeys);
      let evidenceDeleted = 0;
      for (const c of cases) evidenceDeleted += await anonymiseCase(storage, c, actor, 'personal_data_erased', now);
      // Notes about the worker's questions: the note holds the question as the log held it, masked (and sealed).
      const questions = new Set<string>();
      for (const key of subject.conversationKeys) {
        for (const m of await storage.messages.transcript(key)) {
          if (m.direction === 'in' && typeof m.message.text === 'string') questions.add(maskedQuestion(m.message.text));
        }
      }
      const notesDeleted = questions.size > 0 ? ((await storage.maintenance?.forgetNotes((question) => questions.has(question))) ?? 0) : 0;
      const messagesDeleted = (await storage.maintenance?.deleteMessages(subject.conversationKeys)) ?? 0;
      for (const key of subject.conversationKeys) await storage.state.delete(key);
      await forget(subject.conversationKeys);
      await storage.staff.audit({ actor, action: 'personal_data_erased', at: now.toISOString(), detail: { cases: cases.map((c) => c.id) } });
      return { casesAnonymised: cases.map((c) => c.id), messagesDeleted, evidenceDeleted, notesDeleted };
    },

    async export(subject: DataSubject): Promise<Record<string, unknown>> {
      const cases = await storage.cases.listCasesByUser(subject.userKeys);
      const out = [];
      for (const c of cases) {
        const evidence = await storage.cases.listEvidence(c.id);
        out.push({
          id: c.id,
          category: c.category,
          status: c.status,
          createdAt: c.createdAt,
          summary: c.summary,
          facts: c.facts,
          contact: c.contact ?? null,
          evidence: evidence.map((e) => ({ name: e.name ?? null, size: e.size, receivedAt: e.receivedAt })),
        });
      }
      const messages = [];
      for (const key of subject.conversationKeys) {
        for (const m of await storage.messages.transcript(key, 500)) {
          messages.push({ conversation: key, at: m.at, from: m.direction === 'in' ? 'you' : m.author, text: m.message.text });
        }
      }
      return { exportedAt: clock.now().toISOString(), identities: subject.userKeys, cases: out, messages };
    },
  };
}

/** Retention settings in days (0 = keep). */
export interface RetentionPolicy {
  closedCaseDays: number;
  messageDays: number;
  /** Conversation state nobody wrote to for this long expires (identity links and the like stay). */
  stateDays: number;
}

/** What one retention pass did. */
export interface RetentionReport {
  casesAnonymised: number;
  messagesDeleted: number;
  statesExpired: number;
}

/** What retention needs besides the storage; without it state is deleted directly and nobody is told. */
export interface RetentionHooks {
  /** Delete a conversation's state if `expired(saved)` still says so, behind its turns (the bot's expireState). */
  expireState(conversationKey: string, expired: (saved: unknown) => boolean): Promise<boolean>;
  forget: ForgetConversations;
}

/** Retention on storage alone: for a pass with no bot running (and tests). */
function storageOnlyHooks(storage: Storage): RetentionHooks {
  return {
    async expireState(key, expired) {
      const saved = await storage.state.get(key);
      if (saved === undefined || !expired(saved)) return false;
      await storage.state.delete(key);
      return true;
    },
    forget: async () => undefined,
  };
}

/**
 * Whether a saved entry is a conversation's state untouched since `cutoff` (ISO). Other entries share
 * the store and stay: identity links, linking codes, web credentials (they go with their
 * conversation), the Slack console's threads. So does a conversation a mediator has taken over: the
 * worker's next message must still reach them.
 */
function expiredConversation(saved: unknown, cutoff: string): boolean {
  const parsed = conversationStateSchema.safeParse(saved);
  if (!parsed.success || parsed.data.mode === 'mediator') return false;
  return parsed.data.updatedAt === undefined || parsed.data.updatedAt < cutoff;
}

/** Expire conversation state untouched since `cutoff`; the conversations expired. */
async function expireStates(storage: Storage, cutoff: Date, hooks: RetentionHooks): Promise<string[]> {
  const expired: string[] = [];
  for (const key of (await storage.maintenance?.staleState(cutoff)) ?? []) {
    if (await hooks.expireState(key, (saved) => expiredConversation(saved, cutoff.toISOString()))) expired.push(key);
  }
  if (expired.length > 0) await hooks.forget(expired);
  return expired;
}

/** One retention pass: erase personal data of cases closed long enough ago, trim old messages, expire untouched state. */
export async function runRetention(storage: Storage, clock: Clock, policy: RetentionPolicy, hooks: RetentionHooks = storageOnlyHooks(storage)): Promise<RetentionReport> {
  const now = clock.now();
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  let casesAnonymised = 0;
  if (policy.closedCaseDays > 0) {
    const cutoff = daysAgo(policy.closedCaseDays).toISOString();
    for (const c of await storage.cases.listCases({ status: 'closed' })) {
      if (c.updatedAt >= cutoff || c.summary === ERASED_SUMMARY) continue;
      await anonymiseCase(storage, c, 'system', 'retention_erased', now);
      casesAnonymised += 1;
    }
  }
  const messagesDeleted = policy.messageDays > 0 ? ((await storage.maintenance?.trimMessages(daysAgo(policy.messageDays))) ?? 0) : 0;
  const statesExpired = policy.stateDays > 0 ? (await expireStates(storage, daysAgo(policy.stateDays), hooks)).length : 0;
  return { casesAnonymised, messagesDeleted, statesExpired };
}

/** Retention run from the scheduler's tick, at most once an hour. */
export function retentionJob(
  storage: Storage,
  clock: Clock,
  policy: RetentionPolicy,
  onDone: (report: RetentionReport) => void,
  hooks?: RetentionHooks,
): () => Promise<void> {
  let last = 0;
  return async () => {
    if (policy.closedCaseDays <= 0 && policy.messageDays <= 0 && policy.stateDays <= 0) return;
    const now = clock.now().getTime();
    if (now - last < 3_600_000) return;
    last = now;
    onDone(await runRetention(storage, clock, policy, hooks));
  };
}
