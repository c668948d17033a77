/**
 * The question bank: every labelled article exists, the questions are our own words (no run of ten
 * characters copied from any statute), and similar questions lift the articles they are labelled with.
 */
import { describe, expect, it } from 'vitest';
import { parseBankFile, shippedQuestionBank } from '../../src/knowledge/question-bank.js';
import { createLexicon } from '../../src/retrieval/lexicon.js';
import { createRetriever } from '../../src/retrieval/retriever.js';
import { createTokenizer } from '../../src/retrieval/tokenize.js';
import { corpusArticles } from './helpers.js';

const articles = await corpusArticles();
const bank = shippedQuestionBank();
// Every ten-character run of statute text, for the copying check (a set: the bank has thousands of lines).
const statuteRuns = new Set<string>();
for (const text of articles.values()) {
  const flat = text.replace(/\s+/g, '');
  for (let start = 0; start + 10 <= flat.length; start += 1) statuteRuns.add(flat.slice(start, start + 10));
}

describe('question bank', () => {
  it('is large and covers the main laws', () => {
    expect(bank.length).toBeGreaterThan(2000);
    const laws = new Set(bank.map((item) => item.articles[0].law));
    for (const law of ['劳动合同法', '劳动法', '社会保险法', '工伤保险条例', '劳动争议调解仲裁法', '劳动合同法实施条例']) expect(laws, law).toContain(law);
  });

  it('labels only articles that exist in the corpus', () => {
    const missing = bank.flatMap((item) => item.articles.map((a) => `${a.law}#${a.article}`)).filter((key) => !articles.has(key));
    expect(missing).toEqual([]);
  });

  it('has no duplicate questions and at most four articles a question', () => {
    const seen = new Set<string>();
    const duplicates = bank.filter((item) => (seen.has(item.question) ? true : (seen.add(item.question), false)));
    expect(duplicates.map((item) => item.question)).toEqual([]);
    expect(bank.filter((item) => item.articles.length > 4)).toEqual([]);
  });

  it('is written in our own words: no ten-character run of statute text', () => {
    const copied: string[] = [];
    for (const { question } of bank) {
      const text = question.replace(/\s+/g, '');
      for (let start = 0; start + 10 <= text.length; start += 1) {
        if (statuteRuns.has(text.slice(start, start + 10))) {
          copied.push(question);
          break;
        }
      }
    }
    expect(copied).toEqual([]);
  });

  it('reports a bad line with its file and line number', () => {
    expect(() => parseBankFile('x.jsonl', '{"question":"a","articles":[{"law":"劳动法","article":1}]}\n{oops')).toThrow('x.jsonl:2');
    expect(() => parseBankFile('x.jsonl', '{"question":"a","articles":[]}')).toThrow('x.jsonl:1');
    expect(() => parseBankFile('x.jsonl', '{"question":"a","articles":[{"law":"劳动法","article":0}]}')).toThrow('x.jsonl:1');
  });

  it('lifts the article similar questions are labelled with, which shares no words with the question', async () => {
    const tokenizer = createTokenizer('mixed');
    const passages = [
      { id: 'A#1', kind: 'article' as const, law: 'A', article: 1, text: '劳动者患病或者非因工负伤，在规定的医疗期内的，用人单位不得解除劳动合同。' },
      { id: 'A#2', kind: 'article' as const, law: 'A', article: 2, text: '劳动者可以辞职，但应当提前通知用人单位，单位应当办理手续。' },
    ];
    const questions = [
      { question: '员工中风住院两个月，公司想辞退他行不行', articles: [{ law: 'A', article: 1 }] },
      { question: '我想辞职，要提前多久说', articles: [{ law: 'A', article: 2 }] },
    ];
    const query = '我爸中风了 厂里要辞退他';
    const rank = async (withBank: boolean) =>
      (await createRetriever({ passages, cards: [], lexicon: createLexicon([]), tokenizer, questions: withBank ? questions : [] }).search(query, { kinds: ['article'] })).map((hit) => hit.passage.id);
    expect((await rank(true))[0]).toBe('A#1');
    expect((await rank(false))[0]).not.toBe('A#1');
  });
});
