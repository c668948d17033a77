/**
 * All configuration, read once from the environment and validated with zod.
 * Precedence: explicit option > environment > default. A bad value stops
 * start-up with a message naming the variable and what a valid value looks like.
 */
import path from 'node:path';
import { z } from 'zod';
import { GongyouError } from './core/errors.js';
import { parseDataKey } from './core/sealing.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'use true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const url = z.url({ message: 'use a full URL such as https://example.org/path' });
const port = z.coerce
  .number({ message: 'use a port number such as 3000' })
  .int('use a whole number')
  .min(0, 'use 0–65535')
  .max(65535, 'use 0–65535');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM such as 09:00');

/** The environment variables Gongyou reads, with their defaults. */
export const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().default('0.0.0.0'),
  GONGYOU_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GONGYOU_DEFAULT_LOCALE: z.enum(['zh-CN', 'en'], { message: 'use zh-CN or en' }).default('zh-CN'),
  GONGYOU_TIMEZONE_OFFSET: z.coerce.number().int().min(-12).max(14).default(8),
  WEB_RATE_LIMIT_PER_MINUTE: z.coerce.number({ message: 'use a whole number such as 60' }).int().min(1).max(100_000).default(60),
  WEB_ADDRESS_RATE_LIMIT_PER_MINUTE: z.coerce.number({ message: 'use a whole number such as 300' }).int().min(1).max(1_000_000).default(300),
  TRUST_PROXY: bool.default(false),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'use the address people open the server at, such as https://gongyou.example.org' })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),

  STORAGE: z.enum(['embedded', 'shared'], { message: 'use embedded or shared' }).default('embedded'),
  DATABASE_URL: url.optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'use lowercase letters, digits and _ (at most 63), e.g. gongyou' })
    .default('public'),
  REDIS_URL: url.optional(),
  GONGYOU_DATA_KEY: z
    .string()
    .refine((v) => {
      try {
        parseDataKey(v);
        return true;
      } catch {
        return false;
      }
    }, 'use 32 random bytes in base64 (44 characters), as `openssl rand -base64 32` prints')
    .optional(),
  RETENTION_CLOSED_CASE_DAYS: z.coerce.number({ message: 'use a whole number of days such as 365, or 0 to keep' }).int().min(0).max(36_500).default(0),
  RETENTION_MESSAGE_DAYS: z.coerce.number({ message: 'use a whole number of days such as 180, or 0 to keep' }).int().min(0).max(36_500).default(0),
  RETENTION_STATE_DAYS: z.coerce.number({ message: 'use a whole number of days such as 30, or 0 to keep' }).int().min(0).max(36_500).default(0),

  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: url.optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(4000),
  LLM_RERANK: bool.default(false),
  EMBEDDINGS_BASE_URL: url.optional(),
  EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  QA_HANDOFF_THRESHOLD: z.coerce.number().min(0).max(1).default(0.45),
  KB_RELOAD_SECONDS: z.coerce.number({ message: 'use a whole number of seconds such as 10, or 0 to turn it off' }).int().min(0).max(86_400).default(10),

  WORKING_HOURS_START: hhmm.default('09:00'),
  WORKING_HOURS_END: hhmm.default('18:00'),
  HOLIDAYS: list.default([]),
  COLLECTIVE_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  COLLECTIVE_MIN_CASES: z.coerce.number().int().min(2).max(1000).default(3),
  CRISIS_ESCALATION_MINUTES: z.coerce.number({ message: 'use a whole number of minutes such as 10' }).int().min(1).max(1440).default(10),

  TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
  TELEGRAM_MODE: z.enum(['webhook', 'polling'], { message: 'use webhook or polling' }).default('polling'),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'use 1–256 letters, digits, _ or -')
    .optional(),
  TELEGRAM_WEBHOOK_URL: url.optional(),
  TELEGRAM_API_ROOT: url.default('https://api.telegram.org'),

  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'a bot token starts with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'an app-level token starts with xapp-').optional(),
  SLACK_SOCKET_MODE: bool.default(false),
  SLACK_MEDIATOR_CHANNEL: z.string().min(1).optional(),
  SLACK_SUPERVISOR_CHANNEL: z.string().min(1).optional(),
  SLACK_MEDIATOR_USERS: list.default([]),
  SLACK_MEDIATOR_GROUPS: list.default([]),

  WECHAT_MODE: z.enum(['off', 'official-account', 'puppet'], { message: 'use off, official-account or puppet' }).default('off'),
  WECHAT_OA_APP_ID: z.string().min(1).optional(),
  WECHAT_OA_APP_SECRET: z.string().min(1).optional(),
  WECHAT_OA_TOKEN: z.string().min(1).optional(),
  WECHAT_OA_PORT: port.optional(),
  WECHATY_PUPPET: z.string().min(1).default('wechaty-puppet-service'),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().min(1).optional(),
});

/** Raw validated environment. */
export type Env = z.infer<typeof envSchema>;

/** Resolved configuration handed to the composition root. */
export interface AppConfig {
  env: Env;
  port: number;
  host: string;
  dataDir: string;
  llm?: { apiKey: string; baseURL?: string; model: string; timeoutMs: number };
  embeddings?: { apiKey: string; baseURL?: string; model: string };
  workingHours: { start: number; end: number };
  holidays: string[];
}

/** Explain every problem in one message: variable, what is wrong, what is valid. */
function explain(error: z.ZodError): string {
  const lines = error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
  return `配置有误，无法启动 / invalid configuration:\n${lines.join('\n')}\n(see .env.example)`;
}

/** Minutes after midnight for HH:MM. */
function minutes(hhmmValue: string): number {
  const [h, m] = hhmmValue.split(':').map(Number);
  return h * 60 + m;
}

/**
 * Read and validate the configuration. Empty strings count as unset so that
 * a copied .env.example with blank values works.
 */
export function loadConfig(
  source: Record<string, string | undefined> = process.env,
  overrides: Partial<Env> = {},
): AppConfig {
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value.trim() !== '') cleaned[key] = value.trim();
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) throw new GongyouError('config_invalid', explain(parsed.error));
  const env: Env = { ...parsed.data, ...overrides };
  const problems: string[] = [];
  if (env.STORAGE === 'shared' && (!env.DATABASE_URL || !env.REDIS_URL)) {
    problems.push('  STORAGE=shared needs DATABASE_URL (postgres://…) and REDIS_URL (redis://…)');
  }
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_SOCKET_MODE) {
    problems.push('  SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN for HTTP events (or set SLACK_SOCKET_MODE=true)');
  }
  if (env.SLACK_SOCKET_MODE && !env.SLACK_APP_TOKEN) problems.push('  SLACK_APP_TOKEN: required with SLACK_SOCKET_MODE=true');
  if (env.TELEGRAM_BOT_TOKEN && env.TELEGRAM_MODE === 'webhook' && !env.TELEGRAM_WEBHOOK_SECRET) {
    problems.push('  TELEGRAM_WEBHOOK_SECRET: required with TELEGRAM_MODE=webhook');
  }
  if (env.WECHAT_MODE === 'official-account' && !(env.WECHAT_OA_APP_ID && env.WECHAT_OA_APP_SECRET && env.WECHAT_OA_TOKEN)) {
    problems.push('  WECHAT_OA_APP_ID, WECHAT_OA_APP_SECRET, WECHAT_OA_TOKEN: all required with WECHAT_MODE=official-account');
  }
  if (minutes(env.WORKING_HOURS_END) <= minutes(env.WORKING_HOURS_START)) {
    problems.push('  WORKING_HOURS_END: must be later than WORKING_HOURS_START');
  }
  const badHoliday = env.HOLIDAYS.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d));
  if (badHoliday) problems.push(`  HOLIDAYS: "${badHoliday}" is not a date; use a comma list like 2026-10-01,2026-10-02`);
  if (problems.length) {
    throw new GongyouError('config_invalid', `配置有误，无法启动 / invalid configuration:\n${problems.join('\n')}\n(see .env.example)`);
  }
  return {
    env,
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.GONGYOU_DATA_DIR),
    llm: env.OPENAI_API_KEY
      ? { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL, timeoutMs: env.OPENAI_TIMEOUT_MS }
      : undefined,
    embeddings:
      env.EMBEDDINGS_MODEL && (env.EMBEDDINGS_API_KEY || env.OPENAI_API_KEY)
        ? {
            apiKey: (env.EMBEDDINGS_API_KEY ?? env.OPENAI_API_KEY)!,
            baseURL: env.EMBEDDINGS_BASE_URL ?? env.OPENAI_BASE_URL,
            model: env.EMBEDDINGS_MODEL,
          }
        : undefined,
    workingHours: { start: minutes(env.WORKING_HOURS_START) / 60, end: minutes(env.WORKING_HOURS_END) / 60 },
    holidays: env.HOLIDAYS,
  };
}
