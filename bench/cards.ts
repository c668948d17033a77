/**
 * How often the extractive answer (no LLM) gets the law right, on our colloquial set, the blind set
 * and the public set, with all of ../shared/corpus imported: whether the guide card it is built
 * around relies on one of the question's gold articles, and whether one of the (at most two) articles
 * it quotes is gold. Run: `npx tsx bench/cards.ts`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEvalJsonl } from '../src/kb/eval.js';
import { openKnowledgeBase } from '../src/kb/knowledge-base.js';
import { gatherEvidence } from '../src/qa/evidence.js';
import { composeExtractiveBody } from '../src/qa/extractive.js';
import { corpusDir, publicEvalFile } from './retrieval.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongyou-bench-cards-'));
try {
  const kb = await openKnowledgeBase({ dataDir });
  await kb.import([corpusDir()]);
  for (const file of [path.join(repoRoot, 'test/fixtures/colloquial_qa.jsonl'), path.join(repoRoot, 'test/fixtures/colloquial_qa_blind.jsonl'), publicEvalFile()]) {
    const items = parseEvalJsonl(await readFile(file, 'utf8'));
    let agreeing = 0;
    let quotingGold = 0;
    for (const item of items) {
      const evidence = await gatherEvidence(kb.retriever, kb.cards, item.question);
      const gold = new Set(item.articles.map(({ law, article }) => `${law}#${article}`));
      if (evidence.bestCard?.relies.some(({ law, article }) => gold.has(`${law}#${article}`))) agreeing += 1;
      // Quoted articles come first among the citations, one "…：“" line each.
      const body = composeExtractiveBody(evidence, 'zh-CN');
      const quotes = body ? (body.text.match(/：“/g) ?? []).length : 0;
      if (body?.citations.slice(0, quotes).some(({ law, article }) => gold.has(`${law}#${article}`))) quotingGold += 1;
    }
    console.log(`${path.basename(file)}: the card relies on a gold article for ${agreeing} of ${items.length}; a quoted article is gold for ${quotingGold}`);
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
