/**
 * Answer benchmark: what a worker reads, not what search ranks. For our colloquial sets (and the
 * public set), with the statutes imported and in the default run (none imported), it measures the share
 * of replies whose first two citations include a gold article, the share whose visible text names a gold
 * article, the median visible length, the share that open with a direct answer line and the unsure rate; on
 * the sets whose items name what a reply must say (`mustMention`, `anyOf`: the platform-worker, narrative
 * and forum sets), the share whose reply names
 * everything the question needs (e.g. 职业伤害保障 for an injured rider, 二倍 for a missing contract).
 * On the narrative and forum sets (long consultation posts, story first) with the statutes imported it also gives
 * the share with a gold article among the first five articles search ranks, as bench/retrieval.ts ranks them.
 * No LLM. `npm run bench -- answers`, or alone: `npx tsx bench/answers.ts [--set narrative …] [--replies file.jsonl]`
 * (`--set` runs only the sets named; `--replies` writes every reply with its checks, one JSON object a line).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Citation } from '../src/core/types.js';
import { loadAnswerLines, statutePassageLookup } from '../src/knowledge/answer-lines.js';
import { withUnit } from '../src/knowledge/citation-units.js';
import { formatCitation } from '../src/qa/citations.js';
import { openKnowledgeBase, type KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { DEFAULT_LOW_CONFIDENCE, createQaService } from '../src/qa/service.js';
import { corpusDir, publicEvalFile, recallOfItems } from './retrieval.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface EvalItem {
  question: string;
  articles?: Citation[];
  mustMention?: string[];
  anyOf?: string[][];
  platform?: boolean;
  topic?: string;
  /** Public set: `consultation` (people asking online), `scenario` or `judgment`. */
  type?: string;
}

/** A platform worker asking about an injury (platform set): the reply must name 职业伤害保障. */
const PROTECTION = '职业伤害保障';
const platformInjuryItem = (item: EvalItem): boolean => item.platform === true && item.topic === 'injury';

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
  /** The share of replies whose visible text names a gold article (《劳动合同法》第八十二条): the provision a worker reads. */
  goldNamed: number;
  medianChars: number;
  direct: number;
  unsure: number;
  namesWhatIsNeeded?: number;
  /** Platform set: of the replies to a platform worker's injury question, the share naming 职业伤害保障. */
  injuryNamesProtection?: number;
  /** Public set, its real consultation questions only: the share whose visible reply names a gold article. */
  consultationGoldNamed?: number;
  /** Statutes imported, narrative set: a gold article among the first five articles search ranks. */
  goldInTop5?: number;
}

/** One reply and how it fared, for reading the replies (`--replies`). */
export interface ReplyRecord {
  question: string;
  reply: string;
  citations: string[];
  gold: string[];
  goldInFirstTwo: boolean;
  goldNamed: boolean;
  /** Undefined when the item names nothing a reply must say. */
  namesWhatIsNeeded?: boolean;
  /** The words it had to name and did not. */
  missing: string[];
  direct?: string;
  card?: string;
  unsure: boolean;
}

const key = (c: Citation): string => `${c.law}#${c.article}`;

/** Answer every question of a set and measure the replies. */
export async function measureAnswers(kb: KnowledgeBase, items: EvalItem[], onReply?: (record: ReplyRecord) => void): Promise<AnswerFigures> {
  const qa = createQaService({ retriever: kb.retriever, cards: kb.cards, answerLines: loadAnswerLines(), passageOf: statutePassageLookup(() => kb.passages()) });
  let gold = 0;
  let goldNamed = 0;
  let consulted = 0;
  let consultedNamed = 0;
  let direct = 0;
  let unsure = 0;
  let named = 0;
  let namedOf = 0;
  let protection = 0;
  let injuries = 0;
  const lengths: number[] = [];
  for (const item of items) {
    const answer = await qa.answer(item.question, { locale: 'zh-CN' });
    const firstTwo = new Set(answer.citations.slice(0, 2).map(key));
    const goldHit = (item.articles ?? []).some((c) => firstTwo.has(key(c)));
    if (goldHit) gold++;
    const namesGold = (item.articles ?? []).some((c) => answer.text.includes(formatCitation(withUnit(c), 'zh-CN')));
    if (namesGold) goldNamed++;
    if (item.type === 'consultation') {
      consulted++;
      if (namesGold) consultedNamed++;
    }
    if (answer.direct) direct++;
    const isUnsure = answer.confidence < DEFAULT_LOW_CONFIDENCE;
    if (isUnsure) unsure++;
    lengths.push(answer.text.length);
    if (platformInjuryItem(item)) {
      injuries++;
      if (answer.text.includes(PROTECTION)) protection++;
    }
    let itemNamed: boolean | undefined;
    const missing = [
      ...(item.mustMention ?? []).filter((word) => !answer.text.includes(word)),
      ...(item.anyOf ?? []).filter((group) => !group.some((word) => answer.text.includes(word))).map((group) => group.join('|')),
    ];
    if (item.mustMention || item.anyOf) {
      namedOf++;
      itemNamed = missing.length === 0;
      if (itemNamed) named++;
    }
    onReply?.({
      question: item.question,
      reply: answer.text,
      citations: answer.citations.map(key),
      gold: (item.articles ?? []).map(key),
      goldInFirstTwo: goldHit,
      goldNamed: namesGold,
      ...(itemNamed === undefined ? {} : { namesWhatIsNeeded: itemNamed }),
      missing,
      ...(answer.direct ? { direct: `${answer.direct.law}#${answer.direct.article} ${answer.direct.kind}` } : {}),
      ...(answer.card ? { card: answer.card.id } : {}),
      unsure: isUnsure,
    });
  }
  const n = items.length;
  return {
    n,
    goldInFirstTwo: round(gold / n),
    goldNamed: round(goldNamed / n),
    ...(consulted > 0 ? { consultationGoldNamed: round(consultedNamed / consulted) } : {}),
    medianChars: median(lengths),
    direct: round(direct / n),
    unsure: round(unsure / n),
    ...(namedOf > 0 ? { namesWhatIsNeeded: round(named / namedOf) } : {}),
    ...(injuries > 0 ? { injuryNamesProtection: round(protection / injuries) } : {}),
  };
}

/** The sets of the answer benchmark, by name. */
export const ANSWER_SETS: ReadonlyArray<readonly [string, () => string]> = [
  ['colloquial', () => path.join(repoRoot, 'test/fixtures/colloquial_qa.jsonl')],
  ['blind', () => path.join(repoRoot, 'test/fixtures/colloquial_qa_blind.jsonl')],
  ['platform', () => path.join(repoRoot, 'test/fixtures/platform_qa.jsonl')],
  ['public', publicEvalFile],
  // Long consultation posts in our own words: story first, the question at the end or in the middle.
  ['narrative', () => path.join(repoRoot, 'test/fixtures/narrative_qa.jsonl')],
  // Forum-style posts (40) and platform workers' questions (20), written blind: by someone who read only
  // the statutes and the domain notes, never the cards, answer lines, lexicon or other sets. Measured, not
  // tuned on: its replies are not read to change the content.
  ['forum', () => path.join(repoRoot, 'test/fixtures/forum_qa.jsonl')],
];
/** The sets whose retrieval (gold article in the top five) is reported beside the replies. */
const RANKED_SETS = new Set(['narrative', 'forum']);

/** What to run: some sets only, and a file for every reply. */
export interface BenchAnswersOptions {
  sets?: string[];
  replies?: string;
}

/** Run the answer benchmark; returns flat figures for bench/results.json. */
export async function benchAnswers(options: BenchAnswersOptions = {}): Promise<Record<string, number>> {
  const unknown = (options.sets ?? []).filter((name) => !ANSWER_SETS.some(([known]) => known === name));
  if (unknown.length > 0) throw new Error(`unknown set ${unknown.join(', ')}; the sets are ${ANSWER_SETS.map(([name]) => name).join(', ')}`);
  const sets = ANSWER_SETS.filter(([name]) => !options.sets?.length || options.sets.includes(name));
  const results: Record<string, number> = {};
  const replies: string[] = [];
  for (const statutes of [false, true]) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongyou-bench-answers-'));
    const kb = await openKnowledgeBase({ dataDir });
    const run = statutes ? 'statutes' : 'default';
    try {
      if (statutes) await kb.import([corpusDir()]);
      for (const [name, file] of sets) {
        const items = await readSet(file());
        const record = options.replies ? (reply: ReplyRecord) => replies.push(JSON.stringify({ run, set: name, ...reply })) : undefined;
        const figures: AnswerFigures = await measureAnswers(kb, items, record);
        if (statutes && RANKED_SETS.has(name)) figures.goldInTop5 = round((await recallOfItems(kb, items.filter((item) => item.articles?.length).map((item) => ({ question: item.question, articles: item.articles ?? [] })))).r5);
        const prefix = `answers_${run}_${name}`;
        for (const [figure, value] of Object.entries(figures)) if (figure !== 'n') results[`${prefix}_${figure}`] = value;
      }
    } finally {
      await kb.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  if (options.replies) await writeFile(options.replies, replies.map((line) => `${line}\n`).join(''));
  return results;
}

/** `--set a --set b` (or `--set a,b`) and `--replies file`. */
function parseArgs(argv: string[]): BenchAnswersOptions {
  const options: BenchAnswersOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--set') options.sets = [...(options.sets ?? []), ...(argv[++i] ?? '').split(',').filter(Boolean)];
    else if (arg === '--replies') options.replies = argv[++i];
    else throw new Error(`unknown argument ${arg}; usage: npx tsx bench/answers.ts [--set name] [--replies file.jsonl]`);
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.table(await benchAnswers(parseArgs(process.argv.slice(2))));
}
