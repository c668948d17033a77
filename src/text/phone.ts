/** Mainland mobile numbers: "13812345678", "138 1234 5678", "+86 138-1234-5678". */
import { normalizeAnswer } from './normalize.js';

const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/;

/** The 11-digit mobile number in a text, or null. */
export function parsePhone(text: string): string | null {
  const m = MOBILE.exec(normalizeAnswer(text));
  return m ? `${m[1]}${m[2]}${m[3]}` : null;
}

/** A mobile number with the middle four digits hidden, for logs and group-safe display. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}
