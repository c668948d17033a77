/** The OpenAI-compatible vendor edge, stubbed with nock from response shapes kept in fixtures/. */
import { readFileSync } from 'node:fs';
import nock from 'nock';

/** Base URL of the stubbed server; nothing real answers there. */
export const LLM_BASE_URL = 'https://llm.example.test/v1';

const completionTemplate = JSON.parse(readFileSync(new URL('./fixtures/chat-completion.json', import.meta.url), 'utf8'));

/** A JSON response body as nock accepts it. */
export type JsonBody = Record<string, nock.Body>;

/** Error bodies as OpenAI-compatible servers send them. */
export const errorBodies = JSON.parse(readFileSync(new URL('./fixtures/error-bodies.json', import.meta.url), 'utf8')) as Record<
  'rateLimited' | 'serverError' | 'jsonModeUnsupported' | 'unauthorized',
  JsonBody
>;

/** A chat completion whose assistant message is `content`. */
export function completionWith(content: string): JsonBody {
  const body = structuredClone(completionTemplate);
  body.choices[0].message.content = content;
  return body;
}

/** An interceptor for the chat completions endpoint. */
export function chatEndpoint(): nock.Interceptor {
  return nock('https://llm.example.test').post('/v1/chat/completions');
}
