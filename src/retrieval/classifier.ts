/**
 * The article classifier: a linear softmax model from a question's terms to the article that
 * answers it, trained on our question bank, our notes on articles and the articles' own text
 * (`npx gongyou kb train`). Where BM25 asks "which article shares the most rare words with the
 * question", the classifier has learnt which words point to which article, and that words such as
 * 公司 or 上班 point nowhere. Its ranking is fused with the keyword ranking (see retriever.ts).
 *
 * Features are the query's weighted terms (as prepareQuery makes them) times their IDF over the
 * training texts, scaled to unit length. The model is kept sparse: weights below `prune` (0.02) are
 * dropped after training, which keeps about 0.6% of them (497k of 87M for the shipped
 * model) and changed no figure we measured.
 */

import { topPositions } from './top.js';
import { adamStep, gradientPass, type TrainingData } from './train-kernels.js';

/** One training text with the articles it should point to (weights sum to 1). */
export interface TrainingExample {
  terms: Map<string, number>;
  targets: Array<{ key: string; weight: number }>;
}

/** A trained model: per term, the classes it points to and how strongly. */
export interface ArticleClassifier {
  /** Multiplies the dot product before the softmax (the inverse temperature). */
  scale: number;
  terms: string[];
  idf: Float32Array;
  /** Article keys (`劳动合同法#82`), one per class. */
  classes: string[];
  bias: Float32Array;
  /** For term t, its entries are offsets[t] .. offsets[t + 1] of `classIds` and `weights`. */
  offsets: Uint32Array;
  classIds: Uint16Array;
  weights: Float32Array;
  /** What the model was trained on (shown by `kb train` and in logs). */
  trainedOn: string;
}

/** Training settings; the defaults were measured on the public and colloquial sets (see docs/retrieval.md). */
export interface TrainOptions {
  scale: number;
  /** L2 penalty on the weights. */
  l2: number;
  iterations: number;
  learningRate: number;
  /** A term must occur in this many training texts to become a feature. */
  minDf: number;
  /** Weights smaller than this (in absolute value) are dropped from the saved model. */
  prune: number;
  /** Told after each iteration (iteration, loss). */
  progress?: (iteration: number, loss: number) => void;
  /** Worker threads for `trainClassifierInThreads` (default: the cores, at most 4); `trainClassifier` uses this one. */
  threads?: number;
  /**
   * A model to start from (a warm start): its weights for the terms and articles that are still
   * there seed the new model, so new articles are learnt in a few passes instead of sixty.
   */
  start?: ArticleClassifier;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { scale: 20, l2: 1e-4, iterations: 60, learningRate: 0.05, minDf: 2, prune: 0.02 };

/**
 * Settings for continuing from a trained model (after an admin imports a new law): fewer, smaller
 * steps, since the known articles are already learnt. Measured with `npx tsx bench/new-law.ts`
 * (figures in docs/retrieval.md).
 */
export const WARM_START_OPTIONS: Pick<TrainOptions, 'iterations' | 'learningRate'> = { iterations: 15, learningRate: 0.01 };

/** Term weights of a text counted the way training counts them: 1 + ln(tf). */
export function textTerms(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  for (const [term, count] of counts) counts.set(term, 1 + Math.log(count));
  return counts;
}

interface SparseRow {
  index: Int32Array;
  value: Float32Array;
}

function featurize(terms: Map<string, number>, termIndex: Map<string, number>, idf: Float32Array): SparseRow {
  const index: number[] = [];
  const value: number[] = [];
  let norm = 0;
  for (const [term, weight] of terms) {
    const at = termIndex.get(term);
    if (at === undefined) continue;
    const x = weight * idf[at];
    index.push(at);
    value.push(x);
    norm += x * x;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return { index: Int32Array.from(index), value: Float32Array.from(value, (x) => x * scale) };
}

/** A class whose p − y is smaller than this for a text passes no gradient back for it (most, after a few steps). */
const GRADIENT_FLOOR = 1e-5;

/** Copy a trained model's weights into W and bias wherever its term and article still exist. */
function seedFrom(start: ArticleClassifier, termIndex: Map<string, number>, classIndex: Map<string, number>, W: Float32Array, bias: Float32Array): void {
  const C = bias.length;
  const classMap = Int32Array.from(start.classes, (key) => classIndex.get(key) ?? -1);
  start.classes.forEach((_, old) => {
    if (classMap[old] >= 0) bias[classMap[old]] = start.bias[old];
  });
  start.terms.forEach((term, old) => {
    const f = termIndex.get(term);
    if (f === undefined) return;
    for (let j = start.offsets[old]; j < start.offsets[old + 1]; j += 1) {
      const c = classMap[start.classIds[j]];
      if (c >= 0) W[f * C + c] = start.weights[j];
    }
  });
}

/** Everything training needs before the first pass: features, flat data, and (seeded) weights in shared memory. */
interface Prepared {
  settings: TrainOptions;
  classes: string[];
  terms: string[];
  idf: Float32Array;
  data: TrainingData;
  n: number;
  W: Float32Array;
  bias: Float32Array;
}

/** A Float32Array in shared memory, so worker threads can read and write it in place. */
export function sharedFloats(length: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(length * 4));
}

function prepareTraining(examples: TrainingExample[], options: Partial<TrainOptions>): Prepared {
  const settings = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const classes = [...new Set(examples.flatMap((example) => example.targets.map((target) => target.key)))].sort();
  if (classes.length > 65_535) throw new Error('too many articles for one classifier');
  const classIndex = new Map(classes.map((key, index) => [key, index]));
  const df = new Map<string, number>();
  for (const example of examples) for (const term of example.terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const terms = [...df].filter(([, count]) => count >= settings.minDf).map(([term]) => term).sort();
  const termIndex = new Map(terms.map((term, index) => [term, index]));
  const idf = Float32Array.from(terms, (term) => Math.log(examples.length / (df.get(term) ?? 1)));
  const rows = examples.map((example) => featurize(example.terms, termIndex, idf));
  const rowStart = new Int32Array(rows.length + 1);
  rows.forEach((row, i) => (rowStart[i + 1] = rowStart[i] + row.index.length));
  const index = new Int32Array(rowStart[rows.length]);
  const value = new Float32Array(rowStart[rows.length]);
  rows.forEach((row, i) => {
    index.set(row.index, rowStart[i]);
    value.set(row.value, rowStart[i]);
  });
  const targetStart = new Int32Array(examples.length + 1);
  examples.forEach((example, i) => (targetStart[i + 1] = targetStart[i] + example.targets.length));
  const targetClass = Int32Array.from(examples.flatMap((example) => example.targets.map((target) => classIndex.get(target.key)!)));
  const targetWeight = Float32Array.from(examples.flatMap((example) => example.targets.map((target) => target.weight)));
  const W = sharedFloats(terms.length * classes.length);
  const bias = sharedFloats(classes.length);
  if (settings.start) seedFrom(settings.start, termIndex, classIndex, W, bias);
  return { settings, classes, terms, idf, data: { rowStart, index, value, targetStart, targetClass, targetWeight }, n: examples.length, W, bias };
}

/** Keep the weights worth keeping (see `prune`) as a sparse model. */
function finishModel(prepared: Prepared, trainedOn: string): ArticleClassifier {
  const { settings, classes, terms, idf, W, bias } = prepared;
  const C = classes.length;
  const F = terms.length;
  const offsets = new Uint32Array(F + 1);
  const classIds: number[] = [];
  const weights: number[] = [];
  for (let f = 0; f < F; f += 1) {
    offsets[f] = classIds.length;
    for (let c = 0; c < C; c += 1) {
      const w = W[f * C + c];
      if (Math.abs(w) >= settings.prune) {
        classIds.push(c);
        weights.push(w);
      }
    }
  }
  offsets[F] = classIds.length;
  return { scale: settings.scale, terms, idf, classes, bias: Float32Array.from(bias), offsets, classIds: Uint16Array.from(classIds), weights: Float32Array.from(weights), trainedOn };
}

/** Adam's bias corrections for a step (1-based). */
export function adamCorrections(step: number): { c1: number; c2: number } {
  return { c1: 1 - 0.9 ** step, c2: 1 - 0.999 ** step };
}

/**
 * Train by full-batch gradient descent (Adam) on the softmax cross-entropy, in this thread. Memory
 * is about 4 × terms × classes × 4 bytes (≈1.4 GB for the national corpus); about 4 s a pass on
 * that corpus here. `trainClassifierInThreads` (train-threads.ts) spreads each pass over the cores.
 */
export function trainClassifier(examples: TrainingExample[], options: Partial<TrainOptions> = {}, trainedOn = ''): ArticleClassifier {
  const prepared = prepareTraining(examples, options);
  const { settings, data, n, W, bias } = prepared;
  const C = bias.length;
  const gW = new Float32Array(W.length);
  const gB = new Float32Array(C);
  const mW = new Float32Array(W.length);
  const vW = new Float32Array(W.length);
  const mB = new Float32Array(C);
  const vB = new Float32Array(C);
  for (let iteration = 0; iteration < settings.iterations; iteration += 1) {
    const loss = gradientPass(data, 0, n, n, C, settings.scale, W, bias, gW, gB, GRADIENT_FLOOR);
    const { c1, c2 } = adamCorrections(iteration + 1);
    adamStep(W, mW, vW, [gW], 0, W.length, settings.l2, settings.learningRate, c1, c2);
    adamStep(bias, mB, vB, [gB], 0, C, 0, settings.learningRate, c1, c2);
    settings.progress?.(iteration + 1, loss / n);
  }
  return finishModel(prepared, trainedOn);
}

/** What a threaded trainer needs from `prepareTraining` and gives back to `finishModel`. */
export interface TrainingJob {
  settings: TrainOptions;
  data: TrainingData;
  n: number;
  W: Float32Array;
  bias: Float32Array;
  floor: number;
}

/** Train with `run` doing the passes (train-threads.ts runs them in worker threads). */
export async function trainClassifierWith(
  run: (job: TrainingJob) => Promise<void>,
  examples: TrainingExample[],
  options: Partial<TrainOptions> = {},
  trainedOn = '',
): Promise<ArticleClassifier> {
  const prepared = prepareTraining(examples, options);
  await run({ settings: prepared.settings, data: prepared.data, n: prepared.n, W: prepared.W, bias: prepared.bias, floor: GRADIENT_FLOOR });
  return finishModel(prepared, trainedOn);
}

/** Compiled for scoring: term lookup built once per model. */
export interface ClassifierScorer {
  readonly model: ArticleClassifier;
  /** Whether the model was trained with this article (`劳动合同法#82`); it has no opinion on others. */
  knows(key: string): boolean;
  /**
   * The `top` most likely article keys for a question's weighted terms, best first (empty when no
   * term is known), and the probability of the first (how sure the model is).
   */
  rank(terms: Map<string, number>, top: number): { keys: string[]; confidence: number };
}

export function createClassifierScorer(model: ArticleClassifier): ClassifierScorer {
  const termIndex = new Map(model.terms.map((term, index) => [term, index]));
  const known = new Set(model.classes);
  const C = model.classes.length;
  const logits = new Float32Array(C);
  return {
    model,
    knows: (key) => known.has(key),
    rank(terms, top) {
      const row = featurize(terms, termIndex, model.idf);
      if (row.index.length === 0) return { keys: [], confidence: 0 };
      logits.set(model.bias);
      for (let k = 0; k < row.index.length; k += 1) {
        const f = row.index[k];
        const x = model.scale * row.value[k];
        for (let j = model.offsets[f]; j < model.offsets[f + 1]; j += 1) logits[model.classIds[j]] += x * model.weights[j];
      }
      // Softmax is monotone: ranking the logits ranks the probabilities.
      const best = topPositions(logits, top, -Infinity);
      if (best.length === 0) return { keys: [], confidence: 0 };
      const max = logits[best[0]];
      let sum = 0;
      for (let c = 0; c < C; c += 1) sum += Math.exp(logits[c] - max);
      return { keys: best.map((c) => model.classes[c]), confidence: 1 / sum };
    },
  };
}

const MAGIC = 'GYCLS1\n';

/**
 * Save a model: a JSON header (scale, terms, classes, what it was trained on) and the arrays as
 * raw little-endian bytes. Weights are stored as 16-bit fractions of the largest one.
 */
export function encodeClassifier(model: ArticleClassifier): Buffer {
  const maxWeight = model.weights.reduce((max, w) => Math.max(max, Math.abs(w)), 0) || 1;
  const quantized = Int16Array.from(model.weights, (w) => Math.round((w / maxWeight) * 32767));
  const header = Buffer.from(
    JSON.stringify({ scale: model.scale, maxWeight, terms: model.terms, classes: model.classes, entries: model.weights.length, trainedOn: model.trainedOn }),
    'utf8',
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const pad = (buffer: Buffer): Buffer => Buffer.concat([buffer, Buffer.alloc((4 - (buffer.length % 4)) % 4)]);
  return Buffer.concat([
    Buffer.from(MAGIC, 'utf8'),
    length,
    header,
    pad(Buffer.from(model.idf.buffer, model.idf.byteOffset, model.idf.byteLength)),
    pad(Buffer.from(model.bias.buffer, model.bias.byteOffset, model.bias.byteLength)),
    pad(Buffer.from(model.offsets.buffer, model.offsets.byteOffset, model.offsets.byteLength)),
    pad(Buffer.from(model.classIds.buffer, model.classIds.byteOffset, model.classIds.byteLength)),
    pad(Buffer.from(quantized.buffer, quantized.byteOffset, quantized.byteLength)),
  ]);
}

/** Read a saved model; a damaged or foreign file is an error (the caller then searches without it). */
export function decodeClassifier(data: Uint8Array): ArticleClassifier {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buffer.toString('utf8', 0, MAGIC.length) !== MAGIC) throw new Error('not a Gongyou classifier file');
  let at = MAGIC.length;
  const headerLength = buffer.readUInt32LE(at);
  at += 4;
  const header = JSON.parse(buffer.toString('utf8', at, at + headerLength)) as {
    scale: number;
    maxWeight: number;
    terms: string[];
    classes: string[];
    entries: number;
    trainedOn?: string;
  };
  at += headerLength;
  const take = <T>(make: (bytes: ArrayBuffer) => T, bytes: number): T => {
    const start = at;
    if (start + bytes > buffer.length) throw new Error('the classifier file is truncated');
    at += bytes + ((4 - (bytes % 4)) % 4);
    // A copy: aligned for the typed array, and not tied to the file's buffer.
    return make(Uint8Array.prototype.slice.call(buffer, start, start + bytes).buffer);
  };
  const F = header.terms.length;
  const C = header.classes.length;
  const idf = take((b) => new Float32Array(b), F * 4);
  const bias = take((b) => new Float32Array(b), C * 4);
  const offsets = take((b) => new Uint32Array(b), (F + 1) * 4);
  const classIds = take((b) => new Uint16Array(b), header.entries * 2);
  const quantized = take((b) => new Int16Array(b), header.entries * 2);
  if (offsets[F] !== header.entries) throw new Error('the classifier file is inconsistent');
  const weights = new Float32Array(quantized.length);
  const unit = header.maxWeight / 32767;
  for (let j = 0; j < quantized.length; j += 1) weights[j] = quantized[j] * unit;
  return { scale: header.scale, terms: header.terms, idf, classes: header.classes, bias, offsets, classIds, weights, trainedOn: header.trainedOn ?? '' };
}
