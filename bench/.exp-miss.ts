import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { searchArticles } from '../src/kb/cli.js';
import { parseEvalJsonl } from '../src/kb/eval.js';
import { openKnowledgeBase } from '../src/kb/knowledge-base.js';
import { corpusDir, publicEvalFile, publicHalf } from './retrieval.js';
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gy-exp-'));
const imp = await openKnowledgeBase({ dataDir });
await imp.import([corpusDir()]);
const kb = await openKnowledgeBase({ dataDir, weights: JSON.parse(process.argv[2] ?? '{}') });
const pub = parseEvalJsonl(await readFile(publicEvalFile(), 'utf8')).filter((i) => publicHalf(i.id) === 'dev');
for (const item of pub) {
  const hits = await searchArticles(kb, item.question, 50);
  const gold = new Set(item.articles.map((a) => `${a.law}#${a.article}`));
  const rank = hits.findIndex((h) => gold.has(`${h.law}#${h.article}`));
  if (rank >= 0 && rank < 5) continue;
  console.log(`${item.id} rank=${rank < 0 ? '-' : rank + 1} gold=${[...gold].join(',')}\n  Q: ${item.question.slice(0, 120).replace(/\n/g, ' ')}\n  top: ${hits.slice(0, 5).map((h) => `${h.law.slice(0, 6)}#${h.article}`).join(' ')}`);
}
await rm(dataDir, { recursive: true, force: true });
