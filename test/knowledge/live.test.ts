/**
 * The running bot follows its data folder: an admin's `gongyou kb import` in another process (the
 * real command, spawned) is searched without a restart; a broken write leaves the old version answering.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLiveKnowledgeBase, type LiveKnowledgeBase } from '../../src/knowledge/live.js';
import { corpusDir, repoRoot, tempDir } from './helpers.js';

const run = promisify(execFile);
let work: { dir: string; cleanup: () => Promise<void> };
let dataDir: string;
let live: LiveKnowledgeBase | undefined;

beforeEach(async () => {
  work = await tempDir();
  dataDir = path.join(work.dir, 'data');
  await mkdir(path.join(work.dir, 'laws'));
  for (const name of ['劳动合同法.md', '工伤保险条例.md']) await copyFile(path.join(corpusDir(), name), path.join(work.dir, 'laws', name));
});
afterEach(async () => {
  await live?.close();
  live = undefined;
  await work.cleanup();
});

/** The `gongyou` command as an admin runs it, in its own process. */
const gongyou = (...args: string[]) =>
  run(process.execPath, [path.join(repoRoot, 'bin/gongyou.js'), ...args], { cwd: repoRoot, env: { ...process.env, GONGYOU_DATA_DIR: dataDir } });

const laws = async (kb: LiveKnowledgeBase, question: string): Promise<string[]> =>
  (await kb.retriever.search(question, { top: 5, kinds: ['article'] })).map((hit) => hit.passage.law);

describe('a knowledge base that follows its data folder', () => {
  it('searches a law imported by another process without a restart, and reports the reload', async () => {
    const reloads: string[][] = [];
    live = await openLiveKnowledgeBase({ dataDir }, { reloaded: ({ changed }) => reloads.push(changed) });
    await live.import([path.join(work.dir, 'laws', '劳动合同法.md')]);
    const question = '送外卖路上被车撞了算工伤吗';
    expect(await laws(live, question)).not.toContain('工伤保险条例');
    // Nothing changed on disk since our own import: no reload.
    expect(await live.refresh()).toBe(false);

    const { stdout } = await gongyou('kb', 'import', path.join(work.dir, 'laws', '工伤保险条例.md'));
    expect(stdout).toContain('新增 1');
    // Before the check, the bot still answers from the version it has.
    expect(await laws(live, question)).not.toContain('工伤保险条例');
    expect(await live.refresh()).toBe(true);
    expect(reloads).toEqual([['index.json']]);
    expect(await laws(live, question)).toContain('工伤保险条例');
    expect((await live.documents()).map((summary) => summary.document.law).sort()).toEqual(['劳动合同法', '工伤保险条例']);
    expect(await live.refresh()).toBe(false);
  }, 60_000);

  it('picks up an admin lexicon on its own timer', async () => {
    live = await openLiveKnowledgeBase({ dataDir });
    await live.import([path.join(work.dir, 'laws', '劳动合同法.md')]);
    const question = '被主管薅了一顿能找谁';
    const ids = async (): Promise<string[]> => (await live!.retriever.search(question, { top: 3, kinds: ['article'] })).map((hit) => hit.passage.id);
    expect(await ids()).not.toContain('劳动合同法#9');
    live.watch(50);
    await writeFile(path.join(dataDir, 'kb/lexicon.txt'), '薅了一顿 => 扣押 居民身份证\n');
    await vi.waitFor(async () => expect(await ids()).toContain('劳动合同法#9'), { timeout: 10_000, interval: 50 });
  });

  it('waits, answering from the old version, while the heap has no room for a second copy', async () => {
    const heap = { limit: 200 * 1048576, used: 190 * 1048576 };
    const told: Array<{ neededMb: number; freeMb: number }> = [];
    live = await openLiveKnowledgeBase({ dataDir }, { heap: () => heap, lowMemory: (info) => told.push(info) });
    await live.import([path.join(work.dir, 'laws', '劳动合同法.md')]);
    const question = '送外卖路上被车撞了算工伤吗';
    await gongyou('kb', 'import', path.join(work.dir, 'laws', '工伤保险条例.md'));
    expect(await live.refresh()).toBe(false);
    expect(await live.refresh()).toBe(false);
    expect(told).toHaveLength(1);
    expect(told[0].freeMb).toBe(10);
    expect(told[0].neededMb).toBeGreaterThan(10);
    expect(await laws(live, question)).not.toContain('工伤保险条例');
    heap.used = 20 * 1048576;
    expect(await live.refresh()).toBe(true);
    expect(await laws(live, question)).toContain('工伤保险条例');
  }, 60_000);

  it('keeps answering from the old version when the new one cannot be opened, and says so once', async () => {
    const failures: unknown[] = [];
    live = await openLiveKnowledgeBase({ dataDir }, { failed: (error) => failures.push(error) });
    await live.import([path.join(work.dir, 'laws', '劳动合同法.md')]);
    const before = await laws(live, '没签合同干了半年能要双倍工资不');
    expect(before[0]).toBe('劳动合同法');
    // A half-written manifest (say, a disk that filled up) next to a new snapshot.
    await writeFile(path.join(dataDir, 'kb/manifest.json'), '{"format": 1, "documents": {');
    await writeFile(path.join(dataDir, 'kb/index.json'), 'not json');
    expect(await live.refresh()).toBe(false);
    expect(failures).toHaveLength(1);
    expect(String((failures[0] as Error).message)).toMatch(/manifest\.json/);
    expect(await laws(live, '没签合同干了半年能要双倍工资不')).toEqual(before);
    // The same broken state is not reported again.
    expect(await live.refresh()).toBe(false);
    expect(failures).toHaveLength(1);
  });
});
