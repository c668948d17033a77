/**
 * Questions the bot was unsure of, noted as they happen, so an admin can see what workers ask that
 * the knowledge base does not answer well (`kb unanswered`) and teach the bot (`kb teach`). Phone and
 * ID numbers are masked before anything is written, and only the most recent notes are kept. The
 * embedded storage writes them to `<dataDir>/kb/unanswered.jsonl`; the shared storage to a PostgreSQL
 * table, so that every instance's notes are in one list.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { scrubText } from '../core/logger.js';
import type { Citation } from '../core/types.js';

/** One unsure answer. */
export interface UnansweredEntry {
  /** ISO time. */
  at: string;
  /** The question as the worker wrote it, phone and ID numbers masked. */
  question: string;
  confidence: number;
  /** What the bot found and answered from (best first); empty when it found nothing. */
  found: Citation[];
  /** The guide card it answered with, if any. */
  card?: string;
}

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

/** Where the notes are kept (storage.unanswered). */
export interface UnansweredStore {
  /** Record one unsure answer (never throws: losing this note must not touch the worker's answer). */
  record(entry: UnansweredEntry): Promise<void>;
  /** Every note since `since` (all when absent), oldest first. */
  entries(since?: Date): Promise<UnansweredEntry[]>;
}

/** A note as it is stored: the question trimmed, phone and ID numbers masked, at most 500 characters. */
export function maskedEntry(entry: UnansweredEntry): UnansweredEntry {
  return { ...entry, question: scrubText(entry.question.trim()).slice(0, 500) };
}

/** A stored note as read back, or undefined for one that is not a note; `found` is always a list. */
export function readEntry(raw: unknown, since?: Date): UnansweredEntry | undefined {
  const entry = raw as UnansweredEntry | null;
  if (!entry || typeof entry.question !== 'string' || typeof entry.at !== 'string') return undefined;
  if (since && entry.at < since.toISOString()) return undefined;
  return { ...entry, found: Array.isArray(entry.found) ? entry.found : [] };
}

/** Notes kept: the file drops the oldest when it grows past twice this, the database every 500 notes. */
export const UNANSWERED_KEPT = 5000;

/** The file under a data folder. */
export function unansweredFile(dataDir: string): string {
  return path.join(dataDir, 'kb', 'unanswered.jsonl');
}

/** Questions that differ only in spacing, punctuation or case are the same question. */
function sameQuestionKey(question: string): string {
  return question.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Appends entries one line each; several instances may share the folder (appends are line-sized). */
export class UnansweredLog implements UnansweredStore {
  private lines = -1;
  private writing: Promise<void> = Promise.resolve();

  private readonly kept: number;

  constructor(
    private readonly file: string,
    options: { kept?: number } = {},
  ) {
    this.kept = options.kept ?? UNANSWERED_KEPT;
  }

  record(entry: UnansweredEntry): Promise<void> {
    const line = `${JSON.stringify(maskedEntry(entry))}\n`;
    this.writing = this.writing.then(() => this.append(line)).catch(() => undefined);
    return this.writing;
  }

  /** Wait for the notes under way (at shutdown). */
  async flush(): Promise<void> {
    await this.writing;
  }

  private async append(line: string): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    if (this.lines < 0) this.lines = (await this.readLines()).length;
    await fs.appendFile(this.file, line);
    this.lines += 1;
    if (this.lines > 2 * this.kept) {
      const kept = (await this.readLines()).slice(-this.kept);
      const temporary = `${this.file}.${process.pid}.tmp`;
      await fs.writeFile(temporary, kept.map((text) => `${text}\n`).join(''));
      await fs.rename(temporary, this.file);
      this.lines = kept.length;
    }
  }

  private async readLines(): Promise<string[]> {
    try {
      return (await fs.readFile(this.file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Every entry, oldest first (a damaged line is skipped). */
  async entries(since?: Date): Promise<UnansweredEntry[]> {
    await this.writing;
    const entries: UnansweredEntry[] = [];
    for (const line of await this.readLines()) {
      try {
        const entry = readEntry(JSON.parse(line), since);
        if (entry) entries.push(entry);
      } catch {
        // A line cut short by a crash: the others still count.
      }
    }
    return entries;
  }
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
