/** Overdue escalation with an injected clock: mediators first, a supervisor after the grace period, each once. */
import { describe, expect, it } from 'vitest';
import type { MediatorEvent } from '../../src/core/mediator.js';
import { call, webInbox, type HandoffWorld, worldPerTest } from './harness.js';

const worlds = worldPerTest();

describe('handoff scheduler', () => {
  it('escalates an overdue waiting case to mediators, then a supervisor, telling the worker each time, once', async () => {
    const world = await worlds.open({ supervisorGraceMs: 2 * 3600_000 });
    const events: MediatorEvent[] = [];
    world.wiring.desk.subscribe((e) => events.push(e));
    await call(world.app, 'POST', '/api/web/messages', {}, { userId: 'late-1', text: '转人工' });
    const [record] = await world.storage.cases.listCases({ status: 'waiting' });
    const scheduler = world.wiring.scheduler;

    const early = await scheduler.tick();
    expect(early.overdueMediators).toEqual([]);

    const minutesToDue = Math.ceil((Date.parse(record.dueAt) - world.clock.now().getTime()) / 60_000);
    world.clock.advance(minutesToDue + 1);
    expect((await scheduler.tick()).overdueMediators).toEqual([record.id]);
    expect((await scheduler.tick()).overdueMediators).toEqual([]);
    expect(events.filter((e) => e.type === 'overdue').map((e) => (e as { stage: string }).stage)).toEqual(['mediators']);
    expect((await webInbox(world.app, 'late-1')).at(-1)?.meta.intent).toBe('overdue_notice');

    world.clock.advance(60);
    expect((await scheduler.tick()).overdueSupervisor).toEqual([]);
    world.clock.advance(61);
    expect((await scheduler.tick()).overdueSupervisor).toEqual([record.id]);
    expect((await scheduler.tick()).overdueSupervisor).toEqual([]);
    expect(events.filter((e) => e.type === 'overdue').map((e) => (e as { stage: string }).stage)).toEqual(['mediators', 'supervisor']);
    const notices = (await webInbox(world.app, 'late-1')).filter((m) => ['overdue_notice', 'supervisor_notice'].includes(m.meta.intent));
    expect(notices.map((m) => m.meta.intent)).toEqual(['overdue_notice', 'supervisor_notice']);
    const actions = (await world.storage.cases.history(record.id)).map((h) => h.action);
    expect(actions.filter((a) => a.startsWith('overdue_'))).toEqual(['overdue_mediators', 'overdue_supervisor']);
  });

  it('queues an open case that always needs a person (injury treated in hospital) and announces it once', async () => {
    const world = await worlds.open();
    const events: MediatorEvent[] = [];
    world.wiring.desk.subscribe((e) => events.push(e));
    const now = world.clock.now();
    const base = {
      userKey: 'web:hurt', channel: 'web', conversationKey: 'web:hurt', facts: { hospital: true }, summary: '送餐时摔倒，骨折住院',
      anonymous: true, tier: 'three_days' as const, dueAt: new Date(now.getTime() + 3 * 86_400_000).toISOString(), warnings: [], locale: 'zh-CN' as const, evidence: [],
    };
    const injury = await world.storage.cases.createCase({ ...base, category: 'injury' }, 'worker:web:hurt', now);
    const parking = await world.storage.cases.createCase({ ...base, category: 'conditions', facts: {}, summary: '小区不让进' }, 'worker:web:hurt', now);
    const report = await world.wiring.scheduler.tick();
    expect(report.escalatedByCategory).toEqual([injury.id]);
    expect(report.announced).toEqual([injury.id]);
    expect(await world.storage.cases.getCase(injury.id)).toMatchObject({ status: 'waiting', tier: 'same_day' });
    expect((await world.storage.cases.getCase(parking.id))?.status).toBe('open');
    expect((await world.wiring.scheduler.tick()).announced).toEqual([]);
    expect(events.filter((e) => e.type === 'queued').map((e) => e.caseId)).toEqual([injury.id]);
  });
});
