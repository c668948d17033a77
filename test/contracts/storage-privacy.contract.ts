/** What every backend promises about personal data (issue 16): ID numbers are never stored. */
import { describe, expect, it } from 'vitest';
import type { StorageContractContext } from './storage-fixtures.js';
import { caseDraft, logEntry, unique } from './storage-fixtures.js';

const WRITTEN = ['11010519491231002X', '1101 0519 4912 3100 2x', '110105-19491231-002X'];
/** Any trace of the test ID number: its birth date digits. */
const TRACE = /19491231|1949 ?1231|4912 ?3100/;

/** Run the personal-data part of the storage contract. */
export function describePrivacyContract(ctx: StorageContractContext): void {
  describe('personal data: ID numbers are never stored', () => {
    it('masks ID numbers in the message log, both directions', async () => {
      const key = unique('web:id');
      for (const id of WRITTEN) {
        await ctx.storage().messages.append(logEntry(key, 'in', `我的身份证 ${id}`));
        await ctx.storage().messages.append(logEntry(key, 'out', `您发的 ${id} 已隐去`));
      }
      const transcript = await ctx.storage().messages.transcript(key);
      expect(transcript).toHaveLength(6);
      expect(JSON.stringify(transcript)).not.toMatch(TRACE);
      expect(JSON.stringify(await ctx.storage().messages.listOutbound(key))).not.toMatch(TRACE);
    });

    it('masks ID numbers in conversation state', async () => {
      const key = unique('web:st');
      await ctx.storage().state.set(key, { intake: { description: `身份证 ${WRITTEN[1]}`, notes: [{ text: WRITTEN[2] }] } });
      const saved = await ctx.storage().state.get(key);
      expect(JSON.stringify(saved)).not.toMatch(TRACE);
      expect(JSON.stringify(saved)).toContain('身份证号已隐藏');
    });

    it('masks ID numbers in case summaries, facts, contacts and updates', async () => {
      const created = await ctx
        .storage()
        .cases.createCase(
          caseDraft({ summary: `身份证号 ${WRITTEN[1]}`, facts: { note: WRITTEN[2] }, contact: { name: `张三 ${WRITTEN[0]}` } }),
          'bot',
          new Date('2101-01-01T00:00:00Z'),
        );
      expect(JSON.stringify(await ctx.storage().cases.getCase(created.id))).not.toMatch(TRACE);
      await ctx.storage().cases.updateCase(created.id, { summary: `改 ${WRITTEN[0]}` }, 'bot', 'edit', new Date('2101-01-01T00:01:00Z'));
      expect(JSON.stringify(await ctx.storage().cases.getCase(created.id))).not.toMatch(TRACE);
    });

    it('masks spaced ID numbers in unsure-question notes', async () => {
      const question = `${unique('q')} 我身份证 ${WRITTEN[1]} 被公司扣了怎么办`;
      await ctx.storage().unanswered.record({ at: '2101-01-01T00:00:00.000Z', question, confidence: 0.1, found: [] });
      const notes = await ctx.storage().unanswered.entries();
      const note = notes.find((n) => n.question.startsWith(question.split(' ')[0]));
      expect(note).toBeDefined();
      expect(note!.question).not.toMatch(TRACE);
    });
  });
}
