/** Cleaning a long post before search: a repeated tail, and the sentence that asks. */
import { describe, expect, it } from 'vitest';
import { dropRepeatedTail, questionSentence } from '../../src/retrieval/query.js';

describe('a repeated tail', () => {
  it('is dropped when the end of the question is said twice', () => {
    expect(dropRepeatedTail('厂里说下个月再结工资，我现在辞工的话押的那半个月工资能拿回来吗工资能拿回来吗？')).toBe('厂里说下个月再结工资，我现在辞工的话押的那半个月工资能拿回来吗？');
  });
  it('is dropped without a question particle when it is long enough not to be a word said again', () => {
    expect(dropRepeatedTail('老板一直拖着不给我补缴去年的社保费用补缴去年的社保费用')).toBe('老板一直拖着不给我补缴去年的社保费用');
  });
  it('is kept when a short word comes back, or a scenario restates an earlier sentence', () => {
    expect(dropRepeatedTail('公司让我签劳动合同，我没签劳动合同')).toBe('公司让我签劳动合同，我没签劳动合同');
    const scenario = '一家小饭馆雇了五个帮工，老板没给他们交工伤保险。请问这家饭馆是否必须给帮工交工伤保险？';
    expect(dropRepeatedTail(scenario)).toBe(scenario);
  });
});

describe('the question sentence search weighs more', () => {
  it('is the last whole sentence with a question mark', () => {
    const post = '我在物流园分拣了两年，一直是口头约定，没有合同。上个月主管说不用来了。这种情况我能要经济补偿吗？';
    expect(questionSentence(post)).toBe('这种情况我能要经济补偿吗?');
  });
  it('starts where the post says it asks', () => {
    const post = '我在超市理货三年了每个月都是现金发工资也没有工资条现在想走人请问这三年的加班费还能要回来吗？';
    expect(questionSentence(post)).toBe('请问这三年的加班费还能要回来吗?');
  });
  it('is found after a repeated tail is dropped', () => {
    const post = '我在装修队干了半年，包工头说活干完再一起算，现在他人找不到了，我该去哪里要工钱呢去哪里要工钱呢';
    expect(questionSentence(post)).toBe('我该去哪里要工钱呢');
  });
  it('is not looked for in a short question', () => {
    expect(questionSentence('试用期可以不交社保吗？')).toBeUndefined();
  });
});
