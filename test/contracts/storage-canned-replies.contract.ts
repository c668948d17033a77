/** Contract: canned replies (常用回复) admins keep for mediators. */
import { describe, expect, it } from 'vitest';
import { MAX_CANNED_TEXT, MAX_CANNED_TITLE } from '../../src/core/canned-replies.js';
import { expectGongyouError, unique, type StorageContractContext } from './storage-fixtures.js';

const first = new Date('2101-08-01T00:00:00.000Z');
const later = new Date('2101-08-02T09:30:00.000Z');

/** Canned-reply behaviour every storage backend must show. */
export function describeCannedReplyContract(ctx: StorageContractContext): void {
  describe('canned replies', () => {
    it('adds, lists in the order added, gets, updates and removes', async () => {
      const { cannedReplies } = ctx.storage();
      const title = unique('请发工资条');
      const a = await cannedReplies.add({ title, text: '  请把最近三个月的工资条或转账记录拍照发给我。\n谢谢！ ', locale: 'zh-CN' }, first);
      const b = await cannedReplies.add({ title: unique('Payslips'), text: 'Please send photos of your last three payslips.', locale: 'en' }, later);
      expect(a).toEqual({ id: a.id, title, text: '请把最近三个月的工资条或转账记录拍照发给我。\n谢谢！', locale: 'zh-CN', createdAt: first.toISOString(), updatedAt: first.toISOString() });
      expect(a.id).not.toBe(b.id);
      const ids = (await cannedReplies.list()).map((r) => r.id);
      expect(ids.indexOf(a.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(b.id)).toBeGreaterThan(ids.indexOf(a.id));
      expect(await cannedReplies.get(a.id)).toEqual(a);

      const edited = await cannedReplies.update(a.id, { title: `${title}（改）`, text: '请发工资条。', locale: 'zh-CN' }, later);
      expect(edited).toEqual({ ...a, title: `${title}（改）`, text: '请发工资条。', updatedAt: later.toISOString() });
      expect(await cannedReplies.get(a.id)).toEqual(edited);
      expect((await cannedReplies.list()).map((r) => r.id)).toEqual(ids);

      expect(await cannedReplies.remove(a.id)).toBe(true);
      expect(await cannedReplies.get(a.id)).toBeUndefined();
      expect(await cannedReplies.remove(a.id)).toBe(false);
      expect((await cannedReplies.list()).map((r) => r.id)).not.toContain(a.id);
      expect(await cannedReplies.update(a.id, { title: 'x', text: 'y', locale: 'zh-CN' }, later)).toBeUndefined();
      expect(await cannedReplies.get('no-such-reply')).toBeUndefined();
    });

    it('refuses a missing or blank title or text, one too long, or an unknown language, and stores nothing', async () => {
      const { cannedReplies } = ctx.storage();
      const before = (await cannedReplies.list()).length;
      await expectGongyouError(cannedReplies.add({ title: '  ', text: '你好', locale: 'zh-CN' }, first), 'bad_request');
      await expectGongyouError(cannedReplies.add({ title: '问候', text: '', locale: 'zh-CN' }, first), 'bad_request');
      await expectGongyouError(cannedReplies.add({ title: 'x'.repeat(MAX_CANNED_TITLE + 1), text: '你好', locale: 'zh-CN' }, first), 'bad_request');
      await expectGongyouError(cannedReplies.add({ title: '问候', text: '好'.repeat(MAX_CANNED_TEXT + 1), locale: 'zh-CN' }, first), 'bad_request');
      await expectGongyouError(cannedReplies.add({ title: '问候', text: '你好', locale: 'fr' } as never, first), 'bad_request');
      await expectGongyouError(cannedReplies.add({ title: '问候' } as never, first), 'bad_request');
      expect(await cannedReplies.list()).toHaveLength(before);
      const kept = await cannedReplies.add({ title: unique('问候'), text: '你好', locale: 'zh-CN' }, first);
      await expectGongyouError(cannedReplies.update(kept.id, { title: '', text: '你好', locale: 'zh-CN' }, later), 'bad_request');
      expect(await cannedReplies.get(kept.id)).toEqual(kept);
    });

    it('keeps canned replies across close and reopen', async () => {
      const opened = await ctx.open();
      const reply = await opened.cannedReplies.add({ title: unique('已收到'), text: '材料收到了，我们今天内回复您。', locale: 'zh-CN' }, first);
      await opened.close();
      const second = await ctx.open();
      try {
        expect(await second.cannedReplies.get(reply.id)).toEqual(reply);
      } finally {
        await second.close();
      }
    });
  });
}
