/**
 * How soon a case needs a person. `crisis`: the crisis guard raised it (self-harm, violence, an
 * emergency); it sorts first, is due within the hour and goes to a supervisor after minutes.
 * `urgent`: the reasons that make a case same-day (a death, an injury treated in hospital,
 * violence or a threat, several workers unpaid, a ban cutting off income; src/cases/tier.ts and
 * needs-person.ts). Everything else is `normal`.
 */
import type { CasePriority } from '../core/mediator.js';
import type { CaseRecord } from '../cases/model.js';
import { personNeededReason } from './needs-person.js';

/** Handoff reasons that come from the crisis guard. */
export const CRISIS_ORIGINS = new Set(['crisis']);
/** Handoff reasons that make a case same-day (urgent), besides a crisis. */
export const URGENT_ORIGINS = new Set(['sensitive', 'violence', 'injury_hospital', 'serious_injury', 'death', 'collective']);
/** A crisis case is due this long after it is raised, at any hour. */
export const CRISIS_DUE_MINUTES = 60;

/** The priority of a case. */
export function casePriority(record: CaseRecord): CasePriority {
  if (record.origin && CRISIS_ORIGINS.has(record.origin)) return 'crisis';
  if (record.tier === 'same_day') return 'urgent';
  if (record.origin && URGENT_ORIGINS.has(record.origin)) return 'urgent';
  if (personNeededReason(record)) return 'urgent';
  return 'normal';
}

/** Sort rank: crisis before everything else. */
export function priorityRank(priority: CasePriority): number {
  return priority === 'crisis' ? 0 : priority === 'urgent' ? 1 : 2;
}
