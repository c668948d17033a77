/**
 * Questions the bot was unsure of, noted as they happen so an admin can see what workers ask that the
 * knowledge base does not answer well. The record, its port (storage.unanswered) and how a note is
 * masked, sealed and read back; phone and ID numbers are masked before anything is written, and with
 * GONGYOU_DATA_KEY the question is sealed like every other text a worker wrote.
 */
import { scrubText } from './logger.js';
import { isSealed, type DataSealer } from './sealing.js';
import type { Citation } from './types.js';
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

/** Where the notes are kept (storage.unanswered). */
export interface UnansweredStore {
  /** Record one unsure answer (never throws: losing this note must not touch the worker's answer). */
  record(entry: UnansweredEntry): Promise<void>;
  /** Every note since `since` (all when absent), oldest first. */
  entries(since?: Date): Promise<UnansweredEntry[]>;
}

/** A question as a note keeps it: trimmed, phone and ID numbers masked, at most 500 characters. */
export function maskedQuestion(text: string): string {
  return scrubText(text.trim()).slice(0, 500);
}

/** A note as it is stored: its question masked (a sealed one was masked before it was sealed). */
export function maskedEntry(entry: UnansweredEntry): UnansweredEntry {
  return isSealed(entry.question as unknown) ? entry : { ...entry, question: maskedQuestion(entry.question) };
}

/** A note with its question masked, then sealed; the rest (time, confidence, articles, card) says nothing about the worker. */
export function sealNote(sealer: DataSealer, entry: UnansweredEntry): UnansweredEntry {
  const masked = maskedEntry(entry);
  return { ...masked, question: sealer.seal(masked.question) };
}

/** A stored note with its question opened (a note written before a key was set is plain already). */
export function openNote(sealer: DataSealer, entry: UnansweredEntry): UnansweredEntry {
  return { ...entry, question: sealer.open(entry.question) };
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

