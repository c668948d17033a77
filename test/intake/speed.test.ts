import { describe, expect, it } from 'vitest';
import { measure, runConversation } from './bench-intake.js';

/** The benchmark needs 2,000 turns/s including storage; intake alone must stay far below that budget. */
const BUDGET_TURNS_PER_SECOND = 2_000;

describe('intake speed', () => {
  it('runs a turn (with a JSON save/load) well within the per-turn budget of the benchmark', () => {
    for (let i = 0; i < 50; i++) runConversation(true);
    const rate = measure(true, 500);
    expect(rate).toBeGreaterThan(BUDGET_TURNS_PER_SECOND);
  });
});
