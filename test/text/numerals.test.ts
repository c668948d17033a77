import { describe, expect, it } from 'vitest';
import { chineseDigitsToNumber, chineseToNumber } from '../../src/text/numerals.js';

describe('chineseToNumber', () => {
  it.each([
    ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['九十九', 99], ['一百', 100], ['一百零六', 106],
    ['一百一十', 110], ['二百零一', 201], ['一千', 1000], ['一千零一', 1001], ['一千零一十', 1010],
    ['一千二百六十', 1260], ['一千一百九十二', 1192], ['两百', 200], ['〇', 0], ['42', 42],
  ])('%s → %i', (text, expected) => {
    expect(chineseToNumber(text)).toBe(expected);
  });

  it('rejects text that is not a numeral', () => {
    expect(chineseToNumber('第一条')).toBeUndefined();
    expect(chineseToNumber('')).toBeUndefined();
  });

  it('reads year digits one by one', () => {
    expect(chineseDigitsToNumber('二○○四')).toBe(2004);
    expect(chineseDigitsToNumber('一九九四')).toBe(1994);
    expect(chineseDigitsToNumber('二十')).toBeUndefined();
  });
});
