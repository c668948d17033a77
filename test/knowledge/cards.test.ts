/** Guide cards: one per category, bilingual, our own words, and every citation exists in the corpus. */
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/core/types.js';
import { GUIDE_CARDS, categoryCard } from '../../src/knowledge/cards.js';
import { corpusArticles } from './helpers.js';

const articles = await corpusArticles();

describe('guide cards', () => {
  it('cover every grievance category', () => {
    for (const category of CATEGORIES) expect(categoryCard(category), category).toBeDefined();
  });

  it('have unique ids and enough topic cards', () => {
    expect(new Set(GUIDE_CARDS.map((c) => c.id)).size).toBe(GUIDE_CARDS.length);
    expect(GUIDE_CARDS.length - CATEGORIES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(GUIDE_CARDS.map((card) => [card.id, card] as const))('%s is complete and bilingual', (_, card) => {
    for (const field of [card.title, card.explanation]) {
      expect(field['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(field.en).toMatch(/[a-z]/i);
    }
    for (const list of [card.nextSteps, card.evidence, card.whereToGo]) {
      expect(list['zh-CN'].length).toBeGreaterThan(0);
      expect(list.en).toHaveLength(list['zh-CN'].length);
    }
    expect(card.keywords.length).toBeGreaterThan(3);
    expect(card.relies.length).toBeGreaterThan(0);
  });

  it('cite only articles that exist in the corpus', () => {
    const missing = GUIDE_CARDS.flatMap((card) => card.relies.map((c) => `${card.id} → ${c.law}#${c.article}`)).filter(
      (line) => !articles.has(line.split(' → ')[1]),
    );
    expect(missing).toEqual([]);
  });

  it('cite articles that speak to the card (spot checks of the legal facts we state)', () => {
    const says = (key: string, phrase: string): void => expect(articles.get(key), key).toContain(phrase);
    says('劳动合同法#82', '二倍的工资');
    says('劳动合同法#9', '居民身份证');
    says('劳动争议调解仲裁法#27', '一年');
    says('劳动争议调解仲裁法#53', '不收费');
    says('工伤保险条例#17', '30日内');
    says('工伤保险条例#14', '上下班途中');
    says('工伤保险条例#14', '因工外出期间');
    says('工伤保险条例#16', '醉酒或者吸毒');
    says('工伤保险条例#15', '48小时之内经抢救无效死亡');
    says('工伤保险条例#39', '人均可支配收入的20倍');
    says('社会保险法#17', '丧葬补助金和抚恤金');
    says('最高人民法院关于审理工伤保险行政案件若干问题的规定#8', '第三人已经支付的医疗费用除外');
    says('劳动争议调解仲裁法#6', '用人单位应当提供');
    says('职工带薪年休假条例#3', '年休假5天');
    says('女职工劳动保护特别规定#7', '98天产假');
    says('劳动合同法#47', '每满一年支付一个月工资');
  });

  it('are written in our own words, not copied statute text', () => {
    const statute = [...articles.values()].join('\n');
    for (const card of GUIDE_CARDS) {
      const text = [card.explanation['zh-CN'], ...card.nextSteps['zh-CN']].join('');
      for (let start = 0; start + 20 <= text.length; start += 5) {
        expect(statute.includes(text.slice(start, start + 20)), `${card.id}: ${text.slice(start, start + 20)}`).toBe(false);
      }
    }
  });
});
