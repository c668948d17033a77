/** Article notes: every note names an article that exists, and notes stay our own short keywords. */
import { describe, expect, it } from 'vitest';
import { ARTICLE_NOTES } from '../../src/knowledge/notes.js';
import { buildPassageIndex } from '../../src/retrieval/retriever.js';
import { createTokenizer } from '../../src/retrieval/tokenize.js';
import { corpusArticles } from './helpers.js';

const articles = await corpusArticles();

describe('article notes', () => {
  it('cover the main labour laws', () => {
    expect(ARTICLE_NOTES.length).toBeGreaterThan(200);
  });

  it.each(ARTICLE_NOTES.map((note) => [`${note.law}#${note.article}`, note] as const))('%s exists and is not statute text', (key, note) => {
    const text = articles.get(key);
    expect(text, key).toBeDefined();
    // Our words, not quotations: no run of ten characters is copied from the article.
    for (const word of note.text.split(/\s+/)) {
      for (let start = 0; start + 10 <= word.length; start += 1) expect(text, word).not.toContain(word.slice(start, start + 10));
    }
  });

  it('make an article findable by the words people use', () => {
    const tokenizer = createTokenizer('words');
    const passages = [
      { id: 'A#1', kind: 'article' as const, law: 'A', article: 1, text: '用人单位应当依法缴纳费用。' },
      { id: 'A#2', kind: 'article' as const, law: 'A', article: 2, text: '用人单位应当依法支付报酬。' },
    ];
    const withNote = buildPassageIndex(passages, tokenizer, [{ law: 'A', article: 2, text: '拖欠工资 欠薪' }]);
    const withoutNote = buildPassageIndex(passages, tokenizer);
    const query = new Map([['欠薪', 1]]);
    expect(withNote.score(query)[1]).toBeGreaterThan(0);
    expect(withNote.score(query)[0]).toBe(0);
    expect(withoutNote.score(query)[1]).toBe(0);
  });
});
