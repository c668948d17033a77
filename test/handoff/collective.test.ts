/** Possible collective issues: shared platform/station/employer and category, counts only. */
import { describe, expect, it } from 'vitest';
import type { CaseDraft } from '../../src/cases/model.js';
import { addStaff, call, type HandoffWorld, worldPerTest } from './harness.js';

const worlds = worldPerTest();

function draft(world: HandoffWorld, user: string, facts: Record<string, unknown>, category: CaseDraft['category'] = 'wages'): CaseDraft {
  const now = world.clock.now();
  return {
    userKey: `web:${user}`, channel: 'web', conversationKey: `web:${user}`, category, facts, summary: `${user} 的私人情况`,
    anonymous: false, contact: { phone: `1380000${user.length}` }, tier: 'three_days', dueAt: new Date(now.getTime() + 86_400_000).toISOString(),
    warnings: [], locale: 'zh-CN', evidence: [], status: 'waiting',
  };
}

describe('collective issues', () => {
  it('groups three waiting wage cases of one station, flags them, and shows only shared fields and counts', async () => {
    const world = await worlds.open();
    const { auth } = await addStaff(world, { name: 'Li' });
    const ids: string[] = [];
    for (const user of ['a', 'b', 'c']) ids.push((await world.storage.cases.createCase(draft(world, user, { station: '望京站', platform: '美团' }), 'test', world.clock.now())).id);
    await world.storage.cases.createCase(draft(world, 'd', { station: '望京站' }, 'injury'), 'test', world.clock.now());
    await world.storage.cases.createCase(draft(world, 'e', { station: '朝阳站' }), 'test', world.clock.now());

    const { groups } = (await (await call(world.app, 'GET', '/api/mediator/collective', auth)).json()) as { groups: Array<Record<string, unknown>> };
    expect(groups).toEqual([
      { field: 'platform', value: '美团 · 望京站', platform: '美团', city: null, station: '望京站', category: 'wages', count: 3, workers: 3, caseIds: expect.arrayContaining(ids) },
    ]);
    const text = JSON.stringify(groups);
    expect(text).not.toContain('私人情况');
    expect(text).not.toContain('1380000');

    const { cases } = (await (await call(world.app, 'GET', '/api/mediator/cases?status=waiting', auth)).json()) as { cases: Array<{ id: string; collective: boolean }> };
    expect(cases.filter((c) => c.collective).map((c) => c.id).sort()).toEqual([...ids].sort());
  });

  it('groups by platform × city, folds typos (没团 → 美团), keeps unknown cities apart and counts workers affected', async () => {
    const world = await worlds.open();
    const { auth } = await addStaff(world, { name: 'Li' });
    const beijing = (user: string, platform: string) =>
      world.storage.cases.createCase(draft(world, user, { employer: { name: platform, platforms: [platform] }, workplace: { text: '北京市朝阳区', city: '北京市' } }), 'test', world.clock.now());
    const a = await beijing('a', '美团');
    const b = await beijing('b', '没团');
    const c = await beijing('c', '美团众包');
    await world.storage.cases.createCase(draft(world, 'u', { platform: '美团' }), 'test', world.clock.now()); // city unknown
    await world.storage.cases.createCase(draft(world, 's', { platform: '美团', city: '上海市' }), 'test', world.clock.now());
    const team = await world.storage.cases.createCase(draft(world, 't', { platform: '饿了么', city: '深圳市', workersAffected: { count: 7, atLeast: false } }), 'test', world.clock.now());

    const { groups } = (await (await call(world.app, 'GET', '/api/mediator/collective', auth)).json()) as {
      groups: Array<{ platform: string; city: string | null; count: number; workers: number; caseIds: string[] }>;
    };
    expect(groups.map((g) => [g.platform, g.city, g.count, g.workers])).toEqual([
      ['饿了么', '深圳市', 1, 7],
      ['美团', '北京市', 3, 3],
    ]);
    expect(groups[0].caseIds).toEqual([team.id]);
    expect([...groups[1].caseIds].sort()).toEqual([a.id, b.id, c.id].sort());
  });

  it('finds one station however the workplace answer named it', async () => {
    const world = await worlds.open();
    const { auth } = await addStaff(world, { name: 'Li' });
    const at = (user: string, text: string) =>
      world.storage.cases.createCase(draft(world, user, { employer: { name: '美团', platforms: ['美团'] }, workplace: { text, city: '北京市' } }), 'test', world.clock.now());
    const ids = [(await at('a', '北京市朝阳区 望京站')).id, (await at('b', '望京站附近')).id, (await at('c', '朝阳望京站')).id];
    const { groups } = (await (await call(world.app, 'GET', '/api/mediator/collective', auth)).json()) as {
      groups: Array<{ station?: string; count: number; caseIds: string[] }>;
    };
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ station: '望京站', count: 3 });
    expect([...groups[0].caseIds].sort()).toEqual(ids.sort());
  });

  it('ignores cases older than the window', async () => {
    const world = await worlds.open();
    const { auth } = await addStaff(world, { name: 'Li' });
    for (const user of ['a', 'b', 'c']) await world.storage.cases.createCase(draft(world, user, { employer: '某某配送公司' }), 'test', world.clock.now());
    world.clock.advance(15 * 24 * 60);
    const { groups } = (await (await call(world.app, 'GET', '/api/mediator/collective', auth)).json()) as { groups: unknown[] };
    expect(groups).toEqual([]);
  });
});
