/** `gongyou data rotate-key`: everything sealed under the old key opens under the new one alone. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rotateDataKey } from '../../src/admin/data-commands.js';
import { DataSealer, parseDataKey } from '../../src/core/sealing.js';
import { openEmbeddedStorage } from '../../src/storage/embedded.js';
import { openSharedStorage } from '../../src/storage/shared.js';
import type { Storage } from '../../src/storage/types.js';
import { caseDraft, logEntry } from '../contracts/storage-fixtures.js';
import { dropIsolated, isolatedNames, TEST_DATABASE_URL, TEST_REDIS_URL } from './shared-env.js';

const PHOTO = Buffer.from('payslip 13912345678');

async function fill(storage: Storage): Promise<{ id: string; sha: string }> {
  const created = await storage.cases.createCase(caseDraft({ userKey: 'web:rot', contact: { phone: '13912345678', name: '王' } }), 'bot', new Date('2101-01-01T00:00:00Z'));
  await storage.messages.append(logEntry('web:rot', 'in', '电话 13912345678'));
  await storage.state.set('web:rot', { phone: '13912345678' });
  await storage.unanswered.record({ at: '2101-01-01T00:00:00.000Z', question: '王师傅摔伤了平台赔吗', confidence: 0.1, found: [] });
  const sha = await storage.blobs.put(PHOTO);
  return { id: created.id, sha };
}

async function check(storage: Storage, ids: { id: string; sha: string }): Promise<void> {
  expect((await storage.cases.getCase(ids.id))?.contact?.phone).toBe('13912345678');
  expect((await storage.messages.transcript('web:rot'))[0].message.text).toBe('电话 13912345678');
  expect(await storage.state.get('web:rot')).toEqual({ phone: '13912345678' });
  expect((await storage.unanswered.entries()).map((note) => note.question)).toEqual(['王师傅摔伤了平台赔吗']);
  expect(await storage.blobs.get(ids.sha)).toEqual(PHOTO);
}

/** The old key opens no note any more (each is opened on its own, so this is checked apart from the case). */
async function notesRefuse(storage: Storage): Promise<void> {
  await expect(storage.unanswered.entries()).rejects.toThrow(/not configured/);
}

describe('data rotate-key', () => {
  const oldKey = randomBytes(32).toString('base64');
  const newKey = randomBytes(32).toString('base64');

  it('embedded: re-wraps every record and file; the old key then opens nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-rotate-'));
    try {
      const before = await openEmbeddedStorage({ dataDir: dir, sealer: new DataSealer(parseDataKey(oldKey)) });
      const ids = await fill(before);
      await before.close();
      const count = await rotateDataKey({ GONGYOU_DATA_DIR: dir, GONGYOU_DATA_KEY: oldKey }, newKey);
      expect(count).toBeGreaterThanOrEqual(4);
      const after = await openEmbeddedStorage({ dataDir: dir, sealer: new DataSealer(parseDataKey(newKey)) });
      await check(after, ids);
      await after.close();
      const stale = await openEmbeddedStorage({ dataDir: dir, sealer: new DataSealer(parseDataKey(oldKey)) });
      await expect(stale.cases.getCase(ids.id)).rejects.toThrow(/not configured/);
      await notesRefuse(stale);
      await stale.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('shared', () => {
    const names = isolatedNames('rotate');
    afterAll(() => dropIsolated(names));
    it('re-wraps rows, blobs and Redis state', async () => {
      const open = (key: string) =>
        openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, ...names, sealer: new DataSealer(parseDataKey(key)) });
      const before = await open(oldKey);
      const ids = await fill(before);
      await before.close();
      // the CLI uses the default Redis key prefix; the isolated run rotates through the storage directly
      const both = await openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, ...names });
      expect(await both.maintenance!.rewrap(new DataSealer(parseDataKey(newKey), [parseDataKey(oldKey)]))).toBeGreaterThanOrEqual(4);
      await both.close();
      const after = await open(newKey);
      await check(after, ids);
      await after.close();
      const stale = await open(oldKey);
      await notesRefuse(stale);
      await stale.close();
    });
  });
});
