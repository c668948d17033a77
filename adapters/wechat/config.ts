/** What the WeChat adapter needs to run, read from options or environment and checked once. */
import type { Clock, Locale } from '../../src/core/types.js';
import { GongyouError } from '../../src/core/errors.js';
import type { WechatyOptions } from 'wechaty';
import type { AdapterLogger } from '../shared/logger.js';

/** A puppet object as Wechaty accepts it (e.g. a PuppetMock in tests). */
export type WechatyPuppetInstance = Exclude<WechatyOptions['puppet'], string | undefined>;

/** The official account's credentials from its admin console (设置与开发 → 基本配置). */
export interface OfficialAccountConfig {
  appId: string;
  appSecret: string;
  /** The "Token" typed into the server configuration; signs every webhook call. */
  token: string;
  /** Serve the webhook on its own port too; without it, mount `routes` on the shared server. */
  port?: number;
  /** The puppet's localtunnel option; refused: WeChat must reach our signature-checking front route, not the puppet. */
  webhookProxyUrl?: string;
}

/** Options of createWechatAdapter. */
export interface WechatAdapterConfig {
  mode: 'official-account' | 'puppet';
  /** Puppet module name, e.g. wechaty-puppet-service. */
  puppet?: string;
  /** WECHATY_PUPPET_SERVICE_TOKEN for a puppet service. */
  puppetToken?: string;
  /** A ready puppet (tests inject a PuppetMock); wins over `puppet`. */
  puppetInstance?: WechatyPuppetInstance;
  officialAccount?: OfficialAccountConfig;
  /** Give WeChat an interim passive reply after this long (default 4500, must stay under WeChat's 5000). */
  passiveReplyMs?: number;
  /** Customer-service window after the worker's last message (default 48). */
  serviceWindowHours?: number;
  clock?: Clock;
  logger?: AdapterLogger;
  /** Injected for downloading photos, voice and video; defaults to global fetch. */
  fetch?: typeof fetch;
  /** Where the official-account puppet keeps its contact cache (`<dataDir>/wechat-official-account`); unset = the puppet's ~/.wechaty. */
  dataDir?: string;
  /** Longest wait for one call to api.weixin.qq.com (default 10000). */
  apiTimeoutMs?: number;
  /** Injected wait between retries so tests never sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Language of the adapter's own sentences (interim reply, choice hint); default zh-CN. */
  locale?: Locale;
  /** Path of the webhook route on the shared server; default /wechat/official-account. */
  webhookPath?: string;
}

/** WeChat gives up on a passive reply after 5 s; leave room for the network. */
const WECHAT_PASSIVE_DEADLINE_MS = 5000;

function invalid(message: string): GongyouError {
  return new GongyouError('config_invalid', message);
}

/** Check the options once at construction so a mistake names the field and a valid value. */
export function validateWechatConfig(config: WechatAdapterConfig): void {
  if (config.mode !== 'official-account' && config.mode !== 'puppet') {
    throw invalid(`WeChat mode must be 'official-account' or 'puppet', got '${String(config.mode)}' (WECHAT_MODE)`);
  }
  const passive = config.passiveReplyMs;
  if (passive !== undefined && (!Number.isInteger(passive) || passive < 1 || passive >= WECHAT_PASSIVE_DEADLINE_MS)) {
    throw invalid(`passiveReplyMs must be a whole number of milliseconds between 1 and 4999, got ${passive}`);
  }
  const apiTimeout = config.apiTimeoutMs;
  if (apiTimeout !== undefined && (!Number.isInteger(apiTimeout) || apiTimeout < 1)) {
    throw invalid(`apiTimeoutMs must be a whole number of milliseconds above 0, e.g. 10000, got ${apiTimeout}`);
  }
  const hours = config.serviceWindowHours;
  if (hours !== undefined && !(hours > 0 && hours <= 48)) {
    throw invalid(`serviceWindowHours must be above 0 and at most 48 (WeChat's limit), got ${hours}`);
  }
  if (config.mode === 'puppet') {
    if (!config.puppetInstance && !config.puppet) {
      throw invalid('WeChat puppet mode needs a puppet module name, e.g. WECHATY_PUPPET=wechaty-puppet-service');
    }
    return;
  }
  const oa = config.officialAccount;
  if (!oa) throw invalid('WeChat official-account mode needs WECHAT_OA_APP_ID, WECHAT_OA_APP_SECRET and WECHAT_OA_TOKEN');
  if (!oa.appId) throw invalid('WECHAT_OA_APP_ID is empty: copy the AppID (wx…) from the official account admin console');
  if (!oa.appSecret) throw invalid('WECHAT_OA_APP_SECRET is empty: copy the AppSecret from the official account admin console');
  if (!/^[A-Za-z0-9]{3,32}$/.test(oa.token)) {
    throw invalid('WECHAT_OA_TOKEN must be 3 to 32 letters or digits, the same Token typed into the server configuration');
  }
  if (oa.port !== undefined && (!Number.isInteger(oa.port) || oa.port < 0 || oa.port > 65535)) {
    throw invalid(`WECHAT_OA_PORT must be a port number 0-65535, got ${oa.port}`);
  }
  if (oa.webhookProxyUrl) {
    throw invalid('webhookProxyUrl (a localtunnel) is not supported: expose the shared server or WECHAT_OA_PORT through your HTTPS proxy');
  }
}

/** Read the adapter's options from the environment; undefined when WECHAT_MODE is unset (WeChat off). */
export function wechatConfigFromEnv(env: Record<string, string | undefined> = process.env): WechatAdapterConfig | undefined {
  const mode = env.WECHAT_MODE?.trim();
  if (!mode) return undefined;
  if (mode !== 'official-account' && mode !== 'puppet') {
    throw invalid(`WECHAT_MODE must be 'official-account' or 'puppet', got '${mode}'`);
  }
  if (mode === 'puppet') {
    return { mode, puppet: env.WECHATY_PUPPET?.trim() || undefined, puppetToken: env.WECHATY_PUPPET_SERVICE_TOKEN?.trim() || undefined };
  }
  const portText = env.WECHAT_OA_PORT?.trim();
  const port = portText ? Number(portText) : undefined;
  if (portText && !Number.isInteger(port)) throw invalid(`WECHAT_OA_PORT must be a port number such as 8788, got '${portText}'`);
  return {
    mode,
    officialAccount: {
      appId: env.WECHAT_OA_APP_ID?.trim() ?? '',
      appSecret: env.WECHAT_OA_APP_SECRET?.trim() ?? '',
      token: env.WECHAT_OA_TOKEN?.trim() ?? '',
      port,
    },
  };
}
