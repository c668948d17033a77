/**
 * Answer benchmark: what a worker reads, not what search ranks. For our colloquial sets (and the
 * public set), with the statutes imported and in the default run (none imported), it measures the share
 * of replies whose first two citations include a gold article, the median visible length, the share that
 * open with a direct answer line and the unsure rate; on the platform-worker set, the share whose reply
 * names everything the question needs (e.g. 职业伤害保障 for an injured rider). No LLM.
 * `npm run bench -- answers`, or alone: `npx tsx bench/answers.ts`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Citation } from '../src/core/types.js';
import { loadAnswerLines, statutePassageLookup } from '../src/knowledge/answer-lines.js';
import { openKnowledgeBase, type KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { DEFAULT_LOW_CONFIDENCE, createQaService } from '../src/qa/service.js';
import { corpusDir, publicEvalFile } from './retrieval.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface EvalItem {
  question: string;
  articles?: Citation[];
  mustMention?: string[];
  anyOf?: string[][];
}

async function readSet(file: string): Promise<EvalItem[]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalItem);
}

const round = (value: number, places = 3): number => Math.round(value * 10 ** places) / 10 ** places;
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
};

/** The figures of one set on one knowledge base. */
export interface AnswerFigures {
  n: number;
  goldInFirstTwo: number;
  medianChars: number;
  direct: number;
  unsure: number;
  namesWhatIsNeeded?: number;
}

/** Answer every question of a set and measure the replies. */
export async function measureAnswers(kb: KnowledgeBase, items: EvalItem[]): Promise<AnswerFigures> {
  const qa = createQaService({ retriever: kb.retriever, cards: kb.cards, answerLines: loadAnswerLines(), passageOf: statutePassageLookup(() => kb.passages()) });
  let gold = 0;
  let direct = 0;
  let unsure = 0;
  let named = 0;
  let namedOf = 0;
  const lengths: number[] = [];
  for (const item of items) {
    const answer = await qa.answer(item.question, { locale: 'zh-CN' });
    const firstTwo = new Set(answer.citations.slice(0, 2).map((c) => `${c.law}#${c.article}`));
    if ((item.articles ?? []).some((c) => firstTwo.has(`${c.law}#${c.article}`))) gold++;
    if (answer.direct) direct++;
    if (answer.confidence < DEFAULT_LOW_CONFIDENCE) unsure++;
    lengths.push(answer.text.length);
    if (item.mustMention || item.anyOf) {
      namedOf++;
      const all = (item.mustMention ?? []).every((word) => answer.text.includes(word));
      const any = (item.anyOf ?? []).every((group) => group.some((word) => answer.text.includes(word)));
      if (all && any) named++;
    }
  }
  const n = items.length;
  return {
    n,
    goldInFirstTwo: round(gold / n),
    medianChars: median(lengths),
    direct: round(direct / n),
    unsure: round(unsure / n),
    ...(namedOf > 0 ? { namesWhatIsNeeded: round(named / namedOf) } : {}),
  };
}

/** Run the answer benchmark; returns flat figures for bench/results.json. */
export async function benchAnswers(): Promise<Record<string, number>> {
  const sets: Array<[string, string]> = [
    ['colloquial', path.join(repoRoot, 'test/fixtures/colloquial_qa.jsonl')],
    ['blind', path.join(repoRoot, 'test/fixtures/colloquial_qa_blind.jsonl')],
    ['platform', path.join(repoRoot, 'test/fixtures/platform_qa.jsonl')],
    ['public', publicEvalFile()],
  ];
  const results: Record<string, number> = {};
  for (const statutes of [false, true]) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongyou-bench-answers-'));
    const kb = await openKnowledgeBase({ dataDir });
    try {
      if (statutes) await kb.import([corpusDir()]);
      for (const [name, file] of sets) {
        const figures = await measureAnswers(kb, await readSet(file));
        const prefix = `answers_${statutes ? 'statutes' : 'default'}_${name}`;
        for (const [key, value] of Object.entries(figures)) if (key !== 'n') results[`${prefix}_${key}`] = value;
      }
    } finally {
      await kb.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.table(await benchAnswers());
}
