import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GongyouError } from '../../src/core/errors.js';
import { createLlmClient } from '../../src/llm/client.js';
import { chatEndpoint, completionWith, errorBodies, LLM_BASE_URL } from './vendor-stub.js';

const schema = z.object({ answer: z.string(), score: z.number() });
const messages = [{ role: 'user' as const, content: '测试问题' }];

function client(overrides: { timeoutMs?: number; maxRetries?: number } = {}) {
  return createLlmClient({ apiKey: 'sk-test', baseURL: LLM_BASE_URL, model: 'deepseek-chat', timeoutMs: 1500, ...overrides });
}

/** Run and time a call; returns the value or the error. */
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const started = performance.now();
  try {
    const value = await run();
    return { ms: performance.now() - started, value };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

function expectLlmFailure(error: unknown, retryable: boolean): void {
  expect(error).toBeInstanceOf(GongyouError);
  expect((error as GongyouError).code).toBe('llm_failed');
  expect((error as GongyouError).isRetryable).toBe(retryable);
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('createLlmClient against an OpenAI-compatible server', () => {
  it('asks for a JSON object and returns the validated value', async () => {
    let sentBody: Record<string, unknown> = {};
    const scope = chatEndpoint()
      .matchHeader('authorization', 'Bearer sk-test')
      .reply(200, (_uri, body) => {
        sentBody = body as Record<string, unknown>;
        return completionWith('{"answer":"可以申请仲裁","score":0.8}');
      });
    const result = await client().completeJson(messages, schema);
    expect(result).toEqual({ answer: '可以申请仲裁', score: 0.8 });
    expect(sentBody.model).toBe('deepseek-chat');
    expect(sentBody.response_format).toEqual({ type: 'json_object' });
    expect(scope.isDone()).toBe(true);
  });

  it('finds the JSON object when the server ignores response_format and wraps it in prose', async () => {
    chatEndpoint().reply(200, completionWith('好的，结果如下：\n```json\n{"answer":"见下","score":0.5}\n```\n希望有帮助'));
    expect(await client().completeJson(messages, schema)).toEqual({ answer: '见下', score: 0.5 });
  });

  it('retries without response_format when the server rejects it', async () => {
    const bodies: Array<Record<string, unknown>> = [];
    chatEndpoint().reply(400, (_uri, body) => (bodies.push(body as Record<string, unknown>), errorBodies.jsonModeUnsupported));
    chatEndpoint().reply(200, (_uri, body) => (bodies.push(body as Record<string, unknown>), completionWith('{"answer":"a","score":1}')));
    expect(await client().completeJson(messages, schema)).toEqual({ answer: 'a', score: 1 });
    expect(bodies[0].response_format).toBeDefined();
    expect(bodies[1].response_format).toBeUndefined();
  });

  it('honours a short retry-after on 429 and then succeeds', async () => {
    chatEndpoint().reply(429, errorBodies.rateLimited, { 'retry-after': '1' });
    chatEndpoint().reply(200, completionWith('{"answer":"ok","score":0.9}'));
    const { ms, value, error } = await timed(() => client().completeJson(messages, schema));
    expect(error).toBeUndefined();
    expect(value).toEqual({ answer: 'ok', score: 0.9 });
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(6000);
  });

  it('gives up at once when retry-after is longer than the cap, so the caller can fall back', async () => {
    const scope = chatEndpoint().reply(429, errorBodies.rateLimited, { 'retry-after': '30' });
    const { ms, error } = await timed(() => client().completeJson(messages, schema));
    expectLlmFailure(error, true);
    expect((error as GongyouError).retryAfterMs).toBe(30_000);
    expect(scope.isDone()).toBe(true);
    expect(ms).toBeLessThan(1000);
  });

  it('retries a 500 and succeeds on the next attempt', async () => {
    chatEndpoint().reply(500, errorBodies.serverError);
    chatEndpoint().reply(200, completionWith('{"answer":"ok","score":0.7}'));
    expect(await client().completeJson(messages, schema)).toEqual({ answer: 'ok', score: 0.7 });
  });

  it('stops after a bounded number of 500s within 6 seconds', async () => {
    const scope = chatEndpoint().times(3).reply(500, errorBodies.serverError);
    const extra = chatEndpoint().reply(200, completionWith('{"answer":"too late","score":1}'));
    const { ms, error } = await timed(() => client({ maxRetries: 2 }).completeJson(messages, schema));
    expectLlmFailure(error, true);
    expect(scope.isDone()).toBe(true);
    expect(extra.isDone()).toBe(false);
    expect(ms).toBeLessThan(6000);
  });

  it('ends a server that never answers within 6 seconds', async () => {
    chatEndpoint().times(5).delay(4000).reply(200, completionWith('{"answer":"late","score":1}'));
    const { ms, error } = await timed(() => client({ timeoutMs: 1500 }).completeJson(messages, schema));
    expectLlmFailure(error, true);
    expect(ms).toBeGreaterThanOrEqual(1400);
    expect(ms).toBeLessThan(6000);
  }, 10_000);

  it('fails on malformed JSON after one more try, within 6 seconds', async () => {
    const scope = chatEndpoint().times(2).reply(200, completionWith('{"answer": "cut off in the mid'));
    const { ms, error } = await timed(() => client({ maxRetries: 1 }).completeJson(messages, schema));
    expectLlmFailure(error, true);
    expect(scope.isDone()).toBe(true);
    expect(ms).toBeLessThan(6000);
  });

  it('rejects JSON that does not match the schema', async () => {
    chatEndpoint().times(3).reply(200, completionWith('{"answer": 42}'));
    const { error } = await timed(() => client().completeJson(messages, schema));
    expectLlmFailure(error, true);
  });

  it('does not retry a refused key', async () => {
    const scope = chatEndpoint().reply(401, errorBodies.unauthorized);
    const extra = chatEndpoint().reply(200, completionWith('{"answer":"x","score":1}'));
    const { error } = await timed(() => client().completeJson(messages, schema));
    expectLlmFailure(error, false);
    expect(scope.isDone()).toBe(true);
    expect(extra.isDone()).toBe(false);
  });
});
