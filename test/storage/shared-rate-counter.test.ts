/** The Redis rate counter passes the rate counter contract; each handle is a storage of its own (another instance). */
import { openSharedStorage } from '../../src/storage/shared.js';
import type { Storage } from '../../src/storage/types.js';
import { describeRateCounterContract } from '../contracts/rate-counter.contract.js';
import { dropIsolated, isolatedNames, TEST_DATABASE_URL, TEST_REDIS_URL } from './shared-env.js';

const names = isolatedNames('rates');
const opened: Storage[] = [];

describeRateCounterContract(
  'Redis (shared storage)',
  async () => {
    const storage = await openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, ...names });
    opened.push(storage);
    return storage.rates!;
  },
  async () => {
    await Promise.allSettled(opened.map((s) => s.close()));
    await dropIsolated(names);
  },
);
