/** "删除我的数据" erases everywhere after a confirmation; "导出我的数据" gives it all back (issue 16). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { credentialKey } from '../../adapters/web/credentials.js';
import { runRetention, ERASED_SUMMARY } from '../../src/app/personal-data.js';
import { CookieJar } from '../fakes/cookie-jar.js';
import { webMessage } from '../fakes/web-message.js';
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
    const report = await runRetention(world.g.storage, later, { closedCaseDays: 365, messageDays: 180, stateDays: 0 });
    expect(report.casesAnonymised).toBe(1);
    expect(report.messagesDeleted).toBeGreaterThan(0);
    expect((await world.g.storage.cases.getCase(caseId))?.contact ?? {}).toEqual({});
    expect(await world.g.storage.messages.transcript('web:old-case')).toEqual([]);
  });

  /** A message as `userId` through `browser`; the response. */
  const send = (browser: CookieJar, userId: string, text: string) => browser.request(world.g.app, '/api/web/messages', webMessage(userId, text));
  /** The history read with exactly this Cookie header. */
  const readWith = (userId: string, cookie: string) => world.g.app.request(`/api/web/messages?userId=${userId}`, { headers: { cookie } });

  it('erasure revokes the web credential: the next first message gets a fresh one, and the old cookie opens nothing', async () => {
    const browser = new CookieJar();
    expect((await send(browser, 'cred-erase', '站长欠我工资')).status).toBe(200);
    const oldCookie = browser.header()!;
    expect((await readWith('cred-erase', oldCookie)).status).toBe(200);
    expect(joined(((await (await send(browser, 'cred-erase', '删除我的数据')).json()) as { replies: Array<{ text: string }> }).replies)).toMatch(/确认删除/);
    expect((await send(browser, 'cred-erase', '确认删除')).status).toBe(200);
    expect(await world.g.storage.state.get(credentialKey('cred-erase'))).toBeUndefined();

    const next = await send(browser, 'cred-erase', '你好');
    expect(next.status).toBe(200);
    expect(next.headers.getSetCookie()).toHaveLength(1);
    expect(browser.header()).not.toBe(oldCookie);
    expect((await readWith('cred-erase', oldCookie)).status).toBe(401);
    expect((await readWith('cred-erase', browser.header()!)).status).toBe(200);
  });

  it('state expiring under RETENTION_STATE_DAYS takes the web credential with it', async () => {
    await world.close();
    world = await startWorld({ env: { RETENTION_STATE_DAYS: '30' } });
    const browser = new CookieJar();
    expect((await send(browser, 'cred-expire', '站长欠我工资')).status).toBe(200);
    const oldCookie = browser.header()!;
    world.clock.advance(31 * 24 * 60);
    await world.g.handoff.surfaces!.scheduler.tick();
    expect(await world.g.storage.state.get('web:cred-expire')).toBeUndefined();
    expect(await world.g.storage.state.get(credentialKey('cred-expire'))).toBeUndefined();

    // the userId is free again: a first message claims it afresh, and the old cookie then opens nothing
    const another = new CookieJar();
    expect((await send(another, 'cred-expire', '你好')).status).toBe(200);
    expect(another.header()).not.toBe(oldCookie);
    expect((await readWith('cred-expire', oldCookie)).status).toBe(401);
  });
});
