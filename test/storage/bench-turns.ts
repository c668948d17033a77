/**
 * Storage cost of bot turns: each turn does what the core does per message
 * (dedupe check, log the worker's message, state get + set, log one reply,
 * remember). Run: npx tsx test/storage/bench-turns.ts [embedded|shared] [turns] [conversations]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openEmbeddedStorage } from '../../src/storage/embedded.js';
import { openSharedStorage } from '../../src/storage/shared.js';
import type { Storage } from '../../src/storage/types.js';
import { dropIsolated, isolatedNames, TEST_DATABASE_URL, TEST_REDIS_URL } from './shared-env.js';

const backend = process.argv[2] ?? 'embedded';
const turns = Number(process.argv[3] ?? 20_000);
const conversations = Number(process.argv[4] ?? 200);

// about the size of an intake in progress: a few slots and recent turns
const sampleState = {
  flow: 'intake',
  step: 'amount',
  locale: 'zh-CN',
  slots: { category: 'wages', employer: '某某配送站', months: 2, note: '站长说下个月再结，已经拖了两个月。'.repeat(3) },
  recent: Array.from({ length: 6 }, (_, i) => ({ role: i % 2 ? 'bot' : 'worker', text: `第 ${i} 条消息，内容大约四十个字左右，模拟真实对话长度。` })),
};

async function turn(storage: Storage, i: number): Promise<void> {
  const conversationKey = `bench:${i % conversations}`;
  const dedupeKey = `bench:msg-${i}`;
  if (await storage.dedupe.seen(dedupeKey)) return;
  const at = new Date().toISOString();
  await storage.messages.append({
    conversationKey,
    direction: 'in',
    author: 'worker',
    message: { id: `in-${i}`, text: '站长不给结钱，已经两个月了', meta: { intent: 'worker_message' } },
    at,
    delivered: true,
  });
  const state = (await storage.state.get<typeof sampleState & { turns?: number }>(conversationKey)) ?? { ...sampleState, turns: 0 };
  await storage.state.set(conversationKey, { ...state, turns: (state.turns ?? 0) + 1 });
  const replyId = `out-${i}`;
  await storage.messages.append({
    conversationKey,
    direction: 'out',
    author: 'bot',
    message: { id: replyId, text: '请问拖欠的金额大约是多少？', choices: [{ id: '1', label: '一千以下' }], meta: { intent: 'intake' } },
    at,
    delivered: true,
  });
  await storage.dedupe.remember(dedupeKey, [replyId], new Date());
}

/** Turns run in parallel across conversations but one at a time within a conversation, as the core's keyed queue does. */
async function run(storage: Storage): Promise<number> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < turns; i = next++) await turn(storage, i);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(conversations, 64) }, worker));
  return performance.now() - started;
}

async function main(): Promise<void> {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  if (backend === 'shared') {
    const names = isolatedNames('bench');
    storage = await openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, ...names, poolSize: 20 });
    cleanup = () => dropIsolated(names);
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gongyou-bench-'));
    storage = await openEmbeddedStorage({ dataDir });
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  try {
    const ms = await run(storage);
    const perSecond = (turns / ms) * 1000;
    console.log(
      `${backend}: ${turns} turns in ${ms.toFixed(0)} ms = ${perSecond.toFixed(0)} turns/s = ${(perSecond * 6).toFixed(0)} storage ops/s ` +
        `(${((ms * 1000) / turns).toFixed(0)} µs per turn, 6 ops each)`,
    );
  } finally {
    await storage.close();
    await cleanup();
  }
}

await main();
