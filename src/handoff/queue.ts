/** Who sees which case (routing by skill or region) and how a case looks in the queue. */
import type { CollectiveGroup, MediatorActor, QueueItem } from '../core/mediator.js';
import type { Category } from '../core/types.js';
import type { CaseRecord } from '../cases/model.js';
import { casePriority } from './priority.js';

/** Longest one-line summary in a queue row. */
export const SUMMARY_LINE_CHARS = 80;

/** The first line of a text, cut to a queue row's width. */
export function oneLine(text: string | undefined): string | undefined {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!line) return undefined;
  return line.length > SUMMARY_LINE_CHARS ? `${line.slice(0, SUMMARY_LINE_CHARS - 1)}…` : line;
}

/** Fact names intake may use for the worker's region, in order of preference. */
const REGION_FIELDS = ['region', 'city', 'district'] as const;
/** Fact names that can tie cases into a collective issue. */
export const COLLECTIVE_FIELDS = ['platform', 'station', 'employer'] as const;

/** A fact as trimmed text, or undefined when absent or not text. */
export function factText(facts: Record<string, unknown>, name: string): string | undefined {
  const value = facts[name] ?? derivedFact(facts, name);
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Read intake's structured answers (employer {name, platforms}, workplace/location {province, city, district, text}). */
function derivedFact(facts: Record<string, unknown>, name: string): unknown {
  const employer = facts.employer as { name?: string; platforms?: string[] } | undefined;
  const place = (facts.workplace ?? facts.location ?? facts.injuryPlace) as
    | { province?: string; city?: string; district?: string; text?: string }
    | undefined;
  if (typeof employer === 'object' && employer) {
    if (name === 'platform') return employer.platforms?.[0];
    if (name === 'employer') return employer.name;
  }
  if (typeof place === 'object' && place) {
    if (name === 'region' || name === 'city') return place.city ?? place.province;
    if (name === 'district') return place.district;
    if (name === 'station') return place.text;
  }
  return undefined;
}

/** The case's region, when intake recorded one. */
export function caseRegion(record: CaseRecord): string | undefined {
  for (const field of REGION_FIELDS) {
    const value = factText(record.facts ?? {}, field);
    if (value) return value;
  }
  return undefined;
}

/**
 * Whether the actor may see the case. Supervisors and admins see all; a
 * mediator with skills or regions sees only matching cases; one with neither
 * sees all. A case a mediator owns stays visible whatever the routing says.
 */
export function inScope(actor: MediatorActor, record: CaseRecord): boolean {
  if (actor.role !== 'mediator') return true;
  if (record.owner === actor.id) return true;
  if (actor.skills?.length && !actor.skills.includes(record.category)) return false;
  if (actor.regions?.length) {
    const region = caseRegion(record);
    if (!region || !actor.regions.includes(region)) return false;
  }
  return true;
}

/** Options of collective grouping. */
export interface CollectiveOptions {
  minCases: number;
  windowDays: number;
  now: Date;
}

/** Group open cases sharing platform, station or employer and category within the window. */
export function findCollectiveGroups(cases: CaseRecord[], options: CollectiveOptions): Array<Omit<CollectiveGroup, 'caseIds'> & { members: CaseRecord[] }> {
  const since = options.now.getTime() - options.windowDays * 86_400_000;
  const groups = new Map<string, { field: CollectiveGroup['field']; value: string; category: Category; members: CaseRecord[] }>();
  for (const record of cases) {
    if (record.status === 'closed' || Date.parse(record.createdAt) < since) continue;
    for (const field of COLLECTIVE_FIELDS) {
      const value = factText(record.facts ?? {}, field);
      if (!value) continue;
      // case-insensitive so "美团" and "美团 " or "Meituan"/"meituan" meet
      const key = `${field}\u0000${value.toLowerCase()}\u0000${record.category}`;
      const group = groups.get(key) ?? { field, value, category: record.category, members: [] };
      group.members.push(record);
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .filter((g) => g.members.length >= options.minCases)
    .map((g) => ({ ...g, count: g.members.length }))
    .sort((a, b) => b.count - a.count);
}

/** When the case last entered the queue: the latest handoff request, else its creation. */
export function waitingSince(record: CaseRecord, history: Array<{ at: string; action: string }>): string {
  const requeued = history.filter((h) => h.action === 'handoff_requested' || h.action === 'escalated_category').at(-1);
  return requeued?.at ?? record.createdAt;
}

/** A queue row: nothing personal, only what a mediator needs to choose. */
export function toQueueItem(
  record: CaseRecord,
  extra: { now: Date; since: string; collective: boolean; ownerName?: string; summary?: string },
): QueueItem {
  const item: QueueItem = {
    id: record.id,
    status: record.status,
    tier: record.tier,
    priority: casePriority(record),
    dueAt: record.dueAt,
    category: record.category,
    channel: record.channel,
    waitingSince: extra.since,
    waitedMinutes: Math.max(0, Math.floor((extra.now.getTime() - Date.parse(extra.since)) / 60_000)),
    overdue: record.status !== 'closed' && Date.parse(record.dueAt) < extra.now.getTime(),
    collective: extra.collective,
  };
  const summary = oneLine(extra.summary ?? record.summary);
  if (summary) item.summary = summary;
  if (record.origin) item.origin = record.origin;
  if (record.owner) item.owner = record.owner;
  if (extra.ownerName) item.ownerName = extra.ownerName;
  if (record.outcome) item.outcome = record.outcome;
  const region = caseRegion(record);
  if (region) item.region = region;
  return item;
}
