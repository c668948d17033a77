/**
 * Structured logs (pino) that never carry personal data: phone and ID numbers
 * are masked wherever they appear in a logged string, and fields that hold
 * names, contacts, message text or tokens are redacted by path.
 */
import { pino, type Logger, type DestinationStream } from 'pino';
import { maskIdNumbers } from './personal-data.js';

export type { Logger } from 'pino';

const PHONE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;
const ID_CARD = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;

/** Mask phone and ID numbers inside free text (ID numbers however they are spaced, see personal-data.ts). */
export function scrubText(text: string): string {
  return maskIdNumbers(text).replace(ID_CARD, '[身份证号已隐藏]').replace(PHONE, '[手机号已隐藏]');
}

/** Recursively scrub strings in a log record (bounded depth: logs are small). */
function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value instanceof Error) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrub(v, depth + 1);
  return out;
}

/** Fields that may hold personal data or secrets, removed from every record. */
export const REDACTED_PATHS = [
  'name',
  '*.name',
  'senderName',
  '*.senderName',
  'contact',
  '*.contact',
  'phone',
  '*.phone',
  'idNumber',
  '*.idNumber',
  'text',
  '*.text',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
];

/** Create the process logger. */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'gongyou' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { log: (record) => scrub(record) as Record<string, unknown> },
      hooks: {
        // The message string is not part of the record the formatter sees; scrub it here.
        logMethod(args, method) {
          const cleaned = args.map((a) => (typeof a === 'string' ? scrubText(a) : a));
          return method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
