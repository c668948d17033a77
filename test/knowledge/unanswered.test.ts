/** The admin's list of questions the bot was unsure of: what is written, how it is grouped, and that it stays small. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupUnanswered } from '../../src/admin/unanswered.js';
import { UnansweredLog, unansweredFile } from '../../src/storage/unanswered-file.js';
import { createQaService } from '../../src/qa/service.js';
import type { UnsureReport } from '../../src/qa/types.js';
import { fakeRetriever, testCards } from '../qa/fakes.js';
import { tempDir } from './helpers.js';

let work: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  work = await tempDir();
});
afterEach(() => work.cleanup());

const entry = (question: string, at: string, confidence = 0.2) => ({ at, question, confidence, found: [{ law: '劳动合同法', article: 30 }] });

describe('unanswered questions', () => {
  it('masks phone and ID numbers before anything is written', async () => {
    const file = unansweredFile(work.dir);
    const log = new UnansweredLog(file);
    await log.record(entry('我电话13812345678，身份证110101199003071234，站长不给钱', '2026-12-01T08:00:00.000Z'));
    const written = await readFile(file, 'utf8');
    expect(written).not.toContain('13812345678');
    expect(written).not.toContain('110101199003071234');
    expect((await log.entries())[0].question).toContain('[手机号已隐藏]');
  });

  it('counts a question asked again once, most asked first, and skips a damaged line', async () => {
    const file = unansweredFile(work.dir);
    const log = new UnansweredLog(file);
    await log.record(entry('骑手可以带宠物送单吗', '2026-12-01T08:00:00.000Z', 0.3));
    await log.record(entry('单次罚款五百合法吗', '2026-12-01T09:00:00.000Z'));
    await log.record(entry('骑手 可以带宠物送单吗？', '2026-12-02T08:00:00.000Z', 0.1));
    await writeFile(file, `${await readFile(file, 'utf8')}{"question": "cut sho`);
    const groups = groupUnanswered(await new UnansweredLog(file).entries());
    expect(groups.map((group) => [group.question, group.times])).toEqual([
      ['骑手 可以带宠物送单吗？', 2],
      ['单次罚款五百合法吗', 1],
    ]);
    expect(groups[0].confidence).toBe(0.1);
    expect(groups[0].last).toBe('2026-12-02T08:00:00.000Z');
    expect(groupUnanswered(await log.entries(new Date('2026-12-01T08:30:00.000Z'))).map((group) => group.times)).toEqual([1, 1]);
  });

  it('keeps only the most recent entries when the file grows', async () => {
    const log = new UnansweredLog(unansweredFile(work.dir), { kept: 3 });
    for (let index = 0; index < 7; index += 1) await log.record(entry(`问题${index}`, `2026-12-01T0${index}:00:00.000Z`));
    const questions = (await log.entries()).map((item) => item.question);
    // Past twice the limit the oldest go: 3 kept after the 7th, then nothing more is dropped.
    expect(questions).toEqual(['问题4', '问题5', '问题6']);
  });

  it('the answer service reports unsure answers with what it found, and not confident ones', async () => {
    const reports: UnsureReport[] = [];
    const qa = createQaService({ retriever: fakeRetriever(), cards: testCards, onUnsure: (report) => reports.push(report) });
    await qa.answer('站长拖欠工资不给结钱怎么办', { locale: 'zh-CN' });
    expect(reports).toEqual([]);
    const unsure = await qa.answer('骑手可以带宠物一起送单吗', { locale: 'zh-CN' });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ question: '骑手可以带宠物一起送单吗', confidence: unsure.confidence });
    await qa.answer('qzxv blorf 呜啦', { locale: 'zh-CN' });
    expect(reports[1]).toMatchObject({ question: 'qzxv blorf 呜啦', confidence: 0, found: [] });
  });

  it('a failing note never costs the worker the answer', async () => {
    const qa = createQaService({
      retriever: fakeRetriever(),
      cards: testCards,
      onUnsure: () => {
        throw new Error('disk full');
      },
    });
    const answer = await qa.answer('骑手可以带宠物一起送单吗', { locale: 'zh-CN' });
    expect(answer.text).toMatch(/不是律师意见/);
    await expect(new UnansweredLog(path.join(work.dir, 'no', 'such', '\u0000bad')).record(entry('问题', '2026-12-01T00:00:00.000Z'))).resolves.toBeUndefined();
  });
});
