/** The kb and eval commands, run through commander in-process with GONGYOU_DATA_DIR set. */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { joinPieces, registerEvalCommands, registerKbCommands } from '../../src/admin/kb-commands.js';
import { UnansweredLog, unansweredFile } from '../../src/storage/unanswered-file.js';
import { corpusDir, tempDir } from './helpers.js';

let work: { dir: string; cleanup: () => Promise<void> };
let lines: string[];

const run = async (...args: string[]): Promise<string[]> => {
  lines = [];
  const deps = { env: { GONGYOU_DATA_DIR: path.join(work.dir, 'data') }, print: (text: string) => void lines.push(text) };
  const program = new Command('gongyou').exitOverride();
  registerKbCommands(program, deps);
  registerEvalCommands(program, deps);
  await program.parseAsync(['node', 'gongyou', ...args]);
  return lines;
};

beforeEach(async () => {
  work = await tempDir();
  await mkdir(path.join(work.dir, 'laws'));
  for (const name of ['劳动合同法.md', '劳动争议调解仲裁法.md']) await copyFile(path.join(corpusDir(), name), path.join(work.dir, 'laws', name));
});
afterEach(() => work.cleanup());

describe('gongyou kb / eval commands', () => {
  it('kb import prints each file and the counts, and says when nothing changed', async () => {
    const first = await run('kb', 'import', path.join(work.dir, 'laws'));
    expect(first.some((l) => l.includes('劳动合同法') && l.includes('98'))).toBe(true);
    expect(first.some((l) => l.includes('新增 2'))).toBe(true);
    // A running bot picks the change up by itself (src/kb/live.ts): the admin is told so.
    expect(first.at(-1)).toMatch(/不用重启/);
    const again = await run('kb', 'import', path.join(work.dir, 'laws'));
    expect(again.join('\n')).toContain('未变 2');
    expect(again.at(-1)).toContain('nothing changed');
    expect(again.join('\n')).not.toMatch(/不用重启/);
  });

  it('kb import and kb documents say when a law is not what the bot answers from today', async () => {
    await writeFile(path.join(work.dir, 'laws', '劳动争议调解仲裁法.meta.json'), JSON.stringify({ effectiveFrom: '2099-01-01' }));
    const out = await run('kb', 'import', path.join(work.dir, 'laws'));
    expect(out.join('\n')).toMatch(/劳动争议调解仲裁法: 尚未施行，暂不用于回答.*v1 自 2099-01-01 起施行/);
    expect(out.join('\n')).not.toMatch(/劳动合同法: /);
    const listed = await run('kb', 'documents');
    expect(listed.find((line) => line.startsWith('劳动合同法 '))).toMatch(/施行中：回答用 v1/);
    expect(listed.find((line) => line.startsWith('劳动争议调解仲裁法 '))).toMatch(/尚未施行/);
  });

  it('kb retire stops answering from a law (now or from a date) and --undo brings it back', async () => {
    await run('kb', 'import', path.join(work.dir, 'laws'));
    const laws = async (): Promise<string[]> => (JSON.parse((await run('kb', 'search', '劳动仲裁要交钱吗', '--top', '5', '--json'))[0]) as Array<{ law: string }>).map((r) => r.law);
    expect(await laws()).toContain('劳动争议调解仲裁法');
    expect((await run('kb', 'retire', '劳动争议调解仲裁法', '--on', '2099-01-01'))[0]).toMatch(/将于 2099-01-01 停用/);
    expect(await laws()).toContain('劳动争议调解仲裁法');
    const retired = await run('kb', 'retire', '劳动争议调解仲裁法');
    expect(retired[0]).toMatch(/^劳动争议调解仲裁法: 已于 \d{4}-\d{2}-\d{2} 停用，不再用于回答/);
    expect(retired.at(-1)).toMatch(/不用重启/);
    expect(await laws()).not.toContain('劳动争议调解仲裁法');
    expect((await run('kb', 'documents')).find((line) => line.startsWith('劳动争议调解仲裁法 '))).toMatch(/停用/);
    expect((await run('kb', 'retire', '劳动争议调解仲裁法', '--undo'))[0]).toMatch(/施行中：回答用 v1/);
    expect(await laws()).toContain('劳动争议调解仲裁法');
    await expect(run('kb', 'retire', '劳动争议调解仲裁法', '--on', '明年')).rejects.toThrow(/日期请写成/);
    await expect(run('kb', 'retire', '没有这部法')).rejects.toThrow(/no document called 没有这部法/);
  });

  it('kb search --json prints statute articles, best first, one per article', async () => {
    await run('kb', 'import', path.join(work.dir, 'laws'));
    const [json] = await run('kb', 'search', '没签合同干了半年能要双倍工资不', '--top', '5', '--json');
    const results = JSON.parse(json) as Array<{ law: string; article: number; score: number; text: string }>;
    expect(results.length).toBeLessThanOrEqual(5);
    expect(results[0]).toMatchObject({ law: '劳动合同法', article: 82 });
    expect(results[0].text).toMatch(/^第八十二条/);
    expect(new Set(results.map((r) => `${r.law}#${r.article}`)).size).toBe(results.length);
    for (let i = 1; i < results.length; i += 1) expect(results[i - 1].score).toBeGreaterThanOrEqual(results[i].score);
  });

  it('kb search refuses an empty question with a message, not silently', async () => {
    await expect(run('kb', 'search', '   ')).rejects.toThrow(/问题不能为空/);
  });

  it('kb train refuses politely before anything is imported, and trains on what is', async () => {
    await expect(run('kb', 'train')).rejects.toThrow(/还没有导入法规/);
    await run('kb', 'import', path.join(work.dir, 'laws', '劳动争议调解仲裁法.md'));
    const out = await run('kb', 'train', '--iterations', '5');
    // The shipped model is in use, so training continues from it.
    expect(out.join('\n')).toMatch(/接着现有模型训练 5 轮/);
    expect(out.at(-1)).toMatch(/训练完成.*54 条法条/);
    // The model now in the data folder knows every published article: import has nothing to say about it.
    const again = await run('kb', 'import', path.join(work.dir, 'laws', '劳动争议调解仲裁法.md'));
    expect(again.join('\n')).not.toContain('kb train');
    const more = await run('kb', 'import', path.join(work.dir, 'laws', '劳动合同法.md'));
    expect(more.join('\n')).toMatch(/有 98 条法条还没有参与法条分类器训练/);
    const fresh = await run('kb', 'train', '--fresh', '--iterations', '2');
    expect(fresh.join('\n')).toMatch(/从头训练 2 轮/);
    expect(fresh.at(-1)).toMatch(/训练完成.*152 条法条/);
  });

  it('kb import --train trains right after an import the classifier does not know, and only then', async () => {
    await run('kb', 'import', path.join(work.dir, 'laws', '劳动争议调解仲裁法.md'));
    // Every corpus law is in the shipped model: nothing to train.
    expect((await run('kb', 'import', path.join(work.dir, 'laws', '劳动争议调解仲裁法.md'), '--train')).at(-1)).toMatch(/已经是最新的，不用训练/);
    await run('kb', 'train', '--fresh', '--iterations', '2');
    // This folder's model now knows only that law: the next one is trained in at once.
    const out = await run('kb', 'import', path.join(work.dir, 'laws', '劳动合同法.md'), '--train');
    expect(out.join('\n')).toMatch(/接着现有模型训练 15 轮/);
    expect(out.at(-1)).toMatch(/训练完成.*152 条法条/);
    expect((await run('kb', 'check')).join('\n')).toMatch(/法条分类器是最新的/);
  });

  it('kb check reports the admin files\' problems and whether the classifier needs training', async () => {
    const clean = await run('kb', 'check');
    expect(clean.join('\n')).toMatch(/已发布法规 0 部/);
    expect(clean.at(-1)).toMatch(/管理员文件没有问题/);
    await run('kb', 'import', path.join(work.dir, 'laws', '劳动争议调解仲裁法.md'));
    expect((await run('kb', 'check')).join('\n')).toMatch(/法条分类器是最新的/);
    await writeFile(path.join(work.dir, 'data', 'kb', 'lexicon.txt'), '坏行\n');
    await writeFile(path.join(work.dir, 'data', 'kb', 'questions.jsonl'), `${JSON.stringify({ question: '仲裁要钱吗', articles: [{ law: '劳动争议调解仲裁法', article: 53 }] })}\n{oops\n`);
    try {
      const out = (await run('kb', 'check')).join('\n');
      expect(out).toMatch(/问题库在上次训练后有改动/);
      expect(out).toMatch(/npx gongyou kb train/);
      expect(out).toMatch(/lexicon: .*lexicon\.txt/);
      expect(out).toMatch(/questions: .*questions\.jsonl:2 is not valid JSON/);
      expect(out).toMatch(/发现 2 个问题/);
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = undefined;
    }
  });

  it('kb search without --json prints a readable list', async () => {
    await run('kb', 'import', path.join(work.dir, 'laws'));
    const out = await run('kb', 'search', '劳动仲裁要钱吗', '--top', '3');
    expect(out[0]).toMatch(/^1\. 《劳动争议调解仲裁法》第53条/);
  });

  it('kb unanswered lists what the bot was unsure of, and kb teach adds a checked line that search then uses', async () => {
    const dataDir = path.join(work.dir, 'data');
    expect((await run('kb', 'unanswered'))[0]).toMatch(/没有记录到/);
    const log = new UnansweredLog(unansweredFile(dataDir));
    const question = '绿码本被站长收走了找谁';
    for (const at of ['2026-12-01T08:00:00.000Z', '2026-12-02T08:00:00.000Z']) {
      await log.record({ at, question, confidence: 0.2, found: [{ law: '劳动合同法', article: 30 }] });
    }
    const listed = await run('kb', 'unanswered');
    expect(listed[0]).toBe(`1. ${question}`);
    expect(listed[1]).toMatch(/2× · 2026-12-02 08:00 · 20% · 劳动合同法#30/);
    expect(listed.at(-1)).toMatch(/kb teach/);
    expect(JSON.parse((await run('kb', 'unanswered', '--json'))[0])).toMatchObject([{ question, times: 2 }]);

    await run('kb', 'import', path.join(work.dir, 'laws'));
    const before = JSON.parse((await run('kb', 'search', question, '--top', '3', '--json'))[0]) as Array<{ law: string; article: number }>;
    expect(`${before[0].law}#${before[0].article}`).not.toBe('劳动合同法#84');
    // Not published, unreadable, then right (Chinese numerals too).
    await expect(run('kb', 'teach', question, '劳动法#84')).rejects.toThrow(/没有已发布的法条 劳动法#84/);
    await expect(run('kb', 'teach', question, '第九条')).rejects.toThrow(/看不懂法条/);
    const taught = await run('kb', 'teach', question, '《劳动合同法》第八十四条', '劳动合同法第9条');
    expect(taught.join('\n')).toMatch(/已加入.*questions\.jsonl[\s\S]*kb train/);
    const line = JSON.parse(await readFile(path.join(dataDir, 'kb/questions.jsonl'), 'utf8'));
    expect(line).toEqual({ question, articles: [{ law: '劳动合同法', article: 84 }, { law: '劳动合同法', article: 9 }] });
    await expect(run('kb', 'teach', ` ${question} `, '劳动合同法#84')).rejects.toThrow(/已经有这个问题/);
    const after = JSON.parse((await run('kb', 'search', question, '--top', '3', '--json'))[0]) as Array<{ law: string; article: number }>;
    expect(after.map((r) => `${r.law}#${r.article}`)).toContain('劳动合同法#84');
  });

  it('eval retrieval prints R@1, R@5, R@10 and MRR@10', async () => {
    await run('kb', 'import', path.join(work.dir, 'laws'));
    const file = path.join(work.dir, 'set.jsonl');
    await writeFile(
      file,
      [
        { question: '劳动仲裁要交钱吗', articles: [{ law: '劳动争议调解仲裁法', article: 53 }] },
        { question: '没签合同干了半年能要双倍工资不', articles: [{ law: '劳动合同法', article: 82 }] },
        { question: '这个问题的答案不在导入的法里', articles: [{ law: '民法典', article: 1 }] },
      ]
        .map((item) => JSON.stringify(item))
        .join('\n'),
    );
    const [json] = await run('eval', 'retrieval', file, '--json');
    const metrics = JSON.parse(json);
    expect(Object.keys(metrics)).toEqual(['n', 'r1', 'r5', 'r10', 'mrr10']);
    expect(metrics.n).toBe(3);
    expect(metrics.r10).toBeCloseTo(2 / 3, 3);
    expect(metrics.mrr10).toBeLessThanOrEqual(metrics.r10);
    const text = await run('eval', 'retrieval', file, '--verbose');
    expect(text[0]).toMatch(/^n=3 {2}R@1=/);
    expect(text.join('\n')).toContain('MISS 这个问题的答案不在导入的法里');
    // Where each question's first gold article was; the question with no gold anywhere is past the depth.
    const bands = /first gold at rank: 1: (\d+), 2-5: (\d+), 6-10: (\d+), >10: (\d+)$/.exec(text.at(-1)!);
    expect(bands).not.toBeNull();
    expect(bands!.slice(1).map(Number).reduce((a, b) => a + b)).toBe(3);
    expect(Number(bands![4])).toBe(1);
    expect(Number(bands![1])).toBe(Math.round(metrics.r1 * 3));
  });

  it('eval retrieval rejects a malformed file with the line number', async () => {
    const file = path.join(work.dir, 'bad.jsonl');
    await writeFile(file, '{"question": "ok", "articles": [{"law": "劳动法", "article": 1}]}\n{"question": 5}\n');
    await expect(run('eval', 'retrieval', file)).rejects.toThrow(/line 2/);
  });

  it('joins overlapping pieces of a split article without repeating the overlap', () => {
    expect(joinPieces(['第一条 甲乙丙丁', '丙丁戊己', '戊己庚'])).toBe('第一条 甲乙丙丁戊己庚');
    expect(joinPieces(['一段', '另一段'])).toBe('一段\n另一段');
  });
});
