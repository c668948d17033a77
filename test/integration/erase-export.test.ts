/** "删除我的数据" erases everywhere after a confirmation; "导出我的数据" gives it all back (issue 16). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRetention, ERASED_SUMMARY } from '../../src/app/personal-data.js';
import { joined, startWorld, type IntegrationWorld } from './world.js';

const PHONE = '13912345678';

describe('a worker’s data: erase and export', () => {
  let world: IntegrationWorld;
  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(() => world.close());

  async function seed(userId: string) {
    const g = world.g;
    await world.web(userId, `我电话 ${PHONE}，骑车摔伤了左手`);
    const photo = Buffer.from(`payslip ${PHONE}`);
    const sha = await g.storage.blobs.put(photo);
    const created = await g.storage.cases.createCase(
      {
        userKey: `web:${userId}`,
        channel: 'web',
        conversationKey: `web:${userId}`,
        category: 'injury',
        facts: { injury: '左手骨折' },
        summary: `左手骨折，电话 ${PHONE}`,
        anonymous: false,
        contact: { phone: PHONE, name: '王小明' },
        tier: 'three_days',
        dueAt: '2101-01-01T00:00:00.000Z',
        warnings: [],
        locale: 'zh-CN',
        evidence: [{ sha256: sha, name: '工资条.jpg', size: photo.length, receivedAt: world.clock.now().toISOString() }],
      },
      'bot',
      world.clock.now(),
    );
    return { caseId: created.id, sha };
  }

  it('asks first; anything else cancels; "确认删除" erases everywhere and says what was kept', async () => {
    const { caseId, sha } = await seed('erase-me');
    expect(joined(await world.web('erase-me', '删除我的数据'))).toMatch(/确认删除/);
    expect(joined(await world.web('erase-me', '算了还是不删'))).toMatch(/没有删除/);
    expect((await world.g.storage.cases.getCase(caseId))?.contact?.phone).toBe(PHONE);

    expect(joined(await world.web('erase-me', '删除我的数据'))).toMatch(/确认删除/);
    const done = joined(await world.web('erase-me', '确认删除'));
    expect(done).toContain(caseId);
    expect(done).toMatch(/保留的只有/);

    const kept = await world.g.storage.cases.getCase(caseId);
    expect(kept?.contact ?? {}).toEqual({});
    expect(kept?.summary).toBe(ERASED_SUMMARY);
    expect(kept?.facts).toEqual({});
    expect(kept?.category).toBe('injury');
    expect(JSON.stringify(await world.g.storage.cases.history(caseId))).not.toContain(PHONE);
    expect(await world.g.storage.blobs.get(sha)).toBeUndefined();
    const log = JSON.stringify(await world.g.storage.messages.transcript('web:erase-me'));
    expect(log).not.toContain(PHONE);
    expect(log).not.toContain('摔伤');
    // "我的数据" afterwards shows no phone
    expect(joined(await world.web('erase-me', '我的数据'))).not.toMatch(/5678/);
  });

  it('exports the worker’s cases and messages as JSON', async () => {
    const { caseId } = await seed('export-me');
    const reply = joined(await world.web('export-me', '导出我的数据'));
    const data = JSON.parse(reply.slice(reply.indexOf('{'))) as { cases: Array<{ id: string; contact: { phone: string } }>; messages: Array<{ text: string }> };
    expect(data.cases[0].id).toBe(caseId);
    expect(data.cases[0].contact.phone).toBe(PHONE);
    expect(data.messages.some((m) => m.text.includes('摔伤'))).toBe(true);
  });

  it('retention erases personal data of cases closed long ago and trims old messages', async () => {
    const { caseId } = await seed('old-case');
    await world.g.storage.cases.updateCase(caseId, { status: 'closed', outcome: 'resolved' }, 'staff', 'closed', world.clock.now());
    const later = { now: () => new Date(world.clock.now().getTime() + 400 * 86_400_000) };
    const report = await runRetention(world.g.storage, later, { closedCaseDays: 365, messageDays: 180 });
    expect(report.casesAnonymised).toBe(1);
    expect(report.messagesDeleted).toBeGreaterThan(0);
    expect((await world.g.storage.cases.getCase(caseId))?.contact ?? {}).toEqual({});
    expect(await world.g.storage.messages.transcript('web:old-case')).toEqual([]);
  });
});
