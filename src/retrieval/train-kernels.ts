/**
 * The loops of classifier training, written to run unchanged in this thread or in a worker thread
 * (train-threads.ts sends their source text to each worker): top-level functions that call only each
 * other, no imports, no closures, only typed arrays in and out.
 */

/** Training texts as flat arrays: text i's features are index/value[rowStart[i] .. rowStart[i + 1]]. */
export interface TrainingData {
  rowStart: Int32Array;
  index: Int32Array;
  value: Float32Array;
  /** Text i's targets are targetClass/targetWeight[targetStart[i] .. targetStart[i + 1]]. */
  targetStart: Int32Array;
  targetClass: Int32Array;
  targetWeight: Float32Array;
}

/** y += a · x (a small function of its own: the engine optimises this hot loop best that way). */
export function addScaled(y: Float32Array, x: Float32Array, a: number): void {
  for (let c = 0; c < y.length; c += 1) y[c] += a * x[c];
}

/** y[base + classes[j]] += a · values[j] for the first `count` entries. */
export function addSparse(y: Float32Array, base: number, classes: Int32Array, values: Float32Array, count: number, a: number): void {
  for (let j = 0; j < count; j += 1) y[base + classes[j]] += a * values[j];
}

/** Replace logits by their softmax probabilities. */
export function softmaxInPlace(z: Float32Array): void {
  let max = -Infinity;
  for (let c = 0; c < z.length; c += 1) if (z[c] > max) max = z[c];
  let sum = 0;
  for (let c = 0; c < z.length; c += 1) {
    z[c] = Math.exp(z[c] - max);
    sum += z[c];
  }
  for (let c = 0; c < z.length; c += 1) z[c] /= sum;
}

/**
 * Gradient of the mean softmax cross-entropy over texts [from, to) of `n` into gW and gB (zeroed
 * first). A class whose error is within `floor` passes no gradient back to the weights (most do not,
 * after a few steps). Returns the summed loss of those texts.
 */
export function gradientPass(
  data: TrainingData,
  from: number,
  to: number,
  n: number,
  classes: number,
  scale: number,
  W: Float32Array,
  bias: Float32Array,
  gW: Float32Array,
  gB: Float32Array,
  floor: number,
): number {
  const C = classes;
  const z = new Float32Array(C);
  const liveClasses = new Int32Array(C);
  const liveGradients = new Float32Array(C);
  gW.fill(0);
  gB.fill(0);
  let loss = 0;
  for (let i = from; i < to; i += 1) {
    const rowFrom = data.rowStart[i];
    const rowTo = data.rowStart[i + 1];
    z.set(bias);
    for (let k = rowFrom; k < rowTo; k += 1) {
      const base = data.index[k] * C;
      addScaled(z, W.subarray(base, base + C), scale * data.value[k]);
    }
    softmaxInPlace(z);
    for (let t = data.targetStart[i]; t < data.targetStart[i + 1]; t += 1) {
      const c = data.targetClass[t];
      loss -= data.targetWeight[t] * Math.log(z[c] + 1e-9);
      z[c] -= data.targetWeight[t];
    }
    let live = 0;
    for (let c = 0; c < C; c += 1) {
      const g = z[c] / n;
      gB[c] += g;
      if (z[c] > floor || z[c] < -floor) {
        liveClasses[live] = c;
        liveGradients[live] = g;
        live += 1;
      }
    }
    for (let k = rowFrom; k < rowTo; k += 1) addSparse(gW, data.index[k] * C, liveClasses, liveGradients, live, scale * data.value[k]);
  }
  return loss;
}

/**
 * One Adam step on parameters [from, to): the gradient is the sum of the partial gradients (one per
 * thread) plus the L2 term; c1 and c2 are the bias corrections of this step.
 */
export function adamStep(
  params: Float32Array,
  m: Float32Array,
  v: Float32Array,
  grads: Float32Array[],
  from: number,
  to: number,
  l2: number,
  learningRate: number,
  c1: number,
  c2: number,
): void {
  const first = grads[0];
  const second = grads.length > 1 ? grads[1] : undefined;
  for (let j = from; j < to; j += 1) {
    let g = first[j] + l2 * params[j];
    if (second) g += second[j];
    for (let k = 2; k < grads.length; k += 1) g += grads[k][j];
    m[j] = 0.9 * m[j] + 0.1 * g;
    v[j] = 0.999 * v[j] + 0.001 * g * g;
    params[j] -= (learningRate * (m[j] / c1)) / (Math.sqrt(v[j] / c2) + 1e-8);
  }
}
