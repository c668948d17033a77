/** Hybrid mode: vector ranking fused with keywords, the embeddings endpoint (nock), and query rewriting. */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shippedLexiconEntries } from '../../src/knowledge/lexicon.js';
import { openKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { createLexicon } from '../../src/retrieval/lexicon.js';
import { createRetriever } from '../../src/retrieval/retriever.js';
import type { Passage } from '../../src/retrieval/types.js';
import { corpusDir, tempDir } from '../knowledge/helpers.js';

const passages: Passage[] = [
  { id: '劳动法#44', kind: 'article', law: '劳动法', article: 44, text: '安排劳动者延长工作时间的，支付不低于工资的百分之一百五十的工资报酬' },
  { id: '劳动合同法#9', kind: 'article', law: '劳动合同法', article: 9, text: '用人单位招用劳动者，不得扣押劳动者的居民身份证和其他证件' },
  { id: '劳动合同法#31', kind: 'article', law: '劳动合同法', article: 31, text: '用人单位安排加班的，应当按照国家有关规定向劳动者支付加班费' },
];
const lexicon = createLexicon(shippedLexiconEntries());
const ids = (hits: Array<{ passage: Passage }>): string[] => hits.map((h) => h.passage.id);

describe('createRetriever with a vector side', () => {
  it('fuses the vector ranking into the keyword ranking', async () => {
    const keywordOnly = createRetriever({ passages, cards: [], lexicon });
    expect(ids(await keywordOnly.search('加班费怎么算', { kinds: ['article'] }))).not.toContain('劳动合同法#9');
    const hybrid = createRetriever({ passages, cards: [], lexicon, vectors: { rank: async () => ['劳动合同法#9', '劳动合同法#31'] } });
    const fused = ids(await hybrid.search('加班费怎么算', { kinds: ['article'] }));
    expect(fused[0]).toBe('劳动合同法#31');
    expect(fused).toContain('劳动合同法#9');
  });

  it('falls back to keywords when the vector side fails', async () => {
    const errors: unknown[] = [];
    const keywordOnly = createRetriever({ passages, cards: [], lexicon });
    const hybrid = createRetriever({ passages, cards: [], lexicon, vectors: { rank: async () => Promise.reject(new Error('down')) }, onVectorError: (e) => errors.push(e) });
    const expected = ids(await keywordOnly.search('加班费', { kinds: ['article'] }));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(await hybrid.search('加班费', { kinds: ['article'] }))).toEqual(expected);
    expect(errors).toHaveLength(1);
  });

  it('rewrites the question first, and keeps the original when the rewriter fails', async () => {
    const seen: string[] = [];
    expect(ids(await createRetriever({ passages, cards: [], lexicon }).search('站长把我证拿走了', { kinds: ['article'] }))[0]).not.toBe('劳动合同法#9');
    const rewriting = createRetriever({ passages, cards: [], lexicon, rewrite: async (q) => (seen.push(q), '扣押居民身份证') });
    expect(ids(await rewriting.search('站长把我证拿走了', { kinds: ['article'] }))[0]).toBe('劳动合同法#9');
    expect(seen).toEqual(['站长把我证拿走了']);
    const failing = createRetriever({ passages, cards: [], lexicon, rewrite: async () => Promise.reject(new Error('llm down')) });
    const plain = createRetriever({ passages, cards: [], lexicon });
    expect(ids(await failing.search('站长把我证拿走了', { kinds: ['article'] }))).toEqual(ids(await plain.search('站长把我证拿走了', { kinds: ['article'] })));
  });
});

describe('embeddings endpoint through the openai SDK', () => {
  const baseURL = 'https://embeddings.example.test/v1';
  let work: { dir: string; cleanup: () => Promise<void> };
  // A toy embedding: one dimension for "identity documents", one for everything else.
  const embed = (text: string): number[] => (/身份证/.test(text) ? [1, 0.1] : [0.1, 1]);

  beforeAll(async () => {
    nock.disableNetConnect();
    work = await tempDir();
    await mkdir(path.join(work.dir, 'laws'));
    await copyFile(path.join(corpusDir(), '劳动合同法.md'), path.join(work.dir, 'laws/劳动合同法.md'));
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await work.cleanup();
  });

  it('embeds passages once, caches them, and fuses vector hits', async () => {
    let calls = 0;
    nock(baseURL)
      .persist()
      .post('/embeddings')
      .reply(200, (_uri, body) => {
        calls += 1;
        const input = (body as { input: string[] }).input;
        return { object: 'list', model: 'toy', data: input.map((text, index) => ({ object: 'embedding', index, embedding: embed(text) })), usage: { prompt_tokens: 1, total_tokens: 1 } };
      });
    const kb = await openKnowledgeBase({ dataDir: path.join(work.dir, 'data'), embeddings: { baseURL, apiKey: 'test-key', model: 'toy' } });
    await kb.import([path.join(work.dir, 'laws')]);
    const hits = await kb.retriever.search('站长把我身份证拿走了', { top: 5, kinds: ['article'] });
    expect(ids(hits)).toContain('劳动合同法#9');
    const afterFirst = calls;
    expect(afterFirst).toBeGreaterThan(1);
    await kb.retriever.search('加班', { top: 5, kinds: ['article'] });
    expect(calls).toBe(afterFirst + 1); // only the question is embedded again
  });

  it('answers from keywords when the endpoint fails', async () => {
    nock(baseURL).persist().post('/embeddings').reply(500, { error: { message: 'boom' } });
    const warnings: string[] = [];
    const kb = await openKnowledgeBase({ dataDir: path.join(work.dir, 'data-fail'), embeddings: { baseURL, apiKey: 'k', model: 'toy' }, warn: (m) => void warnings.push(m) });
    await kb.import([path.join(work.dir, 'laws')]);
    const hits = await kb.retriever.search('没签合同双倍工资', { top: 3, kinds: ['article'] });
    expect(ids(hits)).toContain('劳动合同法#82');
    expect(warnings.some((w) => w.includes('embeddings'))).toBe(true);
  }, 20_000);
});
