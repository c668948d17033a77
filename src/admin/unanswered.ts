/** Unsure-question notes grouped for the admin (`kb unanswered`): the same question asked again counts once. */
import type { Citation } from '../core/types.js';
import type { UnansweredEntry } from '../core/unanswered.js';

/** A question asked one or more times. */
export interface UnansweredGroup {
  question: string;
  times: number;
  last: string;
  /** The lowest confidence it got. */
  confidence: number;
  found: Citation[];
  card?: string;
}

/** Questions that differ only in spacing, punctuation or case are the same question. */
function sameQuestionKey(question: string): string {
  return question.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The same question asked again counts once, most asked first, then most recent. */
export function groupUnanswered(entries: UnansweredEntry[]): UnansweredGroup[] {
  const byKey = new Map<string, UnansweredGroup>();
  for (const entry of entries) {
    const key = sameQuestionKey(entry.question);
    const group = byKey.get(key);
    if (!group) {
      byKey.set(key, { question: entry.question, times: 1, last: entry.at, confidence: entry.confidence, found: entry.found, card: entry.card });
      continue;
    }
    group.times += 1;
    group.confidence = Math.min(group.confidence, entry.confidence);
    if (entry.at >= group.last) Object.assign(group, { last: entry.at, question: entry.question, found: entry.found, card: entry.card });
  }
  return [...byKey.values()].sort((a, b) => b.times - a.times || b.last.localeCompare(a.last));
}
