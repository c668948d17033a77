/** Contract: cases, numbering, updates with history, conditional claims, evidence. */
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src/cases/model.js';
import { caseDraft, expectGongyouError, unique, type StorageContractContext } from './storage-fixtures.js';

// Tests that pin exact numbers each own a year, so they do not depend on the order tests run in.
const ANY_TIME = new Date('2199-06-01T04:00:00.000Z');

/** Case behaviour every storage backend must show. */
export function describeCaseContract(ctx: StorageContractContext): void {
  describe('cases', () => {
    it('creates a case with the first number of the year and reads it back', async () => {
      const now = new Date('2101-02-03T04:05:06.000Z');
      const draft = caseDraft({ contact: { phone: '13800000000' }, origin: 'intake' });
      const created = await ctx.storage().cases.createCase(draft, 'bot', now);
      expect(created.id).toBe('GY-2101-000001');
      expect(created).toMatchObject({
        userKey: draft.userKey,
        category: 'wages',
        status: 'open',
        contact: { phone: '13800000000' },
        origin: 'intake',
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
      expect(created).not.toHaveProperty('evidence');
      expect(await ctx.storage().cases.getCase(created.id)).toEqual(created);
      expect(await ctx.storage().cases.getCase('GY-2101-999999')).toBeUndefined();
    });

    it('starts a case in the status the draft asks for', async () => {
      const created = await ctx.storage().cases.createCase(caseDraft({ status: 'waiting' }), 'bot', ANY_TIME);
      expect(created.status).toBe('waiting');
      const waiting = await ctx.storage().cases.listCases({ status: 'waiting' });
      expect(waiting.map((c) => c.id)).toContain(created.id);
      expect(waiting.every((c) => c.status === 'waiting')).toBe(true);
      const open = await ctx.storage().cases.listCases({ status: 'open' });
      expect(open.map((c) => c.id)).not.toContain(created.id);
    });

    it('shows a worker only their own cases, newest first', async () => {
      const { cases } = ctx.storage();
      const [alice, bob] = [unique('web:alice'), unique('web:bob')];
      const a1 = await cases.createCase(caseDraft({ userKey: alice }), 'bot', new Date('2199-01-01T01:00:00Z'));
      const b1 = await cases.createCase(caseDraft({ userKey: bob }), 'bot', new Date('2199-01-01T02:00:00Z'));
      const a2 = await cases.createCase(caseDraft({ userKey: alice }), 'bot', new Date('2199-01-01T03:00:00Z'));
      expect((await cases.listCasesByUser([alice])).map((c) => c.id)).toEqual([a2.id, a1.id]);
      expect((await cases.listCasesByUser([bob])).map((c) => c.id)).toEqual([b1.id]);
      expect((await cases.listCasesByUser([alice, bob])).map((c) => c.id)).toEqual([a2.id, b1.id, a1.id]);
      expect(await cases.listCasesByUser([])).toEqual([]);
      expect(await cases.listCasesByUser([unique('web:nobody')])).toEqual([]);
    });

    it('starts a new sequence when the year turns in China time', async () => {
      const { cases } = ctx.storage();
      // 15:59:59 UTC on 31 December is 23:59:59 in Beijing; one second later it is the new year there
      const lastOf2102 = await cases.createCase(caseDraft(), 'bot', new Date('2102-12-31T15:59:59.000Z'));
      const firstOf2103 = await cases.createCase(caseDraft(), 'bot', new Date('2102-12-31T16:00:00.000Z'));
      const secondOf2103 = await cases.createCase(caseDraft(), 'bot', new Date('2103-06-01T00:00:00.000Z'));
      const secondOf2102 = await cases.createCase(caseDraft(), 'bot', new Date('2102-07-01T00:00:00.000Z'));
      expect([lastOf2102.id, firstOf2103.id, secondOf2103.id, secondOf2102.id]).toEqual([
        'GY-2102-000001',
        'GY-2103-000001',
        'GY-2103-000002',
        'GY-2102-000002',
      ]);
    });

    it('hands out 50 distinct consecutive numbers to 50 concurrent creates from two instances', async () => {
      const other = await ctx.open();
      try {
        const now = new Date('2104-03-01T00:00:00.000Z');
        const created = await Promise.all(
          Array.from({ length: 50 }, (_, i) => (i % 2 ? other : ctx.storage()).cases.createCase(caseDraft(), 'bot', now)),
        );
        const numbers = created.map((c) => Number(c.id.slice('GY-2104-'.length))).sort((x, y) => x - y);
        expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
        for (const c of created) expect((await ctx.storage().cases.getCase(c.id))?.userKey).toBe(c.userKey);
      } finally {
        await other.close();
      }
    });

    it('refuses a malformed draft with bad_request and creates nothing', async () => {
      const user = unique('web:bad');
      const bad = { ...caseDraft({ userKey: user }), category: 'not-a-category' } as never;
      await expectGongyouError(ctx.storage().cases.createCase(bad, 'bot', ANY_TIME), 'bad_request');
      expect(await ctx.storage().cases.listCasesByUser([user])).toEqual([]);
    });

    it('records every update in the history, in order, with who and what', async () => {
      const { cases } = ctx.storage();
      const created = await cases.createCase(caseDraft(), 'bot', new Date('2199-02-01T00:00:00Z'));
      const later = new Date('2199-02-01T05:00:00Z');
      const updated = await cases.updateCase(created.id, { publicNote: '调解员已联系站点', owner: 'm1' }, 'mediator:m1', 'note', later);
      expect(updated).toMatchObject({ publicNote: '调解员已联系站点', owner: 'm1', updatedAt: later.toISOString() });
      expect(updated?.createdAt).toBe(created.createdAt);
      const released = await cases.updateCase(created.id, { owner: undefined }, 'mediator:m1', 'release', later);
      expect(released).not.toHaveProperty('owner');
      expect(await cases.getCase(created.id)).toEqual(released);
      const history = await cases.history(created.id);
      expect(history.map((h) => [h.actor, h.action])).toEqual([
        ['bot', 'created'],
        ['mediator:m1', 'note'],
        ['mediator:m1', 'release'],
      ]);
      expect(history[1]).toMatchObject({ caseId: created.id, at: later.toISOString() });
      expect(history[1].detail).toEqual({ publicNote: '调解员已联系站点', owner: 'm1' });
      expect(history[2].detail).toEqual({ owner: null });
    });

    it('lets exactly one of two concurrent claims win', async () => {
      const other = await ctx.open();
      try {
        const created = await ctx.storage().cases.createCase(caseDraft({ status: 'waiting' }), 'bot', ANY_TIME);
        const claim = (s: typeof other, who: string) =>
          s.cases.updateCase(created.id, { status: 'active', owner: who }, `mediator:${who}`, 'claim', ANY_TIME, {
            status: 'waiting',
          });
        const results = await Promise.all([claim(ctx.storage(), 'm1'), claim(other, 'm2')]);
        const winners = results.filter((r): r is CaseRecord => r !== undefined);
        expect(winners).toHaveLength(1);
        const stored = await ctx.storage().cases.getCase(created.id);
        expect(stored?.owner).toBe(winners[0].owner);
        expect(stored?.status).toBe('active');
        const claims = (await ctx.storage().cases.history(created.id)).filter((h) => h.action === 'claim');
        expect(claims.map((h) => h.actor)).toEqual([`mediator:${winners[0].owner}`]);
      } finally {
        await other.close();
      }
    });

    it('changes nothing when the expectation does not hold or the case is unknown', async () => {
      const { cases } = ctx.storage();
      const created = await cases.createCase(caseDraft({ status: 'waiting' }), 'bot', ANY_TIME);
      const unowned = await cases.updateCase(created.id, { status: 'closed' }, 'm9', 'close', ANY_TIME, { owner: 'm9' });
      expect(unowned).toBeUndefined();
      const wrongStatus = await cases.updateCase(created.id, { owner: 'm9' }, 'm9', 'claim', ANY_TIME, { status: 'active' });
      expect(wrongStatus).toBeUndefined();
      expect(await cases.getCase(created.id)).toEqual(created);
      expect((await cases.history(created.id)).map((h) => h.action)).toEqual(['created']);
      // "nobody owns it yet" is a valid expectation
      const claimed = await cases.updateCase(created.id, { owner: 'm9' }, 'm9', 'claim', ANY_TIME, { owner: undefined });
      expect(claimed?.owner).toBe('m9');
      expect(await cases.updateCase('GY-2199-999999', { owner: 'm9' }, 'm9', 'claim', ANY_TIME)).toBeUndefined();
    });

    it('refuses a patch with an unknown field instead of dropping it silently', async () => {
      const created = await ctx.storage().cases.createCase(caseDraft(), 'bot', ANY_TIME);
      const patch = { userKey: 'web:someone-else' } as never;
      await expectGongyouError(ctx.storage().cases.updateCase(created.id, patch, 'm1', 'edit', ANY_TIME), 'bad_request');
      expect(await ctx.storage().cases.getCase(created.id)).toEqual(created);
    });
  });

  describe('evidence', () => {
    const sha = (c: string) => c.repeat(64);

    it('keeps evidence from the draft and later additions in order, once each', async () => {
      const { cases } = ctx.storage();
      const first = { sha256: sha('a'), name: '工资单.jpg', mimeType: 'image/jpeg', size: 1200, receivedAt: '2199-03-01T00:00:00.000Z' };
      const second = { sha256: sha('b'), size: 10, receivedAt: '2199-03-02T00:00:00.000Z' };
      const created = await cases.createCase(caseDraft({ evidence: [first] }), 'bot', ANY_TIME);
      await cases.addEvidence(created.id, second, 'worker', new Date('2199-03-02T00:00:00Z'));
      await cases.addEvidence(created.id, second, 'worker', new Date('2199-03-02T00:01:00Z'));
      expect(await cases.listEvidence(created.id)).toEqual([first, second]);
      const added = (await cases.history(created.id)).filter((h) => h.action === 'evidence_added');
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ actor: 'worker', detail: { sha256: sha('b') } });
      expect(await cases.listEvidence('GY-2199-999998')).toEqual([]);
    });

    it('refuses evidence for a case that does not exist, or with a bad hash', async () => {
      const ref = { sha256: sha('c'), size: 1, receivedAt: '2199-03-01T00:00:00.000Z' };
      await expectGongyouError(ctx.storage().cases.addEvidence('GY-2199-999997', ref, 'worker', ANY_TIME), 'not_found');
      const created = await ctx.storage().cases.createCase(caseDraft(), 'bot', ANY_TIME);
      const bad = { ...ref, sha256: 'not-a-hash' };
      await expectGongyouError(ctx.storage().cases.addEvidence(created.id, bad, 'worker', ANY_TIME), 'bad_request');
    });
  });
}
