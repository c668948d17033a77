import { describe, expect, it } from 'vitest';
import { createQueryRewriter } from '../../src/llm/rewrite.js';
import { GongyouError } from '../../src/core/errors.js';
import type { LlmClient } from '../../src/llm/types.js';

/** An LLM client of our own interface that answers with a fixed JSON object or fails. */
function fakeLlm(answer: unknown, fail = false): LlmClient & { prompts: string[] } {
  const prompts: string[] = [];
  return {
    model: 'fake',
    prompts,
    async completeJson(messages, schema) {
      prompts.push(messages.map((m) => m.content).join('\n'));
      if (fail) throw new GongyouError('llm_failed', 'timeout', { isRetryable: true });
      return schema.parse(answer);
    },
  };
}

describe('query rewriting', () => {
  it('adds the legal terms the model gives and keeps the worker’s own words', async () => {
    const llm = fakeLlm({ query: '解除劳动合同 经济补偿' });
    const rewrite = createQueryRewriter(llm);
    expect(await rewrite('被炒了能要钱不')).toBe('被炒了能要钱不 解除劳动合同 经济补偿');
    expect(llm.prompts[0]).toContain('被炒了能要钱不');
  });

  it('returns the question unchanged when the model fails or answers nonsense', async () => {
    expect(await createQueryRewriter(fakeLlm({}, true))('站长扣我身份证合法吗')).toBe('站长扣我身份证合法吗');
    expect(await createQueryRewriter(fakeLlm({ wrong: 1 }))('站长扣我身份证合法吗')).toBe('站长扣我身份证合法吗');
  });
});
