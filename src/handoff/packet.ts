/** The handoff packet: everything a mediator needs, gathered from the case, its history and the transcript. */
import type { CasePacket, FactLine, QueueItem, TranscriptLine } from '../core/mediator.js';
import { CATEGORIES, type Category, type Citation } from '../core/types.js';
import { slotsFor } from '../intake/slots/catalog.js';
import type { CaseHistoryEntry, CaseRecord, EvidenceRef } from '../cases/model.js';
import { satisfactionScore } from '../cases/satisfaction.js';
import type { LoggedMessage } from '../core/ports.js';

/** Longest transcript a packet carries; older lines are in the message log. */
export const PACKET_TRANSCRIPT_LIMIT = 500;

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


/** The id of an evidence item in the API: the first 16 hex digits of its sha256. */
export function evidenceId(sha256: string): string {
  return sha256.slice(0, 16);
}

/** The API path of an evidence file. */
export function evidenceUrl(caseId: string, sha256: string): string {
  return `/api/mediator/cases/${encodeURIComponent(caseId)}/evidence/${evidenceId(sha256)}`;
}

/** Labels of facts that are not intake slots (set by other flows or imports). */
const OTHER_FACT_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  platform: { 'zh-CN': '平台', en: 'Platform' },
  city: { 'zh-CN': '城市', en: 'City' },
  region: { 'zh-CN': '地区', en: 'Region' },
  district: { 'zh-CN': '区县', en: 'District' },
  station: { 'zh-CN': '站点', en: 'Station' },
  description: { 'zh-CN': '情况', en: 'What happened' },
  violence: { 'zh-CN': '暴力或威胁', en: 'Violence or threat' },
  hospital: { 'zh-CN': '是否去医院', en: 'Treated in hospital' },
};

function plainValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map(plainValue).join('、');
  return JSON.stringify(value);
}

/** Intake answers in words: each slot's label and formatted value, the category's slots first, in asking order. */
export function factLines(category: Category, facts: Record<string, unknown>): FactLine[] {
  const ordered = [...slotsFor(category), ...CATEGORIES.flatMap((c) => slotsFor(c))];
  const lines: FactLine[] = [];
  const done = new Set<string>();
  for (const slot of ordered) {
    if (done.has(slot.id) || !(slot.id in facts)) continue;
    done.add(slot.id);
    const value = facts[slot.id];
    const show = (locale: 'zh-CN' | 'en') => {
      try {
        return slot.format(value, locale);
      } catch {
        return plainValue(value);
      }
    };
    lines.push({ slot: slot.id, label: { ...slot.label }, value: { 'zh-CN': show('zh-CN'), en: show('en') } });
  }
  for (const [key, value] of Object.entries(facts)) {
    if (done.has(key)) continue;
    lines.push({ slot: key, label: OTHER_FACT_LABELS[key] ?? { 'zh-CN': key, en: key }, value: { 'zh-CN': plainValue(value), en: plainValue(value) } });
  }
  return lines;
}

/** Assemble the packet. */
export function buildPacket(input: {
  record: CaseRecord;
  item: QueueItem;
  history: CaseHistoryEntry[];
  evidence: EvidenceRef[];
  transcript: LoggedMessage[];
  /** Staff id → the name to show (public name first). */
  names?: Map<string, string>;
  /** The worker's message that raised a crisis case (shown as its summary). */
  trigger?: string;
}): CasePacket {
  const { record, item, history, evidence, transcript } = input;
  const names = input.names ?? new Map<string, string>();
  const nameOf = (actor: string) => names.get(actor.replace(/^mediator:/, ''));
  const lines: TranscriptLine[] = transcript.map((m) => {
    const line: TranscriptLine = { at: m.at, direction: m.direction, author: m.author, text: m.message.text, delivered: m.delivered };
    const name = m.author.startsWith('mediator:') ? nameOf(m.author) : undefined;
    if (name) line.authorName = name;
    return line;
  });
  const packet: CasePacket = {
    item,
    summary: input.trigger ?? record.summary,
    facts: record.facts ?? {},
    factLines: factLines(record.category, record.facts ?? {}),
    evidence: evidence.map((e) => ({ id: evidenceId(e.sha256), url: evidenceUrl(record.id, e.sha256), ...e })),
    citations: citedArticles(transcript),
    transcript: lines,
    escalation: {
      origin: record.origin,
      history: history.map((h) => {
        const name = nameOf(h.actor);
        return name ? { at: h.at, actor: h.actor, actorName: name, action: h.action } : { at: h.at, actor: h.actor, action: h.action };
      }),
    },
    warnings: record.warnings ?? [],
    anonymous: record.anonymous,
    privateNotes: (record.privateNotes ?? []).map((n) => {
      const name = nameOf(n.by);
      return name ? { ...n, byName: name } : { ...n };
    }),
    labels: [...(record.labels ?? [])],
    locale: record.locale,
  };
  if (record.contact && !record.anonymous) packet.contact = { ...record.contact };
  if (record.publicNote) packet.publicNote = record.publicNote;
  const score = satisfactionScore(history);
  if (score !== undefined) packet.satisfaction = score;
  return packet;
}
