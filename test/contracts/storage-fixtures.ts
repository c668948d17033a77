/** Builders and helpers shared by the storage contract suites. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { GongyouError } from '../../src/core/errors.js';
import type { OutgoingMessage } from '../../src/core/types.js';
import type { CaseDraft } from '../../src/cases/model.js';
import type { LoggedMessage } from '../../src/core/ports.js';
import type { Storage } from '../../src/storage/types.js';

/** What every contract suite gets: the storage opened for the run, and a way to open another over the same data. */
export interface StorageContractContext {
  storage(): Storage;
  open(): Promise<Storage>;
}

/** A unique suffix so tests sharing one backing store never see each other's rows. */
export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** A valid case draft; override what the test is about. */
export function caseDraft(overrides: Partial<CaseDraft> = {}): CaseDraft {
  const user = overrides.userKey ?? unique('web:u');
  return {
    userKey: user,
    channel: 'web',
    conversationKey: user,
    category: 'wages',
    facts: { employer: '某配送站', amount: 3200 },
    summary: '站长拖欠三月份工资 3200 元。',
    anonymous: false,
    tier: 'three_days',
    dueAt: '2101-03-04T10:00:00.000Z',
    warnings: [],
    locale: 'zh-CN',
    evidence: [],
    ...overrides,
  };
}

/** An outgoing or incoming log entry for a conversation. */
export function logEntry(
  conversationKey: string,
  direction: 'in' | 'out',
  text: string,
  overrides: Partial<Omit<LoggedMessage, 'seq'>> = {},
): Omit<LoggedMessage, 'seq'> {
  const message: OutgoingMessage = { id: unique('m'), text, meta: { intent: 'test' } };
  return {
    conversationKey,
    direction,
    author: direction === 'in' ? 'worker' : 'bot',
    message,
    at: '2101-05-01T08:00:00.000Z',
    delivered: direction === 'in',
    ...overrides,
  };
}

/** Assert that a promise rejects with a GongyouError of the given code. */
export async function expectGongyouError(promise: Promise<unknown>, code: GongyouError['code']): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GongyouError);
  expect((error as GongyouError).code).toBe(code);
}
