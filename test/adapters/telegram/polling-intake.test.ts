/** A full intake in long-polling mode against telegram-test-api: commands, buttons, a photo, group flags. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTelegramAdapter, type TelegramAdapter } from '../../../adapters/telegram/index.js';
import { createScriptedBot, type ScriptedBot } from '../../contracts/adapter.contract.js';
import { startBotApiPeer, type BotApiPeer } from './bot-api-peer.js';

const TOKEN = '424242:POLLING-test-token';
const BOT_ID = 666; // telegram-test-api's getMe
const intent = { intent: 'intake' };

describe('telegram adapter in polling mode against telegram-test-api', () => {
  let peer: BotApiPeer;
  let adapter: TelegramAdapter;
  let bot: ScriptedBot;

  const calls = async (n: number) => {
    await vi.waitFor(() => expect(bot.calls.length).toBeGreaterThanOrEqual(n), { timeout: 5000 });
    return bot.calls;
  };
  const botMessages = async (n: number) => {
    await vi.waitFor(() => expect(peer.botMessages(TOKEN).length).toBeGreaterThanOrEqual(n), { timeout: 5000 });
    return peer.botMessages(TOKEN).map((stored) => stored.message as unknown as Record<string, any>);
  };

  beforeEach(async () => {
    peer = await startBotApiPeer();
    bot = createScriptedBot();
    adapter = createTelegramAdapter({ token: TOKEN, mode: 'polling', apiRoot: peer.apiRoot, sleep: async () => {} });
    await adapter.start(bot);
  });
  afterEach(async () => {
    await adapter.stop();
    await peer.close();
  });

  it('runs an intake: /start with payload, a button press, a photo, then /cancel', async () => {
    const worker = peer.server.getClient(TOKEN, { userId: 2001, chatId: 2001, firstName: '小李' });
    bot.replyNext([
      { text: '你好，我是工友助手。遇到什么问题？', choices: [{ id: 'cat_wages', label: '欠薪' }, { id: 'cat_injury', label: '工伤' }], meta: intent },
    ]);
    await worker.sendCommand(worker.makeCommand('/start station_7'));
    const [start] = await calls(1);
    expect(start).toMatchObject({ text: '/start station_7', conversationKey: 'telegram:2001', userKey: 'telegram:2001', isGroup: false });

    const [menu] = await botMessages(1);
    expect(menu.chat_id).toBe(2001);
    expect(menu.reply_markup.inline_keyboard).toEqual([[{ text: '欠薪', callback_data: 'cat_wages' }], [{ text: '工伤', callback_data: 'cat_injury' }]]);

    bot.replyNext([
      { text: '请说说欠了多久、多少钱。', meta: intent },
      { text: '有工资条或聊天截图也可以发给我。', meta: intent },
    ]);
    const stored = peer.botMessages(TOKEN)[0];
    await worker.sendCallback(worker.makeCallbackQuery('cat_wages', { message: { message_id: stored.messageId, text: menu.text, reply_markup: menu.reply_markup } }));
    const pressed = (await calls(2))[1];
    expect(pressed).toMatchObject({ choiceId: 'cat_wages', text: '欠薪', conversationKey: 'telegram:2001' });
    expect((await botMessages(3)).slice(1).map((m) => m.text)).toEqual(['请说说欠了多久、多少钱。', '有工资条或聊天截图也可以发给我。']);

    const slip = Buffer.from('ffd8ffe0 pay slip photo bytes');
    peer.addFile('AgACAgUAAxkBpayslip', slip, 'photos/file_1.jpg');
    await worker.sendMessage(
      worker.makeMessage('', {
        caption: '三月的工资条',
        photo: [
          { file_id: 'AgACAgUAAxkBpayslip-s', file_unique_id: 'a', width: 90, height: 120 },
          { file_id: 'AgACAgUAAxkBpayslip', file_unique_id: 'b', width: 960, height: 1280 },
        ],
      } as never),
    );
    const photo = (await calls(3))[2];
    expect(photo.text).toBe('三月的工资条');
    expect(photo.attachments[0]).toMatchObject({ kind: 'image', mimeType: 'image/jpeg' });
    expect(photo.attachments[0].data?.equals(slip)).toBe(true);

    await worker.sendCommand(worker.makeCommand('/cancel'));
    expect((await calls(4))[3].text).toBe('/cancel');
  });

  it('flags group messages: chatter, an @mention and a reply to the bot', async () => {
    const driver = peer.server.getClient(TOKEN, { userId: 3001, chatId: -100777, type: 'supergroup', chatTitle: '司机群', firstName: '老刘' });
    await driver.sendMessage(driver.makeMessage('今天单子好少'));
    const [chatter] = await calls(1);
    expect(chatter).toMatchObject({ isGroup: true, mentioned: false, conversationKey: 'telegram:room:-100777:user:3001', userKey: 'telegram:3001' });

    bot.replyNext([{ text: '请私聊我，我帮你登记。', meta: intent }]);
    await driver.sendMessage(driver.makeMessage('@TestNameBot 平台乱扣钱', { entities: [{ type: 'mention', offset: 0, length: 12 }] } as never));
    const mention = (await calls(2))[1];
    expect(mention).toMatchObject({ isGroup: true, mentioned: true, text: '平台乱扣钱' });
    const [answer] = await botMessages(1);
    expect(answer.chat_id).toBe(-100777);
    expect(answer.reply_parameters.message_id).toBeGreaterThan(0);

    await driver.sendMessage(driver.makeMessage('那我私聊', { reply_to_message: { message_id: 1, from: { id: BOT_ID, is_bot: true, first_name: 'Bot' } } } as never));
    expect((await calls(3))[2]).toMatchObject({ mentioned: true });
    expect(peer.botMessages(TOKEN)).toHaveLength(1);
  });

  it('keeps polling after the core throws', async () => {
    const worker = peer.server.getClient(TOKEN, { userId: 2002, chatId: 2002 });
    bot.replyNext(new Error('boom'), [{ text: '收到', meta: intent }]);
    await worker.sendMessage(worker.makeMessage('第一条'));
    await calls(1);
    await worker.sendMessage(worker.makeMessage('第二条'));
    await calls(2);
    const texts = (await botMessages(2)).map((m) => m.text);
    expect(texts[0]).toContain('抱歉');
    expect(texts[1]).toBe('收到');
  });
});
