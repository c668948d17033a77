/** The whole answer path with the real LLM client against a stubbed OpenAI-compatible server. */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLlmClient } from '../../src/llm/client.js';
import { createQaService } from '../../src/qa/service.js';
import type { QaAnswer } from '../../src/qa/types.js';
import { chatEndpoint, completionWith, errorBodies, LLM_BASE_URL } from '../llm/vendor-stub.js';
import { fakeRetriever, testCards } from './fakes.js';

const QUESTION = '站长拖欠工资不给结钱怎么办';
const modelJson = JSON.stringify({ text: '先书面催要，再打 12333 投诉。', citedPassageIds: ['劳动合同法#30', 'card:wages'], confidence: 0.85, needsHuman: false });

async function ask(): Promise<{ answer: QaAnswer; ms: number }> {
  const llm = createLlmClient({ apiKey: 'sk-test', baseURL: LLM_BASE_URL, model: 'qwen-plus', timeoutMs: 1500 });
  const qa = createQaService({ retriever: fakeRetriever(), cards: testCards, llm });
  const started = performance.now();
  const answer = await qa.answer(QUESTION, { locale: 'zh-CN' });
  return { answer, ms: performance.now() - started };
}

function expectExtractiveFallback(answer: QaAnswer): void {
  expect(answer.answeredBy).toBe('extractive');
  expect(answer.intent).toBe('legal_qa');
  expect(answer.card?.title).toBe('工资被拖欠怎么办');
  expect(answer.text).toContain('依据《劳动合同法》第三十条');
  expect(answer.citations).toEqual([{ law: '劳动合同法', article: 30 }]);
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('answer service with an OpenAI-compatible model', () => {
  it('success: the model answer with its valid citations', async () => {
    chatEndpoint().reply(200, completionWith(modelJson));
    const { answer, ms } = await ask();
    expect(answer.answeredBy).toBe('model');
    expect(answer.text).toMatch(/^先书面催要，再打 12333 投诉。/);
    expect(answer.citations).toEqual([{ law: '劳动合同法', article: 30 }]);
    expect(ms).toBeLessThan(6000);
  });

  it('429 with retry-after: waits as asked and answers with the model', async () => {
    chatEndpoint().reply(429, errorBodies.rateLimited, { 'retry-after': '1' });
    chatEndpoint().reply(200, completionWith(modelJson));
    const { answer, ms } = await ask();
    expect(answer.answeredBy).toBe('model');
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(6000);
  });

  it('429 that keeps coming: extractive answer within 6 seconds', async () => {
    chatEndpoint().times(5).reply(429, errorBodies.rateLimited, { 'retry-after': '1' });
    const { answer, ms } = await ask();
    expectExtractiveFallback(answer);
    expect(ms).toBeLessThan(6000);
  });

  it('500: extractive answer within 6 seconds', async () => {
    chatEndpoint().times(5).reply(500, errorBodies.serverError);
    const { answer, ms } = await ask();
    expectExtractiveFallback(answer);
    expect(ms).toBeLessThan(6000);
  });

  it('timeout: extractive answer within 6 seconds', async () => {
    chatEndpoint().times(5).delay(4000).reply(200, completionWith(modelJson));
    const { answer, ms } = await ask();
    expectExtractiveFallback(answer);
    expect(ms).toBeLessThan(6000);
  }, 10_000);

  it('malformed JSON: extractive answer within 6 seconds', async () => {
    chatEndpoint().times(5).reply(200, completionWith('根据资料，{"text": "先书面催要'));
    const { answer, ms } = await ask();
    expectExtractiveFallback(answer);
    expect(ms).toBeLessThan(6000);
  });
});
