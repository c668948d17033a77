/** The WeChat channel: the union's official account, or private and group chats through a Wechaty puppet. */
import type { WechatAdapterConfig, OfficialAccountConfig } from './config.js';
import { validateWechatConfig } from './config.js';
import { createOfficialAccountAdapter } from './official-account/oa-adapter.js';
import { createPuppetAdapter } from './puppet/puppet-adapter.js';
import type { WechatAdapter } from './wechat-adapter.js';

export type { WechatAdapterConfig, OfficialAccountConfig } from './config.js';
export { wechatConfigFromEnv } from './config.js';
export type { WechatAdapter } from './wechat-adapter.js';
export { DEFAULT_OFFICIAL_ACCOUNT_PATH } from './official-account/oa-adapter.js';
export { WECHAT_CAPABILITIES } from './capabilities.js';

/** Create the WeChat adapter for the configured mode; throws config_invalid naming the bad setting. */
export function createWechatAdapter(config: WechatAdapterConfig): WechatAdapter {
  validateWechatConfig(config);
  if (config.mode === 'official-account') {
    return createOfficialAccountAdapter(config as WechatAdapterConfig & { officialAccount: OfficialAccountConfig });
  }
  return createPuppetAdapter(config);
}
