/** RETENTION_STATE_DAYS on the shared store (state in Redis), with a fake clock; state from before the write index counts from its first pass. */
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { openSharedStorage } from '../../src/storage/shared.js';
import type { Clock } from '../../src/core/types.js';
import { describeStateRetention } from '../contracts/state-retention.contract.js';
import { ManualClock } from '../handoff/harness.js';
import { dropIsolated, isolatedNames, TEST_DATABASE_URL, TEST_REDIS_URL } from './shared-env.js';

const names = isolatedNames('stateret');
const open = (clock: Clock) => openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, ...names, clock });
describeStateRetention('shared (Redis)', open, () => dropIsolated(names));

describe('state written before the index existed', () => {
  const legacy = isolatedNames('statelegacy');
  it('counts as written at the first retention pass, then expires like the rest', async () => {
    const clock = new ManualClock(new Date('2101-03-01T00:00:00.000Z'));
    const before = await openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, ...legacy, clock });
    const redis = createClient({ url: TEST_REDIS_URL });
    await redis.connect();
    try {
      await before.state.set('web:legacy', { v: 1, mode: 'bot', updatedAt: '2001-01-01T00:00:00.000Z' });
      await before.close();
      // an older release kept no index
      await redis.del(`${legacy.keyPrefix}state-touched`);
      const after = await openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, ...legacy, clock });
      const cutoff = () => new Date(clock.now().getTime() - 30 * 86_400_000);
      expect(await after.maintenance!.staleState(cutoff())).toEqual([]);
      clock.advance(31 * 24 * 60);
      expect(await after.maintenance!.staleState(cutoff())).toEqual(['web:legacy']);
      await after.close();
    } finally {
      await redis.close();
      await dropIsolated(legacy);
    }
  });
});
