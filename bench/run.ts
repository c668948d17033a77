/**
 * `npm run bench`: intake throughput/latency/memory, retrieval quality and
 * speed, and live reload of the knowledge base (`npm run bench -- intake`,
 * `-- retrieval` or `-- reload` runs one part). Writes bench/results.json (one object of numeric fields) and prints
 * a table with the targets.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchIntake } from './intake.js';
import { benchReload } from './reload.js';
import { benchRetrieval } from './retrieval.js';

const TARGETS: Record<string, { cmp: '>=' | '<='; value: number }> = {
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
};

const only = process.argv.slice(2);
const results: Record<string, number> = {};
// Intake first: its latency figure should not pay for the retrieval run's garbage.
if (!only.length || only.includes('intake')) Object.assign(results, await benchIntake());
if (!only.length || only.includes('retrieval')) Object.assign(results, await benchRetrieval());
if (!only.length || only.includes('reload')) Object.assign(results, await benchReload());

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsFile = path.join(here, 'results.json');
// A partial run (`npm run bench -- intake`) updates its own figures and keeps the others.
let earlier: Record<string, number> = {};
try {
  earlier = only.length ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, number>) : {};
} catch {
  earlier = {};
}
writeFileSync(resultsFile, `${JSON.stringify({ ...earlier, ...results }, null, 2)}\n`);
const rows = Object.entries(results).map(([name, value]) => {
  const t = TARGETS[name];
  const ok = t ? (t.cmp === '>=' ? value >= t.value : value <= t.value) : undefined;
  return { figure: name, value, target: t ? `${t.cmp} ${t.value}` : '', met: ok === undefined ? '' : ok ? 'yes' : 'NO' };
});
console.table(rows);
