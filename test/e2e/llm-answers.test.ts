/**
 * Legal Q&A with an OpenAI-compatible LLM configured, through the real app and
 * the web API, with nock at the vendor's HTTP edge: the question is rewritten
 * before retrieval, the answer cites only retrieved passages (an invented one
 * is dropped), and a failing server ends in the extractive answer.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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

/** The vendor's chat-completions endpoint answers the next `times` calls with `respond(request body as JSON text)`. */
function onCompletions(times: number, respond: (body: string) => ReturnType<typeof completion>): void {
  nock(BASE)
    .post('/v1/chat/completions')
    .times(times)
    .reply(200, (_uri, body) => respond(JSON.stringify(body)));
}

describe('answers with an LLM', () => {
  it('rewrites, answers from retrieved passages only, and drops an invented citation', async () => {
    onCompletions(4, (text) => {
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

/** Recorded vendor responses to the answer prompt (test/llm/fixtures/answer-completions.json). */
const RECORDED = JSON.parse(readFileSync(new URL('../llm/fixtures/answer-completions.json', import.meta.url), 'utf8')) as Record<
  string,
  { rewrite: unknown; answer: unknown }
>;

/** Answer each call from the recording: one rewrite call (shared by the card and article searches), then the answer call. */
function replay(name: string, prompts: string[]): void {
  onCompletions(2, (text) => {
    prompts.push(text);
    return completion(JSON.stringify(text.includes('<passages>') ? RECORDED[name].answer : RECORDED[name].rewrite));
  });
}

describe('recorded answers to the answer prompt', () => {
  it('the model is given our line with the figure, and its direct answer opens a short reply citing that article', async () => {
    const prompts: string[] = [];
    replay('disability', prompts);
    const [reply] = await h.say('llm-3', '工伤鉴定出来是十级伤残，能拿多少补助金');
    // the answer prompt carried our plain-language line for 第三十七条, with the figure for 十级
    expect(prompts).toHaveLength(2);
    expect(prompts.at(-1)).toContain('answer:工伤保险条例#37');
    expect(prompts.at(-1)).toMatch(/十级7个月/);
    expect(reply.text.split('\n')[0]).toMatch(/7个月的本人工资/);
    expect(reply.meta.citations?.[0]).toMatchObject({ law: '工伤保险条例', article: 37 });
    expect(reply.text).not.toMatch(/answer:|card:/);
    expect(reply.text.length).toBeLessThan(450);
  });

  it('a platform rider hurt at work hears of 职业伤害保障 even when the model leaves it out', async () => {
    const prompts: string[] = [];
    replay('platformInjury', prompts);
    const [reply] = await h.say('llm-4', '众包骑手送餐摔伤了，平台说我不是员工，能找谁赔');
    expect((RECORDED.platformInjury.answer as { text: string }).text).not.toMatch(/职业伤害/);
    expect(reply.text).toMatch(/职业伤害保障/);
    expect(reply.text).toMatch(/平台App里报案/);
    expect(reply.text).toMatch(/工伤认定/);
  });
});
