/** Query rewriting before retrieval, when an LLM is configured (prompts/rewrite.md). */
import { z } from 'zod';
import type { LlmClient } from './types.js';
import { renderPrompt } from './prompts.js';

/** The rewrite may take this long; with the answer's own budget a worker still hears back within ~6 s. */
export const REWRITE_TIMEOUT_MS = 1000;

const rewriteSchema = z.object({ query: z.string().min(1).max(500) });

/**
 * A rewriter for the retriever: colloquial question in, search query out. Any
 * failure (timeout, bad JSON) returns the question unchanged, so retrieval never waits on it twice.
 */
export function createQueryRewriter(llm: LlmClient, timeoutMs = REWRITE_TIMEOUT_MS): (question: string) => Promise<string> {
  return async (question) => {
    try {
      const { query } = await llm.completeJson(
        [
          { role: 'system', content: renderPrompt('system') },
          { role: 'user', content: renderPrompt('rewrite', { history: '', question }) },
        ],
        rewriteSchema,
        { signal: AbortSignal.timeout(timeoutMs) },
      );
      // the original words stay in the query: the rewrite adds legal terms, it does not replace facts
      return `${question} ${query}`;
    } catch {
      return question;
    }
  };
}
