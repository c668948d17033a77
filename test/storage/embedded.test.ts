/** The embedded SQLite storage: the shared contract, then what only the embedded backend promises. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openEmbeddedStorage } from '../../src/storage/embedded.js';
import { describeStorageContract } from '../contracts/storage.contract.js';
import { randomBytes } from 'node:crypto';
import { DataSealer } from '../../src/core/sealing.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'gongyou-embedded-contract-'));

describeStorageContract(
  'embedded (SQLite + keyv + files)',
  () => openEmbeddedStorage({ dataDir }),
  async () => rmSync(dataDir, { recursive: true, force: true }),
);

const sealedDir = mkdtempSync(path.join(tmpdir(), 'gongyou-embedded-sealed-'));
const sealer = new DataSealer(randomBytes(32));
describeStorageContract(
  'embedded, personal data encrypted (GONGYOU_DATA_KEY)',
  () => openEmbeddedStorage({ dataDir: sealedDir, sealer }),
  async () => rmSync(sealedDir, { recursive: true, force: true }),
);
