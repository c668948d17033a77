/** The shared adapter contract, run against the Telegram adapter in webhook mode with telegram-test-api as the Bot API. */
import type { Update } from 'telegraf/types';
import type { HttpRoute } from '../../../src/core/types.js';
import { createTelegramAdapter, type TelegramAdapter } from '../../../adapters/telegram/index.js';
import { describeAdapterContract, type AdapterContractHarness, type PlatformDelivery } from '../../contracts/adapter.contract.js';
import { startBotApiPeer, type BotApiPeer } from './bot-api-peer.js';

const TOKEN = '123456:CONTRACT-token';
const SECRET = 'contract-secret-0123456789';
/** What telegram-test-api's getMe answers. */
const BOT = { id: 666, is_bot: true, first_name: 'Test First name', username: 'TestNameBot' };
const USERS: Record<string, number> = { alice: 1001, bob: 1002 };
const ROOMS: Record<string, number> = { drivers: -1001234567890 };

function telegramHarness(): AdapterContractHarness {
  let peer: BotApiPeer;
  let adapter: TelegramAdapter;
  let route: HttpRoute;
  let updateId = 5000;
  let messageId = 100;
  let fileCount = 0;
  const date = 1_760_000_000;
  const person = (user: string) => ({ id: USERS[user], is_bot: false, first_name: user, language_code: 'zh-hans' });
  const chatOf = (user: string, room?: string) =>
    room ? { id: ROOMS[room], title: '司机互助群', type: 'supergroup' as const } : { id: USERS[user], first_name: user, type: 'private' as const };

  const post = async (update: Update): Promise<PlatformDelivery> => {
    const response = await route.handle(
      new Request('http://gongyou.test/telegram/webhook', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
      }),
    );
    return { acknowledged: response.status === 200, ref: update };
  };

  return {
    channel: 'telegram',
    async start(bot) {
      peer = await startBotApiPeer();
      adapter = createTelegramAdapter({ token: TOKEN, mode: 'webhook', webhookSecret: SECRET, apiRoot: peer.apiRoot, sleep: async () => {} });
      route = adapter.routes![0];
      await adapter.start(bot);
      return adapter;
    },
    async stop() {
      await adapter.stop();
      await peer.close();
    },
    deliverText({ user, text, room, mentioned }) {
      const body = room && mentioned ? `@${BOT.username} ${text}` : text;
      const entities = room && mentioned ? [{ type: 'mention' as const, offset: 0, length: BOT.username.length + 1 }] : undefined;
      return post({
        update_id: updateId++,
        message: { message_id: messageId++, from: person(user), chat: chatOf(user, room), date, text: body, entities },
      } as Update);
    },
    deliverPhoto({ user, data, caption }) {
      const fileId = `AgACAgUAAxkBAAI${++fileCount}`;
      peer.addFile(fileId, data, `photos/file_${fileCount}.jpg`);
      return post({
        update_id: updateId++,
        message: {
          message_id: messageId++,
          from: person(user),
          chat: chatOf(user),
          date,
          caption,
          photo: [
            { file_id: `${fileId}-small`, file_unique_id: `s${fileCount}`, width: 90, height: 90, file_size: 1200 },
            { file_id: fileId, file_unique_id: `l${fileCount}`, width: 1280, height: 960, file_size: data.length },
          ],
        },
      } as Update);
    },
    pressButton({ user, label, on }) {
      const sent = on.raw as { messageId: number; message: { text: string; chat_id: number | string; reply_markup?: unknown } };
      const button = on.choices.find((choice) => choice.label === label);
      return post({
        update_id: updateId++,
        callback_query: {
          id: `4382${updateId}`,
          from: person(user),
          chat_instance: '-539182736451',
          data: button?.id ?? label,
          message: {
            message_id: sent.messageId,
            from: BOT,
            chat: chatOf(user),
            date,
            text: sent.message.text,
            reply_markup: sent.message.reply_markup,
          },
        },
      } as Update);
    },
    redeliver(delivery) {
      return post(delivery.ref as Update);
    },
    async received() {
      return peer.botMessages(TOKEN).map((stored) => {
        const message = stored.message as { chat_id: number | string; text: string; reply_markup?: { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } };
        return {
          to: String(message.chat_id),
          text: message.text,
          choices: (message.reply_markup?.inline_keyboard ?? []).flat().map((b) => ({ id: b.callback_data, label: b.text })),
          raw: stored,
        };
      });
    },
  };
}

describeAdapterContract('telegram', telegramHarness);
