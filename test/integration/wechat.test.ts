/**
 * WeChat through the real core: wechaty-puppet-mock under a real Wechaty
 * instance (the adapter's puppet mode), createGongyou with the real dialog.
 * Private chat gets numbered choices; in a group the bot speaks only when
 * @-mentioned, keeps it short, and takes personal matters to private chat.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWechatAdapter, type WechatAdapter } from '../../adapters/wechat/index.js';
import { createMockWechatPeer, type MockWechatPeer } from '../adapters/wechat/mock-peer.js';
import { atLeast, CASE_ID, startWorld, type IntegrationWorld } from './world.js';

describe('WeChat (puppet) against the real Gongyou', () => {
  let peer: MockWechatPeer;
  let adapter: WechatAdapter;
  let world: IntegrationWorld;

  /** The worker speaks; wait for `replies` more messages from the bot. */
  const say = async (input: Parameters<MockWechatPeer['say']>[0], replies = 1) => {
    const before = peer.sent.length;
    peer.say(input);
    return (await atLeast(before + replies, () => peer.sent)).slice(before);
  };

  beforeEach(async () => {
    peer = createMockWechatPeer();
    adapter = createWechatAdapter({ mode: 'puppet', puppetInstance: peer.puppet, sleep: async () => {} });
    world = await startWorld({ adapters: [adapter] });
    peer.login();
    await vi.waitFor(() => expect(adapter.canReach('wechat:x')).toBe(true));
  });
  afterEach(async () => {
    await world.close();
  });

  it('starts an intake in private chat with numbered choices; "1" picks the first', async () => {
    const [offer] = await say({ user: 'alice', text: '站长两个月没给我结工资了' });
    expect(offer.to).toBe(peer.contact('alice').id);
    expect(offer.text).toMatch(/工资/);
    expect(offer.choices.length).toBeGreaterThanOrEqual(2);
    expect(offer.text).toMatch(/回复.*1/);

    // the first choice is "yes, record it": the intake moves to the next question
    const [next] = await say({ user: 'alice', text: '1' });
    expect(next.text).toMatch(/平台或公司/);
    const log = await world.g.storage.messages.transcript(`wechat:${peer.contact('alice').id}`);
    const answer = log.filter((m) => m.direction === 'in').at(-1)!;
    expect(answer.message.text).toBe(offer.choices[0].label);
  });

  it('in a group answers only when @-mentioned, briefly, and moves a grievance to private chat', async () => {
    // chatter is ignored; the @-mention after it is the first thing the bot says
    peer.say({ user: 'bob', text: '今天单子好少', room: '朝阳骑手群' });
    const [short] = await say({ user: 'bob', text: '拖欠工资可以去哪里投诉？', room: '朝阳骑手群', mentioned: true });
    expect(peer.sent).toHaveLength(1);
    expect(short.to).toBe(peer.room('朝阳骑手群').id);
    // the same question in private chat gets the full answer; the group gets its opening and the notice
    const [full] = await say({ user: 'carol', text: '拖欠工资可以去哪里投诉？' });
    expect(short.text.length).toBeGreaterThan(0);
    expect(short.text.length * 2).toBeLessThan(full.text.length);
    expect(short.text).toMatch(/不是律师意见/);

    const [moved] = await say({ user: 'bob', text: '站长欠我两个月工资三千五，我是美团朝阳站的', room: '朝阳骑手群', mentioned: true });
    expect(moved.to).toBe(peer.room('朝阳骑手群').id);
    expect(moved.text).toMatch(/私聊|私信/);
    expect(moved.text).not.toMatch(CASE_ID);
    expect(moved.text).not.toContain('三千五');
    // no intake was started in public: no case, no intake state for the group conversation
    expect(await world.g.storage.cases.listCasesByUser([`wechat:${peer.contact('bob').id}`])).toEqual([]);
  });
});
