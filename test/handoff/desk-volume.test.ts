/** Issue 17: priority, evidence files, cases that never vanish, search/filters/paging, private notes and labels. */
import { describe, expect, it } from 'vitest';
import type { CaseDraft } from '../../src/cases/model.js';
import type { MediatorEvent } from '../../src/core/mediator.js';
import { loadConfig } from '../../src/config.js';
import { addStaff, call, webInbox, type HandoffWorld, worldPerTest } from './harness.js';

const worlds = worldPerTest();

type Item = { id: string; priority: string; status: string; summary?: string; dueAt: string; overdue: boolean };
type Page = { cases: Item[]; total: number; offset: number; limit: number | null };

async function page(w: HandoffWorld, auth: Record<string, string>, query: string): Promise<Page> {
  const res = await call(w.app, 'GET', `/api/mediator/cases?${query}`, auth);
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
}

function draft(w: HandoffWorld, user: string, over: Partial<CaseDraft> = {}): CaseDraft {
  const now = w.clock.now();
  return {
    userKey: `web:${user}`, channel: 'web', conversationKey: `web:${user}`, category: 'wages', facts: {}, summary: `${user} 的情况`,
    anonymous: false, tier: 'three_days', dueAt: new Date(now.getTime() + 3 * 86_400_000).toISOString(), warnings: [], locale: 'zh-CN',
    evidence: [], status: 'waiting', ...over,
  };
}

async function crisisCase(w: HandoffWorld, userId: string): Promise<string> {
  await call(w.app, 'POST', '/api/web/messages', {}, { userId, text: '你好，今天天气不错' });
  w.clock.advance(1);
  const res = await call(w.app, 'POST', '/api/web/messages', {}, { userId, text: '跑单太累了 活着没意思 不想活了' });
  const { replies } = (await res.json()) as { replies: Array<{ meta: { handoff?: { caseId: string; reason: string } } }> };
  const handoff = replies.find((r) => r.meta.handoff)?.meta.handoff;
  expect(handoff?.reason).toBe('crisis');
  return handoff!.caseId;
}

describe('priority', () => {
  it('marks a crisis case, sorts it first, makes it due within the hour and shows the message that raised it', async () => {
    const world = await worlds.open();
    const { auth } = await addStaff(world, { name: 'Li' });
    const early = await world.storage.cases.createCase(draft(world, 'early', { dueAt: new Date(world.clock.now().getTime() + 10 * 60_000).toISOString() }), 'test', world.clock.now());
    const injury = await world.storage.cases.createCase(
      draft(world, 'hurt', { category: 'injury', facts: { hospital: true }, tier: 'same_day', summary: '送餐摔倒骨折住院' }),
      'test',
      world.clock.now(),
    );
    const death = await world.storage.cases.createCase(draft(world, 'dead', { category: 'injury', summary: '同事送餐途中出车祸去世' }), 'test', world.clock.now());
    const caseId = await crisisCase(world, 'sad-1');

    const { cases } = await page(world, auth, 'status=waiting');
    expect(cases[0]).toMatchObject({ id: caseId, priority: 'crisis', summary: '跑单太累了 活着没意思 不想活了' });
    expect(cases.find((c) => c.id === early.id)?.priority).toBe('normal');
    expect(cases.find((c) => c.id === injury.id)?.priority).toBe('urgent');
    expect(cases.find((c) => c.id === death.id)?.priority).toBe('urgent');
    const minutes = (Date.parse(cases[0].dueAt) - world.clock.now().getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(0);
    expect(minutes).toBeLessThanOrEqual(60);

    const { case: packet } = (await (await call(world.app, 'GET', `/api/mediator/cases/${caseId}`, auth)).json()) as { case: { summary: string; item: Item } };
    expect(packet.summary).toBe('跑单太累了 活着没意思 不想活了');
    expect(packet.item.priority).toBe('crisis');
    expect((await page(world, auth, 'priority=crisis')).cases.map((c) => c.id)).toEqual([caseId]);
  });

  it('turns a waiting case into a crisis case when the worker writes a crisis message', async () => {
    const world = await worlds.open();
    const { auth } = await addStaff(world, { name: 'Li' });
    await call(world.app, 'POST', '/api/web/messages', {}, { userId: 'q-1', text: '转人工' });
    world.clock.advance(5);
    await call(world.app, 'POST', '/api/web/messages', {}, { userId: 'q-1', text: '我不想活了' });
    const { cases } = await page(world, auth, 'status=waiting');
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ priority: 'crisis', summary: '我不想活了' });
  });

  it('sends an unclaimed crisis case to the supervisors after CRISIS_ESCALATION_MINUTES, not hours', async () => {
    expect(loadConfig({ GONGYOU_DATA_DIR: '/tmp/x' }).env.CRISIS_ESCALATION_MINUTES).toBe(10);
    const world = await worlds.open({ env: { CRISIS_ESCALATION_MINUTES: '5' } });
    const events: MediatorEvent[] = [];
    world.wiring.desk.subscribe((e) => events.push(e));
    const caseId = await crisisCase(world, 'sad-2');
    world.clock.advance(4);
    expect((await world.wiring.scheduler.tick()).overdueSupervisor).toEqual([]);
    world.clock.advance(2);
    expect((await world.wiring.scheduler.tick()).overdueSupervisor).toEqual([caseId]);
    expect((await world.wiring.scheduler.tick()).overdueSupervisor).toEqual([]);
    expect(events.filter((e) => e.type === 'overdue')).toEqual([expect.objectContaining({ caseId, stage: 'supervisor' })]);
  });
});

describe('evidence', () => {
  it('serves an evidence file by id with its type and name, audited, only within scope', async () => {
    const world = await worlds.open();
    const li = await addStaff(world, { name: 'Li' });
    const admin = await addStaff(world, { name: 'Boss', role: 'admin' });
    const injuryOnly = await addStaff(world, { name: 'Wu', skills: ['injury'] });
    const record = await world.storage.cases.createCase(draft(world, 'pic'), 'test', world.clock.now());
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const sha256 = await world.storage.blobs.put(png);
    await world.storage.cases.addEvidence(record.id, { sha256, name: '工资截图.png', mimeType: 'image/png', size: png.length, receivedAt: world.clock.now().toISOString() }, 'test', world.clock.now());

    const { case: packet } = (await (await call(world.app, 'GET', `/api/mediator/cases/${record.id}`, li.auth)).json()) as {
      case: { evidence: Array<{ id: string; url: string; name: string }> };
    };
    const [item] = packet.evidence;
    expect(item.id).toMatch(/^[0-9a-f]{16}$/);
    expect(item.url).toBe(`/api/mediator/cases/${record.id}/evidence/${item.id}`);

    const res = await call(world.app, 'GET', item.url, li.auth);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('工资截图.png')}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);

    expect((await call(world.app, 'GET', `/api/mediator/cases/${record.id}/evidence/0000000000000000`, li.auth)).status).toBe(404);
    expect((await call(world.app, 'GET', `/api/mediator/cases/GY-2026-999999/evidence/${item.id}`, li.auth)).status).toBe(404);
    expect([403, 404]).toContain((await call(world.app, 'GET', item.url, injuryOnly.auth)).status);
    expect((await call(world.app, 'GET', item.url)).status).toBe(401);

    const { entries } = (await (await call(world.app, 'GET', '/api/admin/audit', admin.auth)).json()) as { entries: Array<{ actor: string; action: string; target?: string }> };
    expect(entries).toContainEqual(expect.objectContaining({ actor: li.user.id, action: 'read_evidence', target: record.id }));

    const file = await (await call(world.app, 'GET', `/api/mediator/cases/${record.id}/file`, li.auth)).text();
    expect(file).toContain(`href="${item.url}"`);
  });
});

describe('cases never vanish', () => {
  it('lists a released case under status=open and reopens a closed case (audited)', async () => {
    const world = await worlds.open();
    const med = await addStaff(world, { name: 'Li' });
    const admin = await addStaff(world, { name: 'Boss', role: 'admin' });
    await call(world.app, 'POST', '/api/web/messages', {}, { userId: 'gone-1', text: '转人工' });
    const [waiting] = (await page(world, med.auth, 'status=waiting')).cases;
    expect((await call(world.app, 'POST', `/api/mediator/cases/${waiting.id}/claim`, med.auth)).status).toBe(200);
    expect((await call(world.app, 'POST', `/api/mediator/cases/${waiting.id}/release`, med.auth)).status).toBe(200);
    const open = await page(world, med.auth, 'status=open');
    expect(open.cases.map((c) => [c.id, c.status])).toEqual([[waiting.id, 'open']]);

    expect((await call(world.app, 'POST', `/api/mediator/cases/${waiting.id}/reopen`, med.auth)).status).toBe(400);
    expect((await call(world.app, 'POST', `/api/mediator/cases/${waiting.id}/close`, med.auth, { outcome: 'resolved' })).status).toBe(200);
    expect((await page(world, med.auth, 'status=open')).cases).toEqual([]);
    expect((await call(world.app, 'POST', `/api/mediator/cases/${waiting.id}/reopen`, med.auth)).status).toBe(200);
    expect((await page(world, med.auth, 'status=open')).cases.map((c) => c.id)).toEqual([waiting.id]);
    expect((await world.storage.cases.getCase(waiting.id))?.outcome).toBeUndefined();
    const { entries } = (await (await call(world.app, 'GET', '/api/admin/audit', admin.auth)).json()) as { entries: Array<{ action: string; target?: string }> };
    expect(entries).toContainEqual(expect.objectContaining({ action: 'reopen', target: waiting.id }));
  });
});

describe('search, filters, sort and paging', () => {
  it('finds cases by number, phone ending, name, station, platform and summary words; filters; pages with a total', async () => {
    const world = await worlds.open();
    const li = await addStaff(world, { name: 'Li' });
    const now = world.clock.now();
    const a = await world.storage.cases.createCase(
      draft(world, 'a', { contact: { phone: '13800138123', name: '王小明' }, facts: { station: '望京站', employer: { name: '美团', platforms: ['美团'] } }, summary: '站长拖欠三月工资' }),
      'test',
      now,
    );
    const b = await world.storage.cases.createCase(
      draft(world, 'b', { category: 'deductions', channel: 'telegram', facts: { platform: '饿了么', city: '北京市' }, summary: '超时被罚五十', dueAt: new Date(now.getTime() - 60_000).toISOString() }),
      'test',
      now,
    );
    const c = await world.storage.cases.createCase(draft(world, 'c', { summary: '小区不让进', status: 'open' }), 'test', now);
    const ids = async (query: string) => (await page(world, li.auth, query)).cases.map((x) => x.id);

    expect(await ids(`q=${encodeURIComponent(a.id)}`)).toEqual([a.id]);
    expect(await ids('q=8123')).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent('王小明')}`)).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent('望京')}`)).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent('饿了么')}`)).toEqual([b.id]);
    expect(await ids(`q=${encodeURIComponent('罚')}`)).toEqual([b.id]);
    expect(await ids(`q=${encodeURIComponent('小区')}`)).toEqual([c.id]); // q searches every status unless one is given
    expect(await ids(`q=${encodeURIComponent('小区')}&status=waiting`)).toEqual([]);

    expect(await ids('category=deductions')).toEqual([b.id]);
    expect(await ids('channel=telegram')).toEqual([b.id]);
    expect(await ids(`region=${encodeURIComponent('北京市')}`)).toEqual([b.id]);
    expect(await ids('overdue=1')).toEqual([b.id]);
    expect(await ids('tier=three_days&status=waiting')).toEqual([b.id, a.id]);
    expect(await ids('mine=1')).toEqual([]);
    await call(world.app, 'POST', `/api/mediator/cases/${a.id}/claim`, li.auth);
    expect(await ids('mine=1&status=active')).toEqual([a.id]);

    const first = await page(world, li.auth, 'status=all&limit=2&offset=0');
    expect(first.total).toBe(3);
    expect(first.cases).toHaveLength(2);
    expect(first.limit).toBe(2);
    const second = await page(world, li.auth, 'status=all&limit=2&offset=2');
    expect(second.cases).toHaveLength(1);
    expect(new Set([...first.cases, ...second.cases].map((x) => x.id)).size).toBe(3);

    expect((await page(world, li.auth, 'status=all&sort=waiting')).cases).toHaveLength(3);
    expect((await page(world, li.auth, 'status=all&sort=last_message')).cases).toHaveLength(3);
    expect((await call(world.app, 'GET', '/api/mediator/cases?sort=sideways', li.auth)).status).toBe(400);
    expect((await call(world.app, 'GET', '/api/mediator/cases?limit=-1', li.auth)).status).toBe(400);
  });

  it('never searches outside the mediator’s scope', async () => {
    const world = await worlds.open();
    const wu = await addStaff(world, { name: 'Wu', skills: ['injury'] });
    await world.storage.cases.createCase(draft(world, 'x', { contact: { phone: '13900001111' }, summary: '欠薪' }), 'test', world.clock.now());
    expect((await page(world, wu.auth, 'q=1111')).cases).toEqual([]);
  });
});

describe('private notes and labels', () => {
  it('keeps private notes in the case JSON, named by public name, and never sends them to the worker', async () => {
    const world = await worlds.open();
    const med = await addStaff(world, { name: '李四', publicName: '李老师' });
    await call(world.app, 'POST', '/api/web/messages', {}, { userId: 'note-1', text: '转人工' });
    const [item] = (await page(world, med.auth, 'status=waiting')).cases;
    await call(world.app, 'POST', `/api/mediator/cases/${item.id}/claim`, med.auth);
    expect((await call(world.app, 'POST', `/api/mediator/cases/${item.id}/private-notes`, med.auth, { text: '内部：怀疑站长转移资产' })).status).toBe(201);
    expect((await call(world.app, 'POST', `/api/mediator/cases/${item.id}/private-notes`, med.auth, { text: '' })).status).toBe(400);
    expect((await call(world.app, 'POST', `/api/mediator/cases/${item.id}/labels`, med.auth, { labels: ['待回电', '需法援'] })).status).toBe(200);
    await call(world.app, 'POST', `/api/mediator/cases/${item.id}/messages`, med.auth, { text: '您好，我是李老师' });

    const { case: packet } = (await (await call(world.app, 'GET', `/api/mediator/cases/${item.id}`, med.auth)).json()) as {
      case: { privateNotes: Array<{ text: string; by: string; byName: string }>; labels: string[]; transcript: Array<{ author: string; authorName?: string }> };
    };
    expect(packet.privateNotes).toEqual([expect.objectContaining({ text: '内部：怀疑站长转移资产', by: med.user.id, byName: '李老师' })]);
    expect(packet.labels).toEqual(['待回电', '需法援']);
    expect(packet.transcript.find((l) => l.author.startsWith('mediator:'))?.authorName).toBe('李老师');
    const inbox = JSON.stringify(await webInbox(world.app, 'note-1'));
    expect(inbox).not.toContain('转移资产');
    const progress = await call(world.app, 'POST', '/api/web/messages', {}, { userId: 'note-1', text: '查进度' });
    expect(await progress.text()).not.toContain('转移资产');
  });

  it('shows intake answers with slot labels and plain values', async () => {
    const world = await worlds.open();
    const med = await addStaff(world, { name: 'Li' });
    const record = await world.storage.cases.createCase(
      draft(world, 'amt', { facts: { amountOwed: { amount: 9200, currency: 'CNY' }, stillWorking: false } }),
      'test',
      world.clock.now(),
    );
    const { case: packet } = (await (await call(world.app, 'GET', `/api/mediator/cases/${record.id}`, med.auth)).json()) as {
      case: { factLines: Array<{ slot: string; label: Record<string, string>; value: Record<string, string> }> };
    };
    const amount = packet.factLines.find((l) => l.slot === 'amountOwed');
    expect(amount?.label['zh-CN']).toBe('被欠金额');
    expect(amount?.value['zh-CN']).toMatch(/9,?200\s*元/);
    expect(packet.factLines.find((l) => l.slot === 'stillWorking')?.value['zh-CN']).toBe('否');
  });
});
