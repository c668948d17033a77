/**
 * Persist-then-send delivery through the real Gongyou: a message the platform
 * refuses (WeChat's 48-hour window) is kept, the mediators are told once, and
 * it goes out as soon as the worker writes again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createGongyou, type Gongyou } from '../../src/app/app.js';
import { platformRefused } from '../../src/core/errors.js';
import type { IncomingMessage } from '../../src/core/types.js';
import type { MediatorEvent } from '../../src/core/mediator.js';
import { FakeChannel } from '../fakes/fake-channel.js';
import { openMemoryStorage } from '../fakes/memory-storage.js';

let g: Gongyou | undefined;
let dir = '';
afterEach(async () => {
  await g?.close();
  rmSync(dir, { recursive: true, force: true });
});

const msg = (id: string, text: string): IncomingMessage => ({
  channel: 'fakechan',
  conversationKey: 'fakechan:w1',
  userKey: 'fakechan:w1',
  messageId: id,
  text,
  attachments: [],
  isGroup: false,
  mentioned: false,
  receivedAt: new Date(),
});

describe('delivery of a refused message', () => {
  it('keeps it, tells the mediators once, and sends it on the worker’s next contact', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gongyou-delivery-'));
    // a channel of our own whose platform refuses until told otherwise
    const channel = new FakeChannel('fakechan', { capabilities: { buttons: false, attachments: false, maxTextLength: 1000 } });
    channel.sendError = platformRefused('outside the 48-hour window');
    g = await createGongyou(loadConfig({ GONGYOU_DATA_DIR: dir, LOG_LEVEL: 'silent' }), {
      adapters: [channel],
      clock: { now: () => new Date() },
      storage: openMemoryStorage(),
    });
    const events: MediatorEvent[] = [];
    g.handoff.surfaces!.desk.subscribe((e) => events.push(e));

    const [handoff] = await g.bot.handle(msg('1', '转人工'));
    const caseId = handoff.meta.handoff!.caseId;
    const kept = await g.delivery.send('fakechan:w1', { text: '调解员：明天上午给您回电话', meta: { intent: 'mediator_message' } }, 'mediator:m1');
    expect(channel.texts()).toEqual([]);
    expect((await g.storage.messages.undelivered()).map((m) => m.message.id)).toEqual([kept.id]);
    await g.delivery.retryUndelivered();
    await vi.waitFor(() => expect(events.filter((e) => e.type === 'undeliverable')).toHaveLength(1));
    expect(events.find((e) => e.type === 'undeliverable')).toMatchObject({ caseId });
    expect((await g.storage.cases.history(caseId)).map((h) => h.action)).toContain('message_undeliverable');

    channel.sendError = undefined;
    await g.bot.handle(msg('2', '在吗'));
    await vi.waitFor(() => expect(channel.texts()).toEqual(['调解员：明天上午给您回电话']));
    await vi.waitFor(async () => expect(await g!.storage.messages.undelivered()).toEqual([]));
  });
});
