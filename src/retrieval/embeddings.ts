/**
 * Vector search through an OpenAI-compatible embeddings endpoint. Passage vectors are computed
 * once, on the first search, and cached on disk by passage text, so a restart costs nothing.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { GongyouError } from '../core/errors.js';
import type { Passage } from './types.js';
import type { VectorSearch } from './retriever.js';

/** Where embeddings come from. */
export interface EmbeddingsConfig {
  baseURL: string;
  apiKey: string;
  model: string;
}

/** The one call we need from the SDK, so tests can pass a fake. */
export interface EmbeddingsClient {
  embeddings: { create(body: { model: string; input: string[] }): Promise<{ data: Array<{ embedding: number[]; index: number }> }> };
}

/** Options of the vector side. */
export interface EmbeddingSearchOptions {
  config: EmbeddingsConfig;
  passages: Passage[];
  /** Defaults to the openai SDK client for `config`. */
  client?: EmbeddingsClient;
  /** JSON cache of passage vectors; none when absent. */
  cacheFile?: string;
  /** Inputs per request. */
  batchSize?: number;
}

function textKey(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function normalise(vector: number[]): Float32Array {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return Float32Array.from(vector, (value) => value / norm);
}

/** Create the vector side of hybrid search. */
export function createEmbeddingSearch(options: EmbeddingSearchOptions): VectorSearch {
  let client: EmbeddingsClient | undefined = options.client;
  const batchSize = options.batchSize ?? 64;
  let ready: Promise<Float32Array[]> | undefined;

  async function embed(inputs: string[]): Promise<number[][]> {
    try {
      // The SDK is loaded only when embeddings are actually used.
      client ??= new (await import('openai')).default({ baseURL: options.config.baseURL, apiKey: options.config.apiKey, maxRetries: 1, timeout: 10_000 });
      const response = await client.embeddings.create({ model: options.config.model, input: inputs });
      const ordered = [...response.data].sort((a, b) => a.index - b.index);
      if (ordered.length !== inputs.length) throw new Error(`expected ${inputs.length} embeddings, got ${ordered.length}`);
      return ordered.map((item) => item.embedding);
    } catch (cause) {
      throw new GongyouError('llm_failed', 'the embeddings endpoint failed', { cause, isRetryable: true });
    }
  }

  async function passageVectors(): Promise<Float32Array[]> {
    const cache: Record<string, number[]> = {};
    if (options.cacheFile) {
      try {
        Object.assign(cache, JSON.parse(await fs.readFile(options.cacheFile, 'utf8')) as Record<string, number[]>);
      } catch {
        // No cache yet (or a damaged one): vectors are fetched again.
      }
    }
    const keys = options.passages.map((passage) => textKey(`${options.config.model}\n${passage.text}`));
    const missing = options.passages.map((passage, index) => ({ passage, key: keys[index] })).filter(({ key }) => !cache[key]);
    for (let start = 0; start < missing.length; start += batchSize) {
      const batch = missing.slice(start, start + batchSize);
      const vectors = await embed(batch.map(({ passage }) => `${passage.title ?? ''}\n${passage.text}`));
      batch.forEach(({ key }, index) => (cache[key] = vectors[index]));
    }
    if (options.cacheFile && missing.length > 0) await fs.writeFile(options.cacheFile, JSON.stringify(cache));
    return keys.map((key) => normalise(cache[key]));
  }

  return {
    async rank(query, top) {
      ready ??= passageVectors().catch((error: unknown) => {
        ready = undefined; // Let a later search try again.
        throw error;
      });
      const vectors = await ready;
      const [queryVector] = await embed([query]);
      const q = normalise(queryVector);
      const scored = vectors.map((vector, index) => {
        let dot = 0;
        for (let i = 0; i < q.length; i += 1) dot += q[i] * (vector[i] ?? 0);
        return { index, dot };
      });
      scored.sort((a, b) => b.dot - a.dot);
      return scored.slice(0, top).map(({ index }) => options.passages[index].id);
    },
  };
}
