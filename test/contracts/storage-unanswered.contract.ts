/** Contract: the admin's list of questions the bot was unsure of (storage.unanswered). */
import { describe, expect, it } from 'vitest';
import { groupUnanswered } from '../../src/admin/unanswered.js';
import { unique, type StorageContractContext } from './storage-fixtures.js';

/** What every backend keeps of an unsure answer, and that every instance's notes are in one list. */
export function describeUnansweredContract(ctx: StorageContractContext): void {
  describe('unanswered questions', () => {
    it('keeps a note with phone and ID numbers masked, and lists notes since a time, oldest first', async () => {
      const { unanswered } = ctx.storage();
      const tag = unique('问');
      await unanswered.record({ at: '2101-05-01T08:00:00.000Z', question: ` ${tag} 我电话13812345678，身份证110101199003071234 `, confidence: 0.2, found: [{ law: '劳动合同法', article: 30 }], card: 'wages' });
      await unanswered.record({ at: '2101-05-02T08:00:00.000Z', question: `${tag} 第二次`, confidence: 0.1, found: [] });
      const mine = (await unanswered.entries()).filter((entry) => entry.question.startsWith(tag));
      expect(mine).toEqual([
        { at: '2101-05-01T08:00:00.000Z', question: `${tag} 我电话[手机号已隐藏]，身份证[身份证号已隐藏]`, confidence: 0.2, found: [{ law: '劳动合同法', article: 30 }], card: 'wages' },
        { at: '2101-05-02T08:00:00.000Z', question: `${tag} 第二次`, confidence: 0.1, found: [] },
      ]);
      const later = (await unanswered.entries(new Date('2101-05-01T12:00:00.000Z'))).filter((entry) => entry.question.startsWith(tag));
      expect(later.map((entry) => entry.question)).toEqual([`${tag} 第二次`]);
    });

    it('puts the notes of two instances in one list, the same question counted once', async () => {
      const other = await ctx.open();
      try {
        const question = unique('骑手可以带宠物送单吗');
        await ctx.storage().unanswered.record({ at: '2101-06-01T08:00:00.000Z', question, confidence: 0.3, found: [] });
        await other.unanswered.record({ at: '2101-06-01T09:00:00.000Z', question: `${question}？`, confidence: 0.2, found: [] });
        const groups = groupUnanswered(await ctx.storage().unanswered.entries(new Date('2101-06-01T00:00:00.000Z'))).filter((group) => group.question.startsWith(question));
        expect(groups).toMatchObject([{ question: `${question}？`, times: 2, confidence: 0.2, last: '2101-06-01T09:00:00.000Z' }]);
      } finally {
        await other.close();
      }
    });
  });
}
