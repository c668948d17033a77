/** The direct answer a legal reply opens with: one answer, of the kind the question asks for. */
import { describe, expect, it } from 'vitest';
import type { AnswerLine } from '../../src/knowledge/answer-lines.js';
import { composeExtractiveBody } from '../../src/qa/extractive.js';
import { chooseAnswerLine, fitVerdict, questionKind, withoutVerdict } from '../../src/qa/direct-answer.js';
import { testCards } from './fakes.js';

const line = (article: number, kind: AnswerLine['kind'], zh: string, keywords: string[] = []): AnswerLine => ({ law: '劳动合同法', article, kind, keywords, zh, en: zh, focus: [] });
const wages = testCards.find((card) => card.id === 'wages')!;

describe('what a question asks for', () => {
  it.each([
    ['干了三年被辞退能拿多少补偿', 'amount'],
    ['一年能休几天年假', 'amount'],
    ['工伤认定要多久', 'deadline'],
    ['公司说要我自己证明是工伤', 'who'],
    ['欠薪去哪投诉', 'where'],
    ['公司欠缴社保怎么打官司', 'how'],
    ['扣身份证合法吗', 'yesno'],
  ])('%s → %s', (question, kind) => {
    expect(questionKind(question)).toBe(kind);
  });
});

describe('choosing the answer line', () => {
  it('never opens an amount question with a yes-or-no line, even from the best article', () => {
    const lines = [line(2, 'yesno', '能。都可以申请仲裁。', ['辞退']), line(47, 'amount', '每满一年一个月工资。')];
    const chosen = chooseAnswerLine(lines, '被辞退了能拿多少补偿', [{ law: '劳动合同法', article: 2 }, { law: '劳动合同法', article: 47 }], 'amount');
    expect(chosen?.article).toBe(47);
  });

  it('opens with one answer only: the line, not the card explanation as well', () => {
    const lines = [line(30, 'how', '先书面催要，再投诉劳动监察。', ['结钱'])];
    const body = composeExtractiveBody({ bestCard: wages, keywordMatch: true, cardHits: [], articleHits: [] }, 'zh-CN', { question: '站长不给结钱怎么办', lines })!;
    expect(body.text.split('\n\n')[0]).toBe('先书面催要，再投诉劳动监察。');
  });

  it('a long post that asks twice gets both answered, the earlier question first; a line the kind alone would pick is not added', () => {
    const lines = [
      line(30, 'how', '先书面催要，再投诉劳动监察。', ['结钱', '怎么催']),
      line(85, 'amount', '拖着不给的，劳动部门责令限期支付；再不给，加付50%到100%赔偿金。', ['赔偿金', '加付']),
      line(82, 'yesno', '能。超过一个月不签书面合同，每月付二倍工资。', ['二倍']),
    ];
    const card = { ...wages, relies: [30, 85, 82].map((article) => ({ law: '劳动合同法', article })) };
    const story = '我在站点跑了一年多，站长一直拖着工资不结，说等平台打款，到现在三个月了，我们好几个人天天去问。';
    const both = composeExtractiveBody({ bestCard: card, keywordMatch: true, cardHits: [], articleHits: [] }, 'zh-CN', {
      question: `${story}拖着不给能要赔偿金吗？现在我该怎么催？`,
      lines,
    })!;
    const opening = both.text.split('\n\n')[0].split('\n');
    expect(opening).toEqual(['拖着不给的，劳动部门责令限期支付；再不给，加付50%到100%赔偿金。', '先书面催要，再投诉劳动监察。']);
    const once = composeExtractiveBody({ bestCard: card, keywordMatch: true, cardHits: [], articleHits: [] }, 'zh-CN', {
      question: `${story}你们说这合理吗？现在我该怎么催？`,
      lines,
    })!;
    expect(once.text.split('\n\n')[0]).toBe('先书面催要，再投诉劳动监察。');
  });

  it('for a platform rider, "还可以走工伤：" leads only a line about 工伤, never one about the labour relation', () => {
    const card = { ...wages, relies: [{ law: '劳动合同法', article: 7 }] };
    const lines = [line(7, 'yesno', '算。劳动关系从你实际开始干活那天就成立。', ['个体户', '劳动关系'])];
    const body = composeExtractiveBody({ bestCard: card, keywordMatch: true, cardHits: [], articleHits: [] }, 'zh-CN', {
      question: '送外卖摔伤了 站点说我是个体户 不算劳动关系吗',
      lines,
    })!;
    const opening = body.text.split('\n\n')[0].split('\n');
    expect(opening[0]).toMatch(/职业伤害保障/);
    expect(opening[1]).toBe('算。劳动关系从你实际开始干活那天就成立。');
  });

  it('names one or two more articles: with no statutes the classifier\'s next guess, with statutes one more the card relies on', () => {
    const lines = [line(30, 'how', '先书面催要，再投诉劳动监察。', ['结钱'])];
    const guessed = composeExtractiveBody(
      { bestCard: wages, keywordMatch: true, cardHits: [], articleHits: [], predicted: [{ law: '劳动合同法', article: 30 }, { law: '劳动合同法', article: 85 }] },
      'zh-CN',
      { question: '站长不给结钱怎么办', lines },
    )!;
    expect(guessed.text).toContain('依据《劳动合同法》第三十条\n另见《劳动合同法》第八十五条。');
    expect(guessed.citations.slice(0, 2)).toEqual([{ law: '劳动合同法', article: 30 }, { law: '劳动合同法', article: 85 }]);

    const hit = (article: number, score: number) => ({ score, passage: { id: `劳动合同法#${article}`, kind: 'article' as const, law: '劳动合同法', article, text: `第${article}条 测试条文。` } });
    const card = { ...wages, relies: [30, 38].map((article) => ({ law: '劳动合同法', article })) };
    const searched = composeExtractiveBody({ bestCard: card, keywordMatch: true, cardHits: [], articleHits: [hit(30, 3), hit(85, 2.9), hit(38, 2.8), hit(91, 2.7)] }, 'zh-CN', {
      question: '站长不给结钱怎么办',
      lines,
    })!;
    expect(searched.text).toContain('另见《劳动合同法》第八十五条、《劳动合同法》第三十八条。');
    expect(searched.text).not.toContain('第九十一条');
  });
});

describe('a verdict fits the question or is left out', () => {
  const unpaid = '不合法。工资要按月足额发，压着不发属于拖欠。';
  it('"我能要回来吗" is not answered "不合法。", but with what follows it', () => {
    expect(fitVerdict(unpaid, '站长拖了两个月工资不发 我能要回来吗')).toBe('工资要按月足额发，压着不发属于拖欠。');
  });
  it('"合法吗" and "公司能…吗" keep the verdict', () => {
    expect(fitVerdict(unpaid, '拖两个月不发工资合法吗')).toBe(unpaid);
    expect(fitVerdict(unpaid, '公司能压我两个月工资吗')).toBe(unpaid);
  });
  it('"算。" answers only a question of whether something counts', () => {
    const starts = '算。劳动关系从开始干活那天成立。';
    expect(fitVerdict(starts, '没签合同算不算劳动关系')).toBe(starts);
    expect(fitVerdict(starts, '站长叫注册个体户 我要注吗')).toBe('劳动关系从开始干活那天成立。');
  });
});

describe('after a lead, no bare verdict', () => {
  it('"有劳动关系的，还可以走工伤：" is not followed by "算。"', () => {
    expect(withoutVerdict('算。上班时间在岗位上因工作受伤，算工伤。')).toBe('上班时间在岗位上因工作受伤，算工伤。');
    expect(withoutVerdict('单位 30 天内没申请的，你自己可以申请。')).toBe('单位 30 天内没申请的，你自己可以申请。');
  });
});
