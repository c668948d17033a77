/**
 * How often the guide card an answer is built around relies on one of the question's gold
 * articles (so the card's plain words and the quoted law agree), on our colloquial set, the blind set
 * and the public set, with all of ../shared/corpus imported. Run: `npx tsx bench/cards.ts`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEvalJsonl } from '../src/kb/eval.js';
import { openKnowledgeBase } from '../src/kb/knowledge-base.js';
import { gatherEvidence } from '../src/qa/evidence.js';
import { corpusDir, publicEvalFile } from './retrieval.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongyou-bench-cards-'));
try {
  const kb = await openKnowledgeBase({ dataDir });
  await kb.import([corpusDir()]);
  for (const file of [path.join(repoRoot, 'test/fixtures/colloquial_qa.jsonl'), path.join(repoRoot, 'test/fixtures/colloquial_qa_blind.jsonl'), publicEvalFile()]) {
    const items = parseEvalJsonl(await readFile(file, 'utf8'));
    let agreeing = 0;
    for (const item of items) {
      const { bestCard } = await gatherEvidence(kb.retriever, kb.cards, item.question);
      const gold = new Set(item.articles.map(({ law, article }) => `${law}#${article}`));
      if (bestCard?.relies.some(({ law, article }) => gold.has(`${law}#${article}`))) agreeing += 1;
    }
    console.log(`${path.basename(file)}: the card relies on a gold article for ${agreeing} of ${items.length}`);
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
