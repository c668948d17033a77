/** Bilingual texts and reading which language a worker writes in. */
import { describe, expect, it } from 'vitest';
import { tr, writtenIn } from '../../src/core/i18n.js';

describe('writtenIn', () => {
  it('reads Chinese from any Chinese character and English from three English words', () => {
    expect(writtenIn('站长不给钱')).toBe('zh-CN');
    expect(writtenIn('我在Meituan跑单')).toBe('zh-CN');
    expect(writtenIn('My boss has not paid me')).toBe('en');
    expect(writtenIn('is it legal?')).toBe('en');
  });

  it('says nothing of a word or two, a number or an emoji', () => {
    for (const text of ['OK', 'Meituan', 'help me', '3500', '👍', '']) expect(writtenIn(text), text).toBeUndefined();
  });
});

describe('tr', () => {
  it('fills the placeholders of the chosen language', () => {
    const text = { 'zh-CN': '案件 {id}', en: 'case {id}' };
    expect(tr('en', text, { id: 'GY-1' })).toBe('case GY-1');
    expect(tr('zh-CN', text, { id: 'GY-1' })).toBe('案件 GY-1');
  });
});
