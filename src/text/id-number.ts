/** Resident ID numbers (18 digits, GB 11643 check digit), recognised so intake can refuse to keep one it did not ask for. */
import { makeIsoDate } from './civil-date.js';
import { normalizeAnswer } from './normalize.js';
import { maskIdNumbers } from '../core/personal-data.js';

const ID_NUMBER = /(?<![0-9])([1-9]\d{5})(\d{4})(\d{2})(\d{2})(\d{3})([0-9Xx])(?![0-9])/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** A valid ID number and the birth date it encodes. */
export interface ParsedIdNumber {
  id: string;
  birthDate: string;
}

/** The check character the first 17 digits call for. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** A valid 18-digit ID number in a text (region, birth date and check digit all sound), or null. */
export function parseIdNumber(text: string): ParsedIdNumber | null {
  const m = ID_NUMBER.exec(normalizeAnswer(text));
  if (!m) return null;
  const id = m[0].toUpperCase();
  const birthDate = makeIsoDate(Number(m[2]), Number(m[3]), Number(m[4]));
  if (birthDate === null || Number(m[2]) < 1900) return null;
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) return null;
  return { id, birthDate };
}

/** An ID number with all but the first and last four characters hidden. */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? `${id.slice(0, 4)}**********${id.slice(14)}` : '****';
}

/**
 * A text with every ID number hidden, so one sent unasked is not kept. The same masking the stores
 * apply before writing (core/personal-data.ts), so "hidden, not saved" is true of what is saved.
 */
export function redactIdNumbers(text: string): string {
  return maskIdNumbers(text);
}
