/**
 * The contract every channel adapter passes (web, Telegram, Slack, WeChat). Call
 * `describeAdapterContract(name, () => harness)` from a *.test.ts file.
 *
 * A harness wraps one adapter and a peer that plays the platform (a fake Bot API server, signed
 * HTTP posts plus nock at the Web API, a mock puppet). The interface is deliberately small:
 *
 *   channel                 the adapter's channel name, e.g. 'telegram'
 *   start(bot)              build a fresh adapter on a fresh peer, start it with `bot`, return it
 *   stop()                  stop the adapter and the peer
 *   deliverText(input)      the platform delivers a text from `input.user` (in `input.room` when set,
 *                           @mentioning the bot when `input.mentioned`)
 *   deliverPhoto(input)     the platform delivers a photo (bytes `data`, optional caption)
 *   pressButton(input)      `input.user` presses the button of `input.choiceId` on a message the bot sent
 *   redeliver(delivery)     the platform delivers the same message again (as after a timeout)
 *   received()              what the platform got from the bot so far, oldest first (an answer in the
 *                           response to a redelivery stands in for the one the platform missed, not beside it)
 *   capabilities            optional; what the channel has, read once when the suite is registered
 *                           (so makeHarness must not start anything):
 *     groups                false for a channel without group chats (a WeChat official account): the
 *                           group test is then not registered (default true)
 *     dedupesRedelivery     true when the adapter answers a redelivery itself with the answer the first
 *                           delivery got, so the core sees the message once (default false: the core sees
 *                           it again with the same message id and dedupes it)
 *
 * Users and rooms are plain names ('alice', 'drivers'); the harness maps them to platform ids.
 * Each deliver* resolves once the platform's request was answered (or handed over, for peers
 * without an acknowledgement) and reports whether it was acknowledged; processing may finish later,
 * so the suite waits for effects with vi.waitFor rather than sleeping.
 */
import { describe, expect, it, vi, beforeEach, afterEach } from 'vitest';
import { formatConversationKey, parseConversationKey } from '../../src/core/conversation-key.js';
import type { BotHandler, ChannelAdapter, IncomingMessage, OutgoingMessage, ReplyDraft } from '../../src/core/types.js';

/** One delivery by the platform; `ref` is the harness's own handle for redelivering it. */
export interface PlatformDelivery {
  /** False when the platform would deliver it again (e.g. an HTTP 5xx); true otherwise. */
  acknowledged: boolean;
  ref: unknown;
  /** What the platform got in the response itself (e.g. a WeChat passive reply), where the reply can go there. */
  answer?: string;
}

/** A message the platform received from the bot, as the platform shows it. */
export interface SentMessage {
  /** The platform's chat/channel the message went to. */
  to: string;
  text: string;
  /** Buttons (with the id they carry) or numbered options (id unknown). */
  choices: Array<{ id?: string; label: string }>;
  /** The platform's own record, for pressButton. */
  raw: unknown;
}

/** What a harness must provide; see the top of this file. */
export interface AdapterContractHarness {
  channel: string;
  start(bot: BotHandler): Promise<ChannelAdapter>;
  stop(): Promise<void>;
  deliverText(input: { user: string; text: string; room?: string; mentioned?: boolean }): Promise<PlatformDelivery>;
  deliverPhoto(input: { user: string; data: Buffer; caption?: string }): Promise<PlatformDelivery>;
  pressButton(input: { user: string; choiceId: string; label: string; on: SentMessage }): Promise<PlatformDelivery>;
  redeliver(delivery: PlatformDelivery): Promise<PlatformDelivery>;
  received(): Promise<SentMessage[]>;
  capabilities?: { groups?: boolean; dedupesRedelivery?: boolean };
}

/** A scripted stand-in for the core: records what it was given and answers with what the test queued. */
export interface ScriptedBot extends BotHandler {
  readonly calls: IncomingMessage[];
  /** Replies for the next message(s) (one array per message, in order); an empty queue answers nothing. */
  replyNext(...replies: Array<ReplyDraft[] | Error>): void;
}

/** Build a scripted bot (ids are derived from the incoming message id, so they are stable). */
export function createScriptedBot(): ScriptedBot {
  const calls: IncomingMessage[] = [];
  const queue: Array<ReplyDraft[] | Error> = [];
  return {
    calls,
    replyNext: (...replies) => void queue.push(...replies),
    async handle(message) {
      calls.push(message);
      const next = queue.shift() ?? [];
      if (next instanceof Error) throw next;
      return next.map((draft, index): OutgoingMessage => ({ ...draft, id: `${message.messageId}#${index}` }));
    },
  };
}

const draft = (text: string, choices?: ReplyDraft['choices']): ReplyDraft => ({ text, choices, meta: { intent: 'test' } });
const PHOTO = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** Register the contract tests for one adapter. */
export function describeAdapterContract(name: string, makeHarness: () => AdapterContractHarness): void {
  const { groups = true, dedupesRedelivery = false } = makeHarness().capabilities ?? {};
  describe(`channel adapter contract: ${name}`, () => {
    let harness: AdapterContractHarness;
    let bot: ScriptedBot;
    let adapter: ChannelAdapter;

    beforeEach(async () => {
      harness = makeHarness();
      bot = createScriptedBot();
      adapter = await harness.start(bot);
    });
    afterEach(async () => {
      await harness.stop();
    });

    const nthCall = async (n: number) => {
      await vi.waitFor(() => expect(bot.calls.length).toBeGreaterThanOrEqual(n), { timeout: 5000 });
      return bot.calls[n - 1];
    };
    const receivedCount = async (n: number) => {
      await vi.waitFor(async () => expect((await harness.received()).length).toBeGreaterThanOrEqual(n), { timeout: 5000 });
      return harness.received();
    };

    it('normalises a private text message with a round-tripping conversation key', async () => {
      const delivery = await harness.deliverText({ user: 'alice', text: '站长不给结钱' });
      const message = await nthCall(1);
      expect(delivery.acknowledged).toBe(true);
      expect(message.channel).toBe(harness.channel);
      expect(message.text).toBe('站长不给结钱');
      expect(message.isGroup).toBe(false);
      expect(message.mentioned).toBe(false);
      expect(message.attachments).toEqual([]);
      expect(message.receivedAt).toBeInstanceOf(Date);
      expect(message.userKey.startsWith(`${harness.channel}:`)).toBe(true);
      const parts = parseConversationKey(message.conversationKey);
      expect(parts.channel).toBe(harness.channel);
      expect(parts.roomId).toBeUndefined();
      expect(formatConversationKey(parts)).toBe(message.conversationKey);
      expect(message.messageId.length).toBeGreaterThan(0);
    });

    if (!dedupesRedelivery) {
      it('keeps the message id stable when the platform delivers the same message again', async () => {
        const first = await harness.deliverText({ user: 'alice', text: '被罚了五十' });
        const again = await harness.redeliver(first);
        const [one, two] = [await nthCall(1), await nthCall(2)];
        expect(again.acknowledged).toBe(true);
        expect(two.messageId).toBe(one.messageId);
        const other = await harness.deliverText({ user: 'alice', text: '被罚了五十' });
        expect(other.acknowledged).toBe(true);
        expect((await nthCall(3)).messageId).not.toBe(one.messageId);
      });
    } else {
      it('answers a redelivery as it answered the first delivery, and hands the message to the core once', async () => {
        bot.replyNext([draft('收到：被罚了五十')]);
        const first = await harness.deliverText({ user: 'alice', text: '被罚了五十' });
        const again = await harness.redeliver(first);
        expect(first.acknowledged).toBe(true);
        expect(again.acknowledged).toBe(true);
        expect(again.answer).toBe(first.answer);
        const other = await harness.deliverText({ user: 'alice', text: '被罚了五十' });
        expect(other.acknowledged).toBe(true);
        const [one, two] = [await nthCall(1), await nthCall(2)];
        expect(two.messageId).not.toBe(one.messageId);
        expect(bot.calls).toHaveLength(2);
        // the worker got the answer once, not once per delivery
        expect((await receivedCount(1)).map((m) => m.text)).toEqual(['收到：被罚了五十']);
      });
    }

    it('delivers the replies in the order the core returned them', async () => {
      bot.replyNext([draft('第一条'), draft('第二条'), draft('第三条')]);
      await harness.deliverText({ user: 'alice', text: '你好' });
      const sent = await receivedCount(3);
      expect(sent.map((m) => m.text)).toEqual(['第一条', '第二条', '第三条']);
    });

    it('renders choices and turns a press into a message with the choice id', async () => {
      bot.replyNext([draft('什么问题？', [{ id: 'cat_wages', label: '欠薪' }, { id: 'cat_injury', label: '工伤' }])]);
      await harness.deliverText({ user: 'alice', text: '我要投诉' });
      const [question] = await receivedCount(1);
      expect(question.choices.map((c) => c.label)).toEqual(['欠薪', '工伤']);
      for (const [index, choice] of question.choices.entries()) {
        if (choice.id !== undefined) expect(choice.id).toBe(['cat_wages', 'cat_injury'][index]);
      }
      const press = await harness.pressButton({ user: 'alice', choiceId: 'cat_injury', label: '工伤', on: question });
      const pressed = await nthCall(2);
      expect(press.acknowledged).toBe(true);
      expect(pressed.choiceId).toBe('cat_injury');
      expect(pressed.text).toBe('工伤');
      expect(pressed.conversationKey).toBe(bot.calls[0].conversationKey);
      expect(pressed.userKey).toBe(bot.calls[0].userKey);
    });

    it('downloads a photo into the attachment', async () => {
      await harness.deliverPhoto({ user: 'alice', data: PHOTO, caption: '罚款截图' });
      const message = await nthCall(1);
      expect(message.attachments).toHaveLength(1);
      const [photo] = message.attachments;
      expect(photo.kind).toBe('image');
      expect(photo.mimeType).toMatch(/^image\//);
      expect(Buffer.compare(photo.data ?? Buffer.alloc(0), PHOTO)).toBe(0);
    });

    if (groups) {
      it('flags group messages with and without a mention, and sends only what the core returned', async () => {
        // even a failing core must not make the bot speak up in a group where nobody addressed it
        bot.replyNext(new Error('core failed on group chatter'));
        await harness.deliverText({ user: 'bob', room: 'drivers', text: '今天下雨', mentioned: false });
        const quiet = await nthCall(1);
        expect(quiet.isGroup).toBe(true);
        expect(quiet.mentioned).toBe(false);
        bot.replyNext([draft('请私聊我 / Please message me privately')]);
        await harness.deliverText({ user: 'bob', room: 'drivers', text: '平台扣钱怎么办', mentioned: true });
        const addressed = await nthCall(2);
        expect(addressed.isGroup).toBe(true);
        expect(addressed.mentioned).toBe(true);
        const parts = parseConversationKey(addressed.conversationKey);
        expect(parts.roomId).toBeDefined();
        expect(parts.userId).toBeDefined();
        expect(formatConversationKey(parts)).toBe(addressed.conversationKey);
        expect(addressed.conversationKey).toBe(quiet.conversationKey);
        const sent = await receivedCount(1);
        expect(sent.map((m) => m.text)).toEqual(['请私聊我 / Please message me privately']);
      });
    }
    // A harness with `capabilities.groups === false` (the WeChat official account: WeChat has no group
    // chats for official accounts) does not register the group test at all; there is nothing to test.

    it('sends a later message to a known conversation', async () => {
      bot.replyNext([draft('已收到')]);
      await harness.deliverText({ user: 'alice', text: '欠薪三个月' });
      const [ack] = await receivedCount(1);
      await adapter.send(bot.calls[0].conversationKey, { id: 'm-1', text: '调解员：我们明天联系你', meta: { intent: 'mediator_reply' } });
      const sent = await receivedCount(2);
      expect(sent[1].text).toBe('调解员：我们明天联系你');
      expect(sent[1].to).toBe(ack.to);
    });

    it('acknowledges and keeps running when the core throws', async () => {
      bot.replyNext(new Error('core exploded'));
      const failed = await harness.deliverText({ user: 'alice', text: '第一条' });
      expect(failed.acknowledged).toBe(true);
      await nthCall(1);
      bot.replyNext([draft('好的')]);
      await harness.deliverText({ user: 'alice', text: '第二条' });
      await nthCall(2);
      await vi.waitFor(async () => expect((await harness.received()).map((m) => m.text)).toContain('好的'), { timeout: 5000 });
      expect(bot.calls).toHaveLength(2);
    });
  });
}
