/** Unit tests of adapters/shared (kept here because test/adapters/shared was not assigned): retry, numbered choices, text splitting, ordering. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GongyouError, networkFailed, platformRateLimited, platformRefused } from '../../../src/core/errors.js';
import { matchNumberedChoice, renderNumberedChoices } from '../../../adapters/shared/choices.js';
import { withRetry } from '../../../adapters/shared/retry.js';
import { splitText } from '../../../adapters/shared/text.js';

const choices = [
  { id: 'wages', label: '欠薪' },
  { id: 'injury', label: '工伤' },
  { id: 'other', label: '其他' },
];

describe('renderNumberedChoices', () => {
  it('numbers the choices under the text with a hint in the locale', () => {
    expect(renderNumberedChoices('什么问题？', choices, 'zh-CN')).toBe('什么问题？\n\n1. 欠薪\n2. 工伤\n3. 其他\n请回复数字 1/2/3 选择。');
    expect(renderNumberedChoices('What happened?', choices.slice(0, 2), 'en')).toBe('What happened?\n\n1. 欠薪\n2. 工伤\nReply with 1/2 to choose.');
  });

  it('leaves a text without choices alone', () => {
    expect(renderNumberedChoices('好的', [], 'zh-CN')).toBe('好的');
  });

  it('maps a typed number back to its choice, full-width digits included', () => {
    expect(matchNumberedChoice('2', choices)?.id).toBe('injury');
    expect(matchNumberedChoice(' ３。', choices)?.id).toBe('other');
    expect(matchNumberedChoice('4', choices)).toBeUndefined();
    expect(matchNumberedChoice('2个月没发工资', choices)).toBeUndefined();
  });
});

describe('withRetry', () => {
  const recorder = () => {
    const waits: number[] = [];
    return { waits, sleep: async (ms: number) => void waits.push(ms) };
  };

  it('waits what a rate limit asks and tells onRateLimit', async () => {
    const { waits, sleep } = recorder();
    const told: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        if (++calls === 1) throw platformRateLimited('slow down', 1500);
        return 'sent';
      },
      { retries: 2, sleep, onRateLimit: (ms) => told.push(ms) },
    );
    expect(result).toBe('sent');
    expect(waits).toEqual([1500]);
    expect(told).toEqual([1500]);
  });

  it('never retries a refusal', async () => {
    const { waits, sleep } = recorder();
    let calls = 0;
    await expect(withRetry(async () => { calls++; throw platformRefused('blocked'); }, { retries: 5, sleep })).rejects.toMatchObject({ code: 'platform_refused' });
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
  });

  it('backs off exponentially on network failures and throws the last one', async () => {
    const { waits, sleep } = recorder();
    let calls = 0;
    await expect(withRetry(async () => { calls++; throw networkFailed('reset'); }, { retries: 3, sleep, baseDelayMs: 100 })).rejects.toMatchObject({ code: 'network_failed' });
    expect(calls).toBe(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('translates foreign errors with the given function', async () => {
    const { sleep } = recorder();
    const translate = (e: unknown) => new GongyouError('network_failed', String(e), { isRetryable: true });
    let calls = 0;
    const result = await withRetry(async () => {
      if (++calls < 3) throw new Error('ECONNRESET');
      return calls;
    }, { retries: 3, sleep, translate });
    expect(result).toBe(3);
  });
});

describe('splitText', () => {
  it('keeps every character and respects the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 5, max: 60 }), (text, max) => {
        const pieces = splitText(text, max);
        expect(pieces.every((piece) => piece.length <= max)).toBe(true);
        expect(pieces.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });

  it('prefers cutting at a paragraph break', () => {
    expect(splitText('第一段很长很长\n\n第二段', 10)).toEqual(['第一段很长很长', '第二段']);
  });
});
