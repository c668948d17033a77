// scratch experiment harness (deleted before finishing)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { searchArticles } from '../src/kb/cli.js';
import { evaluateRetrieval, parseEvalJsonl } from '../src/kb/eval.js';
import { openKnowledgeBase } from '../src/kb/knowledge-base.js';
import { corpusDir, publicEvalFile, publicHalf } from './retrieval.js';
const configs: Array<Record<string, unknown>> = JSON.parse(process.argv[2] ?? '[{}]');
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gy-exp-'));
const imp = await openKnowledgeBase({ dataDir });
await imp.import([corpusDir()]);
const pub = parseEvalJsonl(await readFile(publicEvalFile(), 'utf8'));
const col = parseEvalJsonl(await readFile('test/fixtures/colloquial_qa.jsonl', 'utf8'));
const src = (id?: string) => (id ?? '').replace(/-\d+$/, '').replace(/^lawbench-?/, 'lb');
for (const weights of configs) {
  const kb = await openKnowledgeBase({ dataDir, weights: weights as never });
  const rank = async (q: string, top: number) => (await searchArticles(kb, q, top)).map(({ law, article }) => ({ law, article }));
  const f = (x: number) => x.toFixed(3);
  const ev = async (items: typeof pub) => evaluateRetrieval(items, rank, 10);
  const dev = await ev(pub.filter((i) => publicHalf(i.id) === 'dev'));
  const held = await ev(pub.filter((i) => publicHalf(i.id) === 'held'));
  const all = await ev(pub);
  const c = await ev(col);
  const bySrc: string[] = [];
  for (const s of [...new Set(pub.map((i) => src(i.id)))]) { const r = await ev(pub.filter((i) => src(i.id) === s)); bySrc.push(`${s}:${f(r.r5)}/${f(r.mrr10)}`); }
  console.log(JSON.stringify(weights), `dev ${f(dev.r5)}/${f(dev.mrr10)} held ${f(held.r5)}/${f(held.mrr10)} all ${f(all.r5)}/${f(all.mrr10)} col ${f(c.r5)}/${f(c.mrr10)} | ${bySrc.join(' ')}`);
}
await rm(dataDir, { recursive: true, force: true });
