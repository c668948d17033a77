/**
 * Two Gongyou instances on one PostgreSQL + Redis (the shared mode): a
 * worker's turns never interleave even when the instances receive the same
 * conversation's messages at the same moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gongyou } from '../../src/app/app.js';
import type { IncomingMessage } from '../../src/core/types.js';
import { sharedDeployment } from './shared-gongyou.js';

const deployment = sharedDeployment('instances');
let a: Gongyou;
let b: Gongyou;

beforeAll(async () => {
  a = await deployment.start();
  b = await deployment.start();
});
afterAll(() => deployment.remove());

const message = (id: number, text: string): IncomingMessage => ({
  channel: 'web',
  conversationKey: 'web:shared-worker',
  userKey: 'web:shared-worker',
  messageId: `m-${id}`,
  text,
  attachments: [],
  isGroup: false,
  mentioned: false,
  receivedAt: new Date(),
});

describe('two instances, one conversation', () => {
  it('runs the turns one at a time: every worker message is followed by its own replies', async () => {
    const sends = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).bot.handle(message(i, i % 3 === 0 ? '你好' : '帮助')));
    await Promise.all(sends);
    const log = await a.storage.messages.transcript('web:shared-worker', 100);
    const directions = log.map((m) => m.direction);
    expect(directions.filter((d) => d === 'in')).toHaveLength(12);
    // with interleaved turns two 'in' entries would follow each other
    for (let i = 0; i < directions.length - 1; i++) {
      if (directions[i] === 'in') expect(directions[i + 1], `entry ${i + 1}`).toBe('out');
    }
  });

  it('keeps appends issued together in issue order (a turn’s message, then its replies)', async () => {
    const key = 'web:order-check';
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        a.storage.messages.append({
          conversationKey: key,
          direction: i % 3 === 0 ? 'in' : 'out',
          author: 'bot',
          message: { id: `o-${i}`, text: String(i), meta: { intent: 'test' } },
          at: new Date().toISOString(),
          delivered: true,
        }),
      ),
    );
    const ids = (await a.storage.messages.transcript(key, 100)).map((m) => m.message.id);
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => `o-${i}`));
  });
});
