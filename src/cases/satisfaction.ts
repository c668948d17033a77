/** A worker's satisfaction score, kept as a case history entry (`satisfaction:4`). */
import type { CaseHistoryEntry } from './model.js';

/** Prefix of the history action that records a satisfaction score (`satisfaction:4`). */
export const SATISFACTION_ACTION = 'satisfaction:';

/** The score a worker gave, from the case history. */
export function satisfactionScore(history: CaseHistoryEntry[]): number | undefined {
  const entry = history.find((h) => h.action.startsWith(SATISFACTION_ACTION));
  if (!entry) return undefined;
  const score = Number(entry.action.slice(SATISFACTION_ACTION.length));
  return Number.isInteger(score) ? score : undefined;
}
