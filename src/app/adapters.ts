/**
 * Part of the composition root: creates the channel adapters the
 * configuration enables. Each SDK is imported only when its channel is on,
 * so a run with no accounts loads none of them.
 */
import type { AppConfig } from '../config.js';
import type { ChannelAdapter } from '../core/types.js';
import type { Logger } from '../core/logger.js';

/** Adapters enabled by their environment variables alone. */
export async function createConfiguredAdapters(config: AppConfig, logger: Logger): Promise<ChannelAdapter[]> {
  const env = config.env;
  const adapters: ChannelAdapter[] = [];
  if (env.TELEGRAM_BOT_TOKEN) {
    const { createTelegramAdapter } = await import('../../adapters/telegram/index.js');
    adapters.push(
      createTelegramAdapter({
        token: env.TELEGRAM_BOT_TOKEN,
        mode: env.TELEGRAM_MODE,
        webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
        publicUrl: env.TELEGRAM_WEBHOOK_URL,
        apiRoot: env.TELEGRAM_API_ROOT,
        logger: logger.child({ adapter: 'telegram' }),
      }),
    );
  }
  if (env.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import('../../adapters/slack/index.js');
    adapters.push(
      createSlackAdapter({
        botToken: env.SLACK_BOT_TOKEN,
        signingSecret: env.SLACK_SIGNING_SECRET ?? '',
        appToken: env.SLACK_APP_TOKEN,
        socketMode: env.SLACK_SOCKET_MODE,
        // Mediators' channels belong to the mediator console, never to the worker bot.
        staffChannels: [env.SLACK_MEDIATOR_CHANNEL, env.SLACK_SUPERVISOR_CHANNEL].filter((c): c is string => Boolean(c)),
        logger: logger.child({ adapter: 'slack' }),
      }),
    );
  }
  if (env.WECHAT_MODE !== 'off') {
    const { createWechatAdapter } = await import('../../adapters/wechat/index.js');
    adapters.push(
      createWechatAdapter({
        mode: env.WECHAT_MODE,
        puppet: env.WECHATY_PUPPET,
        puppetToken: env.WECHATY_PUPPET_SERVICE_TOKEN,
        officialAccount:
          env.WECHAT_MODE === 'official-account'
            ? { appId: env.WECHAT_OA_APP_ID!, appSecret: env.WECHAT_OA_APP_SECRET!, token: env.WECHAT_OA_TOKEN!, port: env.WECHAT_OA_PORT }
            : undefined,
        // the official-account puppet's contact cache lives with the rest of our data, not in ~/.wechaty
        dataDir: config.dataDir,
        logger: logger.child({ adapter: 'wechat' }),
      }),
    );
  }
  return adapters;
}
