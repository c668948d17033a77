/** What a question is about, from its words: the grievance category, and whether a person is needed. */
import { describe, expect, it } from 'vitest';
import { categoryFromText, humanNeededTopic } from '../../src/qa/topics.js';

describe('categoryFromText', () => {
  it.each([
    ['站长两个月没给我结工资', 'wages'],
    ['顾客给差评平台扣了我200块', 'deductions'],
    ['迟到一次罚五十', 'deductions'],
    ['被罚了两百', 'deductions'],
    ['跑单摔伤了', 'injury'],
    ['跑单被狗咬了', 'injury'],
    ['电动车电池爆炸烧伤了', 'injury'],
    ['每单配送费被降了两块钱', 'platform_rules'],
    ['公司不给交社保', 'social_insurance'],
    ['派单算法老让我超时', 'platform_rules'],
  ])('%s is about %s', (text, category) => expect(categoryFromText(text)).toBe(category));

  it('names nothing for words of no category', () => {
    expect(categoryFromText('你好，在吗')).toBeUndefined();
    expect(categoryFromText('扣子掉了')).toBeUndefined();
  });
});

describe('humanNeededTopic', () => {
  it('a death, a hospital injury, a threat and the labour-relation question need a person', () => {
    expect(humanNeededTopic('我老公送外卖时猝死了')).toBe('death');
    expect(humanNeededTopic('送单被车撞了骨折住院')).toBe('serious_injury');
    expect(humanNeededTopic('站长威胁我不给钱就别想走')).toBe('violence');
    expect(humanNeededTopic('平台说我们是合作关系不是员工')).toBe('labour_relation');
    expect(humanNeededTopic('货拉拉司机算劳动者吗')).toBe('labour_relation');
    expect(humanNeededTopic('没签合同怎么证明劳动关系')).toBe('labour_relation');
    expect(humanNeededTopic('劳动关系与劳务关系应该怎么区分？')).toBe('labour_relation');
    // ending a relation is not a question of whether one exists
    expect(humanNeededTopic('公司要和我解除劳动关系 能拿补偿吗')).toBeUndefined();
    expect(humanNeededTopic('合同没到期就终止劳动关系是否违法')).toBeUndefined();
    expect(humanNeededTopic('工亡补助金有多少')).toBeUndefined();
  });
});
