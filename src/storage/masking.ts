/**
 * ID numbers are never stored: every backend's stores pass what they are given through the
 * core's one masking function before writing — message log entries in both directions, conversation
 * state, case records (summary, facts, contact, notes), case history, audit details and evidence names.
 * Applied once, around whichever backend is open, so SQLite and PostgreSQL behave alike.
 */
import { maskPersonalData } from '../core/personal-data.js';
import type { Storage } from './types.js';

/** The store with some methods replaced; every other one (own or inherited) is the store's own. */
function override<T extends object>(store: T, methods: Partial<T>): T {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (Object.prototype.hasOwnProperty.call(methods, property)) return (methods as Record<PropertyKey, unknown>)[property];
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The same storage with personal-data masking on every write path. */
export function withPersonalDataMasking(storage: Storage): Storage {
  const { messages, state, cases, staff } = storage;
  return {
    ...storage,
    close: () => storage.close(),
    messages: override(messages, { append: (entry) => messages.append(maskPersonalData(entry)) }),
    state: override(state, { set: (key, value) => state.set(key, maskPersonalData(value)) }),
    cases: override(cases, {
      createCase: (draft, actor, now) => cases.createCase(maskPersonalData(draft), actor, now),
      updateCase: (id, patch, actor, action, now, expect) => cases.updateCase(id, maskPersonalData(patch), actor, action, now, expect),
      addEvidence: (caseId, evidence, actor, now) => cases.addEvidence(caseId, maskPersonalData(evidence), actor, now),
    }),
    staff: override(staff, { audit: (entry) => staff.audit(maskPersonalData(entry)) }),
  };
}
