/** Group answers are cut to the gist and the closing notice, whatever the answer's shape. */
import { describe, expect, it } from 'vitest';
import { shorten } from '../../src/dialog/qa-flow.js';
import { createQaService } from '../../src/qa/service.js';
import { fakeRetriever, testCards } from '../qa/fakes.js';

describe('shortening an answer for a group', () => {
  const qa = createQaService({ retriever: fakeRetriever(), cards: testCards });

  it('keeps the heading and gist and the closing notice, not the steps or the law', async () => {
    const full = (await qa.answer('站长拖欠工资不给结钱怎么办', { locale: 'zh-CN' })).text;
    const short = shorten(full);
    expect(short).toMatch(/^测试卡片：老板或站点拖着不发工资/);
    expect(short).not.toMatch(/可以这样做|依据《/);
    expect(short.split('\n').at(-1)).toBe('以上是法律信息，不是律师意见。');
    expect(short.length).toBeLessThan(full.length * 0.6);
  });

  it('keeps the gist after the unsure line, in both languages', () => {
    for (const unsure of ['这个问题我不太有把握，下面的内容仅供参考。', 'I am not sure about this one, so take the following only as a pointer.']) {
      const full = [unsure, '要点一句。', '依据《劳动合同法》第三十条。', '可以这样做：1. 甲；2. 乙', '以上是法律信息，不是律师意见。'].join('\n\n');
      const blocks = full.split('\n\n');
      const short = shorten(full);
      expect(short.startsWith(`${blocks[0]}\n\n${blocks[1]}`)).toBe(true);
      expect(short.endsWith(blocks.at(-1)!)).toBe(true);
      expect(short).not.toContain('依据');
    }
  });

  it('leaves a short answer as it is', () => {
    expect(shorten('一句话\n以上是法律信息，不是律师意见。')).toBe('一句话\n以上是法律信息，不是律师意见。');
  });
});
