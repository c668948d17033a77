/** The importer on every file of the corpus: article counts match, nothing lost or merged. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { chineseToNumber } from '../../src/text/numerals.js';
import { parseDocument, passageUnit } from '../../src/knowledge/parse.js';
import { articlesToPassages } from '../../src/knowledge/split.js';
import { corpusDir, corpusFiles, tempDir } from './helpers.js';

// Counted independently of the parser: lines that begin with 第…条, with an item （十）, or with a
// section 一、 (a heading `## 三` counts too).
const ARTICLE_START = /^第[零〇一二三四五六七八九十百千万两\d]+条/;
const ITEM_START = /^（([零〇一二三四五六七八九十百]+)）/;
const SECTION_START = /^(?:#+\s*)?([一二三四五六七八九十]+)(?:、|\s*$)/;
const oneToN = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

const files = await corpusFiles();

describe('importer on the corpus', () => {
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(28);
  });

  it.each(files)('%s: one passage per article, numbered 1…N', async (file) => {
    const text = await readFile(path.join(corpusDir(), file), 'utf8');
    const law = file.replace(/\.md$/, '');
    const expected = text.split(/\r?\n/).filter((line) => ARTICLE_START.test(line.trim())).length;
    const parsed = parseDocument(text, law);
    const numbered = parsed.articles.filter((article) => article.number !== undefined && article.key !== '0');
    if (expected === 0) {
      // Guidance documents and notices: items （一）… that run through the whole text are the
      // passages, else sections 一、二、三 are (their items start again under each section).
      const lines = text.split(/\r?\n/).map((line) => line.trim());
      const items = lines.map((line) => ITEM_START.exec(line)).filter((match) => match !== null).map((match) => chineseToNumber(match[1]));
      const byItems = items.length > 0 && items.every((number, index) => number === index + 1);
      const starts = byItems ? ITEM_START : SECTION_START;
      const count = byItems ? items.length : lines.filter((line) => SECTION_START.test(line)).length;
      expect(count).toBeGreaterThan(0);
      expect(parsed.structure).toBe(byItems ? 'items' : 'sections');
      expect(numbered.map((a) => a.number)).toEqual(oneToN(count));
      // Each passage starts with its own item or section (or, by items, with the lines opening its section).
      for (const unit of numbered) {
        const first = unit.text.split('\n').find((line) => starts.test(line));
        expect(chineseToNumber(starts.exec(first ?? '')?.[1] ?? ''), unit.text.slice(0, 20)).toBe(unit.number);
      }
      const passages = await articlesToPassages(law, parsed.articles, undefined, passageUnit(parsed.structure));
      expect(new Set(passages.map((p) => p.unit))).toEqual(new Set([byItems ? 'item' : 'section']));
      const ids = new Set(passages.map((p) => p.id.replace(/\.\d+$/, '')));
      for (const n of oneToN(count)) expect(ids.has(`${law}#${n}`)).toBe(true);
      return;
    }
    expect(parsed.structure).toBe('articles');
    expect(numbered).toHaveLength(expected);
    expect(numbered.map((a) => a.number)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
    // Nothing merged: each article text starts with its own 第X条 line and holds no other.
    for (const article of numbered) {
      const lines = article.text.split('\n');
      expect(ARTICLE_START.test(lines[0])).toBe(true);
      expect(lines.slice(1).some((line) => ARTICLE_START.test(line))).toBe(false);
    }
    // Nothing lost: every line of the body that starts an article appears in some passage.
    const passages = await articlesToPassages(law, parsed.articles);
    const ids = new Set(passages.map((p) => p.id.replace(/\.\d+$/, '')));
    for (let n = 1; n <= expected; n += 1) expect(ids.has(`${law}#${n}`)).toBe(true);
  });

  it('imports the 2021 guidance item by item (（一）…（十九） across sections 一–四) and the notices section by section', async () => {
    const parse = async (law: string) => parseDocument(await readFile(path.join(corpusDir(), `${law}.md`), 'utf8'), law);
    const guidance = await parse('关于维护新就业形态劳动者劳动保障权益的指导意见');
    expect(guidance.structure).toBe('items');
    expect(guidance.articles.filter((a) => a.key !== '0').map((a) => a.number)).toEqual(oneToN(19));
    expect(guidance.articles.find((a) => a.number === 10)?.heading).toMatch(/^二、/);
    expect(guidance.articles.find((a) => a.number === 19)?.heading).toMatch(/^四、/);
    for (const [law, sections] of [['关于确立劳动关系有关事项的通知', 5], ['关于职工全年月平均工作时间和工资折算问题的通知', 3], ['关于职工全年月平均工作时间和工资折算问题的通知（2025）', 3]] as const) {
      const notice = await parse(law);
      expect(notice.structure, law).toBe('sections');
      expect(notice.articles.filter((a) => a.key !== '0').map((a) => a.number), law).toEqual(oneToN(sections));
    }
  });

  it('reports the 2008 notice repealed by its sidecar and does not search it; the 2025 notice is in force', async () => {
    const work = await tempDir();
    const kb = await openKnowledgeBase({ dataDir: work.dir, classifier: null });
    try {
      const old = '关于职工全年月平均工作时间和工资折算问题的通知';
      const current = `${old}（2025）`;
      const report = await kb.import([path.join(corpusDir(), `${old}.md`), path.join(corpusDir(), `${current}.md`)]);
      expect(report.counts).toMatchObject({ added: 2, failed: 0 });
      const states = Object.fromEntries((await kb.documents()).map((summary) => [summary.document.law, summary.publication]));
      expect(states[old]).toMatchObject({ state: 'repealed', repealedOn: '2025-01-01' });
      expect(states[current]).toMatchObject({ state: 'in_force' });
      expect(new Set(kb.passages().map((p) => p.law))).toEqual(new Set([current]));
      const hits = await kb.retriever.search('月工作日 月计薪天数 日工资怎么折算', { kinds: ['article'] });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((hit) => hit.passage.law === current)).toBe(true);
      expect(hits[0].passage.unit).toBe('section');
    } finally {
      await kb.close();
      await work.cleanup();
    }
  });

  it('keeps 款 and 项 with their article', async () => {
    const text = await readFile(path.join(corpusDir(), '劳动合同法.md'), 'utf8');
    const article = parseDocument(text, '劳动合同法').articles.find((a) => a.number === 38);
    expect(article?.text).toMatch(/^第三十八条/);
    expect(article?.text).toContain('（一）');
    expect(article?.text).toContain('（六）');
    expect(article?.heading).toContain('第四章');
  });

  it('splits long articles with overlap and keeps the article number', async () => {
    const text = await readFile(path.join(corpusDir(), '安全生产法.md'), 'utf8');
    const parsed = parseDocument(text, '安全生产法');
    const longest = parsed.articles.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const passages = (await articlesToPassages('安全生产法', parsed.articles)).filter((p) => p.article === longest.number);
    expect(passages.length).toBeGreaterThan(1);
    expect(passages.map((p) => p.id)).toEqual(passages.map((_, i) => `安全生产法#${longest.number}.${i + 1}`));
    // Every character of the article is in some piece, and neighbouring pieces overlap.
    const joined = passages.map((p) => p.text).join('');
    expect(joined.length).toBeGreaterThan(longest.text.replace(/\n/g, '').length);
    const tail = passages[0].text.slice(-10);
    expect(passages[1].text).toContain(tail.slice(-5));
  });

  it('reads metadata the text gives', async () => {
    const civil = parseDocument(await readFile(path.join(corpusDir(), '民法典.md'), 'utf8'), '民法典').metadata;
    expect(civil).toMatchObject({ law: '民法典', fullTitle: '中华人民共和国民法典', effectiveFrom: '2021-01-01', jurisdiction: 'national', kind: 'statute' });
    const wage = parseDocument(await readFile(path.join(corpusDir(), '最低工资规定.md'), 'utf8'), '最低工资规定').metadata;
    expect(wage).toMatchObject({ effectiveFrom: '2004-03-01', issuer: '劳动和社会保障部', kind: 'regulation' });
  });
});
