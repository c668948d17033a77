/**
 * Reranking retrieved articles with the LLM, when configured and switched on (LLM_RERANK=true):
 * the model orders the top candidates by how directly they answer the question (prompts/rerank.md).
 * Its list is only an ordering of what retrieval already found: ids it invents are ignored,
 * candidates it leaves out keep their place after the ones it ranked, and any failure or timeout
 * keeps the retrieval order.
 */
import { z } from 'zod';
import { applyModelOrder } from '../retrieval/retriever.js';
import type { Passage } from '../retrieval/types.js';
import { renderPrompt } from './prompts.js';
import type { LlmClient } from './types.js';

/** The rerank may take this long before the retrieval order is used as it is. */
export const RERANK_TIMEOUT_MS = 1000;
/** Characters of each candidate the model sees: enough for the rule, short enough to stay fast. */
const CANDIDATE_CHARS = 220;

const rerankSchema = z.object({ ids: z.array(z.string().min(1).max(120)).max(100) });

/** The label a candidate carries in the prompt: `劳动合同法#47`, readable and stable. */
function candidateLine(passage: Passage): string {
  const text = passage.text.replace(/\s+/g, ' ').slice(0, CANDIDATE_CHARS);
  return `[${passage.id}] 《${passage.law}》 ${text}`;
}


/** A reranker for the retriever: ids of `passages` in the model's order (or as given after a failure). */
export function createReranker(llm: LlmClient, timeoutMs = RERANK_TIMEOUT_MS): (question: string, passages: Passage[]) => Promise<string[]> {
  return async (question, passages) => {
    const ids = passages.map((passage) => passage.id);
    if (passages.length < 2) return ids;
    try {
      const { ids: order } = await llm.completeJson(
        [
          { role: 'system', content: renderPrompt('system') },
          { role: 'user', content: renderPrompt('rerank', { question, candidates: passages.map(candidateLine).join('\n') }) },
        ],
        rerankSchema,
        { signal: AbortSignal.timeout(timeoutMs) },
      );
      return applyModelOrder(ids, order);
    } catch {
      return ids;
    }
  };
}
