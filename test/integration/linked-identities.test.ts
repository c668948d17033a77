/**
 * One worker, several channels (issue 5 §4) and case privacy in groups,
 * through the real core: the web chat and Telegram (telegram-test-api,
 * polling) against one createGongyou.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/core/types.js';
import { startBotApiPeer, type BotApiPeer } from '../adapters/telegram/bot-api-peer.js';
import { atLeast, CASE_ID, joined, startWorld, type IntegrationWorld } from './world.js';

const TOKEN = '525252:LINKING-token';
const WORKER = 2002;
const GROUP = -100555;

/** The case a handoff request opened, from the reply's meta. */
function caseOf(replies: Array<Pick<OutgoingMessage, 'meta'>>): string {
  const id = replies.find((r) => r.meta.handoff)?.meta.handoff?.caseId;
  expect(id).toMatch(CASE_ID);
  return id!;
}

describe('one worker on the web chat and Telegram', () => {
  let peer: BotApiPeer;
  let world: IntegrationWorld;
  let tg: ReturnType<BotApiPeer['server']['getClient']>;

  const botTexts = (): string[] => peer.botMessages(TOKEN).map((m) => (m.message as unknown as { text: string }).text);
  /** Say something on Telegram (private or in the group) and wait for the bot's answer. */
  const telegram = async (text: string, client = tg, options: Record<string, unknown> = {}): Promise<string> => {
    const before = botTexts().length;
    await client.sendMessage(client.makeMessage(text, options as never));
    return (await atLeast(before + 1, botTexts)).slice(before).join('\n');
  };

  beforeEach(async () => {
    peer = await startBotApiPeer();
    world = await startWorld({ env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_MODE: 'polling', TELEGRAM_API_ROOT: peer.apiRoot } });
    tg = peer.server.getClient(TOKEN, { userId: WORKER, chatId: WORKER, firstName: '老王' });
  });
  afterEach(async () => {
    await world.close();
    await peer.close();
  });

  it('links the two identities with a one-time code; then either shows both cases and nobody else’s', async () => {
    const webCase = caseOf(await world.web('wang-web', '转人工，站长欠我工资'));
    await telegram('转人工');
    const [tgCase] = (await world.g.storage.cases.listCasesByUser([`telegram:${WORKER}`])).map((c) => c.id);
    expect(tgCase).toMatch(CASE_ID);
    const strangerCase = caseOf(await world.web('stranger', '转人工'));

    // before linking each side sees only its own case
    const tgBefore = await telegram('查进度');
    expect(tgBefore).toContain(tgCase);
    expect(tgBefore).not.toContain(webCase);

    const issued = /\b([2-9A-Z]{4}-[2-9A-Z]{4})\b/.exec(joined(await world.web('wang-web', '绑定')))?.[1];
    expect(issued).toBeDefined();

    // a wrong code is refused and links nothing
    const wrong = issued!.startsWith('Z') ? `Y${issued!.slice(1)}` : `Z${issued!.slice(1)}`;
    expect(await telegram(`绑定 ${wrong}`)).toMatch(/绑定码不对|已失效/);
    expect(await telegram('查进度')).not.toContain(webCase);
    // the web identity cannot redeem its own code
    expect(joined(await world.web('wang-web', `绑定 ${issued}`))).toMatch(/本渠道/);

    expect(await telegram(`绑定 ${issued}`)).toMatch(/绑定成功/);
    // the web side is told, in its chat
    const notice = (await world.g.storage.messages.listOutbound('web:wang-web')).at(-1);
    expect(notice?.meta.intent).toBe('link_notice');
    expect(notice?.text).toMatch(/telegram/);
    const onTelegram = await telegram('查进度');
    const onWeb = joined(await world.web('wang-web', '查进度'));
    for (const shown of [onTelegram, onWeb]) {
      expect(shown).toContain(webCase);
      expect(shown).toContain(tgCase);
      expect(shown).not.toContain(strangerCase);
    }
    // the stranger still sees only their own
    const strangers = joined(await world.web('stranger', '查进度'));
    expect(strangers).toContain(strangerCase);
    expect(strangers).not.toContain(webCase);
    expect(strangers).not.toContain(tgCase);
    // and the code was one-time: a second identity cannot reuse it
    expect(joined(await world.web('someone-else', `绑定 ${issued}`))).toMatch(/绑定码不对|已失效/);

    // either side can undo it; the other is told
    expect(joined(await world.web('wang-web', '解除绑定'))).toMatch(/已解除绑定/);
    expect(await telegram('查进度')).not.toContain(webCase);
    expect(botTexts().at(-2) ?? '').toMatch(/解除绑定/);
  });

  it('sends "查进度" in a group to private chat and shows no case there', async () => {
    await telegram('转人工');
    const [own] = (await world.g.storage.cases.listCasesByUser([`telegram:${WORKER}`])).map((c) => c.id);
    expect(own).toMatch(CASE_ID);
    const inGroup = peer.server.getClient(TOKEN, { userId: WORKER, chatId: GROUP, type: 'supergroup', chatTitle: '朝阳骑手群', firstName: '老王' });

    const redirected = await telegram('查进度', inGroup);
    expect(redirected).toMatch(/私聊|私信/);
    expect(redirected).not.toMatch(CASE_ID);
    const mention = '@TestNameBot';
    const mentioned = await telegram(`${mention} 进度 ${own}`, inGroup, { entities: [{ type: 'mention', offset: 0, length: mention.length }] });
    expect(mentioned).toMatch(/私聊|私信/);
    expect(mentioned).not.toMatch(CASE_ID);
    const groupMessages = peer.botMessages(TOKEN).filter((m) => (m.message as unknown as { chat_id: number }).chat_id === GROUP);
    expect(groupMessages).toHaveLength(2);
    // the same command in private chat does show the case
    expect(await telegram('查进度')).toContain(own);
  });
});
