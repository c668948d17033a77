/**
 * Personal data at rest: with `GONGYOU_DATA_KEY` configured, every backend stores the
 * personal fields sealed (core/sealing.ts, envelope encryption): message text in both directions,
 * case contacts (phone, name), summaries and facts (health details live there), evidence file names,
 * the whole conversation state, and the questions of the unsure-question notes. Applied once around whichever backend is open, so SQLite and
 * PostgreSQL behave alike; evidence file contents are sealed inside the blob stores, which keep
 * addressing them by the sha256 of the plain content.
 */
import type { CaseDraft, CasePatch, CaseRecord, EvidenceRef } from '../cases/model.js';
import type { LoggedMessage } from '../core/ports.js';
import { isSealed, type DataSealer } from '../core/sealing.js';
import type { OutgoingMessage } from '../core/types.js';
import { openNote, sealNote, type UnansweredStore } from '../core/unanswered.js';
import type { Storage } from './types.js';

/** Key of an object that stands for a sealed object. */
const SEALED_OBJECT = '$sealed';
/** A sealed value in stored text: what key rotation rewrites. */
export const SEALED_IN_TEXT = /gy1:[0-9a-f]{8}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+/g;

/** Open every sealed value inside `value` (strings and `{ $sealed }` objects), depth-bounded. */
export function openDeep<T>(sealer: DataSealer, value: T, depth = 0): T {
  if (isSealed(value)) return sealer.openJson(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => openDeep(sealer, v, depth + 1)) as T;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === SEALED_OBJECT && isSealed(record[SEALED_OBJECT])) return sealer.openJson(record[SEALED_OBJECT]);
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = openDeep(sealer, record[key], depth + 1);
  return out as T;
}

/** Rewrite every sealed value in a stored text under the sealer's (new) master key. */
export function rewrapText(sealer: DataSealer, text: string): string {
  return text.replace(SEALED_IN_TEXT, (found) => sealer.rewrap(found));
}

function sealString<T extends string | undefined>(sealer: DataSealer, value: T): T {
  return (value === undefined || isSealed(value) ? value : sealer.sealJson(value)) as T;
}

function sealObject<T extends object | undefined>(sealer: DataSealer, value: T): T {
  return (value === undefined ? value : { [SEALED_OBJECT]: sealer.sealJson(value) }) as T;
}

function sealContact(sealer: DataSealer, contact: CaseDraft['contact']): CaseDraft['contact'] {
  if (!contact) return contact;
  const out: NonNullable<CaseDraft['contact']> = {};
  if (contact.phone !== undefined) out.phone = sealString(sealer, contact.phone);
  if (contact.name !== undefined) out.name = sealString(sealer, contact.name);
  return out;
}

function sealEvidence(sealer: DataSealer, ref: EvidenceRef): EvidenceRef {
  return ref.name === undefined ? ref : { ...ref, name: sealString(sealer, ref.name) };
}

function sealCaseFields<T extends Partial<CaseDraft> | CasePatch>(sealer: DataSealer, input: T): T {
  const out = { ...input } as T & Partial<CaseDraft>;
  if ('summary' in input && input.summary !== undefined) out.summary = sealString(sealer, input.summary);
  if ('facts' in input && input.facts !== undefined) out.facts = sealObject(sealer, input.facts);
  if ('contact' in input && input.contact !== undefined) out.contact = sealContact(sealer, input.contact);
  if ('evidence' in input && Array.isArray(input.evidence)) out.evidence = input.evidence.map((e) => sealEvidence(sealer, e));
  return out;
}

function sealMessage(sealer: DataSealer, message: OutgoingMessage): OutgoingMessage {
  return typeof message.text === 'string' ? { ...message, text: sealString(sealer, message.text) } : message;
}

/** Unsure-question notes whose questions are masked and sealed when written, opened when read. */
export function sealedNotes(notes: UnansweredStore, sealer: DataSealer): UnansweredStore {
  return {
    record: (entry) => notes.record(sealNote(sealer, entry)),
    entries: async (since) => (await notes.entries(since)).map((entry) => openNote(sealer, entry)),
  };
}

/** The same storage with personal fields sealed on the way in and opened on the way out. */
export function withEncryption(storage: Storage, sealer: DataSealer): Storage {
  const { messages, state, cases, maintenance } = storage;
  const open = <T>(value: T): T => openDeep(sealer, value);
  const openLogged = (entry: LoggedMessage): LoggedMessage => ({ ...entry, message: open(entry.message) });
  return {
    ...storage,
    messages: {
      ...messages,
      append: async (entry) => ({ ...(await messages.append({ ...entry, message: sealMessage(sealer, entry.message) })), message: entry.message }),
      listOutbound: async (key, afterId) => (await messages.listOutbound(key, afterId)).map(open),
      transcript: async (key, limit) => (await messages.transcript(key, limit)).map(openLogged),
      undelivered: async (limit) => (await messages.undelivered(limit)).map(openLogged),
    },
    state: {
      ...state,
      get: async <T>(key: string) => open(await state.get<T>(key)),
      // undefined goes through as it is, so the store refuses it as it always does
      set: (key, value) => state.set(key, value === undefined ? value : { [SEALED_OBJECT]: sealer.sealJson(value) }),
    },
    unanswered: sealedNotes(storage.unanswered, sealer),
    // a sealed question is compared once opened; erasure gives the plain (masked) question
    maintenance: maintenance && { ...maintenance, forgetNotes: (matches) => maintenance.forgetNotes((stored) => matches(sealer.open(stored))) },
    cases: {
      ...cases,
      createCase: async (draft, actor, now) => open(await cases.createCase(sealCaseFields(sealer, draft), actor, now)),
      getCase: async (id) => open(await cases.getCase(id)),
      listCasesByUser: async (keys) => (await cases.listCasesByUser(keys)).map(open<CaseRecord>),
      listCases: async (filter) => (await cases.listCases(filter)).map(open<CaseRecord>),
      updateCase: async (id, patch, actor, action, now, expect) =>
        open(await cases.updateCase(id, sealCaseFields(sealer, patch), actor, action, now, expect)),
      history: async (id) => open(await cases.history(id)),
      addEvidence: (caseId, evidence, actor, now) => cases.addEvidence(caseId, sealEvidence(sealer, evidence), actor, now),
      listEvidence: async (caseId) => open(await cases.listEvidence(caseId)),
    },
  };
}
