/**
 * Telegram through the real core: telegram-test-api as the Bot API, the
 * adapter made from TELEGRAM_* variables in polling mode, createGongyou with
 * the real dialog. A wage intake with buttons and a photo, then a mediator
 * takes over through the JSON API and hands back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBotApiPeer, type BotApiPeer } from '../adapters/telegram/bot-api-peer.js';
import { atLeast, CASE_ID, joined, startWorld, type IntegrationWorld } from './world.js';

const TOKEN = '515151:INTEGRATION-token';
const WORKER = 2001;

/** What the fake Bot API recorded for one bot message. */
type SentByBot = { text: string; chat_id: number; reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } };

describe('Telegram worker against the real Gongyou', () => {
  let peer: BotApiPeer;
  let world: IntegrationWorld;
  let worker: ReturnType<BotApiPeer['server']['getClient']>;

  const botSaid = (): SentByBot[] => peer.botMessages(TOKEN).map((m) => m.message as unknown as SentByBot);
  /** Send a text as the worker and wait for `replies` more bot messages. */
  const say = async (text: string, replies = 1): Promise<SentByBot[]> => {
    const before = botSaid().length;
    await worker.sendMessage(worker.makeMessage(text));
    return (await atLeast(before + replies, botSaid)).slice(before);
  };

  beforeEach(async () => {
    peer = await startBotApiPeer();
    world = await startWorld({ env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_MODE: 'polling', TELEGRAM_API_ROOT: peer.apiRoot } });
    worker = peer.server.getClient(TOKEN, { userId: WORKER, chatId: WORKER, firstName: '小李' });
  });
  afterEach(async () => {
    await world.close();
    await peer.close();
  });

  it('takes a wage intake with a button press and a photo, then relays a mediator both ways', async () => {
    expect(world.g.adapters.has('telegram')).toBe(true);

    // the grievance starts an intake; the yes/no question comes as an inline keyboard
    const [offer] = await say('站长两个月没给我结工资了');
    expect(offer.chat_id).toBe(WORKER);
    expect(offer.text).toMatch(/工资/);
    const buttons = offer.reply_markup!.inline_keyboard.flat();
    const yes = buttons.find((b) => b.callback_data === 'yes');
    expect(yes).toBeDefined();

    // pressing the button moves the intake on
    const before = botSaid().length;
    const stored = peer.botMessages(TOKEN).at(-1)!;
    await worker.sendCallback(worker.makeCallbackQuery('yes', { message: { message_id: stored.messageId, text: offer.text, reply_markup: offer.reply_markup } } as never));
    expect(joined((await atLeast(before + 1, botSaid)).slice(before))).toMatch(/平台或公司/);

    expect(joined(await say('美团 朝阳站'))).toMatch(/城市/);
    expect(joined(await say('北京朝阳'))).toMatch(/多少钱/);

    // a photo of the pay slip, sent mid-intake: downloaded through getFile and kept
    const slip = Buffer.from('ffd8ffe0 pay slip of March');
    peer.addFile('AgACAgUAAxkBslip', slip, 'photos/file_7.jpg');
    const beforePhoto = botSaid().length;
    await worker.sendMessage(
      worker.makeMessage('三千五', {
        photo: [
          { file_id: 'AgACAgUAAxkBslip-small', file_unique_id: 's', width: 90, height: 120 },
          { file_id: 'AgACAgUAAxkBslip', file_unique_id: 'b', width: 960, height: 1280 },
        ],
        caption: '三千五',
      } as never),
    );
    expect(joined((await atLeast(beforePhoto + 1, botSaid)).slice(beforePhoto))).toMatch(/几个人/);

    await say('就我一个');
    await say('还在干');
    expect(joined(await say('有聊天记录和转账截图'))).toMatch(/手机号/);
    expect(joined(await say('不留'))).toMatch(/3500元/);
    const done = joined(await say('确认'));
    const caseId = CASE_ID.exec(done)?.[0];
    expect(caseId).toBeDefined();

    const stored1 = await world.g.storage.cases.getCase(caseId!);
    expect(stored1).toMatchObject({ category: 'wages', channel: 'telegram', userKey: `telegram:${WORKER}`, conversationKey: `telegram:${WORKER}` });
    const evidence = await world.g.storage.cases.listEvidence(caseId!);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ mimeType: 'image/jpeg', size: slip.length });
    expect(await world.g.storage.blobs.get(evidence[0].sha256)).toEqual(slip);

    // the worker asks for a person; a mediator claims it through the JSON API
    const handoff = await say('转人工');
    expect(joined(handoff)).toContain(caseId!);
    const med = await world.mediator('Wang', '调解员 8号');
    const beforeClaim = botSaid().length;
    expect((await world.api('POST', `/api/mediator/cases/${caseId}/claim`, med.auth)).status).toBe(200);
    expect(joined((await atLeast(beforeClaim + 1, botSaid)).slice(beforeClaim))).toContain('调解员 8号');

    // mediator → worker, in Telegram
    const beforeReply = botSaid().length;
    expect((await world.api('POST', `/api/mediator/cases/${caseId}/messages`, med.auth, { text: '我已联系站长，请保留转账记录' })).status).toBe(201);
    const relayed = (await atLeast(beforeReply + 1, botSaid)).slice(beforeReply);
    expect(relayed).toEqual([expect.objectContaining({ chat_id: WORKER, text: '我已联系站长，请保留转账记录' })]);

    // worker → mediator: the message lands in the case transcript and the bot says nothing
    await worker.sendMessage(worker.makeMessage('站长说下周再给'));
    await atLeast(1, async () => {
      const res = await world.api('GET', `/api/mediator/cases/${caseId}`, med.auth);
      const packet = (await res.json()) as { case: { transcript: Array<{ text: string }> } };
      return packet.case.transcript.filter((line) => line.text === '站长说下周再给');
    });
    // replies go out in order per chat, so anything the bot said to the relayed message would come before this answer
    const progress = await say('查进度');
    expect(progress).toHaveLength(1);
    expect(progress[0].text).toContain(caseId!);
    expect(botSaid().slice(beforeReply)).toHaveLength(2);

    // release: the worker is told, and the bot answers again
    const beforeRelease = botSaid().length;
    expect((await world.api('POST', `/api/mediator/cases/${caseId}/release`, med.auth, { note: '站长答应周五结清' })).status).toBe(200);
    await atLeast(beforeRelease + 1, botSaid);
    const answer = await say('拖欠工资可以去哪里投诉？');
    expect(joined(answer)).toMatch(/劳动|监察|仲裁/);
    expect((await world.g.storage.cases.getCase(caseId!))?.status).not.toBe('active');
  });
});
