/** The importer on every file of the corpus: article counts match, nothing lost or merged. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/knowledge/parse.js';
import { articlesToPassages } from '../../src/knowledge/split.js';
import { corpusDir, corpusFiles } from './helpers.js';

// Counted independently of the parser: lines that begin with 第…条.
const ARTICLE_START = /^第[零〇一二三四五六七八九十百千万两\d]+条/;

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
      // The 2008 notice has sections 一、二、三 instead of articles.
      expect(parsed.structure).toBe('sections');
      expect(numbered.map((a) => a.number)).toEqual([1, 2, 3]);
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
