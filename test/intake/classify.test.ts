import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/core/types.js';
import { classifyGrievance, CONFIDENT_CLASSIFICATION, extractFacts, looksLikeGrievance } from '../../src/intake/index.js';
import { WEDNESDAY_MORNING } from './helpers.js';

describe('classifyGrievance', () => {
  it.each<[string, Category]>([
    ['站长两个月没给我结工资了', 'wages'],
    ['老板跑了，我们十几个人的工资没着落', 'wages'],
    ['送餐路上被车撞了', 'injury'],
    ['骑车摔了一跤，手腕骨折', 'injury'],
    ['被罚了五十', 'deductions'],
    ['超时被罚了五十', 'deductions'],
    ['封号', 'deductions'],
    ['无缘无故扣工资', 'deductions'],
    ['被开除了', 'termination'],
    ['老板说我干得不好把我开了', 'termination'],
    ['站长把我开了 一分钱没给', 'termination'],
    ['没签合同', 'termination'],
    ['说我们是合作关系，不是员工', 'termination'],
    ['公司没交社保', 'social_insurance'],
    ['没交社保', 'social_insurance'],
    ['小区不让进', 'conditions'],
    ['没地方充电', 'conditions'],
    ['电动车停路边被拖走了', 'conditions'],
    ['派单不公平', 'platform_rules'],
    ['算法', 'platform_rules'],
    ['配送时间太短，根本送不到', 'platform_rules'],
    ['建议在超市附近建个驿站', 'suggestion'],
    ['平台不给交保险，受伤了', 'injury'],
  ])('%s → %s', (text, category) => {
    const result = classifyGrievance(text);
    expect(result.category).toBe(category);
    expect(result.confidence).toBeGreaterThanOrEqual(CONFIDENT_CLASSIFICATION);
    expect(result.matched.length).toBeGreaterThan(0);
  });

  it('says "other" with zero confidence when nothing matches', () => {
    expect(classifyGrievance('你好')).toEqual({ category: 'other', confidence: 0, matched: [] });
  });

  it('does not count the same words twice: 扣工资 is a deduction, not also wages', () => {
    expect(classifyGrievance('扣工资').matched).toEqual(['扣工资']);
  });
});

describe('looksLikeGrievance', () => {
  it.each([
    '站长两个月没给我结工资了',
    '送餐路上被车撞了',
    '被罚了五十',
    '封号',
    '我被欠薪了怎么办',
    '拖欠工资',
    '建议在超市附近建个驿站',
    '小区不让进，天天超时',
    '这平台太坑人了',
  ])('%s is a complaint', (text) => {
    expect(looksLikeGrievance(text)).toBe(true);
  });

  it.each(['你好', '在吗', '谢谢', '今天天气怎么样', '没签合同能要双倍工资吗', '工伤认定需要什么材料', '被车撞了算工伤吗', '仲裁时效是多久？', '', '😀'])(
    '%s is not a complaint',
    (text) => {
      expect(looksLikeGrievance(text)).toBe(false);
    },
  );
});

describe('extractFacts', () => {
  it('takes amount, period, head count, platform and place from one rich message', () => {
    const facts = extractFacts('在深圳南山跑美团，9月到10月的工资没发，我们十几个人，一共欠了三万多', WEDNESDAY_MORNING);
    expect(facts.platforms).toEqual(['美团']);
    expect(facts.amount).toEqual({ amount: 30000, approximate: true });
    expect(facts.period).toMatchObject({ from: '2025-09', to: '2025-10', months: 2 });
    expect(facts.count).toEqual({ count: 10, atLeast: true });
    expect(facts.place).toEqual({ province: '广东省', city: '深圳市', district: '南山区' });
    expect(facts.violence).toBe(false);
  });

  it('reads "两个月" as a period, not an amount or a head count', () => {
    const facts = extractFacts('站长两个月没给我结工资了', WEDNESDAY_MORNING);
    expect(facts.period).toEqual({ months: 2, approximate: false });
    expect(facts.amount).toBeUndefined();
    expect(facts.count).toBeUndefined();
  });

  it('finds an incident date and a fine', () => {
    const facts = extractFacts('昨天被罚了五十', WEDNESDAY_MORNING);
    expect(facts.date).toEqual({ date: '2026-05-19', approximate: false });
    expect(facts.amount).toEqual({ amount: 50, approximate: false });
  });

  it.each([
    ['跑滴滴的，平台扣了我两百', ['滴滴']],
    ['顺丰的快递员', ['顺丰']],
    ['开货拉拉', ['货拉拉']],
    ['饿了么蜂鸟和美团众包都跑', ['美团', '饿了么']],
    ['在小区门口等单', []],
  ])('recognises platforms in %s', (text, platforms) => {
    expect(extractFacts(text, WEDNESDAY_MORNING).platforms).toEqual(platforms);
  });

  it('flags violence but not a phone call', () => {
    expect(extractFacts('站长动手打我了', WEDNESDAY_MORNING).violence).toBe(true);
    expect(extractFacts('站长打我电话骂我', WEDNESDAY_MORNING).violence).toBe(false);
  });
});
