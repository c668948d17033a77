/**
 * Part of the composition root: creates the channel adapters the
 * configuration enables. Each SDK is imported only when its channel is on,
 * so a run with no accounts loads none of them.
 */
import type { AppConfig } from '../config.js';
import type { ChannelAdapter } from '../core/types.js';
import type { Logger } from '../core/logger.js';
import type { MediatorActions } from '../core/mediator.js';
import type { ConversationStateStore } from '../core/ports.js';

/** What the configured adapters need from the rest of Gongyou; createGongyou builds these first. */
export interface AdapterParts {
  /** The mediator desk, for the Slack mediator console. */
  desk: MediatorActions;
  /** Durable key/value store: the Slack console keeps its case ↔ thread links there. */
  state: ConversationStateStore;
}

/** Adapters enabled by their environment variables alone (the web chat is not one: createGongyou builds it in every install). */
export async function createConfiguredAdapters(config: AppConfig, logger: Logger, parts: AdapterParts): Promise<ChannelAdapter[]> {
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
        mediatorConsole: env.SLACK_MEDIATOR_CHANNEL
          ? {
              desk: parts.desk,
              channel: env.SLACK_MEDIATOR_CHANNEL,
              supervisorChannel: env.SLACK_SUPERVISOR_CHANNEL,
              allowedUsers: env.SLACK_MEDIATOR_USERS,
              allowedGroups: env.SLACK_MEDIATOR_GROUPS,
              threads: parts.state,
              logger,
              utcOffsetHours: env.GONGYOU_TIMEZONE_OFFSET,
              publicUrl: env.PUBLIC_URL,
            }
          : undefined,
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
