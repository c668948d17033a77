/**
 * Intake benchmark through the web channel and the embedded store:
 * - sustained intake turns per second, closed loop, 64 concurrent conversations;
 * - p50/p99 turn latency in an open loop at 1,000 turns/s (half the 2,000 turns/s target);
 * - peak RSS with 10,000 conversations in progress.
 * Throughput and latency send requests through the real Hono app in-process
 * (no sockets): the figures include routing, validation, the bot pipeline and
 * the SQLite writes, but not the kernel's TCP stack, and the load generator
 * shares the process. Memory is measured on the real server as `npm start`
 * runs it (a child process driven over HTTP), so only the server is counted.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { createGongyou, type Gongyou } from '../src/app/app.js';
import { openKnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { corpusDir } from './retrieval.js';

/** Open-loop rate for the latency figure: half the 2,000 turns/s target. */
const LATENCY_RATE = 1000;

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

/** Each bench user's web chat credential cookie (`name=value`), as their browser would keep it. */
const cookies = new Map<string, string>();
/** Keep the credential cookie a response set for `userId`. */
function keepCookie(userId: string, setCookie: string | string[] | undefined): void {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (first) cookies.set(userId, first.split(';')[0]);
}

export async function post(g: Gongyou, userId: string, text: string): Promise<number> {
  const started = performance.now();
  const body = JSON.stringify({ userId, text });
  const cookie = cookies.get(userId);
  // Browsers and HTTP clients always send Content-Length with a JSON body; so does the bench.
  const res = await g.app.request('/api/web/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...(cookie ? { cookie } : {}) },
    body,
  });
  keepCookie(userId, res.headers.getSetCookie());
  if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  return performance.now() - started;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Closed loop: `concurrency` conversations each sending its next turn as soon as the last is answered. */
export async function throughput(g: Gongyou, concurrency: number, seconds: number): Promise<number> {
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
export async function latencyAtRate(g: Gongyou, rate: number, seconds: number): Promise<{ p50: number; p99: number }> {
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
    const n = step[c]++;
    const text = SCRIPT[n % SCRIPT.length];
    // each pass through the script is a new conversation (fixed now, not when the turn runs)
    const user = `lat-${c}-${Math.floor(n / SCRIPT.length)}`;
    const scheduled = due;
    chains[c] = chains[c].then(async () => {
      await post(g, user, text);
      latencies.push(performance.now() - scheduled);
    });
    pending.push(chains[c]);
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** The V8 flags `npm start` runs the server with (see package.json "start"). */
export const START_FLAGS = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .filter((arg) => arg.startsWith('--'));

/** Peak resident set (VmHWM) of a process, in MB, from /proc. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * Memory: the real server as `npm start` runs it (a child process, embedded
 * store), driven over HTTP from this process, with `conversations` intakes
 * left in progress. Reports the server's peak RSS (VmHWM), so the load
 * generator's own memory is not counted.
 */
export async function memory(conversations: number, nodeArgs: string[] = START_FLAGS, options: { corpus?: boolean } = {}): Promise<{ peakMb: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongyou-bench-mem-'));
  if (options.corpus) {
    // As a union runs it: the whole statute corpus imported (the default run answers from cards alone).
    const kb = await openKnowledgeBase({ dataDir: dir });
    await kb.import([corpusDir()]);
    await kb.close();
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, ['bin/build.mjs'], { cwd: root, stdio: 'inherit' });
  const child = spawn(process.execPath, [...nodeArgs, 'dist/src/main.js'], {
    cwd: root,
    // every bench user comes from 127.0.0.1: the per-address limit would stop the bench, not measure it
    env: { ...process.env, GONGYOU_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', WEB_ADDRESS_RATE_LIMIT_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let buf = '';
      child.stdout!.on('data', (c: Buffer) => {
        buf += c;
        const m = /"port":(\d+)[^\n]*Gongyou is listening/.exec(buf);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', () => reject(new Error(`server exited: ${buf}`)));
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    const send = (userId: string, text: string) =>
      new Promise<void>((resolve, reject) => {
        const body = JSON.stringify({ userId, text });
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/web/messages',
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(cookies.has(userId) ? { cookie: cookies.get(userId)! } : {}) },
          },
          (res) => {
            keepCookie(userId, res.headers['set-cookie']);
            res.resume();
            res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const batch = 64;
    for (let i = 0; i < conversations; i += batch) {
      await Promise.all(
        Array.from({ length: Math.min(batch, conversations - i) }, async (_, j) => {
          const user = `mem-${i + j}`;
          for (const text of SCRIPT.slice(0, 3)) await send(user, text);
        }),
      );
    }
    agent.destroy();
    return { peakMb: peakRssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Run the intake benchmark; returns named figures. */
export async function benchIntake(options: { seconds?: number; conversations?: number } = {}): Promise<Record<string, number>> {
  const seconds = options.seconds ?? 10;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongyou-bench-'));
  const config = loadConfig({ GONGYOU_DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const g = await createGongyou(config);
  let closed = false;
  try {
    for (let i = 0; i < 50; i++) await post(g, `warm-${i}`, SCRIPT[i % SCRIPT.length]);
    const turnsPerSec = await throughput(g, 64, seconds);
    const half = LATENCY_RATE;
    const { p50, p99 } = await latencyAtRate(g, half, seconds);
    await g.close();
    closed = true;
    const mem = await memory(options.conversations ?? 10_000);
    const memWithCorpus = await memory(options.conversations ?? 10_000, START_FLAGS, { corpus: true });
    return {
      intakeTurnsPerSec: Math.round(turnsPerSec),
      latencyRateTurnsPerSec: half,
      turnP50Ms: Number(p50.toFixed(2)),
      turnP99Ms: Number(p99.toFixed(2)),
      conversationsInProgress: options.conversations ?? 10_000,
      rssMb: Math.round(mem.peakMb),
      rssWithCorpusMb: Math.round(memWithCorpus.peakMb),
    };
  } finally {
    if (!closed) await g.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
