import { describe, expect, it } from 'vitest';
import { crisisReply, detectCrisis } from '../../src/safety/crisis.js';

const POSITIVES: Array<[string, 'self_harm' | 'violence' | 'emergency']> = [
  ['不想活了', 'self_harm'],
  ['工资要不回来，我想跳楼', 'self_harm'],
  ['活着没意思，每天跑单跑到半夜', 'self_harm'],
  ['我真的想死', 'self_harm'],
  ['撑不下去了，谁都不理我', 'self_harm'],
  ['站长再不结钱我就去跳河', 'self_harm'],
  ['I want to kill myself', 'self_harm'],
  ['I dont want to live anymore', 'self_harm'],
  ['他打我', 'violence'],
  ['站长刚才打了我一拳', 'violence'],
  ['被保安打伤了，现在还在门口', 'violence'],
  ['再不给钱我要砍人了', 'violence'],
  ['老板拿刀追我', 'violence'],
  ['my boss hit me', 'violence'],
  ['出车祸了流了好多血', 'emergency'],
  ['刚被撞了流血不止', 'emergency'],
  ['救命', 'emergency'],
  ['同事晕倒了叫不醒', 'emergency'],
  ['同事在车间晕倒了', 'emergency'],
  ['快叫救护车，骑手被货车压了', 'emergency'],
  ['there was a crash and he is bleeding', 'emergency'],
];

const NEGATIVES = [
  '被车撞了腿疼，算工伤吗',
  '上个月送餐被撞流了很多血，能算工伤吗',
  '前几天在车间晕倒了，算工伤吗',
  '这是我的救命钱，老板三个月没发工资',
  '工资不发我都活不下去了',
  '站长扣我身份证合法吗',
  '老板不让我们打卡',
  '顾客打我电话骂我差评',
  '工资被打了折扣',
  '我不会自杀的，就是想问仲裁怎么申请',
  '跑外卖摔伤了算工伤吗',
  '被平台封号了怎么办',
  '公司把我开除了还不给补偿',
  'I was injured in an accident last month, can I claim?',
  '打工的人有没有年假',
];

describe('detectCrisis', () => {
  it.each(POSITIVES)('flags %s as %s', (text, kind) => {
    expect(detectCrisis(text)).toEqual({ kind });
  });

  it.each(NEGATIVES)('leaves the ordinary complaint %s alone', (text) => {
    expect(detectCrisis(text)).toBeNull();
  });
});

describe('crisisReply', () => {
  it.each(['self_harm', 'violence', 'emergency'] as const)('gives 110, 120 and 12356 for %s in both languages', (kind) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const reply = crisisReply(kind, locale);
      for (const number of ['110', '120', '12356']) expect(reply).toContain(number);
    }
  });

  it('puts the most relevant number in the first line', () => {
    expect(crisisReply('self_harm', 'zh-CN').split('\n')[0]).toContain('12356');
    expect(crisisReply('violence', 'zh-CN').split('\n')[0]).toContain('110');
    expect(crisisReply('emergency', 'zh-CN').split('\n')[0]).toContain('120');
    expect(crisisReply('emergency', 'en')).toMatch(/ambulance/);
  });
});
