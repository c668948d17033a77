/** RETENTION_STATE_DAYS on the embedded store (SQLite), with a fake clock; sealed state too (GONGYOU_DATA_KEY). */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSealer } from '../../src/core/sealing.js';
import { openEmbeddedStorage } from '../../src/storage/embedded.js';
import { describeStateRetention } from '../contracts/state-retention.contract.js';

for (const sealer of [undefined, new DataSealer(randomBytes(32))]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-state-retention-'));
  describeStateRetention(
    sealer ? 'embedded (SQLite), sealed' : 'embedded (SQLite)',
    (clock) => openEmbeddedStorage({ dataDir: dir, clock, sealer }),
    async () => rmSync(dir, { recursive: true, force: true }),
  );
}
