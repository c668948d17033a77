/** The Slack channel adapter (@slack/bolt): Events API over the shared server or Socket Mode in, Web API out. */
import { App, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import { parseConversationKey } from '../../src/core/conversation-key.js';
import { GongyouError } from '../../src/core/errors.js';
import type { Attachment, BotHandler, ChannelAdapter, ChannelCapabilities, HttpRoute, IncomingMessage, OutgoingMessage } from '../../src/core/types.js';
import { systemClock } from '../../src/core/types.js';
import { KeyedQueue } from '../../src/core/keyed-queue.js';
import { deliverToCore } from '../shared/delivery.js';
import { DEFAULT_MAX_ATTACHMENT_BYTES, downloadFile, type FetchLike } from '../shared/download.js';
import { silentLogger, type AdapterLogger } from '../shared/logger.js';
import { withRetry, type RetryOptions } from '../shared/retry.js';
import { CHOICE_ACTION_PATTERN, renderSlackMessage } from './blocks.js';
import { toBoltLogger } from './bolt-logger.js';
import { resolveSlackConfig, type ResolvedSlackConfig, type SlackAdapterConfig } from './config.js';
import { translateSlackError } from './errors.js';
import { fromButton, fromMention, fromMessageEvent, type NormalisedSlackInput, type SlackBlockActionsBody, type SlackButtonAction, type SlackFileRef, type SlackMessageEvent, type SlackReplyTarget } from './normalise.js';
import { FetchRequestReceiver } from './receiver.js';
import { registerSlackMediatorConsole } from './mediator/console.js';

/** The Slack adapter; `app` is its Bolt App (the mediator console, when configured, registers its handlers there). */
export interface SlackAdapter extends ChannelAdapter {
  readonly app: App;
}

const capabilities: ChannelCapabilities = { buttons: true, threads: true, edits: false, maxTextLength: 40_000, attachments: true };

/** Create the Slack adapter; throws GongyouError('config_invalid') on a bad config. */
export function createSlackAdapter(config: SlackAdapterConfig): SlackAdapter {
  return new BoltAdapter(resolveSlackConfig(config));
}

class BoltAdapter implements SlackAdapter {
  readonly name = 'slack';
  readonly capabilities = capabilities;
  readonly routes?: HttpRoute[];
  readonly app: App;
  private readonly logger: AdapterLogger;
  private readonly fetchFn: FetchLike;
  private readonly receiver: Receiver;
  private readonly socketMode?: SocketModeReceiver;
  private readonly queue = new KeyedQueue();
  private readonly staffChannels: Set<string>;
  private core?: BotHandler;
  private identity?: Promise<{ botUserId?: string; botId?: string }>;

  constructor(private readonly config: ResolvedSlackConfig) {
    this.logger = config.logger ?? silentLogger;
    this.fetchFn = config.fetch ?? ((input, init) => fetch(input, init));
    this.staffChannels = new Set(config.staffChannels ?? []);
    const boltLogger = toBoltLogger(this.logger);
    if (config.socketMode) {
      this.socketMode = new SocketModeReceiver({ appToken: config.appToken!, logger: boltLogger });
      this.receiver = this.socketMode;
    } else {
      const receiver = new FetchRequestReceiver({
        signingSecret: config.signingSecret,
        clock: config.clock ?? systemClock,
        logger: this.logger,
        isReady: () => this.core !== undefined,
      });
      this.receiver = receiver;
      this.routes = [{ method: 'POST', path: config.eventsPath, handle: (request) => receiver.handle(request) }];
    }
    this.app = new App({
      // our own authorize instead of `token`: Bolt would otherwise call auth.test while being constructed
      authorize: async () => ({ botToken: config.botToken, ...(await this.botIdentity()) }),
      receiver: this.receiver,
      logger: boltLogger,
      // our withRetry owns retries, so a rate limit is translated once instead of retried twice
      clientOptions: { rejectRateLimitedCalls: true, retryConfig: { retries: 0 } },
    });
    this.registerListeners();
    // for the adapter's lifetime: a restart by the channel starter (stop, then start) keeps the console
    if (config.mediatorConsole) {
      const client = new webApi.WebClient(config.botToken, { logger: boltLogger });
      registerSlackMediatorConsole(this.app, { client, ...config.mediatorConsole });
    }
  }

  async start(bot: BotHandler): Promise<void> {
    // a wrong token fails here, at boot, rather than on the first worker's message
    await this.botIdentity();
    this.core = bot;
    await this.app.start();
  }

  async stop(): Promise<void> {
    // Bolt's SocketModeReceiver.stop() returns before the socket has closed, and an envelope arriving
    // meanwhile would be acked and then dropped (the core is gone): wait for the close handshake
    await this.socketMode?.client.disconnect();
    await this.app.stop();
    await this.queue.onIdle();
    this.core = undefined;
  }

  async send(conversationKey: string, message: OutgoingMessage): Promise<void> {
    const parts = parseConversationKey(conversationKey);
    if (parts.channel !== 'slack') throw new GongyouError('bad_request', `not a Slack conversation: ${conversationKey}`);
    const channel = parts.roomId ?? parts.chatId!;
    // in a channel, @mention the worker so the message reaches them
    const addressed = parts.roomId && parts.userId ? { ...message, text: `<@${parts.userId}> ${message.text}` } : message;
    await this.queue.run(conversationKey, () => this.post({ channel }, addressed, parts.roomId !== undefined));
  }

  /** The bot's user and bot ids (auth.test), fetched once; a failure is forgotten so the next event tries again. */
  private botIdentity(): Promise<{ botUserId?: string; botId?: string }> {
    this.identity ??= withRetry(() => this.app.client.auth.test({ token: this.config.botToken }), this.retryOptions()).then(
      (result) => ({ botUserId: result.user_id, botId: result.bot_id }),
      (error: unknown) => {
        this.identity = undefined;
        throw error;
      },
    );
    return this.identity;
  }

  private registerListeners(): void {
    this.app.event('message', async ({ event, context }) => {
      await this.accept(fromMessageEvent(event as unknown as SlackMessageEvent, context.botUserId));
    });
    this.app.event('app_mention', async ({ event, context }) => {
      await this.accept(fromMention(event as unknown as SlackMessageEvent, context.botUserId));
    });
    this.app.action(CHOICE_ACTION_PATTERN, async ({ ack, body, action }) => {
      await ack();
      await this.accept(fromButton(body as unknown as SlackBlockActionsBody, action as unknown as SlackButtonAction));
    });
  }

  /** Hand one normalised input to the core and post its replies; never throws. */
  private async accept(input: NormalisedSlackInput | undefined): Promise<void> {
    const core = this.core;
    if (!input || !core) return;
    const { message: base, files, target } = input;
    const roomId = parseConversationKey(base.conversationKey).roomId;
    if (roomId !== undefined && this.staffChannels.has(roomId)) return;
    await this.queue.run(base.conversationKey, async () => {
      const message: IncomingMessage = { ...base, attachments: await this.download(files, base.messageId), receivedAt: (this.config.clock ?? systemClock).now() };
      await deliverToCore(message, { bot: core, logger: this.logger, sendReply: (reply) => this.post(target, reply, base.isGroup) });
    });
  }

  private async post(target: SlackReplyTarget, message: OutgoingMessage, unfurlOff: boolean): Promise<void> {
    for (const part of renderSlackMessage(message)) {
      await withRetry(
        () =>
          this.app.client.chat.postMessage({
            token: this.config.botToken,
            channel: target.channel,
            thread_ts: target.threadTs,
            text: part.text,
            blocks: part.blocks,
            // link previews in a public channel could show more than the answer meant to
            unfurl_links: !unfurlOff,
          }),
        this.retryOptions(),
      );
    }
  }

  /** Fetch each file with the bot token; one that cannot be fetched is kept as its url_private so the evidence is not lost. */
  private async download(files: SlackFileRef[], messageId: string): Promise<Attachment[]> {
    const maxBytes = this.config.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
    const attachments: Attachment[] = [];
    for (const file of files) {
      const attachment: Attachment = { kind: file.kind, name: file.name, mimeType: file.mimeType, url: file.url };
      if (file.size !== undefined && file.size > maxBytes) {
        this.logger.info({ messageId, size: file.size }, 'slack file too large to download; kept as a link');
      } else {
        try {
          const downloaded = await withRetry(
            () => downloadFile(this.fetchFn, file.url, { headers: { authorization: `Bearer ${this.config.botToken}` }, maxBytes }),
            this.retryOptions(),
          );
          // Slack answers a missing token with its HTML sign-in page, not an error status
          if (downloaded.mimeType === 'text/html' && file.mimeType !== 'text/html') throw new GongyouError('platform_refused', 'Slack sent a sign-in page instead of the file');
          attachment.data = downloaded.data;
          attachment.mimeType ??= downloaded.mimeType;
        } catch (error) {
          this.logger.warn({ messageId, err: error }, 'slack file not downloaded');
        }
      }
      attachments.push(attachment);
    }
    return attachments;
  }

  private retryOptions(): RetryOptions {
    return {
      retries: this.config.retries,
      sleep: this.config.sleep,
      translate: translateSlackError,
      onRateLimit: (waitMs) => this.logger.warn({ waitMs }, 'slack rate limit: waiting'),
    };
  }
}
