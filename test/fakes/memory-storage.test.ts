/** The in-memory storage other tests use passes the storage contract every real backend passes. */
import { MemoryStorageData, openMemoryStorage } from './memory-storage.js';
import { describeStorageContract } from '../contracts/storage.contract.js';

const data = new MemoryStorageData();

describeStorageContract(
  'memory (test fake)',
  async () => openMemoryStorage({ data }),
  async () => undefined,
);
