/**
 * Live reload benchmark (src/kb/live.ts), with the whole corpus imported:
 * - heap one open knowledge base takes (in this process, after a full collection);
 * - the real server as `npm start` runs it: RSS at rest, RSS after `SWITCHES` switches in a row
 *   (an admin lexicon rewritten each time), how long each switch took (from the server's log),
 *   and how many times the heap guard made a switch wait.
 * Run alone with `npx tsx bench/reload.ts`; bench/run.ts calls `benchReload()`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { openKnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { START_FLAGS } from './intake.js';
import { corpusDir } from './retrieval.js';

const SWITCHES = 12;
const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

/** Resident set now (VmRSS) of a process, in bytes. */
function rss(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
}

/** Heap of one open knowledge base: used heap after a full collection, before and after opening. */
async function heapPerCopy(dataDir: string): Promise<number> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kb = await openKnowledgeBase({ dataDir });
  gc();
  const after = process.memoryUsage().heapUsed;
  await kb.close();
  return after - before;
}

/** Run the reload benchmark and return its figures. */
export async function benchReload(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongyou-bench-reload-'));
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const importer = await openKnowledgeBase({ dataDir });
    await importer.import([corpusDir()]);
    await importer.close();
    const kbHeap = await heapPerCopy(dataDir);
    execFileSync(process.execPath, ['bin/build.mjs'], { cwd: root, stdio: 'inherit' });
    const child = spawn(process.execPath, [...START_FLAGS, 'dist/src/main.js'], {
      cwd: root,
      env: { ...process.env, GONGYOU_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', KB_RELOAD_SECONDS: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let log = '';
    child.stdout!.on('data', (chunk: Buffer) => (log += chunk));
    const waitFor = async (test: () => boolean, what: string): Promise<void> => {
      const deadline = Date.now() + 30_000;
      while (!test()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${log.slice(-500)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const count = (pattern: RegExp): number => log.split('\n').filter((line) => pattern.test(line)).length;
    try {
      await waitFor(() => /Gongyou is listening/.test(log), 'the server');
      const atRest = rss(child.pid!);
      for (let switchNo = 1; switchNo <= SWITCHES; switchNo += 1) {
        writeFileSync(path.join(dataDir, 'kb', 'lexicon.txt'), `测试词${switchNo} => 扣押\n`);
        await waitFor(() => count(/knowledge base reloaded/) + count(/no room for a second copy/) >= switchNo, `switch ${switchNo}`);
      }
      const switchMs = [...log.matchAll(/"ms":(\d+)[^\n]*knowledge base reloaded/g)].map((match) => Number(match[1])).sort((a, b) => a - b);
      return {
        reloadKbHeapMb: mb(kbHeap),
        reloadRssAtRestMb: mb(atRest),
        reloadRssAfterSwitchesMb: mb(rss(child.pid!)),
        reloadSwitches: switchMs.length,
        reloadSwitchMsMedian: switchMs[Math.floor(switchMs.length / 2)] ?? 0,
        reloadSwitchMsMax: switchMs.at(-1) ?? 0,
        reloadLowMemoryWaits: count(/no room for a second copy/),
      };
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(JSON.stringify(await benchReload(), null, 1));
}
