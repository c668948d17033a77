/** Contract: message log and dedupe. */
import { describe, expect, it } from 'vitest';
import { expectGongyouError, logEntry, unique, type StorageContractContext } from './storage-fixtures.js';

/** Message-log and dedupe behaviour every storage backend must show. */
export function describeMessageContract(ctx: StorageContractContext): void {
  describe('message log', () => {
    it('numbers messages with increasing seq and keeps the transcript in order', async () => {
      const { messages } = ctx.storage();
      const chat = unique('telegram:chat');
      const entries = [logEntry(chat, 'in', '站长不给结钱'), logEntry(chat, 'out', '请问拖欠了多久？'), logEntry(chat, 'in', '两个月')];
      const logged = [];
      for (const entry of entries) logged.push(await messages.append(entry));
      const seqs = logged.map((m) => m.seq);
      expect(seqs[0]).toBeLessThan(seqs[1]);
      expect(seqs[1]).toBeLessThan(seqs[2]);
      expect(logged[1]).toEqual({ ...entries[1], seq: seqs[1] });
      expect(await messages.transcript(chat)).toEqual(logged);
      // with a limit: the latest messages, still oldest first
      expect(await messages.transcript(chat, 2)).toEqual(logged.slice(1));
      expect(await messages.transcript(unique('telegram:empty'))).toEqual([]);
    });

    it('lists outgoing messages after a given id, and all of them for an unknown id', async () => {
      const { messages } = ctx.storage();
      const chat = unique('web:chat');
      const elsewhere = unique('web:other');
      const out1 = logEntry(chat, 'out', '一');
      const out2 = logEntry(chat, 'out', '二');
      const out3 = logEntry(chat, 'out', '三');
      await messages.append(out1);
      await messages.append(logEntry(chat, 'in', '收到'));
      await messages.append(logEntry(elsewhere, 'out', '别人的消息'));
      await messages.append(out2);
      await messages.append(out3);
      const texts = async (afterId?: string) => (await messages.listOutbound(chat, afterId)).map((m) => m.text);
      expect(await texts()).toEqual(['一', '二', '三']);
      expect(await texts(out1.message.id)).toEqual(['二', '三']);
      expect(await texts(out3.message.id)).toEqual([]);
      expect(await texts('no-such-id')).toEqual(['一', '二', '三']);
      expect((await messages.listOutbound(chat, out2.message.id))[0]).toEqual(out3.message);
    });

    it('reports undelivered outgoing messages until they are marked delivered', async () => {
      const { messages } = ctx.storage();
      const chat = unique('wechat:chat');
      const pending = logEntry(chat, 'out', '稍后发送', { delivered: false });
      const sent = logEntry(chat, 'out', '已发送', { delivered: true });
      await messages.append(pending);
      await messages.append(sent);
      await messages.append(logEntry(chat, 'in', '工人消息', { delivered: false }));
      const mine = async () => (await messages.undelivered(10_000)).filter((m) => m.conversationKey === chat);
      const before = await mine();
      expect(before.map((m) => m.message.id)).toEqual([pending.message.id]);
      expect(before[0].delivered).toBe(false);
      await messages.markDelivered(pending.message.id);
      expect(await mine()).toEqual([]);
      expect((await messages.transcript(chat))[0].delivered).toBe(true);
      await messages.markDelivered('no-such-message');
    });

    it('returns at most `limit` undelivered messages, oldest first', async () => {
      const { messages } = ctx.storage();
      const chat = unique('slack:chat');
      await messages.append(logEntry(chat, 'out', 'a', { delivered: false }));
      await messages.append(logEntry(chat, 'out', 'b', { delivered: false }));
      const one = await messages.undelivered(1);
      expect(one).toHaveLength(1);
      const all = await messages.undelivered(10_000);
      expect(all.map((m) => m.seq)).toEqual([...all.map((m) => m.seq)].sort((x, y) => x - y));
    });

    it('refuses an entry without a message id', async () => {
      const entry = logEntry(unique('web:x'), 'out', 'x');
      const bad = { ...entry, message: { ...entry.message, id: '' } };
      await expectGongyouError(ctx.storage().messages.append(bad), 'bad_request');
    });
  });

  describe('dedupe', () => {
    const now = new Date('2101-05-01T00:00:00.000Z');

    it('remembers a processed message with its replies; the first remember wins', async () => {
      const { dedupe } = ctx.storage();
      const key = unique('telegram:update');
      expect(await dedupe.seen(key)).toBeUndefined();
      await dedupe.remember(key, ['r1', 'r2'], now);
      expect(await dedupe.seen(key)).toEqual(['r1', 'r2']);
      await dedupe.remember(key, ['r3'], now);
      expect(await dedupe.seen(key)).toEqual(['r1', 'r2']);
    });

    it('tells a message with no replies apart from an unseen one', async () => {
      const { dedupe } = ctx.storage();
      const key = unique('wechat:msg');
      await dedupe.remember(key, [], now);
      expect(await dedupe.seen(key)).toEqual([]);
    });

    it('refuses an empty key', async () => {
      await expectGongyouError(ctx.storage().dedupe.remember('', ['r'], now), 'bad_request');
    });
  });
}
