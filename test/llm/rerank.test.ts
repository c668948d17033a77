/**
 * LLM reranking (LLM_RERANK=true): the model may only reorder what retrieval found, and any failure
 * keeps the retrieval order within the rerank budget. The model is the real openai SDK client
 * against an OpenAI-compatible server stubbed with nock.
 */
import fc from 'fast-check';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLlmClient } from '../../src/llm/client.js';
import { createReranker } from '../../src/llm/rerank.js';
import { createLexicon } from '../../src/retrieval/lexicon.js';
import { applyModelOrder, createRetriever } from '../../src/retrieval/retriever.js';
import { createTokenizer } from '../../src/retrieval/tokenize.js';
import type { Passage } from '../../src/retrieval/types.js';
import { chatEndpoint, completionWith, errorBodies, LLM_BASE_URL } from './vendor-stub.js';

const llm = () => createLlmClient({ apiKey: 'sk-test', baseURL: LLM_BASE_URL, model: 'qwen-plus', timeoutMs: 1500, maxRetries: 0 });

const article = (n: number, text: string): Passage => ({ id: `劳动合同法#${n}`, kind: 'article', law: '劳动合同法', article: n, text });
const PASSAGES = [
  article(87, '用人单位违反本法规定解除或者终止劳动合同的，应当依照经济补偿标准的二倍向劳动者支付赔偿金。'),
  article(90, '劳动者违反本法规定解除劳动合同，给用人单位造成损失的，应当承担赔偿责任。'),
  article(48, '用人单位违反本法规定解除或者终止劳动合同，劳动者要求继续履行劳动合同的，用人单位应当继续履行。'),
];
const IDS = PASSAGES.map((p) => p.id);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('applyModelOrder', () => {
  it('keeps exactly the candidates, the model’s known ids first in its order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 12 }), fc.array(fc.string({ minLength: 1 }), { maxLength: 20 }), (candidates, model) => {
        const out = applyModelOrder(candidates, model);
        expect([...out].sort()).toEqual([...candidates].sort());
        const known = [...new Set(model.map((id) => id.trim()))].filter((id) => candidates.includes(id));
        expect(out.slice(0, known.length)).toEqual(known);
      }),
    );
  });
});

describe('createReranker against an OpenAI-compatible server', () => {
  it('orders the candidates as the model says, ignoring ids it invented', async () => {
    let prompt = '';
    chatEndpoint().reply(200, (_uri, body) => {
      prompt = JSON.stringify(body);
      return completionWith('{"ids":["劳动合同法#90","劳动法#999","劳动合同法#87"]}');
    });
    const order = await createReranker(llm())('我辞职没提前说，公司要我赔钱', PASSAGES);
    expect(order).toEqual(['劳动合同法#90', '劳动合同法#87', '劳动合同法#48']);
    expect(prompt).toContain('劳动合同法#48');
    expect(prompt).toContain('我辞职没提前说');
  });

  it('keeps the retrieval order on a server error, malformed JSON or a timeout, within the budget', async () => {
    chatEndpoint().reply(500, errorBodies.serverError);
    expect(await createReranker(llm())('问题', PASSAGES)).toEqual(IDS);
    chatEndpoint().reply(200, completionWith('这不是 JSON'));
    expect(await createReranker(llm())('问题', PASSAGES)).toEqual(IDS);
    chatEndpoint().delay(3000).reply(200, completionWith('{"ids":["劳动合同法#48"]}'));
    const started = performance.now();
    expect(await createReranker(llm(), 400)('问题', PASSAGES)).toEqual(IDS);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe('the retriever with a reranker', () => {
  const tokenizer = createTokenizer('mixed');
  const make = (rerank?: (q: string, p: Passage[]) => Promise<string[]>) =>
    createRetriever({ passages: PASSAGES, cards: [], lexicon: createLexicon([]), tokenizer, rerank, weights: { rerankDepth: 2 } });

  it('reorders only the top articles and keeps scores falling with rank', async () => {
    const query = '劳动者 解除劳动合同 赔偿';
    const before = await make().search(query, { kinds: ['article'] });
    const after = await make(async (_q, passages) => passages.map((p) => p.id).reverse()).search(query, { kinds: ['article'] });
    expect(after.map((h) => h.passage.id)).toEqual([before[1].passage.id, before[0].passage.id, ...before.slice(2).map((h) => h.passage.id)]);
    expect(after.map((h) => h.score)).toEqual(before.map((h) => h.score));
  });

  it('searches as without it when the reranker throws', async () => {
    const query = '劳动者 解除劳动合同 赔偿';
    const plain = (await make().search(query, { kinds: ['article'] })).map((h) => h.passage.id);
    const failing = make(async () => {
      throw new Error('model down');
    });
    expect((await failing.search(query, { kinds: ['article'] })).map((h) => h.passage.id)).toEqual(plain);
  });
});
