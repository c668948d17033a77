/**
 * What happens when an admin imports a law the article classifier was not trained with, and after
 * `kb train` continues from it. Imports ../shared/corpus into a temporary folder, pretends one law
 * (工伤保险条例 by default) is new by hiding its articles from the shipped model, and measures recall on
 * the questions about that law in the public, colloquial and blind sets: with no classifier, with the
 * shipped model (trained with the law), with a model that does not know it, and after a warm
 * `kb.train()`. Takes about 4 minutes (the training). Run: `npx tsx bench/new-law.ts [law]`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchArticles } from '../src/admin/kb-commands.js';
import { evaluateRetrieval, parseEvalJsonl, type EvalItem } from '../src/admin/eval.js';
import { openKnowledgeBase, type KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { readClassifier, SHIPPED_CLASSIFIER } from '../src/knowledge/train.js';
import { corpusDir, publicEvalFile } from './retrieval.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const law = process.argv[2] ?? '工伤保险条例';
const shipped = await readClassifier(SHIPPED_CLASSIFIER);
if (!shipped) throw new Error('no shipped classifier');
// The shipped model with the law's articles renamed: it has never seen them.
const withoutLaw = { ...shipped, classes: shipped.classes.map((key) => (key.startsWith(`${law}#`) ? `hidden:${key}` : key)) };

const files = [publicEvalFile(), path.join(repoRoot, 'test/fixtures/colloquial_qa.jsonl'), path.join(repoRoot, 'test/fixtures/colloquial_qa_blind.jsonl')];
const items: EvalItem[] = (await Promise.all(files.map(async (file) => parseEvalJsonl(await readFile(file, 'utf8'))))).flat().filter((item) => item.articles.some((article) => article.law === law));

async function measure(kb: KnowledgeBase): Promise<string> {
  const { r5, mrr10 } = await evaluateRetrieval(items, async (question, top) => (await searchArticles(kb, question, top)).map(({ law: l, article }) => ({ law: l, article })), 10);
  return `R@5 ${r5.toFixed(3)} / MRR@10 ${mrr10.toFixed(3)}`;
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongyou-bench-new-law-'));
try {
  const importer = await openKnowledgeBase({ dataDir, classifier: null });
  await importer.import([corpusDir()]);
  console.log(`${items.length} questions about ${law}`);
  console.log(`no classifier:              ${await measure(importer)}`);
  console.log(`shipped model (knows it):   ${await measure(await openKnowledgeBase({ dataDir, classifier: shipped }))}`);
  const kb = await openKnowledgeBase({ dataDir, classifier: withoutLaw });
  console.log(`model that never saw it:    ${await measure(kb)}  (${kb.classifierInfo()?.unknownArticles} unknown articles)`);
  const started = performance.now();
  await kb.train();
  const seconds = Math.round((performance.now() - started) / 1000);
  console.log(`after kb train (warm, ${seconds} s): ${await measure(kb)}`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
