/**
 * The storage contract: every Storage implementation must pass it. `open` must
 * open the same backing data each time it is called (that is how reopen and
 * two-instance races are tested); `cleanup` removes that data afterwards.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { Storage } from '../../src/storage/types.js';
import { describeAccountContract } from './storage-accounts.contract.js';
import { describeCaseContract } from './storage-cases.contract.js';
import type { StorageContractContext } from './storage-fixtures.js';
import { describeMessageContract } from './storage-messages.contract.js';
import { describeUnansweredContract } from './storage-unanswered.contract.js';
import { describePrivacyContract } from './storage-privacy.contract.js';
import { describeCannedReplyContract } from './storage-canned-replies.contract.js';

/** Run the whole storage contract against one backend. */
export function describeStorageContract(name: string, open: () => Promise<Storage>, cleanup: () => Promise<void>): void {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage | undefined;
    const ctx: StorageContractContext = {
      storage: () => {
        if (!storage) throw new Error('storage is not open (did beforeAll fail?)');
        return storage;
      },
      open,
    };

    beforeAll(async () => {
      storage = await open();
    });

    afterAll(async () => {
      try {
        await storage?.close();
      } finally {
        await cleanup();
      }
    });

    describeCaseContract(ctx);
    describeMessageContract(ctx);
    describeAccountContract(ctx);
    describeUnansweredContract(ctx);
    describePrivacyContract(ctx);
    describeCannedReplyContract(ctx);
  });
}
