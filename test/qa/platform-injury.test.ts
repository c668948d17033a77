/** Who counts as a platform worker hurt at work: they must hear of 职业伤害保障. */
import { describe, expect, it } from 'vitest';
import { isPlatformInjury } from '../../src/qa/topics.js';

describe('a platform worker hurt at work', () => {
  it.each([
    '美团众包跑单摔断手了 平台说我不是他们员工',
    '去商家取餐的路上电瓶车翻了，膝盖缝了六针，平台管吗',
    '开网约车被追尾了 算谁的',
    '跑腿送件时被狗咬了',
  ])('%s', (text) => expect(isPlatformInjury(text)).toBe(true));
  it.each(['在厂里干活手被机器压了算工伤吗', '平台抽成太高了 能管吗', '骑手住院了 生病能请假吗'])('not: %s', (text) => {
    expect(isPlatformInjury(text)).toBe(false);
  });
});
