/** Who sees which case (routing by skill or region) and how a case looks in the queue. */
import type { Assignee, CollectiveGroup, MediatorActor, QueueItem } from '../core/mediator.js';
import type { Category } from '../core/types.js';
import type { CaseRecord } from '../cases/model.js';
import { casePriority } from './priority.js';
import { canonicalPlatform } from '../text/platform.js';
import { stationIn } from '../text/place.js';

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

/**
 * Staff a case can be given to: those who would see it by the routing rules (every supervisor and
 * admin; a mediator by skill and region), mediators first, then by the name colleagues know.
 */
export function assigneesFor(record: CaseRecord, staff: MediatorActor[]): Assignee[] {
  const shown = (u: MediatorActor) => u.publicName ?? u.name;
  return staff
    .filter((u) => inScope(u, record))
    .sort((a, b) => Number(a.role !== 'mediator') - Number(b.role !== 'mediator') || shown(a).localeCompare(shown(b), 'zh-CN'))
    .map((u) => ({ id: u.id, name: u.name, ...(u.publicName ? { publicName: u.publicName } : {}), role: u.role, current: record.owner === u.id }));
}

/** Options of collective grouping. */
export interface CollectiveOptions {
  minCases: number;
  windowDays: number;
  now: Date;
}

/** Workers the intake says are affected (at least 1). */
export function workersAffected(facts: Record<string, unknown>): number {
  let best = 1;
  for (const name of ['workersAffected', 'affectedWorkers', 'headcount', 'peopleAffected']) {
    const value = facts[name];
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : (value as { count?: unknown } | undefined)?.count;
    if (typeof n === 'number' && Number.isFinite(n) && n > best) best = Math.floor(n);
  }
  return best;
}

/**
 * The station a case names: a `station` fact, or the station in its place text, read the way the intake
 * reads it ("北京市朝阳区 望京站" and "望京站附近" are both 望京站).
 */
function stationOf(facts: Record<string, unknown>): string | undefined {
  if (typeof facts.station === 'string' && facts.station.trim()) return facts.station.trim();
  const place = factText(facts, 'station');
  return place ? stationIn(place) : undefined;
}

/**
 * Group open cases within the window by platform × city (× station when the case names one) and
 * category; platform typos are folded (没团 → 美团), a case of unknown city never joins a known
 * city's group, and a group counts the workers each intake says are affected: it is a possible
 * collective issue once those reach `minCases`.
 */
export function findCollectiveGroups(
  cases: CaseRecord[],
  options: CollectiveOptions,
): Array<Omit<CollectiveGroup, 'caseIds'> & { members: CaseRecord[] }> {
  const since = options.now.getTime() - options.windowDays * 86_400_000;
  type Group = Omit<CollectiveGroup, 'caseIds' | 'count'> & { members: CaseRecord[] };
  const groups = new Map<string, Group>();
  for (const record of cases) {
    if (record.status === 'closed' || Date.parse(record.createdAt) < since) continue;
    const facts = record.facts ?? {};
    const platformText = factText(facts, 'platform');
    const employerText = factText(facts, 'employer');
    const field: CollectiveGroup['field'] = platformText ? 'platform' : employerText ? 'employer' : 'station';
    const station = stationOf(facts);
    const who = platformText ? canonicalPlatform(platformText) : employerText ? canonicalPlatform(employerText) : undefined;
    if (!who && !station) continue;
    const city = factText(facts, 'city') ?? null;
    const platform = who ?? '';
    const key = [platform.toLowerCase(), city ?? '', station?.toLowerCase() ?? '', record.category].join('\u0000');
    const group =
      groups.get(key) ??
      ({
        field: who ? field : 'station',
        value: [platform, city ?? '', station ?? ''].filter(Boolean).join(' · '),
        category: record.category,
        platform,
        city,
        ...(station ? { station } : {}),
        workers: 0,
        members: [],
      } satisfies Group);
    group.members.push(record);
    group.workers += workersAffected(facts);
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((g) => g.workers >= options.minCases)
    .map((g) => ({ ...g, count: g.members.length }))
    .sort((a, b) => b.workers - a.workers || b.count - a.count);
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
