import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskPhone, parsePhone } from '../../src/text/phone.js';
import { idCheckCharacter, maskIdNumber, parseIdNumber, redactIdNumbers } from '../../src/text/id-number.js';

describe('parsePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['我电话是15900001111，白天打', '15900001111'],
  ])('%s → %s', (text, phone) => {
    expect(parsePhone(text)).toBe(phone);
  });

  it.each(['12345678901', '1381234567', '138123456789', '010-12345678', '没有手机', ''])('rejects %j', (text) => {
    expect(parsePhone(text)).toBeNull();
  });

  it('masks the middle digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

/** Build a valid ID number from a region code, a birth date and a sequence. */
function validId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + idCheckCharacter(first17);
}

describe('parseIdNumber', () => {
  it('accepts a valid number, including the X check character', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({ id: '11010519491231002X', birthDate: '1949-12-31' });
    expect(parseIdNumber('身份证 11010519491231002x')?.id).toBe('11010519491231002X');
  });

  it('rejects a wrong check digit, an impossible birth date and the wrong length', () => {
    expect(parseIdNumber('110105194912310021')).toBeNull();
    expect(parseIdNumber(validId('110105', '19490230', '002'))).toBeNull();
    expect(parseIdNumber('11010519491231002')).toBeNull();
  });

  it('accepts every generated valid number and rejects any single changed digit', () => {
    const digit = fc.integer({ min: 0, max: 9 });
    fc.assert(
      fc.property(
        fc.integer({ min: 110000, max: 659999 }),
        fc.date({ min: new Date('1950-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 16 }),
        digit,
        (region, birth, sequence, position, replacement) => {
          const id = validId(String(region), birth.toISOString().slice(0, 10).replace(/-/g, ''), String(sequence).padStart(3, '0'));
          expect(parseIdNumber(id)?.id).toBe(id);
          const changed = id.slice(0, position) + String(replacement) + id.slice(position + 1);
          // The mod-11 check catches every single-digit change (11 is prime and no weight is 0 mod 11).
          if (changed !== id) expect(parseIdNumber(changed)).toBeNull();
          return true;
        },
      ),
    );
  });

  it('masks all but the ends', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('redacts only valid ID numbers inside a text', () => {
    expect(redactIdNumbers('我的身份证11010519491231002x，电话13812345678')).toBe('我的身份证[身份证号已隐藏]，电话13812345678');
    expect(redactIdNumbers('订单号 110105194912310021')).toBe('订单号 110105194912310021');
  });
});

