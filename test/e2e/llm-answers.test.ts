/**
 * Legal Q&A with an OpenAI-compatible LLM configured, through the real app and
 * the web API, with nock at the vendor's HTTP edge: the question is rewritten
 * before retrieval, the answer cites only retrieved passages (an invented one
 * is dropped), and a failing server ends in the extractive answer.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import nock from 'nock';
import { startHarness, type Harness } from './harness.js';

const BASE = 'https://llm.example.test';
let h: Harness;
const bodies: string[] = [];

beforeAll(async () => {
  nock.disableNetConnect();
  h = await startHarness({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${BASE}/v1`, OPENAI_MODEL: 'qwen-test' });
});
afterEach(() => nock.cleanAll());
afterAll(async () => {
  await h.close();
  nock.enableNetConnect();
});

function completion(content: string) {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1_790_000_000,
    model: 'qwen-test',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

describe('answers with an LLM', () => {
  it('rewrites, answers from retrieved passages only, and drops an invented citation', async () => {
    nock(BASE)
      .post('/v1/chat/completions')
      .times(4)
      .reply(200, (_uri, body) => {
        const text = JSON.stringify(body);
        bodies.push(text);
        if (text.includes('<question>') && !text.includes('<passage')) return completion('{"query": "未签订书面劳动合同 二倍工资"}');
        const ids = [...text.matchAll(/<passage id=\\"([^"\\]+)\\"/g)].map((m) => m[1]);
        return completion(
          JSON.stringify({
            text: '超过一个月没签书面合同，可以要求每月二倍工资。',
            citedPassageIds: [ids[0], '劳动法#999'],
            confidence: 0.9,
            needsHuman: false,
          }),
        );
      });
    const [reply] = await h.say('llm-1', '干了半年老板一直不签合同咋办');
    expect(reply.meta.intent).toBe('legal_qa');
    expect(reply.text).toContain('二倍工资');
    expect(reply.text).toMatch(/不是律师意见/);
    // the rewrite call came first, then the answer call saw retrieved passages
    expect(bodies[0]).toContain('干了半年老板一直不签合同咋办');
    expect(bodies.some((b) => b.includes('<passage'))).toBe(true);
    expect(reply.meta.citations?.some((c) => c.law === '劳动法' && c.article === 999)).toBe(false);
    expect(reply.meta.confidence).toBeLessThan(0.9);
  });

  it('falls back to the extractive answer when the server fails, within 6 seconds', async () => {
    nock(BASE).post('/v1/chat/completions').times(10).reply(500, { error: { message: 'down' } });
    const started = Date.now();
    const [reply] = await h.say('llm-2', '跑外卖摔伤了算工伤吗');
    expect(Date.now() - started).toBeLessThan(6000);
    expect(reply.meta.intent).toBe('legal_qa');
    expect(reply.meta.citations?.some((c) => c.law === '工伤保险条例')).toBe(true);
    expect(reply.text).toMatch(/不是律师意见/);
  });
});
