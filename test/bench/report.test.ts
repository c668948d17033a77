import { describe, expect, it } from 'vitest';
import { BEGIN, END, renderTable, replaceTable, type BenchResults } from '../../bench/report.js';

const machine = { cores: 2, memoryGiB: 24, node: '20.20', os: 'Debian' };

const results: BenchResults = {
  intakeTurnsPerSec: 4836.4,
  latencyRateTurnsPerSec: 1000,
  turnP50Ms: 0.16,
  turnP99Ms: 21.5,
  retrievalPublicN: 269,
  retrievalPublicR5: 0.6617,
  retrievalPublicMrr10: 0.5423,
  importMs: 2307.1,
  importedDocuments: 28,
  passages: 2539,
  runs: {
    intake: { command: 'npm run bench -- intake', machine },
    retrieval: { command: 'npm run bench', machine: { ...machine, cores: 4 } },
  },
};

describe('bench report', () => {
  const table = renderTable(results);
  const rows = table.split('\n');

  it('has one header, one separator and one row per complete figure', () => {
    expect(rows[0]).toBe('| metric | value | target | met | command | machine |');
    expect(rows[1]).toBe('|---|---|---|---|---|---|');
    // throughput, latency, public R@5/MRR@10, import; rows whose figures are missing are left out
    expect(rows).toHaveLength(6);
    expect(table).not.toContain('RSS');
    expect(table).not.toContain('R@1 / R@10');
  });

  it('formats values, fills labels and names the target, command and machine of each part', () => {
    expect(rows[2]).toBe(
      '| intake turns per second (web channel + embedded store, 64 concurrent conversations) | 4,836 | ≥ 2,000 | yes | `npm run bench -- intake` | 2 cores, 24 GiB, Node 20.20, Debian |',
    );
    expect(rows[3]).toBe(
      '| turn latency p50 / p99 at 1,000 turns/s, open loop | 0.16 ms / 21.5 ms | p99 ≤ 20 ms | **no** | `npm run bench -- intake` | 2 cores, 24 GiB, Node 20.20, Debian |',
    );
    expect(rows[4]).toBe(
      '| retrieval R@5 / MRR@10, public set `../shared/eval/labor_qa.jsonl` (269 questions, no LLM) | 0.662 / 0.542 | R@5 ≥ 0.75, MRR@10 ≥ 0.6 | **no** | `npm run bench` | 4 cores, 24 GiB, Node 20.20, Debian |',
    );
    expect(rows[5]).toBe(
      '| import of the whole corpus (28 documents, 2,539 passages) | 2.3 s | ≤ 5.0 s | yes | `npm run bench` | 4 cores, 24 GiB, Node 20.20, Debian |',
    );
  });

  it('marks a row as not met when any of its targets is missed', () => {
    const mixed = renderTable({ retrievalPublicN: 10, retrievalPublicR5: 0.8, retrievalPublicMrr10: 0.5 });
    expect(mixed.split('\n')[2]).toContain('| 0.800 / 0.500 | R@5 ≥ 0.75, MRR@10 ≥ 0.6 | **no** |');
    const met = renderTable({ retrievalPublicN: 10, retrievalPublicR5: 0.8, retrievalPublicMrr10: 0.6 });
    expect(met.split('\n')[2]).toContain('| 0.800 / 0.600 | R@5 ≥ 0.75, MRR@10 ≥ 0.6 | yes |');
  });

  it('says so when a part has no recorded run', () => {
    const { runs: _runs, ...bare } = results;
    expect(renderTable(bare).split('\n')[2]).toMatch(/\| unknown \| unknown \|$/);
  });

  it('replaces only what lies between the markers', () => {
    const doc = `# Benchmarks\n\nintro\n\n${BEGIN}\n| old | table |\n${END}\n\nafter\n`;
    const out = replaceTable(doc, table);
    expect(out).toBe(`# Benchmarks\n\nintro\n\n${BEGIN}\n${table}\n${END}\n\nafter\n`);
    expect(replaceTable(out, table)).toBe(out);
  });

  it('refuses a document without the markers', () => {
    expect(() => replaceTable('# Benchmarks\n', table)).toThrow(/bench:begin/);
    expect(() => replaceTable(`${END}\n${BEGIN}\n`, table)).toThrow();
  });
});
