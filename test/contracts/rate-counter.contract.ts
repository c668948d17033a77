/**
 * The rate counter contract: the in-memory counter and the Redis one count alike. `open` gives a
 * handle on the backing counts; handles opened on one store must count together (two instances of a
 * shared deployment), and `close` releases every handle opened.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { RateCounter } from '../../src/core/ports.js';

const MINUTE = 60_000;
/** A window start: 2101-01-01 08:00 UTC is a whole number of minutes, hours and quarter hours. */
const START = Date.parse('2101-01-01T08:00:00.000Z');
const at = (ms: number) => new Date(START + ms);

/** Run the contract against one backend. */
export function describeRateCounterContract(name: string, open: () => Promise<RateCounter>, close: () => Promise<void>): void {
  describe(`rate counter contract: ${name}`, () => {
    afterAll(close);
    let run = 0;
    /** A key no other test of this run uses. */
    const fresh = (label: string) => `${label}-${++run}`;

    it('counts each hit in the window, this one included; peek counts nothing; the window ends on its boundary', async () => {
      const counter = await open();
      const key = fresh('count');
      expect(await counter.peek(key, MINUTE, at(0))).toEqual({ count: 0, resetAt: START + MINUTE });
      expect(await counter.hit(key, MINUTE, at(0))).toEqual({ count: 1, resetAt: START + MINUTE });
      expect(await counter.hit(key, MINUTE, at(10_000))).toEqual({ count: 2, resetAt: START + MINUTE });
      expect(await counter.hit(key, MINUTE, at(59_999))).toEqual({ count: 3, resetAt: START + MINUTE });
      expect(await counter.peek(key, MINUTE, at(59_999))).toEqual({ count: 3, resetAt: START + MINUTE });
    });

    it('starts again from zero in the next window', async () => {
      const counter = await open();
      const key = fresh('next');
      for (let i = 0; i < 4; i++) await counter.hit(key, MINUTE, at(i * 1000));
      expect(await counter.peek(key, MINUTE, at(MINUTE))).toEqual({ count: 0, resetAt: START + 2 * MINUTE });
      expect(await counter.hit(key, MINUTE, at(MINUTE + 1))).toEqual({ count: 1, resetAt: START + 2 * MINUTE });
    });

    it('keeps keys and window lengths apart', async () => {
      const counter = await open();
      const [a, b] = [fresh('a'), fresh('b')];
      await counter.hit(a, MINUTE, at(0));
      await counter.hit(a, MINUTE, at(0));
      expect((await counter.hit(b, MINUTE, at(0))).count).toBe(1);
      expect(await counter.hit(a, 15 * MINUTE, at(0))).toEqual({ count: 1, resetAt: START + 15 * MINUTE });
      expect((await counter.peek(a, MINUTE, at(0))).count).toBe(2);
    });

    it('handles on one store count together, and hits at the same moment are each counted once', async () => {
      const [first, second] = [await open(), await open()];
      const key = fresh('together');
      const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? first : second).hit(key, MINUTE, at(0))));
      expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect((await second.peek(key, MINUTE, at(0))).count).toBe(40);
      expect((await first.peek(key, MINUTE, at(0))).count).toBe(40);
    });
  });
}
