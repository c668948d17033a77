/** The mediator JSON API end to end, in process: auth, scope, claim race, relay, release, close, satisfaction, audit. */
import { describe, expect, it } from 'vitest';
import type { MediatorEvent } from '../../src/core/mediator.js';
import { addStaff, call, webInbox, type HandoffWorld, worldPerTest } from './harness.js';

const worlds = worldPerTest();

async function workerAsksForPerson(w: HandoffWorld, userId: string): Promise<string> {
  const res = await call(w.app, 'POST', '/api/web/messages', {}, { userId, text: '我要转人工，站长欠我两个月工资' });
  expect(res.status).toBe(200);
  const { replies } = (await res.json()) as { replies: Array<{ meta: { handoff?: { caseId: string; reason: string } } }> };
  const handoff = replies.find((r) => r.meta.handoff)?.meta.handoff;
  expect(handoff?.reason).toBe('requested');
  return handoff!.caseId;
}

describe('mediator API', () => {
  it('refuses missing and wrong tokens with 401 JSON', async () => {
    const world = await worlds.open();
    const missing = await call(world.app, 'GET', '/api/mediator/cases?status=waiting');
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    const wrong = await call(world.app, 'GET', '/api/mediator/cases', { authorization: 'Bearer gy_not-a-real-token' });
    expect(wrong.status).toBe(401);
    const admin = await call(world.app, 'GET', '/api/admin/audit', { authorization: 'Basic abc' });
    expect(admin.status).toBe(401);
  });

  it('lists the queue with tier, due time, channel and wait; a bad status is 400', async () => {
    const world = await worlds.open();
    const { auth } = await addStaff(world, { name: 'Li' });
    const caseId = await workerAsksForPerson(world, 'rider-1');
    world.clock.advance(25);
    const res = await call(world.app, 'GET', '/api/mediator/cases?status=waiting', auth);
    const { cases } = (await res.json()) as { cases: Array<Record<string, unknown>> };
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ id: caseId, status: 'waiting', tier: 'three_days', channel: 'web', waitedMinutes: 25, collective: false, overdue: false });
    expect(typeof cases[0].dueAt).toBe('string');
    expect((await call(world.app, 'GET', '/api/mediator/cases?status=everything', auth)).status).toBe(400);
  });

  it('sends Cache-Control: no-store; an unclaimed waiting case is closed only by a supervisor (issue 16)', async () => {
    const world = await worlds.open();
    const { auth } = await addStaff(world, { name: 'Li' });
    const sup = await addStaff(world, { name: 'Boss', role: 'supervisor' });
    const caseId = await workerAsksForPerson(world, 'rider-unclaimed');
    const list = await call(world.app, 'GET', '/api/mediator/cases?status=waiting', auth);
    expect(list.headers.get('cache-control')).toBe('no-store');
    expect((await call(world.app, 'GET', '/api/mediator/cases')).headers.get('cache-control')).toBe('no-store');
    expect((await call(world.app, 'POST', `/api/mediator/cases/${caseId}/close`, auth, { outcome: 'resolved' })).status).toBe(403);
    expect((await world.storage.cases.getCase(caseId))?.status).toBe('waiting');
    expect((await call(world.app, 'POST', `/api/mediator/cases/${caseId}/close`, sup.auth, { outcome: 'resolved' })).status).toBe(200);
  });

  it('lets exactly one of two simultaneous claims win', async () => {
    const world = await worlds.open();
    const a = await addStaff(world, { name: 'A', publicName: '调解员 8号' });
    const b = await addStaff(world, { name: 'B' });
    const caseId = await workerAsksForPerson(world, 'rider-2');
    const [ra, rb] = await Promise.all([
      call(world.app, 'POST', `/api/mediator/cases/${caseId}/claim`, a.auth),
      call(world.app, 'POST', `/api/mediator/cases/${caseId}/claim`, b.auth),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const winner = ra.status === 200 ? a.user : b.user;
    expect((await world.storage.cases.getCase(caseId))?.owner).toBe(winner.id);
    const joined = (await webInbox(world.app, 'rider-2')).filter((m) => m.meta.intent === 'mediator_joined');
    expect(joined).toHaveLength(1);
  });

  it('relays both ways while a mediator owns the case, then hands back with notes and closes', async () => {
    const world = await worlds.open();
    const events: MediatorEvent[] = [];
    world.wiring.desk.subscribe((e) => events.push(e));
    const med = await addStaff(world, { name: 'Wang', publicName: '调解员 8号' });
    const other = await addStaff(world, { name: 'Zhao' });
    const caseId = await workerAsksForPerson(world, 'rider-3');
    expect((await call(world.app, 'POST', `/api/mediator/cases/${caseId}/claim`, med.auth)).status).toBe(200);
    expect((await webInbox(world.app, 'rider-3')).at(-1)).toMatchObject({ text: expect.stringContaining('调解员 8号'), meta: { authorName: '调解员 8号' } });
    const state = await world.storage.state.get<{ mode: string; activeCaseId: string }>('web:rider-3');
    expect(state).toMatchObject({ mode: 'mediator', activeCaseId: caseId });

    // worker → mediator: the bot stays quiet and the mediators get the message
    const quiet = await call(world.app, 'POST', '/api/web/messages', {}, { userId: 'rider-3', text: '他说下周再给' });
    expect(((await quiet.json()) as { replies: unknown[] }).replies).toEqual([]);
    expect(events.find((e) => e.type === 'workerMessage')).toMatchObject({ caseId, text: '他说下周再给' });

    // mediator → worker: only the owner, and a bad body is 400
    expect((await call(world.app, 'POST', `/api/mediator/cases/${caseId}/messages`, med.auth, '{"text": 3}')).status).toBe(400);
    expect((await call(world.app, 'POST', `/api/mediator/cases/${caseId}/messages`, med.auth, 'not json')).status).toBe(400);
    expect((await call(world.app, 'POST', `/api/mediator/cases/${caseId}/messages`, other.auth, { text: 'hi' })).status).toBe(403);
    expect((await call(world.app, 'POST', `/api/mediator/cases/${caseId}/messages`, med.auth, { text: '我已联系站长，请保留聊天记录' })).status).toBe(201);
    expect((await webInbox(world.app, 'rider-3')).at(-1)).toMatchObject({
      text: '我已联系站长，请保留聊天记录',
      meta: { intent: 'mediator_message', caseId, authorName: '调解员 8号' },
    });

    const packet = (await (await call(world.app, 'GET', `/api/mediator/cases/${caseId}`, med.auth)).json()) as {
      case: { transcript: Array<{ author: string; text: string }>; escalation: { origin: string } };
    };
    expect(packet.case.escalation.origin).toBe('requested');
    expect(packet.case.transcript.map((l) => l.text)).toEqual(expect.arrayContaining(['他说下周再给', '我已联系站长，请保留聊天记录']));

    const release = await call(world.app, 'POST', `/api/mediator/cases/${caseId}/release`, med.auth, { note: '站长答应周五结清' });
    expect(release.status).toBe(200);
    const after = await world.storage.state.get<{ mode: string; mediatorNotes: string[] }>('web:rider-3');
    expect(after).toMatchObject({ mode: 'bot', mediatorNotes: ['站长答应周五结清'] });
    expect((await webInbox(world.app, 'rider-3')).at(-1)?.meta.intent).toBe('mediator_left');
    // the real bot answers again (a question gets a Q&A reply, not a relay)
    const resumed = await call(world.app, 'POST', '/api/web/messages', {}, { userId: 'rider-3', text: '拖欠工资可以去哪里投诉？' });
    const resumedReplies = ((await resumed.json()) as { replies: Array<{ text: string; meta: { intent: string } }> }).replies;
    expect(resumedReplies.map((r) => r.meta.intent)).toContain('legal_qa');

    expect((await call(world.app, 'POST', `/api/mediator/cases/${caseId}/close`, med.auth, { outcome: 'paid_in_full' })).status).toBe(400);
    expect((await call(world.app, 'POST', `/api/mediator/cases/${caseId}/close`, med.auth, { outcome: 'resolved', note: '工资已结清' })).status).toBe(200);
    const closing = (await webInbox(world.app, 'rider-3')).at(-1)!;
    expect(closing.meta.intent).toBe('case_closed');
    expect(closing.choices).toHaveLength(5);

    // the worker types "4": recorded once, results visible in the console
    await call(world.app, 'POST', '/api/web/messages', {}, { userId: 'rider-3', text: '4' });
    // a second answer (a late button press) does not count twice
    await call(world.app, 'POST', '/api/web/messages', {}, { userId: 'rider-3', text: '1', choiceId: closing.choices![0].id });
    const sat = (await (await call(world.app, 'GET', '/api/mediator/satisfaction', med.auth)).json()) as { answered: number; average: number };
    expect(sat).toMatchObject({ answered: 1, average: 4 });
    expect((await world.storage.cases.getCase(caseId))).toMatchObject({ status: 'closed', outcome: 'resolved' });
  });

  it('keeps cases outside a mediator’s routing scope out of reach (403) and out of the list', async () => {
    const world = await worlds.open();
    const injuryOnly = await addStaff(world, { name: 'Injury desk', skills: ['injury'] });
    const all = await addStaff(world, { name: 'Generalist' });
    const caseId = await workerAsksForPerson(world, 'rider-4');
    const listed = (await (await call(world.app, 'GET', '/api/mediator/cases?status=waiting', injuryOnly.auth)).json()) as { cases: unknown[] };
    expect(listed.cases).toEqual([]);
    expect((await call(world.app, 'GET', `/api/mediator/cases/${caseId}`, injuryOnly.auth)).status).toBe(403);
    expect((await call(world.app, 'POST', `/api/mediator/cases/${caseId}/claim`, injuryOnly.auth)).status).toBe(403);
    expect((await call(world.app, 'GET', `/api/mediator/cases/${caseId}`, all.auth)).status).toBe(200);
    expect((await call(world.app, 'GET', '/api/mediator/cases/GY-2026-999999', all.auth)).status).toBe(404);
  });

  it('shows admins the audit of every read and action; others get 403', async () => {
    const world = await worlds.open();
    const med = await addStaff(world, { name: 'Sun' });
    const admin = await addStaff(world, { name: 'Admin', role: 'admin' });
    const caseId = await workerAsksForPerson(world, 'rider-5');
    await call(world.app, 'GET', `/api/mediator/cases/${caseId}`, med.auth);
    await call(world.app, 'POST', `/api/mediator/cases/${caseId}/claim`, med.auth);
    expect((await call(world.app, 'GET', '/api/admin/audit', med.auth)).status).toBe(403);
    const res = await call(world.app, 'GET', '/api/admin/audit', admin.auth);
    const { entries } = (await res.json()) as { entries: Array<{ actor: string; action: string; target?: string; at: string }> };
    const mine = entries.filter((e) => e.actor === med.user.id).map((e) => `${e.action}:${e.target}`);
    expect(mine).toEqual(expect.arrayContaining([`read_case:${caseId}`, `claim:${caseId}`]));
    expect(entries.every((e) => typeof e.at === 'string')).toBe(true);
  });

  it('lets a supervisor reassign, and serves a printable case file for a referral', async () => {
    const world = await worlds.open();
    const med = await addStaff(world, { name: 'Qian' });
    const next = await addStaff(world, { name: 'Zhou', publicName: '调解员 12号' });
    const sup = await addStaff(world, { name: 'Boss', role: 'supervisor' });
    const caseId = await workerAsksForPerson(world, 'rider-6');
    await call(world.app, 'POST', `/api/mediator/cases/${caseId}/claim`, med.auth);
    expect((await call(world.app, 'POST', `/api/mediator/cases/${caseId}/reassign`, med.auth, { to: next.user.id })).status).toBe(403);
    expect((await call(world.app, 'POST', `/api/mediator/cases/${caseId}/reassign`, sup.auth, { to: next.user.id })).status).toBe(200);
    expect((await world.storage.cases.getCase(caseId))?.owner).toBe(next.user.id);
    expect((await webInbox(world.app, 'rider-6')).at(-1)?.text).toContain('调解员 12号');
    await call(world.app, 'POST', `/api/mediator/cases/${caseId}/note`, next.auth, { note: '已约站长周三面谈' });
    expect((await world.storage.cases.getCase(caseId))?.publicNote).toBe('已约站长周三面谈');
    await call(world.app, 'POST', `/api/mediator/cases/${caseId}/close`, next.auth, { outcome: 'referred_arbitration' });
    const file = await call(world.app, 'GET', `/api/mediator/cases/${caseId}/file`, next.auth);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/html');
    const html = await file.text();
    expect(html).toContain('@media print');
    expect(html).toContain(caseId);
    expect(html).toContain('劳动仲裁');
    expect(html).not.toContain('<script');
  });

  it('lists the staff a case can go to, by public name and within routing scope, for supervisors only', async () => {
    const world = await worlds.open();
    const wagesBeijing = await addStaff(world, { name: 'Zhao', publicName: '赵老师', skills: ['wages'], regions: ['北京市'] });
    const anyone = await addStaff(world, { name: 'Sun', publicName: '调解员 3号' });
    const injury = await addStaff(world, { name: 'Wu', skills: ['injury'] });
    const shanghai = await addStaff(world, { name: 'Zheng', regions: ['上海市'] });
    const sup = await addStaff(world, { name: 'Boss', role: 'supervisor', publicName: '负责人王' });
    const now = world.clock.now();
    const record = await world.storage.cases.createCase(
      {
        userKey: 'web:rider-pick', channel: 'web', conversationKey: 'web:rider-pick', category: 'wages', facts: { city: '北京市' }, summary: '欠薪',
        anonymous: false, tier: 'three_days', dueAt: now.toISOString(), warnings: [], locale: 'zh-CN', evidence: [], status: 'waiting',
      },
      'test',
      now,
    );
    const url = `/api/mediator/cases/${record.id}/assignees`;
    expect((await call(world.app, 'GET', url, anyone.auth)).status).toBe(403);
    const res = await call(world.app, 'GET', url, sup.auth);
    expect(res.status).toBe(200);
    const { assignees } = (await res.json()) as { assignees: Array<{ id: string; name: string; publicName?: string; role: string; current: boolean }> };
    // mediators first, by the name colleagues know; out-of-scope mediators are not offered
    expect(assignees.map((a) => a.id)).toEqual([anyone.user.id, wagesBeijing.user.id, sup.user.id]);
    expect(assignees.map((a) => a.id)).not.toContain(injury.user.id);
    expect(assignees.map((a) => a.id)).not.toContain(shanghai.user.id);
    expect(assignees[1]).toEqual({ id: wagesBeijing.user.id, name: 'Zhao', publicName: '赵老师', role: 'mediator', current: false });

    expect((await call(world.app, 'POST', `/api/mediator/cases/${record.id}/reassign`, sup.auth, { to: wagesBeijing.user.id })).status).toBe(200);
    const after = (await (await call(world.app, 'GET', url, sup.auth)).json()) as { assignees: Array<{ id: string; current: boolean }> };
    expect(after.assignees.filter((a) => a.current).map((a) => a.id)).toEqual([wagesBeijing.user.id]);
    expect((await call(world.app, 'GET', '/api/mediator/cases/GY-2099-999999/assignees', sup.auth)).status).toBe(404);
  });
});
