/** The handoff packet: everything a mediator needs, gathered from the case, its history and the transcript. */
import type { CasePacket, QueueItem, TranscriptLine } from '../core/mediator.js';
import type { Citation } from '../core/types.js';
import type { CaseHistoryEntry, CaseRecord, EvidenceRef, LoggedMessage } from '../storage/types.js';

/** Longest transcript a packet carries; older lines are in the message log. */
export const PACKET_TRANSCRIPT_LIMIT = 500;

/** Prefix of the history action that records a satisfaction score (`satisfaction:4`). */
export const SATISFACTION_ACTION = 'satisfaction:';

/** Articles cited in bot replies, each once, in the order first cited. */
export function citedArticles(transcript: LoggedMessage[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const line of transcript) {
    for (const c of line.message.meta?.citations ?? []) {
      const key = `${c.law}#${c.article}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c.unit ? { law: c.law, article: c.article, unit: c.unit } : { law: c.law, article: c.article });
    }
  }
  return out;
}

/** The score a worker gave, from the case history. */
export function satisfactionScore(history: CaseHistoryEntry[]): number | undefined {
  const entry = history.find((h) => h.action.startsWith(SATISFACTION_ACTION));
  if (!entry) return undefined;
  const score = Number(entry.action.slice(SATISFACTION_ACTION.length));
  return Number.isInteger(score) ? score : undefined;
}

/** Assemble the packet. */
export function buildPacket(input: {
  record: CaseRecord;
  item: QueueItem;
  history: CaseHistoryEntry[];
  evidence: EvidenceRef[];
  transcript: LoggedMessage[];
}): CasePacket {
  const { record, item, history, evidence, transcript } = input;
  const lines: TranscriptLine[] = transcript.map((m) => ({
    at: m.at,
    direction: m.direction,
    author: m.author,
    text: m.message.text,
    delivered: m.delivered,
  }));
  const packet: CasePacket = {
    item,
    summary: record.summary,
    facts: record.facts ?? {},
    evidence: evidence.map((e) => ({ ...e })),
    citations: citedArticles(transcript),
    transcript: lines,
    escalation: { origin: record.origin, history: history.map((h) => ({ at: h.at, actor: h.actor, action: h.action })) },
    warnings: record.warnings ?? [],
    anonymous: record.anonymous,
  };
  if (record.contact && !record.anonymous) packet.contact = { ...record.contact };
  if (record.publicNote) packet.publicNote = record.publicNote;
  const score = satisfactionScore(history);
  if (score !== undefined) packet.satisfaction = score;
  return packet;
}
