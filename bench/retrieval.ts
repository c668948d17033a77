/**
 * Retrieval benchmark: imports all of ../shared/corpus into a temporary data folder, then measures
 * import time, index load time at start, search latency and recall on the public and colloquial sets.
 * Run alone with `npx tsx bench/retrieval.ts`; bench/run.ts calls `benchRetrieval()`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Citation } from '../src/core/types.js';
import { searchArticles } from '../src/admin/kb-commands.js';
import { evaluateRetrieval, parseEvalJsonl, type EvalItem, type EvalReport } from '../src/admin/eval.js';
import { openKnowledgeBase, type KnowledgeBase } from '../src/knowledge/knowledge-base.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The statute corpus folder (tests and benchmarks read it at run time). */
export function corpusDir(): string {
  return process.env.GONGYOU_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');
}

/** The public evaluation set. */
export function publicEvalFile(): string {
  return process.env.GONGYOU_EVAL_FILE ?? path.resolve(repoRoot, '../shared/eval/labor_qa.jsonl');
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

const round = (value: number, places = 2): number => Math.round(value * 10 ** places) / 10 ** places;

/** A stable split of the public set by id (FNV-1a hash parity): even = dev, odd = held-out, so method changes can be checked on questions not looked at. */
export function publicHalf(id: string | undefined): 'dev' | 'held' {
  let hash = 2166136261;
  for (const char of id ?? '') hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
  return hash % 2 === 0 ? 'dev' : 'held';
}

/** Recall of questions with gold articles, ranking statute articles as `gongyou kb search` does (bench/answers.ts uses it too). */
export async function recallOfItems(kb: KnowledgeBase, items: EvalItem[]): Promise<EvalReport> {
  const rank = async (question: string, top: number): Promise<Citation[]> => (await searchArticles(kb, question, top)).map(({ law, article }) => ({ law, article }));
  return evaluateRetrieval(items, rank, 10);
}

async function recall(kb: KnowledgeBase, file: string, half?: 'dev' | 'held'): Promise<EvalReport> {
  return recallOfItems(kb, parseEvalJsonl(await readFile(file, 'utf8')).filter((item) => !half || publicHalf(item.id) === half));
}

/** The public set's real consultation questions (`"type": "consultation"`: people asking online, not exam scenarios or judgments). */
async function consultations(file: string): Promise<EvalItem[]> {
  const text = await readFile(file, 'utf8');
  const asked = new Set(
    text
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as { id?: string; type?: string })
      .filter((item) => item.type === 'consultation')
      .map((item) => item.id),
  );
  return parseEvalJsonl(text).filter((item) => asked.has(item.id));
}

/** Run the retrieval benchmark and return its figures (times in milliseconds). */
export async function benchRetrieval(): Promise<Record<string, number>> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongyou-bench-kb-'));
  try {
    // BENCH_NO_BANK=1 measures without the question bank, BENCH_NO_CLASSIFIER=1 without the article
    // classifier, to show what each is worth.
    const bankOption = {
      ...(process.env.BENCH_NO_BANK === '1' ? { questions: [] } : {}),
      ...(process.env.BENCH_NO_CLASSIFIER === '1' ? { classifier: null } : {}),
    };
    const importer = await openKnowledgeBase({ dataDir, ...bankOption });
    const importStart = performance.now();
    const report = await importer.import([corpusDir()]);
    const importMs = performance.now() - importStart;
    await importer.close();

    // Opening again reads the snapshot written by the import: this is the start-up path.
    const loads: number[] = [];
    let kb: KnowledgeBase | undefined;
    for (let run = 0; run < 3; run += 1) {
      kb = await openKnowledgeBase({ dataDir, ...bankOption });
      loads.push(kb.indexLoadMs);
    }
    if (!kb) throw new Error('unreachable');

    const publicSet = await recall(kb, publicEvalFile());
    const devHalf = await recall(kb, publicEvalFile(), 'dev');
    const heldHalf = await recall(kb, publicEvalFile(), 'held');
    const consulted = await recallOfItems(kb, await consultations(publicEvalFile()));
    const colloquialSet = await recall(kb, path.join(repoRoot, 'test/fixtures/colloquial_qa.jsonl'));
    // Written by someone who had not seen the lexicon, cards, notes or question bank: the fairer check.
    const blindSet = await recall(kb, path.join(repoRoot, 'test/fixtures/colloquial_qa_blind.jsonl'));

    const questions = [
      ...parseEvalJsonl(await readFile(publicEvalFile(), 'utf8')),
      ...parseEvalJsonl(await readFile(path.join(repoRoot, 'test/fixtures/colloquial_qa.jsonl'), 'utf8')),
    ].map((item) => item.question);
    const latencies: number[] = [];
    for (const question of questions) {
      const start = performance.now();
      await kb.retriever.search(question, { top: 10, kinds: ['article'] });
      latencies.push(performance.now() - start);
    }
    latencies.sort((a, b) => a - b);

    return {
      retrievalPublicN: publicSet.n,
      retrievalPublicR1: publicSet.r1,
      retrievalPublicR5: publicSet.r5,
      retrievalPublicR10: publicSet.r10,
      retrievalPublicMrr10: publicSet.mrr10,
      retrievalPublicDevR5: devHalf.r5,
      retrievalPublicDevMrr10: devHalf.mrr10,
      retrievalPublicHeldR5: heldHalf.r5,
      retrievalPublicHeldMrr10: heldHalf.mrr10,
      retrievalConsultationN: consulted.n,
      retrievalConsultationR5: consulted.r5,
      retrievalConsultationMrr10: consulted.mrr10,
      retrievalColloquialN: colloquialSet.n,
      retrievalColloquialR5: colloquialSet.r5,
      retrievalColloquialMrr10: colloquialSet.mrr10,
      retrievalBlindN: blindSet.n,
      retrievalBlindR5: blindSet.r5,
      retrievalBlindMrr10: blindSet.mrr10,
      searchP50Ms: round(percentile(latencies, 0.5)),
      searchP95Ms: round(percentile(latencies, 0.95)),
      importMs: round(importMs),
      importedDocuments: report.counts.added,
      indexLoadMs: round([...loads].sort((a, b) => a - b)[1]),
      indexLoadFirstMs: round(loads[0]),
      passages: kb.passages().length,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchRetrieval(), null, 1));
}
