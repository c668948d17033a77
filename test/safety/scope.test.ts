import { describe, expect, it } from 'vitest';
import { classifyScope, outOfScopeReply } from '../../src/safety/scope.js';

const LABOUR = [
  '站长不给结钱怎么办',
  '跑外卖摔伤了算工伤吗',
  '被罚了五十，合理吗',
  '平台把我封号了',
  '公司不给交社保',
  '没签合同干了半年',
  '天气这么热还要送单，有高温补贴吗',
  '工会能帮我讨薪吗',
  '派单算法老让我超时',
  '包工头跑了，工钱找谁要',
  'My boss has not paid my wages for two months',
  'Can the platform fine me for a late delivery?',
  // Words of hours, pay, leaving, safety and the workplace, not only of delivery work.
  '年终奖不发了',
  '被裁员有补偿金吗',
  '车间里没有防护用品',
  '危险作业能拒绝吗',
  'HR让我签自愿离职',
  '主管天天加排班',
  '扣着我的身份证不给',
  '电池爆炸烧伤了',
  '平台抽成太高',
];
const OUT_OF_SCOPE = [
  '明天天气怎么样',
  '红烧肉怎么做',
  '推荐几只股票',
  '帮我写一下数学作业',
  '那个明星离婚了吗',
  '给我讲个笑话',
  'What is the weather tomorrow?',
  'Give me a recipe for dumplings',
  'Which stocks should I buy?',
];
// A word that is sometimes about work (身份证, HR inside an English word) is not enough alone.
const UNCLEAR = ['你好', '在吗', '嗯嗯', 'asdfgh', '身份证丢了怎么补办', 'three of them'];

describe('classifyScope', () => {
  it.each(LABOUR)('%s is labour', (text) => expect(classifyScope(text)).toBe('labour'));
  it.each(OUT_OF_SCOPE)('%s is out of scope', (text) => expect(classifyScope(text)).toBe('out_of_scope'));
  it.each(UNCLEAR)('%s is unclear', (text) => expect(classifyScope(text)).toBe('unclear'));
});

describe('outOfScopeReply', () => {
  it('declines briefly and says what the bot can do', () => {
    const zh = outOfScopeReply('zh-CN');
    expect(zh).toMatch(/不好意思/);
    expect(zh).toMatch(/工资/);
    expect(zh).toMatch(/登记诉求/);
    expect(zh.length).toBeLessThan(120);
    expect(outOfScopeReply('en')).toMatch(/mediator/);
  });
});
