import { describe, expect, it } from 'vitest';
import { caseCreatedReplies, dueInWords } from '../../src/intake/index.js';
import type { CaseRecord } from '../../src/cases/model.js';
import { fixedClock, WEDNESDAY_MORNING } from './helpers.js';

function record(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: 'GY-2026-000042',
    userKey: 'web:u1',
    channel: 'web',
    conversationKey: 'web:c1',
    category: 'suggestion',
    facts: {},
    summary: '建议',
    anonymous: true,
    tier: 'on_the_spot',
    dueAt: '2026-05-20T03:00:00.000Z',
    warnings: [],
    locale: 'zh-CN',
    status: 'open',
    createdAt: WEDNESDAY_MORNING.toISOString(),
    updatedAt: WEDNESDAY_MORNING.toISOString(),
    ...overrides,
  };
}

describe('dueInWords (China time)', () => {
  it.each([
    ['2026-05-20T10:00:00.000Z', 'zh-CN', '今天18:00前'],
    ['2026-05-21T10:00:00.000Z', 'zh-CN', '明天18:00前'],
    ['2026-05-22T01:30:00.000Z', 'zh-CN', '后天09:30前'],
    ['2026-05-25T02:00:00.000Z', 'zh-CN', '5月25日（周一）10:00前'],
    ['2026-05-20T10:00:00.000Z', 'en', 'by 18:00 today'],
    ['2026-05-25T02:00:00.000Z', 'en', 'by Mon 25 May 10:00'],
  ] as const)('%s in %s → %s', (due, locale, words) => {
    expect(dueInWords(new Date(due), WEDNESDAY_MORNING, locale)).toBe(words);
  });
});

describe('caseCreatedReplies', () => {
  it('gives the case number, the promise with its due time, next steps and hotlines; one message without warnings', () => {
    const replies = caseCreatedReplies(record(), 'zh-CN', fixedClock());
    expect(replies).toHaveLength(1);
    const text = replies[0].text;
    expect(text).toContain('GY-2026-000042');
    expect(text).toContain('小事当场回应');
    expect(text).toContain('今天11:00前');
    expect(text).toContain('谢谢您的建议');
    expect(text).toContain('匿名登记');
    expect(text).toContain('12351');
    expect(replies[0].meta).toEqual({ intent: 'case_created', caseId: 'GY-2026-000042' });
  });

  it('adds the deadline warnings as a second message, in English too', () => {
    const replies = caseCreatedReplies(
      record({
        category: 'injury',
        tier: 'three_days',
        dueAt: '2026-05-25T02:00:00.000Z',
        anonymous: false,
        contact: { phone: '13812345678' },
        warnings: ['first warning', 'second warning'],
      }),
      'en',
      fixedClock(),
    );
    expect(replies).toHaveLength(2);
    expect(replies[0].text).toContain('feedback within three working days');
    expect(replies[0].text).toContain('by Mon 25 May 10:00');
    expect(replies[0].text).toContain('ending 5678');
    expect(replies[0].text).not.toContain('13812345678');
    expect(replies[1].text).toBe('Deadlines to watch:\n· first warning\n· second warning');
  });

  it('survives a record with an unreadable due time', () => {
    const [reply] = caseCreatedReplies(record({ dueAt: 'not a date' }), 'zh-CN', fixedClock());
    expect(reply.text).toContain('GY-2026-000042');
  });
});
