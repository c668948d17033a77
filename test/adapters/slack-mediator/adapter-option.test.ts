/** The Slack mediator console registers itself through the Slack adapter's `mediatorConsole` option. */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MediatorActions, MediatorEvent, QueueItem } from '../../../src/core/mediator.js';
import { createSlackAdapter } from '../../../adapters/slack/index.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../slack/slack-peer.js';

const CHANNEL = 'CMEDIATORS';

/** A desk that only lets the test emit events to its listeners. */
function fakeDesk(): { desk: MediatorActions; emit(event: MediatorEvent): void; listeners: number } {
  const listeners = new Set<(event: MediatorEvent) => void>();
  const fake = {
    desk: { subscribe: (listener: (event: MediatorEvent) => void) => (listeners.add(listener), () => listeners.delete(listener)) } as unknown as MediatorActions,
    emit: (event: MediatorEvent) => listeners.forEach((listener) => listener(event)),
    get listeners() {
      return listeners.size;
    },
  };
  return fake;
}

const item: QueueItem = {
  id: 'GY-2026-000042',
  status: 'waiting',
  priority: 'normal',
  tier: 'same_day',
  dueAt: '2026-03-16T10:00:00.000Z',
  category: 'wages',
  channel: 'web',
  waitingSince: '2026-03-16T02:00:00.000Z',
  waitedMinutes: 0,
  overdue: false,
  collective: false,
};

describe('Slack adapter option mediatorConsole', () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('posts a queued case to the mediator channel with the bot token, and keeps its thread link', async () => {
    const posted: Array<{ auth?: string; body: Record<string, string> }> = [];
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .reply(function (_uri, body) {
        const params = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, string>);
        posted.push({ auth: this.req.headers.authorization as string | undefined, body: params });
        return [200, { ok: true, channel: CHANNEL, ts: '111.000100' }];
      });
    const threads = new Map<string, unknown>();
    const fake = fakeDesk();
    createSlackAdapter({
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      mediatorConsole: {
        desk: fake.desk,
        channel: CHANNEL,
        allowedUsers: [],
        allowedGroups: [],
        threads: { get: async <T>(key: string) => threads.get(key) as T | undefined, set: async (key, value) => void threads.set(key, value) },
        logger: { warn: () => undefined },
      },
    });
    expect(fake.listeners).toBe(1);
    fake.emit({ type: 'queued', caseId: item.id, item, reason: 'requested', at: item.waitingSince } as MediatorEvent);
    await vi.waitFor(() => expect(threads.get(`slack-mediator:case:${item.id}`)).toEqual({ channel: CHANNEL, ts: '111.000100' }));
    expect(posted).toHaveLength(1);
    expect(posted[0].body.channel).toBe(CHANNEL);
    expect(posted[0].auth ?? posted[0].body.token).toMatch(new RegExp(BOT_TOKEN));
  });

  it('a case the worker reopened is posted, and the mediator who closed it is mentioned in its thread', async () => {
    const posted: Array<Record<string, string>> = [];
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .times(2)
      .reply((_uri, body) => {
        posted.push(typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, string>));
        return [200, { ok: true, channel: CHANNEL, ts: '222.000100' }];
      });
    const threads = new Map<string, unknown>();
    const fake = fakeDesk();
    const desk = Object.assign(fake.desk, { slackUserOf: async (id: string) => (id === 'staff-7' ? 'U0CLOSER' : undefined) });
    createSlackAdapter({
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      mediatorConsole: {
        desk,
        channel: CHANNEL,
        allowedUsers: [],
        allowedGroups: [],
        threads: { get: async <T>(key: string) => threads.get(key) as T | undefined, set: async (key, value) => void threads.set(key, value) },
        logger: { warn: () => undefined },
      },
    });
    fake.emit({ type: 'queued', caseId: item.id, item, reason: 'reopened', closedBy: 'staff-7' });
    await vi.waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[1].thread_ts).toBe('222.000100');
    expect(posted[1].text).toContain('<@U0CLOSER>');
    expect(posted[1].text).toMatch(/重新打开/);
  });

});
