import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAmount, parseAmount } from '../../src/text/amount.js';
import { parseChineseNumber } from '../../src/text/chinese-number.js';

describe('parseChineseNumber', () => {
  it.each([
    ['三千五', 3500],
    ['一万二', 12000],
    ['一万二千', 12000],
    ['两百五', 250],
    ['十五', 15],
    ['二十', 20],
    ['一百零五', 105],
    ['一千零五十', 1050],
    ['3万5', 35000],
    ['1.5万', 15000],
    ['3.5k', 3500],
    ['1w', 10000],
    ['1w2', 12000],
    ['十万', 100000],
    ['三千五百', 3500],
    ['壹仟伍佰', 1500],
    ['3500', 3500],
  ])('%s = %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(['', '万', '一二三', '百千', '5.5.5', 'abc'])('rejects %j', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });

  it('reads every Arabic integer as itself', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => parseChineseNumber(String(n)) === n));
  });
});

describe('parseAmount', () => {
  it.each([
    ['三千五', 3500, false],
    ['3.5k', 3500, false],
    ['3500元', 3500, false],
    ['两千块', 2000, false],
    ['一万二', 12000, false],
    ['1w', 10000, false],
    ['八百多', 800, true],
    ['八百多块钱', 800, true],
    ['¥3,500', 3500, false],
    ['３５００元', 3500, false],
    ['大概两千', 2000, true],
    ['三千来块', 3000, true],
    ['两万多', 20000, true],
    ['差不多4000左右吧', 4000, true],
    ['欠了我一万二千五', 12500, false],
    ['五块', 5, false],
    ['5毛', 0.5, false],
    ['一共三千五', 3500, false],
    ['一个月四千，欠了两个月', 4000, false],
    ['被罚了五十', 50, false],
  ])('%s → %d (approximate %s)', (text, amount, approximate) => {
    expect(parseAmount(text)).toEqual({ amount, approximate });
  });

  it.each(['不知道', '一直没给', '', '😡😡', '两个月', '十几个人', '第三单'])('finds no amount in %j', (text) => {
    expect(parseAmount(text)).toBeNull();
  });

  it('in a free description, counts only numbers marked as money', () => {
    expect(parseAmount('站长两个月没给我结工资了', { requireMoneyContext: true })).toBeNull();
    expect(parseAmount('超时被罚了五十', { requireMoneyContext: true })).toEqual({ amount: 50, approximate: false });
    expect(parseAmount('一共欠了三万多', { requireMoneyContext: true })).toEqual({ amount: 30000, approximate: true });
  });

  it('formats amounts for the summary', () => {
    expect(formatAmount({ amount: 800, approximate: true }, 'zh-CN')).toBe('约800元');
    expect(formatAmount({ amount: 3500, approximate: false }, 'en')).toBe('CNY 3500');
  });
});
