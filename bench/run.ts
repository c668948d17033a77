/**
 * `npm run bench`: intake throughput/latency/memory, retrieval quality and
 * speed, and live reload of the knowledge base (`npm run bench -- intake`,
 * `-- retrieval`, `-- reload` or `-- answers` runs one part). Writes bench/results.json (numeric fields, plus
 * `runs`: the command and machine of each part), prints a table with the targets, and rewrites
 * the figures table in docs/benchmarks.md (bench/report.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAnswers } from './answers.js';
import { benchIntake } from './intake.js';
import { benchReload } from './reload.js';
import { benchRetrieval } from './retrieval.js';
import { TARGETS, currentMachine, writeReport, type BenchPart, type BenchResults, type BenchRun } from './report.js';

const only = process.argv.slice(2);
const results: Record<string, number> = {};
const parts = (['intake', 'retrieval', 'reload', 'answers'] as const).filter((part) => !only.length || only.includes(part));
const run: BenchRun = { command: only.length ? `npm run bench -- ${only.join(' ')}` : 'npm run bench', machine: currentMachine() };
// Intake first: its latency figure should not pay for the retrieval run's garbage.
if (!only.length || only.includes('intake')) Object.assign(results, await benchIntake());
if (!only.length || only.includes('retrieval')) Object.assign(results, await benchRetrieval());
if (!only.length || only.includes('reload')) Object.assign(results, await benchReload());
if (!only.length || only.includes('answers')) Object.assign(results, await benchAnswers());

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsFile = path.join(here, 'results.json');
// A partial run (`npm run bench -- intake`) updates its own figures and keeps the others.
let earlier: BenchResults = {};
try {
  earlier = only.length ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResults) : {};
} catch {
  earlier = {};
}
const runs: Partial<Record<BenchPart, BenchRun>> = { ...earlier.runs };
for (const part of parts) runs[part] = run;
writeFileSync(resultsFile, `${JSON.stringify({ ...earlier, ...results, runs }, null, 2)}\n`);
writeReport({ resultsFile });
const rows = Object.entries(results).map(([name, value]) => {
  const t = TARGETS[name];
  const ok = t ? (t.cmp === '>=' ? value >= t.value : value <= t.value) : undefined;
  return { figure: name, value, target: t ? `${t.cmp} ${t.value}` : '', met: ok === undefined ? '' : ok ? 'yes' : 'NO' };
});
console.table(rows);
