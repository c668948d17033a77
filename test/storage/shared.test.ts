/** The shared PostgreSQL + Redis storage against real servers: the contract, run in an isolated schema and key prefix. */
import { openSharedStorage } from '../../src/storage/shared.js';
import { describeStorageContract } from '../contracts/storage.contract.js';
import { randomBytes } from 'node:crypto';
import { DataSealer } from '../../src/core/sealing.js';
import { dropIsolated, isolatedNames, TEST_DATABASE_URL, TEST_REDIS_URL } from './shared-env.js';

const names = isolatedNames('contract');

describeStorageContract(
  'shared (PostgreSQL + Redis)',
  () => openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, ...names }),
  () => dropIsolated(names),
);

const sealedNames = isolatedNames('sealed');
const sealer = new DataSealer(randomBytes(32));
describeStorageContract(
  'shared, personal data encrypted (GONGYOU_DATA_KEY)',
  () => openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, ...sealedNames, sealer }),
  () => dropIsolated(sealedNames),
);
