/**
 * How often the extractive answer (no LLM) gets the law right, on our colloquial set, the blind set
 * and the public set, with all of ../shared/corpus imported: whether the guide card it is built
 * around relies on one of the question's gold articles, and whether one of the (at most two) articles
 * it quotes is gold. Also how the answer's confidence matches: how many of these (all labour
 * questions) get the unsure reply (below the default QA_HANDOFF_THRESHOLD) although a quoted article is
 * gold, and how many are answered as sure with no gold article quoted. Run: `npx tsx bench/cards.ts`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEvalJsonl } from '../src/admin/eval.js';
import { openKnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { gatherEvidence } from '../src/qa/evidence.js';
import { composeExtractiveBody } from '../src/qa/extractive.js';
import { createQaService } from '../src/qa/service.js';
import { loadConfig } from '../src/config.js';
import { corpusDir, publicEvalFile } from './retrieval.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongyou-bench-cards-'));
try {
  const kb = await openKnowledgeBase({ dataDir });
  await kb.import([corpusDir()]);
  const qa = createQaService({ retriever: kb.retriever, cards: kb.cards });
  const threshold = loadConfig({}).env.QA_HANDOFF_THRESHOLD;
  for (const file of [path.join(repoRoot, 'test/fixtures/colloquial_qa.jsonl'), path.join(repoRoot, 'test/fixtures/colloquial_qa_blind.jsonl'), publicEvalFile()]) {
    const items = parseEvalJsonl(await readFile(file, 'utf8'));
    let agreeing = 0;
    let quotingGold = 0;
    let unsureRight = 0;
    let unsure = 0;
    let sureWrong = 0;
    for (const item of items) {
      const evidence = await gatherEvidence(kb.retriever, kb.cards, item.question);
      const gold = new Set(item.articles.map(({ law, article }) => `${law}#${article}`));
      if (evidence.bestCard?.relies.some(({ law, article }) => gold.has(`${law}#${article}`))) agreeing += 1;
      // Quoted articles come first among the citations, one "…：“" line each.
      const body = composeExtractiveBody(evidence, 'zh-CN');
      const quotes = body ? (body.text.match(/：“/g) ?? []).length : 0;
      const right = body?.citations.slice(0, quotes).some(({ law, article }) => gold.has(`${law}#${article}`)) ?? false;
      if (right) quotingGold += 1;
      const { confidence } = await qa.answer(item.question, { locale: 'zh-CN' });
      if (confidence < threshold) {
        unsure += 1;
        if (right) unsureRight += 1;
      } else if (!right) sureWrong += 1;
    }
    console.log(
      `${path.basename(file)}: the card relies on a gold article for ${agreeing} of ${items.length}; a quoted article is gold for ${quotingGold}; ` +
        `unsure replies ${unsure} (a quoted article gold in ${unsureRight}); sure with no gold quoted ${sureWrong}`,
    );
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
