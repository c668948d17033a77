import { describe, expect, it } from 'vitest';
import { modelAnswerSchema, validateGroundedAnswer } from '../../src/qa/grounded.js';
import { cardPassages, testArticles, testCards } from './fakes.js';

const passages = [...cardPassages(), ...testArticles];
const answer = (text: string, ids: string[], confidence = 0.9) => modelAnswerSchema.parse({ text, citedPassageIds: ids, confidence, needsHuman: false });

describe('validateGroundedAnswer', () => {
  it('keeps citations of retrieved passages', () => {
    const result = validateGroundedAnswer(answer('可以申请支付令。', ['劳动合同法#30']), passages, testCards, 'zh-CN');
    expect(result.keptIds).toEqual(['劳动合同法#30']);
    expect(result.citations).toEqual([{ law: '劳动合同法', article: 30 }]);
    expect(result.confidence).toBe(0.9);
  });

  it('drops an invented citation and lowers confidence', () => {
    const clean = validateGroundedAnswer(answer('可以申请支付令。', ['劳动合同法#30']), passages, testCards, 'zh-CN');
    const invented = validateGroundedAnswer(answer('可以申请支付令。', ['劳动合同法#30', '劳动法#999']), passages, testCards, 'zh-CN');
    expect(invented.droppedIds).toEqual(['劳动法#999']);
    expect(invented.citations).toEqual([{ law: '劳动合同法', article: 30 }]);
    expect(invented.confidence).toBeLessThan(clean.confidence);
  });

  it('leaves nothing when every citation is invented', () => {
    const result = validateGroundedAnswer(answer('随便说说。', ['民法典#1']), passages, testCards, 'zh-CN');
    expect(result.keptIds).toEqual([]);
    expect(result.citations).toEqual([]);
    expect(result.confidence).toBe(0);
  });

  it('removes an invented article named in the text and counts it against confidence', () => {
    const result = validateGroundedAnswer(
      answer('依据《劳动合同法》第三十条可以催要，《劳动法》第九百条还说可以罚老板。', ['劳动合同法#30']),
      passages,
      testCards,
      'zh-CN',
    );
    expect(result.text).toContain('《劳动合同法》第三十条');
    expect(result.text).not.toContain('第九百条');
    expect(result.text).toContain('相关规定');
    expect(result.confidence).toBeLessThan(0.9);
  });

  it('strips passage ids from the text', () => {
    const result = validateGroundedAnswer(answer('先书面催要[劳动合同法#30]，再找工会【card:wages】。', ['劳动合同法#30']), passages, testCards, 'zh-CN');
    expect(result.text).toBe('先书面催要，再找工会。');
  });

  it('turns a cited guide card into the articles the card relies on', () => {
    const result = validateGroundedAnswer(answer('一年内申请认定。', ['card:injury']), passages, testCards, 'zh-CN');
    expect(result.citations).toEqual([
      { law: '工伤保险条例', article: 14 },
      { law: '工伤保险条例', article: 17 },
    ]);
  });
});
