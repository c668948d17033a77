/**
 * Evidence files on disk, addressed by sha256 under `<dir>/<sha[0..2]>/<sha>`.
 * Writes go to a temp file and are renamed into place, so a crash never leaves
 * a half-written photo under a valid hash.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { GongyouError } from '../core/errors.js';
import type { BlobStore } from '../core/ports.js';
import { openBlob, sealBlob, type DataSealer } from '../core/sealing.js';

/** sha256 of a buffer, lowercase hex: the address of a blob in every backend. */
export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** True for a lowercase hex sha256; anything else (including `../`) is never used as a path. */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

/** Refuse anything that is not a Buffer, so a string never gets stored under the hash of its UTF-8 bytes by accident. */
export function assertBlobData(data: unknown): asserts data is Buffer {
  if (!Buffer.isBuffer(data)) throw new GongyouError('bad_request', 'blob data must be a Buffer');
}

/** Blob store on the local disk (embedded default). */
export class FileBlobStore implements BlobStore {
  /** `dir` is created on first write; with a sealer, contents are stored encrypted (still addressed by the plain sha256). */
  constructor(
    private readonly dir: string,
    private readonly sealer?: DataSealer,
  ) {}

  /** Where a blob lives; exported for tests and backups. */
  pathOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  async put(data: Buffer): Promise<string> {
    assertBlobData(data);
    const sha256 = sha256Hex(data);
    const target = this.pathOf(sha256);
    if (await this.holdsIntact(target, sha256)) return sha256;
    // workers' photos and documents are personal data: readable by the service account only
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(this.sealer ? sealBlob(this.sealer, data) : data);
        // fsync before rename: otherwise a power cut can leave the renamed name pointing at empty content
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return sha256;
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    if (!isSha256Hex(sha256)) return undefined;
    let data: Buffer;
    try {
      data = openBlob(this.sealer, await readFile(this.pathOf(sha256)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    // Evidence may go to arbitration: a file that no longer matches its hash must not pass as genuine.
    if (sha256Hex(data) !== sha256) {
      throw new GongyouError('storage_failed', `evidence file ${sha256} is corrupted on disk`);
    }
    return data;
  }

  /** An existing file counts only when intact, so a damaged copy gets rewritten by the next upload. */
  private async holdsIntact(target: string, sha256: string): Promise<boolean> {
    try {
      return sha256Hex(openBlob(this.sealer, await readFile(target))) === sha256;
    } catch {
      return false;
    }
  }
}
