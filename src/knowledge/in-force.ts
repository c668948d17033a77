/**
 * Which version of each document the bot answers from today. The bot answers from law in force:
 * an amendment imported before its effective date waits (the version in force keeps answering) and
 * takes over on that day; a law not yet in force, or repealed, is not searched at all.
 */
import type { Clock } from '../core/types.js';
import type { DocumentRecord, DocumentVersion, Manifest } from './store.js';

/** Where a document stands today. */
export interface Publication {
  law: string;
  /** `in_force`: `version` answers; `not_yet`: no version is in force yet; `repealed`: repealed on `repealedOn`. */
  state: 'in_force' | 'not_yet' | 'repealed';
  /** The version searched (only when in force). */
  version?: number;
  /** A later version waiting for its effective date (the published one until then). */
  scheduled?: { version: number; from: string };
  /** The repeal date of the version that applies (past for `repealed`, future for one still in force). */
  repealedOn?: string;
  /** The date is an admin's retirement (`kb retire`), not a repeal written in the text. */
  retired?: boolean;
}

/** Today's date (`YYYY-MM-DD`) at a UTC offset (China: +8), the way effective dates are written. */
export function dateAt(clock: Clock, utcOffsetHours = 8): string {
  return new Date(clock.now().getTime() + utcOffsetHours * 3_600_000).toISOString().slice(0, 10);
}

const started = (version: DocumentVersion, today: string): boolean => !version.document.effectiveFrom || version.document.effectiveFrom <= today;

/**
 * The version in force among those up to the admin's published one (`current`; a rollback lowers
 * it): the newest that has taken effect. A later one not yet in effect is reported as scheduled.
 */
export function publicationOf(record: DocumentRecord, today: string): Publication {
  const eligible = record.versions.filter((version) => version.version <= record.current).sort((a, b) => b.version - a.version);
  const newest = eligible[0];
  const applying = eligible.find((version) => started(version, today));
  const scheduled = newest && newest !== applying && newest.document.effectiveFrom ? { version: newest.version, from: newest.document.effectiveFrom } : undefined;
  if (!applying) return { law: record.law, state: 'not_yet', scheduled };
  // An admin's retirement counts like a repeal written in the text; the earlier date wins.
  const repealedOn = [applying.document.repealedOn, record.retiredOn].filter((date): date is string => !!date).sort()[0];
  const retired = repealedOn !== undefined && repealedOn === record.retiredOn ? { retired: true } : {};
  if (repealedOn && repealedOn <= today) return { law: record.law, state: 'repealed', repealedOn, scheduled, ...retired };
  return { law: record.law, state: 'in_force', version: applying.version, scheduled, repealedOn, ...retired };
}

/** A key naming what is searched today (`劳动法@2|民法典@1`): a snapshot built for another key is rebuilt. */
export function publicationKey(manifest: Manifest, today: string): string {
  return Object.values(manifest.documents)
    .map((record) => publicationOf(record, today))
    .filter((publication) => publication.state === 'in_force')
    .map((publication) => `${publication.law}@${publication.version}`)
    .sort()
    .join('|');
}
