/**
 * Queue search (`GET /api/mediator/cases?q=…`): every word of the query must match the case number,
 * the last digits of the worker's phone, their name, station, platform, employer, region or words of
 * the summary. Only cases the actor may see are searched (the desk filters by scope first).
 */
import type { QueueItem } from '../core/mediator.js';
import type { CaseRecord } from '../cases/model.js';
import { factText } from './queue.js';

/** Fewest digits that search phone endings ("尾号"). */
export const MIN_PHONE_DIGITS = 4;

/** Content types served as they are; anything else is sent as application/octet-stream. */
export const SAFE_EVIDENCE_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'audio/mpeg',
  'audio/amr',
  'audio/ogg',
  'audio/mp4',
  'video/mp4',
  'text/plain',
]);

function haystack(record: CaseRecord, item: QueueItem): string {
  const facts = record.facts ?? {};
  const parts = [
    record.id,
    record.anonymous ? '' : record.contact?.name ?? '',
    record.summary,
    item.summary ?? '',
    item.region ?? '',
    ...['platform', 'station', 'employer', 'city', 'district', 'description'].map((f) => factText(facts, f) ?? ''),
    ...(record.labels ?? []),
  ];
  const employer = facts.employer as { platforms?: unknown } | undefined;
  if (employer && Array.isArray(employer.platforms)) parts.push(...employer.platforms.filter((p): p is string => typeof p === 'string'));
  return parts.join('\n').toLowerCase();
}

/** Whether every word of `q` matches the case. */
export function matchesQuery(q: string, record: CaseRecord, item: QueueItem): boolean {
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = haystack(record, item);
  const phone = record.anonymous ? '' : (record.contact?.phone ?? '').replace(/\D/g, '');
  return words.every((word) => {
    const digits = word.replace(/^尾号/, '');
    if (/^\d+$/.test(digits) && digits.length >= MIN_PHONE_DIGITS && phone.endsWith(digits)) return true;
    return text.includes(word);
  });
}
