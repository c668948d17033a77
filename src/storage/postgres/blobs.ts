/** Evidence contents in PostgreSQL (bytea keyed by sha256), so every instance sees every upload. */
import type pg from 'pg';
import { GongyouError } from '../../core/errors.js';
import { assertBlobData, isSha256Hex, sha256Hex } from '../blobs.js';
import type { BlobStore } from '../../core/ports.js';
import { openBlob, sealBlob, type DataSealer } from '../../core/sealing.js';

/** BlobStore on PostgreSQL. */
export class PgBlobStore implements BlobStore {
  /** With a sealer, contents are stored encrypted (still addressed by the plain sha256). */
  constructor(
    private readonly pool: pg.Pool,
    private readonly sealer?: DataSealer,
  ) {}

  async put(data: Buffer): Promise<string> {
    assertBlobData(data);
    const sha256 = sha256Hex(data);
    // content-addressed: a second upload of the same file is a no-op
    await this.pool.query('INSERT INTO blobs (sha256, size, data) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING', [
      sha256,
      data.length,
      this.sealer ? sealBlob(this.sealer, data) : data,
    ]);
    return sha256;
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    if (!isSha256Hex(sha256)) return undefined;
    const { rows } = await this.pool.query<{ data: Buffer }>('SELECT data FROM blobs WHERE sha256 = $1', [sha256]);
    if (!rows[0]) return undefined;
    // Evidence may go to arbitration: content that no longer matches its hash must not pass as genuine.
    const data = openBlob(this.sealer, rows[0].data);
    if (sha256Hex(data) !== sha256) {
      throw new GongyouError('storage_failed', `evidence blob ${sha256} is corrupted in the database`);
    }
    return data;
  }
}
