/**
 * A worker's rights over their data, and retention, over every store: erasure after the
 * worker confirms ("删除我的数据" → "确认删除"), export ("导出我的数据"), and the retention job the
 * scheduler runs (personal data of long-closed cases erased, old messages trimmed; conversation state
 * expires by itself, see the bot's state TTL).
 */
import { scrubText } from '../core/logger.js';
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

/** Export and erasure over the open storage. */
export function createPersonalData(storage: Storage, clock: Clock): PersonalDataPort {
  return {
    async erase(subject: DataSubject, actor: string): Promise<ErasureReport> {
      const now = clock.now();
      const cases = await storage.cases.listCasesByUser(subject.userKeys);
      let evidenceDeleted = 0;
      for (const c of cases) evidenceDeleted += await anonymiseCase(storage, c, actor, 'personal_data_erased', now);
      // Notes about the worker's questions: the note holds the question as the log held it, masked.
      const questions: string[] = [];
      for (const key of subject.conversationKeys) {
        for (const m of await storage.messages.transcript(key)) {
          if (m.direction === 'in' && typeof m.message.text === 'string') questions.push(scrubText(m.message.text.trim()).slice(0, 500));
        }
      }
      const notesDeleted = (await storage.maintenance?.forgetNotes(questions)) ?? 0;
      const messagesDeleted = (await storage.maintenance?.deleteMessages(subject.conversationKeys)) ?? 0;
      for (const key of subject.conversationKeys) await storage.state.delete(key);
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
}

/** One retention pass: erase personal data of cases closed long enough ago, trim old messages. */
export async function runRetention(storage: Storage, clock: Clock, policy: RetentionPolicy): Promise<{ casesAnonymised: number; messagesDeleted: number }> {
  const now = clock.now();
  let casesAnonymised = 0;
  if (policy.closedCaseDays > 0) {
    const cutoff = new Date(now.getTime() - policy.closedCaseDays * 86_400_000).toISOString();
    for (const c of await storage.cases.listCases({ status: 'closed' })) {
      if (c.updatedAt >= cutoff || c.summary === ERASED_SUMMARY) continue;
      await anonymiseCase(storage, c, 'system', 'retention_erased', now);
      casesAnonymised += 1;
    }
  }
  const messagesDeleted =
    policy.messageDays > 0 ? ((await storage.maintenance?.trimMessages(new Date(now.getTime() - policy.messageDays * 86_400_000))) ?? 0) : 0;
  return { casesAnonymised, messagesDeleted };
}

/** Retention run from the scheduler's tick, at most once an hour. */
export function retentionJob(storage: Storage, clock: Clock, policy: RetentionPolicy, onDone: (report: { casesAnonymised: number; messagesDeleted: number }) => void): () => Promise<void> {
  let last = 0;
  return async () => {
    if (policy.closedCaseDays <= 0 && policy.messageDays <= 0) return;
    const now = clock.now().getTime();
    if (now - last < 3_600_000) return;
    last = now;
    onDone(await runRetention(storage, clock, policy));
  };
}
