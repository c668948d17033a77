/**
 * Personal data at rest: envelope encryption with AES-256-GCM from node:crypto. Each
 * sealed value gets its own random data key; the data key is wrapped by the master key
 * (`GONGYOU_DATA_KEY`, 32 random bytes in base64) and stored beside the ciphertext. Rotating the
 * master key re-wraps the data keys only: the ciphertext is not touched.
 *
 * A sealed string: `gy1:<key id>:<wrapped data key>:<ciphertext>`, both parts base64 of
 * `iv (12) | tag (16) | bytes`. The key id is the first 8 hex of sha256(master key), so a value sealed
 * under a retired key is recognised (and opened, while that key is still given as a previous key).
 * Values that are not sealed (written before a key was configured) are read as they are.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { GongyouError } from './errors.js';

const PREFIX = 'gy1:';
const IV = 12;
const TAG = 16;

/** Parse and check a master key: base64 of exactly 32 bytes, as `openssl rand -base64 32` prints. */
export function parseDataKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || key.length !== 32) {
    throw new GongyouError(
      'config_invalid',
      `GONGYOU_DATA_KEY must be 32 random bytes in base64 (44 characters, as \`openssl rand -base64 32\` prints); got ${key.length} bytes`,
    );
  }
  return key;
}

/** The id under which a master key's wrapped data keys are stored. */
export function dataKeyId(master: Buffer): string {
  return createHash('sha256').update(master).digest('hex').slice(0, 8);
}

function encrypt(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function decrypt(key: Buffer, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV));
  decipher.setAuthTag(sealed.subarray(IV, IV + TAG));
  return Buffer.concat([decipher.update(sealed.subarray(IV + TAG)), decipher.final()]);
}

/** Whether a string is a sealed value. */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** Seals and opens values with a master key (and opens with previous keys during a rotation). */
export class DataSealer {
  private readonly keys = new Map<string, Buffer>();
  readonly keyId: string;

  constructor(
    private readonly master: Buffer,
    previous: Buffer[] = [],
  ) {
    if (master.length !== 32) throw new GongyouError('config_invalid', 'the data key must be 32 bytes');
    this.keyId = dataKeyId(master);
    for (const key of [master, ...previous]) this.keys.set(dataKeyId(key), key);
  }

  /** Seal bytes: a fresh data key encrypts them; the master key wraps the data key. */
  sealBytes(plain: Buffer): { wrapped: Buffer; body: Buffer } {
    const dataKey = randomBytes(32);
    return { wrapped: encrypt(this.master, dataKey), body: encrypt(dataKey, plain) };
  }

  /** Open what sealBytes made, given the id of the key that wrapped it. */
  openBytes(keyId: string, wrapped: Buffer, body: Buffer): Buffer {
    return decrypt(this.unwrap(keyId, wrapped), body);
  }

  /** Re-wrap a data key under this sealer's master key. */
  rewrapKey(keyId: string, wrapped: Buffer): Buffer {
    return encrypt(this.master, this.unwrap(keyId, wrapped));
  }

  private unwrap(keyId: string, wrapped: Buffer): Buffer {
    const master = this.keys.get(keyId);
    if (!master) {
      throw new GongyouError('storage_failed', `personal data was sealed with data key ${keyId}, which is not configured (GONGYOU_DATA_KEY)`);
    }
    return decrypt(master, wrapped);
  }

  /** Seal a string. */
  seal(plain: string): string {
    const { wrapped, body } = this.sealBytes(Buffer.from(plain, 'utf8'));
    return `${PREFIX}${this.keyId}:${wrapped.toString('base64')}:${body.toString('base64')}`;
  }

  /** Open a sealed string; a string that is not sealed is returned as it is. */
  open(text: string): string {
    if (!isSealed(text)) return text;
    const [keyId, wrapped, body] = text.slice(PREFIX.length).split(':');
    return this.openBytes(keyId, Buffer.from(wrapped, 'base64'), Buffer.from(body, 'base64')).toString('utf8');
  }

  /** A sealed string with its data key re-wrapped under this sealer's master key (ciphertext unchanged). */
  rewrap(text: string): string {
    if (!isSealed(text)) return this.seal(text);
    const [keyId, wrapped, body] = text.slice(PREFIX.length).split(':');
    if (keyId === this.keyId) return text;
    return `${PREFIX}${this.keyId}:${this.rewrapKey(keyId, Buffer.from(wrapped, 'base64')).toString('base64')}:${body}`;
  }

  /** Seal any JSON value (as its JSON text). */
  sealJson(value: unknown): string {
    return this.seal(JSON.stringify(value));
  }

  /** Open a value sealed with sealJson; a value that is not sealed is returned as it is. */
  openJson<T>(value: unknown): T {
    return (isSealed(value) ? JSON.parse(this.open(value)) : value) as T;
  }
}

/** Blob envelope: magic, key id, wrapped key length, wrapped key, body. */
const BLOB_MAGIC = Buffer.from('GYB1');

/** Seal a file's bytes (evidence) the same way. */
export function sealBlob(sealer: DataSealer, plain: Buffer): Buffer {
  const { wrapped, body } = sealer.sealBytes(plain);
  const header = Buffer.alloc(4 + 8 + 2);
  BLOB_MAGIC.copy(header, 0);
  header.write(sealer.keyId, 4, 'ascii');
  header.writeUInt16BE(wrapped.length, 12);
  return Buffer.concat([header, wrapped, body]);
}

/** Whether stored bytes are a sealed blob. */
export function isSealedBlob(data: Buffer): boolean {
  return data.length >= 14 && data.subarray(0, 4).equals(BLOB_MAGIC);
}

function blobParts(data: Buffer): { keyId: string; wrapped: Buffer; body: Buffer } {
  const keyId = data.toString('ascii', 4, 12);
  const length = data.readUInt16BE(12);
  return { keyId, wrapped: data.subarray(14, 14 + length), body: data.subarray(14 + length) };
}

/** Open a sealed blob; bytes that are not sealed are returned as they are. */
export function openBlob(sealer: DataSealer | undefined, data: Buffer): Buffer {
  if (!isSealedBlob(data)) return data;
  if (!sealer) throw new GongyouError('storage_failed', 'an evidence file is encrypted but GONGYOU_DATA_KEY is not configured');
  const { keyId, wrapped, body } = blobParts(data);
  return sealer.openBytes(keyId, wrapped, body);
}

/** A sealed blob re-wrapped under the sealer's master key (or sealed, if it was plain). */
export function rewrapBlob(sealer: DataSealer, data: Buffer): Buffer {
  if (!isSealedBlob(data)) return sealBlob(sealer, data);
  const { keyId, wrapped, body } = blobParts(data);
  if (keyId === sealer.keyId) return data;
  const rewrapped = sealer.rewrapKey(keyId, wrapped);
  const header = Buffer.alloc(14);
  BLOB_MAGIC.copy(header, 0);
  header.write(sealer.keyId, 4, 'ascii');
  header.writeUInt16BE(rewrapped.length, 12);
  return Buffer.concat([header, rewrapped, body]);
}
