/** Public surface of the language-model client and prompts. */
export { createLlmClient } from './client.js';
export { createPromptLoader, renderPrompt, DEFAULT_PROMPTS_DIR, type PromptLoader } from './prompts.js';
export { extractFirstJsonObject } from './json-extract.js';
export type { ChatMessage, LlmClient, LlmClientConfig } from './types.js';
