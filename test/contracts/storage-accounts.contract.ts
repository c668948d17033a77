/** Contract: staff accounts, audit log, blobs and conversation state. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectGongyouError, unique, type StorageContractContext } from './storage-fixtures.js';

const now = new Date('2101-07-01T00:00:00.000Z');

/** Staff, audit, blob and state behaviour every storage backend must show. */
export function describeAccountContract(ctx: StorageContractContext): void {
  describe('staff', () => {
    it('creates a user with a token shown once and finds the user by that token only', async () => {
      const { staff } = ctx.storage();
      const name = unique('调解员');
      const { user, token } = await staff.addUser({ name, role: 'mediator', publicName: '调解员 7 号', skills: ['wages'] }, now);
      expect(user).toMatchObject({ name, role: 'mediator', publicName: '调解员 7 号', skills: ['wages'], createdAt: now.toISOString() });
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await staff.findByToken(token)).toEqual(user);
      const flipped = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
      expect(await staff.findByToken(flipped)).toBeUndefined();
      expect(await staff.findByToken('')).toBeUndefined();
      expect(await staff.findByToken(createHash('sha256').update(token).digest('hex'))).toBeUndefined();
      expect(await staff.getUser(user.id)).toEqual(user);
      expect(await staff.getUser('no-such-user')).toBeUndefined();
      expect((await staff.listUsers()).map((u) => u.id)).toContain(user.id);
    });

    it('gives two users different ids and tokens', async () => {
      const { staff } = ctx.storage();
      const a = await staff.addUser({ name: unique('a'), role: 'admin' }, now);
      const b = await staff.addUser({ name: unique('b'), role: 'supervisor' }, now);
      expect(a.user.id).not.toBe(b.user.id);
      expect(a.token).not.toBe(b.token);
      expect((await staff.findByToken(b.token))?.role).toBe('supervisor');
    });

    it('refuses an unknown role', async () => {
      const bad = { name: 'x', role: 'boss' } as never;
      await expectGongyouError(ctx.storage().staff.addUser(bad, now), 'bad_request');
    });

    it('keeps an audit log, newest first', async () => {
      const { staff } = ctx.storage();
      const actor = unique('admin');
      await staff.audit({ actor, action: 'kb.import', at: '2101-07-01T00:00:00.000Z', detail: { files: 3 } });
      await staff.audit({ actor, action: 'case.close', target: 'GY-2101-000001', at: '2101-07-01T00:01:00.000Z' });
      const [latest, previous] = await staff.listAudit(2);
      expect(latest).toEqual({ actor, action: 'case.close', target: 'GY-2101-000001', at: '2101-07-01T00:01:00.000Z' });
      expect(previous).toEqual({ actor, action: 'kb.import', at: '2101-07-01T00:00:00.000Z', detail: { files: 3 } });
      expect(await staff.listAudit(1)).toHaveLength(1);
      await expectGongyouError(staff.audit({ actor: '', action: 'x', at: now.toISOString() }), 'bad_request');
    });
  });

  describe('blobs', () => {
    it('stores content under its sha256 and gives it back byte for byte', async () => {
      const { blobs } = ctx.storage();
      const data = Buffer.from(`事故现场照片 ${unique('photo')} \u0000\u00ff`, 'utf8');
      const expected = createHash('sha256').update(data).digest('hex');
      expect(await blobs.put(data)).toBe(expected);
      expect(await blobs.put(Buffer.from(data))).toBe(expected);
      const back = await blobs.get(expected);
      expect(back?.equals(data)).toBe(true);
      const empty = Buffer.alloc(0);
      expect((await blobs.get(await blobs.put(empty)))?.length).toBe(0);
    });

    it('answers undefined for unknown or malformed hashes', async () => {
      const { blobs } = ctx.storage();
      expect(await blobs.get('0'.repeat(64))).toBeUndefined();
      expect(await blobs.get('../../etc/passwd')).toBeUndefined();
      await expectGongyouError(blobs.put('not a buffer' as never), 'bad_request');
    });
  });

  describe('conversation state', () => {
    it('gets, overwrites and deletes state', async () => {
      const { state } = ctx.storage();
      const key = unique('telegram:42');
      expect(await state.get(key)).toBeUndefined();
      await state.set(key, { step: 'amount', slots: { employer: '某站点' }, turns: 1 });
      expect(await state.get(key)).toEqual({ step: 'amount', slots: { employer: '某站点' }, turns: 1 });
      await state.set(key, { step: 'done', turns: 2 });
      expect(await state.get(key)).toEqual({ step: 'done', turns: 2 });
      await state.delete(key);
      expect(await state.get(key)).toBeUndefined();
      await state.delete(key);
    });

    it('keeps state, cases and messages across close and reopen', async () => {
      const first = await ctx.open();
      const key = unique('wechat:room:r:user:u');
      await first.state.set(key, { step: 'evidence', list: [1, 2, 3] });
      const created = await first.cases.createCase(
        { userKey: key, channel: 'wechat', conversationKey: key, category: 'injury', facts: {}, summary: '送餐途中摔伤', anonymous: true, tier: 'same_day', dueAt: now.toISOString(), warnings: [], locale: 'zh-CN', evidence: [] },
        'bot',
        now,
      );
      await first.close();
      const second = await ctx.open();
      try {
        expect(await second.state.get(key)).toEqual({ step: 'evidence', list: [1, 2, 3] });
        expect(await second.cases.getCase(created.id)).toEqual(created);
      } finally {
        await second.close();
      }
    });

    it('refuses to store undefined (delete is how state goes away)', async () => {
      await expectGongyouError(ctx.storage().state.set(unique('web:s'), undefined), 'bad_request');
    });
  });
}
