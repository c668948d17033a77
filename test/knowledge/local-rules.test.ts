/**
 * Local rules (a province's or city's own): their passages carry the place, a question naming
 * another place ranks them lower, and answers say where a quoted rule applies. The two rules here
 * are made up for the test.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { placeOf } from '../../src/knowledge/metadata.js';
import { formatPassagesForPrompt } from '../../src/qa/grounded.js';
import { createQaService } from '../../src/qa/service.js';
import { placesNamedIn } from '../../src/text/place.js';
import { placeNames, placePrior } from '../../src/retrieval/priors.js';
import { tempDir } from './helpers.js';

const rule = (city: string, amount: string): string =>
  [
    `# ${city}平台配送员权益保障办法（测试用）`,
    '',
    '<!-- INFO END -->',
    '',
    '第一条 为保障本市从事平台配送的劳动者的合法权益，制定本办法。',
    '',
    `第二条 每年六月至九月，平台企业应当向从事户外配送的配送员发放高温津贴，每月不低于${amount}元。`,
    '',
    '第三条 平台企业不得以罚款代替管理。',
    '',
  ].join('\n');

describe('where a local rule applies', () => {
  it('reads the place from the title of a local rule, not of a national one', () => {
    expect(placeOf({ fullTitle: '深圳市平台配送员权益保障办法', jurisdiction: 'city' })).toBe('深圳市');
    expect(placeOf({ fullTitle: '北京市工资支付规定', jurisdiction: 'province' })).toBe('北京市');
    expect(placeOf({ fullTitle: '广东省工资支付条例', jurisdiction: 'province' })).toBe('广东省');
    expect(placeOf({ fullTitle: '中华人民共和国劳动法', jurisdiction: 'national' })).toBeUndefined();
    expect(placeNames('深圳市')).toEqual(['深圳市', '深圳']);
    expect(placeNames('广西壮族自治区')).toEqual(['广西壮族自治区', '广西']);
    const named = (text: string) => placesNamedIn(text);
    expect(placePrior('深圳市', named('北京'), '广东省')).toBeLessThan(1);
    expect(placePrior('深圳市', named('深圳'), '广东省')).toBe(1);
    expect(placePrior('深圳市', named('高温津贴有多少'), '广东省')).toBe(1);
    expect(placePrior(undefined, named('北京'))).toBe(1);
    // A province's rule applies in its cities; a city's rule may apply to someone who named only the province.
    expect(placePrior('广东省', named('我在深圳南山跑单'))).toBe(1);
    expect(placePrior('深圳市', named('广东这边'), '广东省')).toBe(1);
    expect(placePrior('深圳市', named('我在广州天河送外卖'), '广东省')).toBeLessThan(1);
  });

  it('finds every province and city a worker names, districts with their city or the 区 suffix', () => {
    const places = (text: string) => [...placesNamedIn(text).places].sort();
    expect(places('我在南山区送外卖')).toEqual(['广东省', '深圳市']);
    expect(places('北京朝阳')).toEqual(['北京市']);
    expect(places('河北人在北京干活')).toEqual(['北京市', '河北省']);
    expect(placesNamedIn('在广州天河送外卖').city).toBe(true);
    expect(placesNamedIn('北京海淀').city).toBe(false);
    // Bare 南山 or 光明 is not a place, bare 朝阳 may be 北京's district or 辽宁's city, and 中山路 is a road.
    expect(places('南山脚下的仓库')).toEqual([]);
    expect(places('我在朝阳跑单')).toEqual([]);
    expect(places('辽宁朝阳市')).toEqual(['朝阳市', '辽宁省']);
    expect(places('中山路送快递')).toEqual([]);
    expect(places('天津河北区')).toEqual(['天津市']);
  });

  describe('in search and answers', () => {
    let work: { dir: string; cleanup: () => Promise<void> };
    let kb: KnowledgeBase;
    beforeEach(async () => {
      work = await tempDir();
      const source = path.join(work.dir, 'local');
      await mkdir(source);
      await writeFile(path.join(source, '深圳市平台配送员权益保障办法.md'), rule('深圳市', '二百'));
      await writeFile(path.join(source, '北京市平台配送员权益保障办法.md'), rule('北京市', '一百八十'));
      await writeFile(path.join(source, '广东省平台配送员权益保障办法.md'), rule('广东省', '一百五十'));
      kb = await openKnowledgeBase({ dataDir: path.join(work.dir, 'data') });
      await kb.import([source]);
    });
    afterEach(() => work.cleanup());

    const top = async (question: string): Promise<string[]> =>
      (await kb.retriever.search(question, { top: 3, kinds: ['article'] })).map((hit) => `${hit.passage.law.slice(0, 2)}#${hit.passage.article}`);

    it('passages carry their place, and a question naming a place puts that place’s rule first', async () => {
      expect(kb.passages().find((passage) => passage.law === '深圳市平台配送员权益保障办法')?.place).toBe('深圳市');
      const unnamed = await top('跑外卖夏天的高温津贴每月有多少');
      expect(unnamed.sort()).toEqual(['北京#2', '广东#2', '深圳#2']);
      for (const [question, first, other] of [
        ['在深圳跑外卖，夏天的高温津贴每月有多少', '深圳#2', '北京#2'],
        ['北京送外卖的高温津贴每月有多少', '北京#2', '深圳#2'],
      ]) {
        const ranked = await top(question);
        expect(ranked[0]).toBe(first);
        expect(ranked.indexOf(other)).not.toBe(1);
      }
    });

    it('a district names its city, and a province’s rule counts in its cities', async () => {
      const second = async (question: string): Promise<string[]> => (await top(question)).slice(0, 2).sort();
      // 南山区 is in 深圳: the 深圳 and 广东 rules apply there, the 北京 one does not.
      expect(await second('我在南山区跑外卖，夏天的高温津贴每月有多少')).toEqual(['广东#2', '深圳#2']);
      expect(await second('在深圳跑外卖，夏天的高温津贴每月有多少')).toEqual(['广东#2', '深圳#2']);
      // In 广州 only the province's rule applies.
      expect((await top('在广州天河送外卖，夏天的高温津贴每月有多少'))[0]).toBe('广东#2');
      expect((await top('北京海淀送外卖，夏天的高温津贴每月有多少'))[0]).toBe('北京#2');
    });

    it('a place the worker named earlier in the conversation counts, unless the question names another', async () => {
      const qa = createQaService({ retriever: kb.retriever, cards: kb.cards });
      const quoted = async (question: string, history: string[]): Promise<string | undefined> =>
        /依据《(..)市平台配送员权益保障办法》第二条/.exec((await qa.answer(question, { locale: 'zh-CN', history })).text)?.[1];
      expect(await quoted('夏天的高温津贴每月有多少', ['我在北京朝阳跑外卖'])).toBe('北京');
      expect(await quoted('夏天的高温津贴每月有多少', ['我在深圳南山跑外卖'])).toBe('深圳');
      expect(await quoted('深圳的高温津贴每月有多少', ['我在北京朝阳跑外卖'])).toBe('深圳');
      const hits = await kb.retriever.search('夏天的高温津贴每月有多少', { top: 2, kinds: ['article'], context: '我在北京朝阳跑外卖' });
      expect(hits.map((hit) => hit.passage.law)).toEqual(['北京市平台配送员权益保障办法', expect.stringMatching(/^(深圳|北京)/)]);
      expect(hits[0].score).toBeGreaterThan(hits[1].score);
    });

    it('an answer quoting a local rule says where it applies, and the model is told so too', async () => {
      const qa = createQaService({ retriever: kb.retriever, cards: kb.cards });
      const answer = await qa.answer('在深圳跑外卖，夏天的高温津贴每月有多少', { locale: 'zh-CN' });
      expect(answer.text).toContain('依据《深圳市平台配送员权益保障办法》第二条（深圳市的地方规定，只在当地适用）：“');
      const english = await qa.answer('在深圳跑外卖，夏天的高温津贴每月有多少', { locale: 'en' });
      expect(english.text).toContain('(a local rule of 深圳市: it applies there only)');
      const passage = kb.passages().find((item) => item.id.startsWith('深圳市平台配送员权益保障办法#2'))!;
      expect(formatPassagesForPrompt([passage])).toMatch(/^<passage id="[^"]+" place="深圳市">/);
    });
  });
});
