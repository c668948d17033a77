/**
 * Intake benchmark through the web channel and the embedded store:
 * sustained turns per second with many concurrent conversations, p50/p99
 * latency at half that rate (open loop), and peak RSS with 10,000
 * conversations in progress. Requests go through the real Hono app
 * in-process (no sockets), so the figures include routing, validation, the
 * bot pipeline and SQLite writes, but not the kernel's TCP stack.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { createGongyou, type Gongyou } from '../src/app.js';

/** A wage intake as a rider would type it, one message per turn. */
const SCRIPT = [
  '站长两个月没给我结工资了',
  '是',
  '美团 朝阳站',
  '北京朝阳',
  '三千五',
  '就我一个',
  '还在干',
  '有聊天记录和转账截图',
  '不留',
  '确认',
];

async function post(g: Gongyou, userId: string, text: string): Promise<number> {
  const started = performance.now();
  const res = await g.app.request('/api/web/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, text }),
  });
  if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  return performance.now() - started;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Closed loop: `concurrency` conversations each sending its next turn as soon as the last is answered. */
async function throughput(g: Gongyou, concurrency: number, seconds: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let turns = 0;
  let conv = 0;
  async function worker(): Promise<void> {
    while (performance.now() < deadline) {
      const user = `tp-${conv++}`;
      for (const text of SCRIPT) {
        if (performance.now() >= deadline) return;
        await post(g, user, text);
        turns++;
      }
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return turns / ((performance.now() - started) / 1000);
}

/** Open loop at a fixed rate: latency of each turn from its scheduled start. */
async function latencyAtRate(g: Gongyou, rate: number, seconds: number): Promise<{ p50: number; p99: number }> {
  const total = Math.floor(rate * seconds);
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const convs = 500;
  const step = new Array<number>(convs).fill(0);
  const chains = new Array<Promise<void>>(convs).fill(Promise.resolve());
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const c = i % convs;
    const text = SCRIPT[step[c]++ % SCRIPT.length];
    const scheduled = due;
    chains[c] = chains[c].then(async () => {
      await post(g, `lat-${c}-${Math.floor(step[c] / SCRIPT.length)}`, text);
      latencies.push(performance.now() - scheduled);
    });
    pending.push(chains[c]);
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Start 10,000 intakes and leave them in progress; report peak RSS. */
async function memory(g: Gongyou, conversations: number): Promise<number> {
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const batch = 200;
  for (let i = 0; i < conversations; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, conversations - i) }, async (_, j) => {
        const user = `mem-${i + j}`;
        await post(g, user, SCRIPT[0]);
        await post(g, user, SCRIPT[1]);
        await post(g, user, SCRIPT[2]);
      }),
    );
  }
  global.gc?.();
  clearInterval(sample);
  return Math.max(peak, process.memoryUsage().rss) / 1024 / 1024;
}

/** Run the intake benchmark; returns named figures. */
export async function benchIntake(options: { seconds?: number; conversations?: number } = {}): Promise<Record<string, number>> {
  const seconds = options.seconds ?? 10;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongyou-bench-'));
  const config = loadConfig({ GONGYOU_DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const g = await createGongyou(config);
  try {
    for (let i = 0; i < 50; i++) await post(g, `warm-${i}`, SCRIPT[i % SCRIPT.length]);
    const turnsPerSec = await throughput(g, 64, seconds);
    const half = Math.max(1, Math.floor(turnsPerSec / 2));
    const { p50, p99 } = await latencyAtRate(g, half, seconds);
    const rssMb = await memory(g, options.conversations ?? 10_000);
    return {
      intakeTurnsPerSec: Math.round(turnsPerSec),
      latencyRateTurnsPerSec: half,
      turnP50Ms: Number(p50.toFixed(2)),
      turnP99Ms: Number(p99.toFixed(2)),
      conversationsInProgress: options.conversations ?? 10_000,
      rssMb: Math.round(rssMb),
    };
  } finally {
    await g.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
