/** A restart during a takeover loses no message in either direction. */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeChannel } from '../fakes/fake-channel.js';
import { addStaff, call, openWorld, removeDataDir, workerMessage, type HandoffWorld, ManualClock, MONDAY_MORNING } from './harness.js';

const worlds: HandoffWorld[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) removeDataDir(w.dataDir);
});

describe('restart during a takeover', () => {
  it('keeps the takeover, the worker’s messages and retries the mediator’s undelivered ones', async () => {
    const clock = new ManualClock(MONDAY_MORNING);
    const downAdapter = new FakeChannel('tg');
    // on disk, as a real restart finds it
    const first = await openWorld({ clock, adapters: [downAdapter], storage: 'embedded' });
    worlds.push(first);
    const med = await addStaff(first, { name: 'Night shift', publicName: '调解员 3号' });
    const key = 'tg:555';
    await first.bot.handle(workerMessage(key, '转人工', 'w1', clock));
    const [record] = await first.storage.cases.listCases({ status: 'waiting' });
    expect((await call(first.app, 'POST', `/api/mediator/cases/${record.id}/claim`, med.auth)).status).toBe(200);

    downAdapter.sendError = new Error('platform down');
    expect((await call(first.app, 'POST', `/api/mediator/cases/${record.id}/messages`, med.auth, { text: '请把工资条拍照发来' })).status).toBe(201);
    await first.bot.handle(workerMessage(key, '好的，我马上拍', 'w2', clock));
    await first.close();

    const upAdapter = new FakeChannel('tg');
    const second = await openWorld({ dataDir: first.dataDir, clock, adapters: [upAdapter], storage: 'embedded' });
    const retried = await second.delivery.retryUndelivered();
    expect(retried).toBeGreaterThanOrEqual(1);
    expect(upAdapter.sent.map((s) => s.message.text)).toContain('请把工资条拍照发来');
    expect((await second.storage.messages.undelivered()).length).toBe(0);

    // the takeover survived: the worker's next message still goes to the mediator, not the bot
    const replies = await second.bot.handle(workerMessage(key, '拍好了', 'w3', clock));
    expect(replies).toEqual([]);
    const packet = await second.wiring.desk.packet(await second.storage.staff.getUser(med.user.id).then((u) => u!), record.id);
    const lines = packet.transcript.map((l) => `${l.direction}:${l.text}`);
    expect(lines).toEqual(expect.arrayContaining(['in:好的，我马上拍', 'in:拍好了', 'out:请把工资条拍照发来']));
    await second.close();
  });
});
