/** The sentence of a long post that asks the question. */
import { describe, expect, it } from 'vitest';
import { questionFocus } from '../../src/qa/question-focus.js';

describe('the question sentence of a long post', () => {
  it('is the last whole sentence with a question mark, not a later story sentence with asking words', () => {
    const post = '今年一月开始公司说经营困难，社保先停了。公司这样断缴，我可以去哪个部门投诉，能让它补上吗？我老婆下个月生孩子，现在也不知道还能不能报。';
    expect(questionFocus(post)).toBe('公司这样断缴,我可以去哪个部门投诉,能让它补上吗?');
  });
  it('without a question mark, is the last clause that asks', () => {
    expect(questionFocus('站长两个月没发工资，我想辞职，辞职了工资能一次结清吗，还是要等，老板说等平台打款再说，我等不起')).toBe('辞职了工资能一次结清吗,');
  });
  it('is not looked for in a short question', () => {
    expect(questionFocus('辞职要提前多久说？')).toBeUndefined();
  });
});
