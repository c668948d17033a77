/**
 * Staff bearer tokens: only a hash is stored, so a copied database does not
 * hand out working logins.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A fresh token: 32 random bytes, base64url (43 characters, safe in headers and URLs). */
export function newStaffToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * sha256 hex of the token. A plain hash is enough (no salt or slow KDF) because
 * the token carries 256 bits of randomness; there is nothing to brute-force.
 */
export function hashStaffToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap shape check so obviously malformed tokens never reach the database. */
export function looksLikeStaffToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{20,200}$/.test(token);
}
