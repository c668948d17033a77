/**
 * RETENTION_STATE_DAYS on a storage backend, with a fake clock: the retention pass expires the state of
 * conversations nobody wrote to for more than N days, counting from the last write, and keeps every
 * other entry of the state store (identity links, the Slack console's threads) and a conversation a
 * mediator has taken over. `open` opens the backend with the given clock, `cleanup` removes its data.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runRetention } from '../../src/app/personal-data.js';
import { emptyConversationState, type ConversationState } from '../../src/core/conversation-state.js';
import type { Clock } from '../../src/core/types.js';
import type { Storage } from '../../src/storage/types.js';
import { ManualClock } from '../handoff/harness.js';

const DAY_MINUTES = 24 * 60;

/** Run the retention contract against one backend. */
export function describeStateRetention(name: string, open: (clock: Clock) => Promise<Storage>, cleanup: () => Promise<void>): void {
  describe(`conversation state retention: ${name}`, () => {
    afterAll(cleanup);
    const policy = { closedCaseDays: 0, messageDays: 0, stateDays: 30 };

    it('expires conversations untouched for more than 30 days and keeps identity links, other entries and fresh conversations', async () => {
      const clock = new ManualClock(new Date('2101-03-01T00:00:00.000Z'));
      const storage = await open(clock);
      try {
        const conversation = (extra: Partial<ConversationState> = {}): ConversationState => ({
          ...emptyConversationState(),
          recentQuestions: ['站长扣了我三百块'],
          updatedAt: clock.now().toISOString(),
          ...extra,
        });
        await storage.state.set('web:old', conversation());
        await storage.state.set('telegram:old-room:room:g1:user:u1', conversation());
        await storage.state.set('wechat:taken-over', conversation({ mode: 'mediator', activeCaseId: 'GY-2101-000001' }));
        await storage.state.set('identity:web:old', ['telegram:7', 'web:old']);
        await storage.state.set('identityconv:web:old', 'web:old');
        await storage.state.set('slack-mediator:case:GY-2101-000001', { channel: 'C1', ts: '1.2' });
        await storage.state.set('telegram:written-again', conversation());
        clock.advance(20 * DAY_MINUTES);
        await storage.state.set('telegram:written-again', conversation());
        clock.advance(11 * DAY_MINUTES);
        await storage.state.set('slack:new', conversation());

        expect(await runRetention(storage, clock, policy)).toMatchObject({ statesExpired: 2 });
        expect(await storage.state.get('web:old')).toBeUndefined();
        expect(await storage.state.get('telegram:old-room:room:g1:user:u1')).toBeUndefined();
        expect(await storage.state.get('identity:web:old')).toEqual(['telegram:7', 'web:old']);
        expect(await storage.state.get('identityconv:web:old')).toBe('web:old');
        expect(await storage.state.get('slack-mediator:case:GY-2101-000001')).toEqual({ channel: 'C1', ts: '1.2' });
        expect(await storage.state.get<ConversationState>('wechat:taken-over')).toMatchObject({ mode: 'mediator' });
        expect(await storage.state.get<ConversationState>('telegram:written-again')).toMatchObject({ recentQuestions: ['站长扣了我三百块'] });
        expect(await storage.state.get('slack:new')).toBeDefined();

        // twenty days on, the conversation written again has been untouched for 31 days as well
        clock.advance(20 * DAY_MINUTES);
        expect(await runRetention(storage, clock, policy)).toMatchObject({ statesExpired: 1 });
        expect(await storage.state.get('telegram:written-again')).toBeUndefined();
        expect(await storage.state.get('slack:new')).toBeDefined();
        // 0 keeps everything
        clock.advance(100 * DAY_MINUTES);
        expect(await runRetention(storage, clock, { ...policy, stateDays: 0 })).toMatchObject({ statesExpired: 0 });
        expect(await storage.state.get('slack:new')).toBeDefined();
      } finally {
        await storage.close();
      }
    });
  });
}
