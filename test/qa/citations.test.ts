import { describe, expect, it } from 'vitest';
import { formatCitation, formatSourcesLine, numberToChinese, removeUnsupportedMentions } from '../../src/qa/citations.js';

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
});
