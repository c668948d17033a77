/**
 * ID numbers are never stored (issue 16): every backend's stores pass what they are given through the
 * core's one masking function before writing — message log entries in both directions, conversation
 * state, case records (summary, facts, contact, notes), case history, audit details and evidence names.
 * Applied once, around whichever backend is open, so SQLite and PostgreSQL behave alike.
 */
import { maskPersonalData } from '../core/personal-data.js';
import type { Storage } from './types.js';

/** The same storage with personal-data masking on every write path. */
export function withPersonalDataMasking(storage: Storage): Storage {
  const { messages, state, cases, staff } = storage;
  return {
    ...storage,
    messages: { ...messages, append: (entry) => messages.append(maskPersonalData(entry)) },
    state: { ...state, set: (key, value) => state.set(key, maskPersonalData(value)) },
    cases: {
      ...cases,
      createCase: (draft, actor, now) => cases.createCase(maskPersonalData(draft), actor, now),
      updateCase: (id, patch, actor, action, now, expect) => cases.updateCase(id, maskPersonalData(patch), actor, action, now, expect),
      addEvidence: (caseId, evidence, actor, now) => cases.addEvidence(caseId, maskPersonalData(evidence), actor, now),
    },
    staff: { ...staff, audit: (entry) => staff.audit(maskPersonalData(entry)) },
  };
}
