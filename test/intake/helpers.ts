/** Shared fixtures for intake tests: a fixed clock and a driver that feeds messages through the machine. */
import { expect } from 'vitest';
import type { Clock, Locale } from '../../src/core/types.js';
import { intakeStateSchema, startIntake, stepIntake, type IntakeContext, type IntakeInput, type IntakeResult } from '../../src/intake/index.js';

/** Wednesday 20 May 2026, 10:00 China time. */
export const WEDNESDAY_MORNING = new Date('2026-05-20T10:00:00+08:00');

/** A clock stopped at one instant. */
export function fixedClock(at: Date = WEDNESDAY_MORNING): Clock {
  return { now: () => new Date(at.getTime()) };
}

/** An intake context for a web chat user. */
export function intakeContext(locale: Locale = 'zh-CN', clock: Clock = fixedClock()): IntakeContext {
  return { clock, locale, userKey: 'web:u1', channel: 'web', conversationKey: 'web:c1' };
}

/** A message as text, or a full input. */
export type Say = string | IntakeInput;

function toInput(say: Say): IntakeInput {
  return typeof say === 'string' ? { text: say } : say;
}

/** Text of the last reply of a result. */
export function lastText(result: IntakeResult): string {
  return result.replies[result.replies.length - 1]?.text ?? '';
}

/**
 * Feed messages one by one, checking after each that the saved state is valid JSON for the
 * schema, as a caller saving state every turn would need. Returns every result.
 */
export function converse(first: Say, rest: Say[], ctx: IntakeContext = intakeContext()): IntakeResult[] {
  const results = [startIntake(toInput(first), ctx)];
  for (const say of rest) {
    const previous = results[results.length - 1];
    if (!previous.state) throw new Error(`intake ended before "${JSON.stringify(say)}"`);
    const saved = JSON.parse(JSON.stringify(previous.state));
    expect(intakeStateSchema.safeParse(saved).success).toBe(true);
    results.push(stepIntake(saved, toInput(say), ctx));
  }
  return results;
}

/** The last result of a conversation. */
export function finalResult(results: IntakeResult[]): IntakeResult {
  return results[results.length - 1];
}

/** A fake evidence ref with a distinct hash per index. */
export function evidenceRef(index: number) {
  return {
    sha256: index.toString(16).padStart(64, '0'),
    name: `photo-${index}.jpg`,
    mimeType: 'image/jpeg',
    size: 1000 + index,
    receivedAt: WEDNESDAY_MORNING.toISOString(),
  };
}
