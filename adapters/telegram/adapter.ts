/** The Telegram channel adapter (telegraf): webhook or long polling in, Bot API out. */
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { parseConversationKey } from '../../src/core/conversation-key.js';
import { GongyouError } from '../../src/core/errors.js';
import type { Attachment, BotHandler, ChannelAdapter, ChannelCapabilities, HttpRoute, IncomingMessage, OutgoingMessage } from '../../src/core/types.js';
import { systemClock } from '../../src/core/types.js';
import { KeyedQueue } from '../../src/core/keyed-queue.js';
import { deliverToCore } from '../shared/delivery.js';
import { downloadFile, type FetchLike } from '../shared/download.js';
import { silentLogger } from '../shared/logger.js';
import { withRetry } from '../shared/retry.js';
import { resolveTelegramConfig, webhookUrl, type ResolvedTelegramConfig, type TelegramAdapterConfig } from './config.js';
import { translateTelegramError } from './errors.js';
import { normaliseUpdate, type BotIdentity, type NormalisedUpdate, type ReplyTarget, type TelegramFileRef } from './normalise.js';
import { CallbackDataRegistry, renderTelegramMessage, TELEGRAM_MAX_TEXT } from './render.js';
import { createTelegramWebhookRoute } from './webhook-route.js';

/** The Telegram adapter; `telegraf` is exposed for the composition root, not for the core. */
export interface TelegramAdapter extends ChannelAdapter {
  readonly telegraf: Telegraf;
}

const capabilities: ChannelCapabilities = { buttons: true, threads: false, edits: false, maxTextLength: TELEGRAM_MAX_TEXT, attachments: true };

/** Create the Telegram adapter; throws GongyouError('config_invalid') on a bad config. */
export function createTelegramAdapter(config: TelegramAdapterConfig): TelegramAdapter {
  return new TelegrafAdapter(resolveTelegramConfig(config));
}

class TelegrafAdapter implements TelegramAdapter {
  readonly name = 'telegram';
  readonly capabilities = capabilities;
  readonly routes?: HttpRoute[];
  readonly telegraf: Telegraf;
  private readonly logger;
  private readonly fetchFn: FetchLike;
  private readonly queue = new KeyedQueue();
  private readonly callbackData = new CallbackDataRegistry();
  private core?: BotHandler;
  private me?: BotIdentity;
  private polling?: Promise<void>;

  constructor(private readonly config: ResolvedTelegramConfig) {
    this.logger = config.logger ?? silentLogger;
    this.fetchFn = config.fetch ?? ((input, init) => fetch(input, init));
    this.telegraf = new Telegraf(config.token, { telegram: { apiRoot: config.apiRoot, webhookReply: false } });
    // one middleware sees every update; it never throws, so polling never stops on our bug
    this.telegraf.use((ctx) => this.process(ctx.update));
    if (config.mode === 'webhook') {
      this.routes = [
        createTelegramWebhookRoute({
          path: config.webhookPath,
          secret: config.webhookSecret!,
          logger: this.logger,
          isReady: () => this.core !== undefined,
          process: (update) => this.telegraf.handleUpdate(update).catch((error) => this.logger.error({ err: error }, 'telegram update failed')),
        }),
      ];
    }
  }

  async start(bot: BotHandler): Promise<void> {
    const info = await this.call(() => this.telegraf.telegram.getMe());
    this.me = { id: info.id, username: info.username };
    this.telegraf.botInfo = info;
    if (this.config.mode === 'webhook') {
      this.core = bot;
      if (this.config.publicUrl) {
        const url = webhookUrl(this.config.publicUrl, this.config.webhookPath);
        await this.call(() =>
          this.telegraf.telegram.setWebhook(url, { secret_token: this.config.webhookSecret, allowed_updates: ['message', 'callback_query'] }),
        );
      }
      return;
    }
    this.core = bot;
    let launched!: () => void;
    const ready = new Promise<void>((resolve) => (launched = resolve));
    this.polling = this.telegraf.launch({ allowedUpdates: ['message', 'callback_query'] }, () => launched());
    this.polling.catch((error) => this.logger.error({ err: translateTelegramError(error) }, 'telegram polling stopped'));
    await Promise.race([ready, this.polling]).catch((error: unknown) => {
      throw translateTelegramError(error);
    });
  }

  async stop(): Promise<void> {
    if (this.polling) {
      try {
        this.telegraf.stop('gongyou stop');
      } catch {
        // polling never got going (launch failed); there is nothing to stop
      }
      await this.polling.catch(() => undefined);
      this.polling = undefined;
    }
    await this.queue.onIdle();
    this.core = undefined;
  }

  async send(conversationKey: string, message: OutgoingMessage): Promise<void> {
    const parts = parseConversationKey(conversationKey);
    const chatId = parts.roomId ?? parts.chatId;
    if (parts.channel !== 'telegram' || chatId === undefined || !/^-?\d+$/.test(chatId)) {
      throw new GongyouError('bad_request', `not a Telegram conversation: ${conversationKey}`);
    }
    await this.queue.run(conversationKey, () => this.sendTo({ chatId: Number(chatId) }, message));
  }

  /** Handle one update end to end; never throws. */
  private async process(update: Update): Promise<void> {
    const core = this.core;
    if (!core || !this.me) return;
    let normalised: NormalisedUpdate | undefined;
    try {
      normalised = normaliseUpdate(update, this.me, (data) => this.callbackData.choiceFor(data));
    } catch (error) {
      this.logger.warn({ updateId: update.update_id, err: error }, 'telegram update could not be read');
      return;
    }
    if (!normalised) {
      this.logger.debug({ updateId: update.update_id }, 'telegram update ignored');
      return;
    }
    if (normalised.callbackQueryId) await this.answerButton(normalised.callbackQueryId);
    const { message: base, files, target } = normalised;
    await this.queue.run(base.conversationKey, async () => {
      const message: IncomingMessage = {
        ...base,
        attachments: await this.download(files, base.messageId),
        receivedAt: (this.config.clock ?? systemClock).now(),
      };
      await deliverToCore(message, { bot: core, logger: this.logger, sendReply: (reply) => this.sendTo(target, reply) });
    });
  }

  private async answerButton(callbackQueryId: string): Promise<void> {
    try {
      await this.call(() => this.telegraf.telegram.answerCbQuery(callbackQueryId));
    } catch (error) {
      // the spinner stops by itself after a while; the press still counts
      this.logger.warn({ err: error }, 'telegram answerCallbackQuery failed');
    }
  }

  private async sendTo(target: ReplyTarget, message: OutgoingMessage): Promise<void> {
    for (const part of renderTelegramMessage(message, this.callbackData)) {
      await this.call(() =>
        this.telegraf.telegram.sendMessage(target.chatId, part.text, {
          reply_markup: part.replyMarkup,
          message_thread_id: target.threadId,
          reply_parameters: target.replyToMessageId ? { message_id: target.replyToMessageId, allow_sending_without_reply: true } : undefined,
        }),
      );
    }
  }

  /** Fetch each file; one that cannot be fetched is kept as a reference so the worker's evidence is not lost. */
  private async download(files: TelegramFileRef[], messageId: string): Promise<Attachment[]> {
    const attachments: Attachment[] = [];
    for (const file of files) {
      const attachment: Attachment = { kind: file.kind, name: file.name, mimeType: file.mimeType };
      try {
        const info = await this.call(() => this.telegraf.telegram.getFile(file.fileId));
        if (!info.file_path) throw new GongyouError('platform_refused', 'Telegram gave no file_path');
        const url = `${this.config.apiRoot}/file/bot${this.config.token}/${info.file_path}`;
        const downloaded = await withRetry(() => downloadFile(this.fetchFn, url, { maxBytes: this.config.maxAttachmentBytes }), this.retryOptions());
        attachment.data = downloaded.data;
        attachment.mimeType ??= downloaded.mimeType;
      } catch (error) {
        // the file URL carries the bot token, so keep only the file id
        attachment.url = `telegram-file:${file.fileId}`;
        this.logger.warn({ messageId, err: error }, 'telegram file not downloaded');
      }
      attachments.push(attachment);
    }
    return attachments;
  }

  private call<T>(fn: () => Promise<T>): Promise<T> {
    return withRetry(fn, { ...this.retryOptions(), translate: translateTelegramError });
  }

  private retryOptions() {
    return {
      retries: this.config.retries,
      sleep: this.config.sleep,
      translate: translateTelegramError,
      onRateLimit: (waitMs: number) => this.logger.warn({ waitMs }, 'telegram rate limit: waiting'),
    };
  }
}
