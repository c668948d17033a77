/** Puppet mode on a real Wechaty driven by wechaty-puppet-mock: private and group chats as the bot sees them. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BotHandler, IncomingMessage, OutgoingMessage } from '../../../src/core/types.js';
import { parseConversationKey } from '../../../src/core/conversation-key.js';
import { createWechatAdapter, type WechatAdapter } from '../../../adapters/wechat/index.js';
import { createMockWechatPeer, type MockWechatPeer } from './mock-peer.js';

const reply = (text: string, choices?: OutgoingMessage['choices']): OutgoingMessage => ({ id: `r-${text}`, text, choices, meta: { intent: 'test' } });
const CATEGORY_CHOICES = [
  { id: 'cat_wages', label: '欠薪' },
  { id: 'cat_injury', label: '工伤' },
  { id: 'cat_fines', label: '罚款扣款' },
];

/** A stand-in core: records messages, offers choices to "我要投诉", echoes a choice back, stays silent in groups unless @-ed. */
function fakeCore(): BotHandler & { calls: IncomingMessage[] } {
  const calls: IncomingMessage[] = [];
  return {
    calls,
    async handle(message) {
      calls.push(message);
      if (message.isGroup && !message.mentioned) return [];
      if (message.isGroup) return [reply('请私聊我登记，群里不谈个人情况。')];
      if (message.choiceId) return [reply(`已选：${message.choiceId}`)];
      if (message.text === '我要投诉') return [reply('您遇到的是哪类问题？', CATEGORY_CHOICES)];
      return [reply(`收到：${message.text}`)];
    },
  };
}

describe('wechat puppet mode', () => {
  let peer: MockWechatPeer;
  let adapter: WechatAdapter | undefined;
  let core: ReturnType<typeof fakeCore>;

  async function start(): Promise<WechatAdapter> {
    peer = createMockWechatPeer();
    core = fakeCore();
    adapter = createWechatAdapter({ mode: 'puppet', puppetInstance: peer.puppet, sleep: async () => {} });
    expect(adapter.canReach('wechat:x')).toBe(false);
    await adapter.start(core);
    peer.login();
    await vi.waitFor(() => expect(adapter!.canReach('wechat:x')).toBe(true));
    return adapter;
  }
  const sentCount = (n: number) => vi.waitFor(() => expect(peer.sent.length).toBeGreaterThanOrEqual(n));
  const callCount = (n: number) => vi.waitFor(() => expect(core.calls.length).toBeGreaterThanOrEqual(n));

  afterEach(async () => {
    await adapter?.stop();
    adapter = undefined;
  });

  it('numbers choices in a private chat and maps a typed number back to the choice id', async () => {
    await start();
    peer.say({ user: 'alice', text: '我要投诉' });
    await sentCount(1);
    expect(peer.sent[0].text).toBe('您遇到的是哪类问题？\n\n1. 欠薪\n2. 工伤\n3. 罚款扣款\n请回复数字 1/2/3 选择。');
    expect(peer.sent[0].to).toBe(peer.contact('alice').id);

    peer.say({ user: 'alice', text: '３' });
    await sentCount(2);
    expect(core.calls[1]).toMatchObject({ choiceId: 'cat_fines', text: '罚款扣款' });
    expect(peer.sent[1].text).toBe('已选：cat_fines');

    peer.say({ user: 'alice', text: '4' });
    await callCount(3);
    expect(core.calls[2].choiceId).toBeUndefined();
    expect(core.calls[2].text).toBe('4');
  });

  it("keeps each conversation's choices apart", async () => {
    await start();
    peer.say({ user: 'alice', text: '我要投诉' });
    await sentCount(1);
    peer.say({ user: 'bob', text: '1' });
    await callCount(2);
    expect(core.calls[1].choiceId).toBeUndefined();
    expect(core.calls[1].text).toBe('1');
  });

  it('normalises a private message with sender, ids and keys', async () => {
    await start();
    const messageId = peer.say({ user: 'alice', text: '站长不给结钱' });
    await callCount(1);
    const aliceId = peer.contact('alice').id;
    expect(core.calls[0]).toMatchObject({
      channel: 'wechat',
      conversationKey: `wechat:${aliceId}`,
      userKey: `wechat:${aliceId}`,
      messageId,
      text: '站长不给结钱',
      isGroup: false,
      mentioned: false,
      senderName: 'alice',
    });
  });

  it('flags a room message as group, detects an @ of the bot, and answers in the room @-ing the worker', async () => {
    await start();
    peer.say({ user: 'bob', room: 'drivers', text: '今天真热' });
    await callCount(1);
    expect(core.calls[0]).toMatchObject({ isGroup: true, mentioned: false, text: '今天真热' });
    expect(peer.sent).toHaveLength(0);

    peer.say({ user: 'bob', room: 'drivers', text: '平台扣钱怎么办', mentioned: true });
    await callCount(2);
    const addressed = core.calls[1];
    expect(addressed).toMatchObject({ isGroup: true, mentioned: true, text: '平台扣钱怎么办' });
    const parts = parseConversationKey(addressed.conversationKey);
    expect(parts).toEqual({ channel: 'wechat', roomId: peer.room('drivers').id, userId: peer.contact('bob').id });
    expect(addressed.userKey).toBe(`wechat:${peer.contact('bob').id}`);

    await sentCount(1);
    expect(peer.sent[0].to).toBe(peer.room('drivers').id);
    expect((peer.sent[0].raw as { text: string }).text).toBe('@bob 请私聊我登记，群里不谈个人情况。');
  });

  it('receives a photo as an image attachment with its bytes', async () => {
    await start();
    const png = Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001', 'hex');
    peer.sendPhoto('alice', png, 'fine.png');
    await callCount(1);
    const [photo] = core.calls[0].attachments;
    expect(photo).toMatchObject({ kind: 'image', name: 'fine.png', mimeType: 'image/png' });
    expect(Buffer.compare(photo.data!, png)).toBe(0);
    expect(core.calls[0].text).toBe('[图片]');
  });

  it('sends a later message to a person or a room member, and refuses unknown or foreign keys', async () => {
    await start();
    peer.say({ user: 'alice', text: '你好' });
    await sentCount(1);
    await adapter!.send(`wechat:${peer.contact('alice').id}`, reply('调解员：明天联系你'));
    expect(peer.sent.at(-1)).toMatchObject({ to: peer.contact('alice').id, text: '调解员：明天联系你' });

    peer.say({ user: 'bob', room: 'drivers', text: 'hi' });
    await callCount(2);
    await adapter!.send(core.calls[1].conversationKey, reply('请私聊'));
    expect(peer.sent.at(-1)).toMatchObject({ to: peer.room('drivers').id, text: '请私聊' });

    await expect(adapter!.send('wechat:nobody-here', reply('x'))).rejects.toMatchObject({ code: 'platform_refused' });
    await expect(adapter!.send('telegram:42', reply('x'))).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('splits an answer longer than one WeChat message', async () => {
    await start();
    peer.say({ user: 'alice', text: '你好' });
    await sentCount(1);
    const long = `${'工'.repeat(500)}\n${'友'.repeat(500)}`;
    await adapter!.send(`wechat:${peer.contact('alice').id}`, reply(long));
    expect(peer.sent.slice(1).map((m) => m.text)).toEqual(['工'.repeat(500), '友'.repeat(500)]);
  });
});
