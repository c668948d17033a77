import { describe, expect, it } from 'vitest';
import { hasIdNumber, ID_NUMBER_PLACEHOLDER, maskIdNumbers, maskPersonalData } from '../../src/core/personal-data.js';
import { scrubText } from '../../src/core/logger.js';

const ID = '11010519491231002X';

describe('maskIdNumbers: ID numbers however they are written', () => {
  it.each([
    [`身份证${ID}`],
    ['身份证 11010519491231002x'],
    ['1101 0519 4912 3100 2X'],
    ['110105-19491231-002X'],
    ['110105 19491231 002x'],
    ['110105.1949.1231.002X'],
    ['１１０１０５１９４９１２３１００２Ｘ'],
    ['号码是 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 X 谢谢'],
  ])('%s is masked', (text) => {
    const masked = maskIdNumbers(text);
    expect(masked).toContain(ID_NUMBER_PLACEHOLDER);
    expect(masked.replace(/\D/g, '')).not.toMatch(/1949/);
  });

  it('a wrong check digit is masked when the text says it is an ID number, kept otherwise (order numbers)', () => {
    expect(maskIdNumbers('我的身份证号是 110105194912310021')).toContain(ID_NUMBER_PLACEHOLDER);
    expect(maskIdNumbers('订单号 110105194912310021')).toBe('订单号 110105194912310021');
  });

  it('leaves phone numbers, amounts and dates alone', () => {
    for (const text of ['电话 138 1234 5678', '欠了 3500 元，2024-03-01 到 2024-05-31', '13812345678 1234567']) {
      expect(maskIdNumbers(text)).toBe(text);
      expect(hasIdNumber(text)).toBe(false);
    }
  });

  it('walks objects and arrays, and returns the same object when nothing changed', () => {
    const clean = { a: '3500 元', b: ['x'], c: { d: 1 } };
    expect(maskPersonalData(clean)).toBe(clean);
    const dirty = { a: '3500', nested: { list: [`id ${ID}`] } };
    expect(JSON.stringify(maskPersonalData(dirty))).not.toContain('1949');
    expect(dirty.nested.list[0]).toContain(ID);
  });

  it('the process log masks spaced ID numbers too', () => {
    expect(scrubText('身份证 1101 0519 4912 3100 2X')).not.toMatch(/4912/);
  });
});
