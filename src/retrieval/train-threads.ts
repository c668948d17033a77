/**
 * Classifier training spread over the machine's cores: each pass, every worker thread computes the
 * gradient of its share of the training texts into its own buffer, then updates its share of the
 * weights from the sum of all buffers. Weights, Adam moments and gradients live in shared memory,
 * so nothing large is copied. The workers run the same loops as single-threaded training
 * (train-kernels.ts, sent as source text so that they need no module loader).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { adamCorrections, sharedFloats, trainClassifier, trainClassifierWith, type ArticleClassifier, type TrainingExample, type TrainingJob, type TrainOptions } from './classifier.js';
import { adamStep, addScaled, addSparse, gradientPass, softmaxInPlace } from './train-kernels.js';

/** Threads used by default: every core, at most four (the passes are memory-bound beyond that). */
export function defaultTrainingThreads(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const __name = (target) => target;
${[addScaled, addSparse, softmaxInPlace, gradientPass, adamStep].map((kernel) => kernel.toString()).join('\n')}
const { data, n, classes, scale, floor, W, bias, mW, vW, mB, vB, gWs, gBs, me, rows, params, classRange } = workerData;
parentPort.on('message', (message) => {
  try {
    if (message.type === 'gradient') {
      const loss = gradientPass(data, rows[0], rows[1], n, classes, scale, W, bias, gWs[me], gBs[me], floor);
      parentPort.postMessage({ loss });
    } else {
      adamStep(W, mW, vW, gWs, params[0], params[1], message.l2, message.learningRate, message.c1, message.c2);
      adamStep(bias, mB, vB, gBs, classRange[0], classRange[1], 0, message.learningRate, message.c1, message.c2);
      parentPort.postMessage({ done: true });
    }
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.stack || error) });
  }
});
`;

/** Split [0, total) into `parts` nearly equal ranges. */
function share(total: number, parts: number, part: number): [number, number] {
  return [Math.floor((total * part) / parts), Math.floor((total * (part + 1)) / parts)];
}

/** Run the passes of a training job on `threads` worker threads. */
async function runInThreads(job: TrainingJob, threads: number): Promise<void> {
  const { settings, data, n, W, bias, floor } = job;
  const C = bias.length;
  const mW = sharedFloats(W.length);
  const vW = sharedFloats(W.length);
  const mB = sharedFloats(C);
  const vB = sharedFloats(C);
  const gWs = Array.from({ length: threads }, () => sharedFloats(W.length));
  const gBs = Array.from({ length: threads }, () => sharedFloats(C));
  const workers = Array.from(
    { length: threads },
    (_, me) =>
      new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { data, n, classes: C, scale: settings.scale, floor, W, bias, mW, vW, mB, vB, gWs, gBs, me, rows: share(n, threads, me), params: share(W.length, threads, me), classRange: share(C, threads, me) },
      }),
  );
  const ask = (worker: Worker): Promise<{ loss?: number }> =>
    new Promise((resolve, reject) => {
      const onMessage = (reply: { loss?: number; error?: string }) => {
        worker.off('error', onError);
        if (reply.error) reject(new Error(`training thread failed: ${reply.error}`));
        else resolve(reply);
      };
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        reject(error);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
    });
  const all = async (message: object): Promise<Array<{ loss?: number }>> => {
    const replies = workers.map((worker) => ask(worker));
    workers.forEach((worker) => worker.postMessage(message));
    return Promise.all(replies);
  };
  try {
    for (let iteration = 0; iteration < settings.iterations; iteration += 1) {
      const losses = await all({ type: 'gradient' });
      const { c1, c2 } = adamCorrections(iteration + 1);
      await all({ type: 'adam', l2: settings.l2, learningRate: settings.learningRate, c1, c2 });
      settings.progress?.(iteration + 1, losses.reduce((sum, reply) => sum + (reply.loss ?? 0), 0) / n);
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Train like `trainClassifier`, with each pass spread over `threads` worker threads (1: this thread). */
export async function trainClassifierInThreads(
  examples: TrainingExample[],
  options: Partial<TrainOptions> = {},
  trainedOn = '',
): Promise<ArticleClassifier> {
  const { threads = defaultTrainingThreads(), ...settings } = options;
  if (threads <= 1) return trainClassifier(examples, settings, trainedOn);
  return trainClassifierWith((job) => runInThreads(job, threads), examples, settings, trainedOn);
}
