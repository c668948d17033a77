import { describe, expect, it } from 'vitest';
import { formatCitation, formatSourcesLine, numberToChinese, passageCitation, removeUnsupportedMentions } from '../../src/qa/citations.js';

describe('citations', () => {
  it.each([
    [1, '一'], [10, '十'], [12, '十二'], [20, '二十'], [82, '八十二'], [100, '一百'], [105, '一百零五'], [110, '一百一十'], [1010, '一千零一十'], [1212, '一千二百一十二'],
  ])('%i is %s', (n, zh) => expect(numberToChinese(n)).toBe(zh));

  it('formats 依据《劳动合同法》第八十二条', () => {
    expect(formatSourcesLine([{ law: '劳动合同法', article: 82 }], 'zh-CN')).toBe('依据《劳动合同法》第八十二条');
    expect(formatCitation({ law: '劳动合同法', article: 82 }, 'en')).toBe('《劳动合同法》Article 82');
  });

  it('keeps allowed mentions and replaces others, with or without the 中华人民共和国 prefix', () => {
    const allowed = [{ law: '劳动合同法', article: 82 }];
    const result = removeUnsupportedMentions('《中华人民共和国劳动合同法》第八十二条和《劳动合同法》第83条', allowed, 'zh-CN');
    expect(result).toEqual({ text: '《中华人民共和国劳动合同法》第八十二条和相关规定', removed: 1 });
  });

  it('cites an item of a guidance document as 第（十）项 and a section of a notice as 第三部分', () => {
    expect(formatCitation({ law: '某指导意见', article: 10, unit: 'item' }, 'zh-CN')).toBe('《某指导意见》第（十）项');
    expect(formatCitation({ law: '某指导意见', article: 10, unit: 'item' }, 'en')).toBe('《某指导意见》item (10)');
    expect(formatCitation({ law: '某通知', article: 3, unit: 'section' }, 'zh-CN')).toBe('《某通知》第三部分');
    expect(formatCitation({ law: '某通知', article: 3, unit: 'section' }, 'en')).toBe('《某通知》Part 3');
    expect(formatSourcesLine([{ law: '劳动合同法', article: 82 }, { law: '某指导意见', article: 19, unit: 'item' }], 'zh-CN')).toBe('依据《劳动合同法》第八十二条、《某指导意见》第（十九）项');
  });

  it('a passage carries its unit into its citation; an article passage cites as before', () => {
    expect(passageCitation({ id: '某指导意见#10', kind: 'article', law: '某指导意见', article: 10, unit: 'item', text: '（十）…' })).toEqual({ law: '某指导意见', article: 10, unit: 'item' });
    expect(passageCitation({ id: '某通知#2', kind: 'article', law: '某通知', article: 2, unit: 'section', text: '二、…' })).toEqual({ law: '某通知', article: 2, unit: 'section' });
    expect(passageCitation({ id: '劳动合同法#82', kind: 'article', law: '劳动合同法', article: 82, text: '第八十二条 …' })).toEqual({ law: '劳动合同法', article: 82 });
    // The preamble of a notice (number 0) is searched but never cited.
    expect(passageCitation({ id: '某通知#0', kind: 'article', law: '某通知', article: 0, unit: 'section', text: '各省…' })).toBeUndefined();
  });

  it('checks mentions of items and sections the same way as articles', () => {
    const allowed = [{ law: '某指导意见', article: 10, unit: 'item' as const }, { law: '某通知', article: 2, unit: 'section' as const }];
    const result = removeUnsupportedMentions('《某指导意见》第（十）项、《某指导意见》第（十二）项、《某通知》第二部分和《某通知》第三部分', allowed, 'zh-CN');
    expect(result).toEqual({ text: '《某指导意见》第（十）项、相关规定、《某通知》第二部分和相关规定', removed: 2 });
  });
});
