/**
 * The figures table of docs/benchmarks.md, generated from bench/results.json so that the
 * documentation and the measurements cannot drift apart. `npm run bench` calls it after writing
 * results.json; run it alone with `npx tsx bench/report.ts`. It rewrites only the lines between
 * `<!-- bench:begin -->` and `<!-- bench:end -->`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The parts of the benchmark; `npm run bench -- <part>` runs one. */
export type BenchPart = 'intake' | 'retrieval' | 'reload' | 'answers';

/** The machine a part ran on. */
export interface Machine {
  cores: number;
  memoryGiB: number;
  /** Node's major.minor version, e.g. `20.20`. */
  node: string;
  /** The operating system's name, e.g. `Debian`. */
  os: string;
}

/** How one part's figures were produced. */
export interface BenchRun {
  command: string;
  machine: Machine;
}

/** bench/results.json: numeric figures by name, plus how each part was run. */
export interface BenchResults {
  [figure: string]: unknown;
  runs?: Partial<Record<BenchPart, BenchRun>>;
}

/** A figure of the results, when it is there and a number. */
function figure(results: BenchResults, name: string): number | undefined {
  const value = results[name];
  return typeof value === 'number' ? value : undefined;
}

/** A target a figure must meet. */
export interface Target {
  cmp: '>=' | '<=';
  value: number;
}

/** Targets by figure name (`npm run bench` prints whether each is met). */
export const TARGETS: Record<string, Target> = {
  intakeTurnsPerSec: { cmp: '>=', value: 2000 },
  turnP99Ms: { cmp: '<=', value: 20 },
  rssMb: { cmp: '<=', value: 200 },
  rssWithCorpusMb: { cmp: '<=', value: 200 },
  retrievalPublicR5: { cmp: '>=', value: 0.75 },
  retrievalPublicMrr10: { cmp: '>=', value: 0.6 },
  retrievalColloquialR5: { cmp: '>=', value: 0.9 },
  retrievalBlindR5: { cmp: '>=', value: 0.9 },
  searchP95Ms: { cmp: '<=', value: 5 },
  importMs: { cmp: '<=', value: 5000 },
  indexLoadMs: { cmp: '<=', value: 500 },
  answers_statutes_colloquial_goldInFirstTwo: { cmp: '>=', value: 0.9 },
  answers_statutes_blind_goldInFirstTwo: { cmp: '>=', value: 0.9 },
  answers_default_colloquial_goldInFirstTwo: { cmp: '>=', value: 0.8 },
  answers_default_blind_goldInFirstTwo: { cmp: '>=', value: 0.8 },
  answers_statutes_public_medianChars: { cmp: '<=', value: 450 },
  answers_statutes_platform_injuryNamesProtection: { cmp: '>=', value: 1 },
  answers_default_platform_injuryNamesProtection: { cmp: '>=', value: 1 },
  // The maintainers' targets on real consultation-forum questions, checked here on our narrative proxy set.
  answers_statutes_narrative_goldInTop5: { cmp: '>=', value: 0.8 },
  answers_statutes_narrative_namesWhatIsNeeded: { cmp: '>=', value: 0.55 },
  answers_statutes_narrative_medianChars: { cmp: '<=', value: 450 },
  answers_statutes_forum_goldInTop5: { cmp: '>=', value: 0.8 },
  answers_statutes_forum_goldNamed: { cmp: '>=', value: 0.55 },
  answers_statutes_forum_medianChars: { cmp: '<=', value: 450 },
  answers_statutes_forum_injuryNamesProtection: { cmp: '>=', value: 1 },
  answers_default_forum_injuryNamesProtection: { cmp: '>=', value: 1 },
};

/** Which part of the benchmark produces which figure. */
export const PART_OF: Record<string, BenchPart> = {
  intakeTurnsPerSec: 'intake',
  latencyRateTurnsPerSec: 'intake',
  turnP50Ms: 'intake',
  turnP99Ms: 'intake',
  conversationsInProgress: 'intake',
  rssMb: 'intake',
  rssWithCorpusMb: 'intake',
  reloadKbHeapMb: 'reload',
  reloadRssAtRestMb: 'reload',
  reloadRssAfterSwitchesMb: 'reload',
  reloadSwitches: 'reload',
  reloadSwitchMsMedian: 'reload',
  reloadSwitchMsMax: 'reload',
  reloadLowMemoryWaits: 'reload',
};

/** The part a figure belongs to (figures not listed come from the retrieval part). */
export function partOf(name: string): BenchPart {
  if (name.startsWith('answers_')) return 'answers';
  return PART_OF[name] ?? 'retrieval';
}

type Format = (value: number) => string;
const int: Format = (v) => Math.round(v).toLocaleString('en-US');
const ms: Format = (v) => `${Number(v.toFixed(2))} ms`;
const mb: Format = (v) => `${Number(v.toFixed(1))} MB`;
const ratio: Format = (v) => v.toFixed(3);
const seconds: Format = (v) => `${(v / 1000).toFixed(1)} s`;

/** One table row: a label (with `{name}` filled from results), the figures it shows, their format. */
interface Row {
  label: string;
  keys: string[];
  format: Format;
}

const ROWS: Row[] = [
  { label: 'intake turns per second (web channel + embedded store, 64 concurrent conversations)', keys: ['intakeTurnsPerSec'], format: int },
  { label: 'turn latency p50 / p99 at {latencyRateTurnsPerSec} turns/s, open loop', keys: ['turnP50Ms', 'turnP99Ms'], format: ms },
  { label: 'peak RSS of the server with {conversationsInProgress} conversations in progress', keys: ['rssMb'], format: mb },
  { label: 'the same with the whole statute corpus imported', keys: ['rssWithCorpusMb'], format: mb },
  { label: 'retrieval R@5 / MRR@10, public set `../shared/eval/labor_qa.jsonl` ({retrievalPublicN} questions, no LLM)', keys: ['retrievalPublicR5', 'retrievalPublicMrr10'], format: ratio },
  { label: 'retrieval R@1 / R@10, public set', keys: ['retrievalPublicR1', 'retrievalPublicR10'], format: ratio },
  { label: 'retrieval R@5 / MRR@10, the public set\'s real consultation questions ({retrievalConsultationN}, `"type": "consultation"`: people asking online)', keys: ['retrievalConsultationR5', 'retrievalConsultationMrr10'], format: ratio },
  { label: 'retrieval R@5 / MRR@10, public set, dev half', keys: ['retrievalPublicDevR5', 'retrievalPublicDevMrr10'], format: ratio },
  { label: 'retrieval R@5 / MRR@10, public set, held-out half', keys: ['retrievalPublicHeldR5', 'retrievalPublicHeldMrr10'], format: ratio },
  { label: 'retrieval R@5 / MRR@10, colloquial set `test/fixtures/colloquial_qa.jsonl` ({retrievalColloquialN} questions)', keys: ['retrievalColloquialR5', 'retrievalColloquialMrr10'], format: ratio },
  { label: 'retrieval R@5 / MRR@10, blind colloquial set `test/fixtures/colloquial_qa_blind.jsonl` ({retrievalBlindN} questions)', keys: ['retrievalBlindR5', 'retrievalBlindMrr10'], format: ratio },
  { label: 'search p50 / p95', keys: ['searchP50Ms', 'searchP95Ms'], format: ms },
  { label: 'import of the whole corpus ({importedDocuments} documents, {passages} passages)', keys: ['importMs'], format: seconds },
  { label: 'index ready at start (snapshot, dictionary, classifier, versions in force)', keys: ['indexLoadMs'], format: ms },
  { label: 'live switch to a new knowledge base version, median / max over {reloadSwitches} switches', keys: ['reloadSwitchMsMedian', 'reloadSwitchMsMax'], format: ms },
  { label: 'server RSS at rest / after the switches', keys: ['reloadRssAtRestMb', 'reloadRssAfterSwitchesMb'], format: mb },
  { label: 'heap held by one open copy of the knowledge base', keys: ['reloadKbHeapMb'], format: mb },
  { label: 'switches that waited for memory', keys: ['reloadLowMemoryWaits'], format: int },
  { label: 'replies (statutes imported), colloquial set: a gold article among the first two citations / share opening with a direct answer / unsure rate', keys: ['answers_statutes_colloquial_goldInFirstTwo', 'answers_statutes_colloquial_direct', 'answers_statutes_colloquial_unsure'], format: ratio },
  { label: 'replies (statutes imported), colloquial set: median visible length (characters)', keys: ['answers_statutes_colloquial_medianChars'], format: int },
  { label: 'replies (statutes imported), blind colloquial set: a gold article among the first two citations / share opening with a direct answer / unsure rate', keys: ['answers_statutes_blind_goldInFirstTwo', 'answers_statutes_blind_direct', 'answers_statutes_blind_unsure'], format: ratio },
  { label: 'replies (statutes imported), blind colloquial set: median visible length (characters)', keys: ['answers_statutes_blind_medianChars'], format: int },
  { label: 'replies (statutes imported), public set: a gold article among the first two citations / share opening with a direct answer / unsure rate', keys: ['answers_statutes_public_goldInFirstTwo', 'answers_statutes_public_direct', 'answers_statutes_public_unsure'], format: ratio },
  { label: 'replies (statutes imported), public set: median visible length (characters)', keys: ['answers_statutes_public_medianChars'], format: int },
  { label: 'replies (statutes imported), public set: the visible reply names a gold article (all / its real consultation questions)', keys: ['answers_statutes_public_goldNamed', 'answers_statutes_public_consultationGoldNamed'], format: ratio },
  { label: 'replies (statutes imported), platform-worker set `test/fixtures/platform_qa.jsonl`: a gold article among the first two citations / share opening with a direct answer / unsure rate', keys: ['answers_statutes_platform_goldInFirstTwo', 'answers_statutes_platform_direct', 'answers_statutes_platform_unsure'], format: ratio },
  { label: 'replies (statutes imported), platform-worker set `test/fixtures/platform_qa.jsonl`: median visible length (characters)', keys: ['answers_statutes_platform_medianChars'], format: int },
  { label: 'replies (statutes imported), platform-worker set: share naming everything the question needs (the words each item lists)', keys: ['answers_statutes_platform_namesWhatIsNeeded'], format: ratio },
  { label: 'replies (statutes imported), platform-worker set: injury questions whose reply names 职业伤害保障', keys: ['answers_statutes_platform_injuryNamesProtection'], format: ratio },
  { label: 'replies (statutes imported), narrative set `test/fixtures/narrative_qa.jsonl` (long consultation posts): a gold article among the first five articles search ranks', keys: ['answers_statutes_narrative_goldInTop5'], format: ratio },
  { label: 'replies (statutes imported), narrative set: a gold article among the first two citations / share opening with a direct answer / unsure rate', keys: ['answers_statutes_narrative_goldInFirstTwo', 'answers_statutes_narrative_direct', 'answers_statutes_narrative_unsure'], format: ratio },
  { label: 'replies (statutes imported), narrative set: median visible length (characters)', keys: ['answers_statutes_narrative_medianChars'], format: int },
  { label: 'replies (statutes imported), narrative set: share naming what answers the question (every `mustMention`, one word of each `anyOf` group)', keys: ['answers_statutes_narrative_namesWhatIsNeeded'], format: ratio },
  { label: 'replies (statutes imported), forum set `test/fixtures/forum_qa.jsonl` (60 posts written blind, never tuned on): a gold article among the first five articles search ranks', keys: ['answers_statutes_forum_goldInTop5'], format: ratio },
  { label: 'replies (statutes imported), forum set: the visible reply names a gold article (the provision that answers)', keys: ['answers_statutes_forum_goldNamed'], format: ratio },
  { label: 'replies (statutes imported), forum set: share naming every word the question needs (strict single words)', keys: ['answers_statutes_forum_namesWhatIsNeeded'], format: ratio },
  { label: 'replies (statutes imported), forum set: median visible length (characters)', keys: ['answers_statutes_forum_medianChars'], format: int },
  { label: 'replies (statutes imported), forum set: platform-worker injury questions whose reply names 职业伤害保障', keys: ['answers_statutes_forum_injuryNamesProtection'], format: ratio },
  { label: 'replies (default run, nothing imported), colloquial set: a gold article among the first two citations / share opening with a direct answer / unsure rate', keys: ['answers_default_colloquial_goldInFirstTwo', 'answers_default_colloquial_direct', 'answers_default_colloquial_unsure'], format: ratio },
  { label: 'replies (default run, nothing imported), colloquial set: median visible length (characters)', keys: ['answers_default_colloquial_medianChars'], format: int },
  { label: 'replies (default run, nothing imported), blind colloquial set: a gold article among the first two citations / share opening with a direct answer / unsure rate', keys: ['answers_default_blind_goldInFirstTwo', 'answers_default_blind_direct', 'answers_default_blind_unsure'], format: ratio },
  { label: 'replies (default run, nothing imported), blind colloquial set: median visible length (characters)', keys: ['answers_default_blind_medianChars'], format: int },
  { label: 'replies (default run, nothing imported), public set: a gold article among the first two citations / share opening with a direct answer / unsure rate', keys: ['answers_default_public_goldInFirstTwo', 'answers_default_public_direct', 'answers_default_public_unsure'], format: ratio },
  { label: 'replies (default run, nothing imported), public set: median visible length (characters)', keys: ['answers_default_public_medianChars'], format: int },
  { label: 'replies (default run, nothing imported), public set: the visible reply names a gold article (all / its real consultation questions)', keys: ['answers_default_public_goldNamed', 'answers_default_public_consultationGoldNamed'], format: ratio },
  { label: 'replies (default run, nothing imported), platform-worker set `test/fixtures/platform_qa.jsonl`: a gold article among the first two citations / share opening with a direct answer / unsure rate', keys: ['answers_default_platform_goldInFirstTwo', 'answers_default_platform_direct', 'answers_default_platform_unsure'], format: ratio },
  { label: 'replies (default run, nothing imported), platform-worker set `test/fixtures/platform_qa.jsonl`: median visible length (characters)', keys: ['answers_default_platform_medianChars'], format: int },
  { label: 'replies (default run, nothing imported), platform-worker set: share naming everything the question needs (the words each item lists)', keys: ['answers_default_platform_namesWhatIsNeeded'], format: ratio },
  { label: 'replies (default run, nothing imported), platform-worker set: injury questions whose reply names 职业伤害保障', keys: ['answers_default_platform_injuryNamesProtection'], format: ratio },
  { label: 'replies (default run, nothing imported), narrative set `test/fixtures/narrative_qa.jsonl`: a gold article among the first two citations / share opening with a direct answer / unsure rate', keys: ['answers_default_narrative_goldInFirstTwo', 'answers_default_narrative_direct', 'answers_default_narrative_unsure'], format: ratio },
  { label: 'replies (default run, nothing imported), narrative set: median visible length (characters)', keys: ['answers_default_narrative_medianChars'], format: int },
  { label: 'replies (default run, nothing imported), narrative set: share naming what answers the question (every `mustMention`, one word of each `anyOf` group)', keys: ['answers_default_narrative_namesWhatIsNeeded'], format: ratio },
  { label: 'replies (default run, nothing imported), forum set: the visible reply names a gold article / names what answers the question', keys: ['answers_default_forum_goldNamed', 'answers_default_forum_namesWhatIsNeeded'], format: ratio },
  { label: 'replies (default run, nothing imported), forum set: median visible length (characters)', keys: ['answers_default_forum_medianChars'], format: int },
  { label: 'replies (default run, nothing imported), forum set: platform-worker injury questions whose reply names 职业伤害保障', keys: ['answers_default_forum_injuryNamesProtection'], format: ratio },
];

/** `2 cores, 24 GiB, Node 20.20, Debian`. */
export function describeMachine(machine: Machine): string {
  return `${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os}`;
}

/** The machine this process runs on. */
export function currentMachine(): Machine {
  let name = os.type();
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const match = /^NAME="?([^"\n]+)"?$/m.exec(release);
    if (match) name = match[1].split(' ')[0];
  } catch {
    // not Linux: the kernel's name will do
  }
  const [major, minor] = process.versions.node.split('.');
  return { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: `${major}.${minor}`, os: name };
}

function describeTarget(keys: string[]): string {
  const parts: string[] = [];
  for (const key of keys) {
    const t = TARGETS[key];
    if (!t) continue;
    parts.push(`${keys.length > 1 ? `${targetName(key)} ` : ''}${t.cmp === '>=' ? '≥' : '≤'} ${formatTarget(key, t.value)}`);
  }
  return parts.join(', ') || 'none';
}

function targetName(key: string): string {
  if (/Mrr10$/.test(key)) return 'MRR@10';
  if (/R5$/.test(key)) return 'R@5';
  if (/P99Ms$/.test(key)) return 'p99';
  if (/P95Ms$/.test(key)) return 'p95';
  return key;
}

function formatTarget(key: string, value: number): string {
  const row = ROWS.find((r) => r.keys.includes(key));
  return row && row.format !== ratio ? row.format(value) : String(value);
}

function meets(key: string, value: number): boolean | undefined {
  const t = TARGETS[key];
  if (!t) return undefined;
  return t.cmp === '>=' ? value >= t.value : value <= t.value;
}

function fill(label: string, results: BenchResults): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = figure(results, name);
    return value === undefined ? whole : int(value);
  });
}

function commandOf(results: BenchResults, part: BenchPart): { command: string; machine: string } {
  const run = results.runs?.[part];
  return { command: run ? `\`${run.command}\`` : 'unknown', machine: run ? describeMachine(run.machine) : 'unknown' };
}

/**
 * The Markdown table of figures: metric, value, target, whether it is met, the command that
 * produced it and the machine. Rows whose figures are missing from `results` are left out.
 */
export function renderTable(results: BenchResults): string {
  const lines = ['| metric | value | target | met | command | machine |', '|---|---|---|---|---|---|'];
  for (const row of ROWS) {
    const values = row.keys.map((key) => figure(results, key));
    if (values.some((v) => v === undefined)) continue;
    const value = values.map((v) => row.format(v!)).join(' / ');
    const target = describeTarget(row.keys);
    const verdicts = row.keys.map((key, i) => meets(key, values[i]!)).filter((v): v is boolean => v !== undefined);
    const met = verdicts.length === 0 ? '' : verdicts.every(Boolean) ? 'yes' : '**no**';
    const { command, machine } = commandOf(results, partOf(row.keys[0]));
    lines.push(`| ${fill(row.label, results)} | ${value} | ${target} | ${met} | ${command} | ${machine} |`);
  }
  return lines.join('\n');
}

/** Markers around the generated table in docs/benchmarks.md. */
export const BEGIN = '<!-- bench:begin -->';
export const END = '<!-- bench:end -->';

/** Replace what lies between the markers with `table`; throws when the markers are missing or out of order. */
export function replaceTable(document: string, table: string): string {
  const begin = document.indexOf(BEGIN);
  const end = document.indexOf(END);
  if (begin < 0 || end < 0 || end < begin) throw new Error(`docs/benchmarks.md must contain ${BEGIN} followed by ${END}`);
  return `${document.slice(0, begin + BEGIN.length)}\n${table}\n${document.slice(end)}`;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Read bench/results.json and rewrite the table in docs/benchmarks.md. Returns the table. */
export function writeReport(options: { resultsFile?: string; docFile?: string } = {}): string {
  const resultsFile = options.resultsFile ?? path.join(repoRoot, 'bench', 'results.json');
  const docFile = options.docFile ?? path.join(repoRoot, 'docs', 'benchmarks.md');
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResults;
  const table = renderTable(results);
  writeFileSync(docFile, replaceTable(readFileSync(docFile, 'utf8'), table));
  return table;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeReport();
  console.log('docs/benchmarks.md: figures table rewritten from bench/results.json');
}
