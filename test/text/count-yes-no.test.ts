import { describe, expect, it } from 'vitest';
import { formatCount, parseCount } from '../../src/text/count.js';
import { isUnsureAnswer, parseYesNo } from '../../src/text/yes-no.js';

describe('parseCount', () => {
  it.each([
    ['就我一个', 1, false],
    ['只有我', 1, false],
    ['我自己', 1, false],
    ['就我', 1, false],
    ['我们俩', 2, false],
    ['我们三个', 3, false],
    ['5个', 5, false],
    ['50', 50, false],
    ['十几个人', 10, true],
    ['二十多个', 20, true],
    ['大概三十来个骑手', 30, true],
    ['好几个', 3, true],
    ['几十个', 20, true],
    ['一百多', 100, true],
    ['上百人', 100, true],
  ])('%s → %d (at least: %s)', (text, count, atLeast) => {
    expect(parseCount(text)).toEqual({ count, atLeast });
  });

  it.each(['全站都是', '不清楚', '', '🙂'])('rejects %j', (text) => {
    expect(parseCount(text)).toBeNull();
  });

  it('in a free description needs a word for people, so durations are not head counts', () => {
    expect(parseCount('我们站十几个人都没发', { requirePersonWord: true })).toEqual({ count: 10, atLeast: true });
    expect(parseCount('好几个兄弟都被扣了', { requirePersonWord: true })).toEqual({ count: 3, atLeast: true });
    expect(parseCount('两个月没发', { requirePersonWord: true })).toBeNull();
    expect(parseCount('好几个月没发', { requirePersonWord: true })).toBeNull();
    expect(parseCount('被罚了五十', { requirePersonWord: true })).toBeNull();
  });

  it('formats a floor as "or more"', () => {
    expect(formatCount({ count: 10, atLeast: true }, 'zh-CN')).toBe('10人以上');
    expect(formatCount({ count: 10, atLeast: true }, 'en')).toBe('10 or more');
  });
});

describe('parseYesNo', () => {
  it.each(['是的', '是', '对', '对的', '嗯', '嗯嗯', '有', '好的呀', '没错', '没问题', '可以', 'OK', 'yes', '是滴', '对，没错'])('%s is yes', (text) => {
    expect(parseYesNo(text)).toBe(true);
  });

  it.each(['没有', '不是', '不', '没', '还没', '不用了', '否', 'no', '不对', '没呢', '木有'])('%s is no', (text) => {
    expect(parseYesNo(text)).toBe(false);
  });

  it.each(['不知道', '不清楚', '不记得了', '说不好', 'hmm', '', '明天再说'])('%s is neither', (text) => {
    expect(parseYesNo(text)).toBeNull();
  });

  it('uses question-specific words, and a negation beats them', () => {
    const hospital = { yes: ['住院', '医院', '去了'], no: ['没去'] };
    expect(parseYesNo('住院了三天', hospital)).toBe(true);
    expect(parseYesNo('去了', hospital)).toBe(true);
    expect(parseYesNo('没去医院', hospital)).toBe(false);
    expect(parseYesNo('住院了三天')).toBeNull();
  });

  it('recognises "I do not know" answers', () => {
    expect(isUnsureAnswer('不知道啊')).toBe(true);
    expect(isUnsureAnswer('知道')).toBe(false);
  });
});

describe('yes with a comment after it', () => {
  const appealed = { yes: ['申诉了', '申诉过'], no: ['没申诉'] };
  it('takes an answer that opens with the question’s yes-word as yes', () => {
    expect(parseYesNo('申诉了没用', appealed)).toBe(true);
    expect(parseYesNo('申诉过，还是被罚', appealed)).toBe(true);
    expect(parseYesNo('没申诉', appealed)).toBe(false);
    expect(parseYesNo('还没申诉', appealed)).toBe(false);
  });
});
