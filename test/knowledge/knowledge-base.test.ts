/** Persistence: idempotent re-import, versions on change, rollback, snapshot at start, admin lexicon. */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GongyouError } from '../../src/core/errors.js';
import { openKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { corpusDir, fixedClock, tempDir } from './helpers.js';

let work: { dir: string; cleanup: () => Promise<void> };
let source: string;
let dataDir: string;

beforeEach(async () => {
  work = await tempDir();
  source = path.join(work.dir, 'source');
  dataDir = path.join(work.dir, 'data');
  await mkdir(source);
  for (const name of ['劳动合同法.md', '工伤保险条例.md']) await copyFile(path.join(corpusDir(), name), path.join(source, name));
});
afterEach(() => work.cleanup());

const topArticle = async (kb: Awaited<ReturnType<typeof openKnowledgeBase>>, question: string): Promise<string> => {
  const [hit] = await kb.retriever.search(question, { top: 1, kinds: ['article'] });
  return `${hit.passage.law}#${hit.passage.article}`;
};

describe('knowledge base persistence', () => {
  it('answers from guide cards before any statute is imported', async () => {
    const kb = await openKnowledgeBase({ dataDir, clock: fixedClock });
    expect(kb.passages()).toHaveLength(0);
    const hits = await kb.retriever.search('站长扣我身份证合法吗', { top: 3 });
    expect(hits[0].passage.kind).toBe('card');
    expect(hits[0].passage.id).toBe('card:id_card_deposit');
  });

  it('imports, then re-importing the same text changes nothing', async () => {
    const kb = await openKnowledgeBase({ dataDir, clock: fixedClock });
    const first = await kb.import([source]);
    expect(first.counts).toMatchObject({ added: 2, unchanged: 0, new_version: 0 });
    expect(first.outcomes.find((o) => o.law === '劳动合同法')).toMatchObject({ status: 'added', version: 1, articles: 98 });
    const manifestBefore = await readFile(path.join(dataDir, 'kb/manifest.json'), 'utf8');
    const second = await kb.import([source]);
    expect(second.counts).toMatchObject({ added: 0, unchanged: 2, new_version: 0 });
    expect(second.changed).toBe(false);
    expect(await readFile(path.join(dataDir, 'kb/manifest.json'), 'utf8')).toBe(manifestBefore);
  });

  it('a changed text becomes a new published version, and rollback restores the old one', async () => {
    const kb = await openKnowledgeBase({ dataDir, clock: fixedClock });
    await kb.import([source]);
    const articleSeven = (base: typeof kb): string | undefined => base.passages().find((p) => p.id === '劳动合同法#7')?.text;
    const originalSeven = articleSeven(kb);
    const file = path.join(source, '劳动合同法.md');
    const original = await readFile(file, 'utf8');
    // A made-up amendment with a word no other article has, so the search can tell versions apart.
    await writeFile(file, original.replace('用人单位应当建立职工名册备查。', '用人单位应当建立职工名册备查，并登记骑行头盔编号。'));
    const report = await kb.import([file]);
    expect(report.outcomes[0]).toMatchObject({ law: '劳动合同法', status: 'new_version', version: 2 });
    expect(articleSeven(kb)).toContain('骑行头盔编号');
    expect(await topArticle(kb, '骑行头盔编号')).toBe('劳动合同法#7');
    const [contract] = (await kb.documents()).filter((d) => d.document.law === '劳动合同法');
    expect(contract.current).toBe(2);
    expect(contract.versions.map((v) => v.version)).toEqual([1, 2]);

    await kb.rollback('劳动合同法', 1);
    expect(articleSeven(kb)).toBe(originalSeven);
    const reopened = await openKnowledgeBase({ dataDir });
    expect(articleSeven(reopened)).toBe(originalSeven);
    expect((await reopened.documents()).find((d) => d.document.law === '劳动合同法')?.current).toBe(1);
    // Rolling forward again is just another rollback.
    await reopened.rollback('劳动合同法', 2);
    expect(articleSeven(reopened)).toContain('骑行头盔编号');
  });

  it('rollback to a version that does not exist is a clear error', async () => {
    const kb = await openKnowledgeBase({ dataDir });
    await kb.import([source]);
    await expect(kb.rollback('劳动合同法', 7)).rejects.toMatchObject({ code: 'not_found' });
    await expect(kb.rollback('不存在的法', 1)).rejects.toBeInstanceOf(GongyouError);
  });

  it('loads the snapshot at start and ranks exactly as after import', async () => {
    const kb = await openKnowledgeBase({ dataDir });
    await kb.import([source]);
    const question = '送外卖路上被车撞了算工伤吗';
    const before = (await kb.retriever.search(question, { top: 5 })).map((h) => h.passage.id);
    const reopened = await openKnowledgeBase({ dataDir });
    expect(reopened.passages()).toHaveLength(kb.passages().length);
    expect((await reopened.retriever.search(question, { top: 5 })).map((h) => h.passage.id)).toEqual(before);
  });

  it('rebuilds from stored versions when the snapshot is damaged', async () => {
    const kb = await openKnowledgeBase({ dataDir });
    await kb.import([source]);
    await writeFile(path.join(dataDir, 'kb/index.json'), '{ not json');
    const reopened = await openKnowledgeBase({ dataDir });
    expect(reopened.passages().length).toBe(kb.passages().length);
  });

  it('rebuilds from stored versions when the postings file is missing, cut short or from another write', async () => {
    const kb = await openKnowledgeBase({ dataDir });
    await kb.import([source]);
    const question = '厂里让我走人 一分钱补偿都不给';
    const before = (await kb.retriever.search(question, { top: 5, kinds: ['article'] })).map((h) => h.passage.id);
    const binary = path.join(dataDir, 'kb/index.bin');
    const bytes = await readFile(binary);
    for (const damaged of [bytes.subarray(0, bytes.byteLength - 8), Buffer.concat([Buffer.from('x'), bytes.subarray(1)])]) {
      await writeFile(binary, damaged);
      const reopened = await openKnowledgeBase({ dataDir });
      expect((await reopened.retriever.search(question, { top: 5, kinds: ['article'] })).map((h) => h.passage.id)).toEqual(before);
      // The rebuild wrote a matching pair again.
      expect((await readFile(binary)).subarray(0, 36).toString('latin1')).toBe((JSON.parse(await readFile(path.join(dataDir, 'kb/index.json'), 'utf8')) as { binary: string }).binary);
    }
  });

  it('rebuilds a snapshot of an older format or built with another question bank, and ranks as before', async () => {
    const kb = await openKnowledgeBase({ dataDir });
    await kb.import([source]);
    const question = '厂里让我走人 一分钱补偿都不给';
    const before = (await kb.retriever.search(question, { top: 5, kinds: ['article'] })).map((h) => h.passage.id);
    const file = path.join(dataDir, 'kb/index.json');
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as { format: number };
    await writeFile(file, JSON.stringify({ ...snapshot, format: 1 }));
    const reopened = await openKnowledgeBase({ dataDir });
    expect((await reopened.retriever.search(question, { top: 5, kinds: ['article'] })).map((h) => h.passage.id)).toEqual(before);
    expect((JSON.parse(await readFile(file, 'utf8')) as { format: number }).format).toBe(3);
    // Another bank changes the fingerprint: the snapshot is rebuilt with it, not reused. (Without the
    // classifier, which was trained on the shipped bank and would outvote a one-question bank.)
    const other = await openKnowledgeBase({ dataDir, classifier: null, questions: [{ question: '厂里让我走人', articles: [{ law: '劳动合同法', article: 98 }] }] });
    expect((await other.retriever.search('厂里让我走人', { top: 3, kinds: ['article'] })).map((h) => h.passage.id)).toContain('劳动合同法#98');
  });

  it('reports missing paths and files without articles instead of failing the run', async () => {
    await writeFile(path.join(source, 'notes.txt'), '这只是一段说明，没有条文。');
    const kb = await openKnowledgeBase({ dataDir });
    const report = await kb.import([source, path.join(work.dir, 'missing')]);
    expect(report.outcomes.find((o) => o.file.endsWith('notes.txt'))?.status).toBe('skipped');
    expect(report.outcomes.find((o) => o.file.endsWith('missing'))?.status).toBe('failed');
    expect(report.counts.added).toBe(2);
  });

  it('takes metadata from a sidecar file', async () => {
    await writeFile(path.join(source, '工伤保险条例.meta.json'), JSON.stringify({ jurisdiction: 'province', issuer: '某省人民政府', effectiveFrom: '2011-01-01' }));
    const kb = await openKnowledgeBase({ dataDir });
    await kb.import([source]);
    const injury = (await kb.documents()).find((d) => d.document.law === '工伤保险条例');
    expect(injury?.document).toMatchObject({ jurisdiction: 'province', issuer: '某省人民政府', effectiveFrom: '2011-01-01' });
  });

  it('merges an admin lexicon from <dataDir>/kb/lexicon.txt', async () => {
    const question = '被主管薅了一顿能找谁';
    const plain = await openKnowledgeBase({ dataDir });
    await plain.import([source]);
    const without = (await plain.retriever.search(question, { top: 3, kinds: ['article'] })).map((h) => h.passage.id);
    await writeFile(path.join(dataDir, 'kb/lexicon.txt'), '# 方言\n薅了一顿 => 扣押 居民身份证\n坏行\n');
    const extended = await openKnowledgeBase({ dataDir });
    expect(extended.lexiconProblems).toHaveLength(1);
    const withLexicon = (await extended.retriever.search(question, { top: 3, kinds: ['article'] })).map((h) => h.passage.id);
    expect(without).not.toContain('劳动合同法#9');
    expect(withLexicon).toContain('劳动合同法#9');
  });

  it('searches with an admin question file <dataDir>/kb/questions.jsonl and reports its bad lines', async () => {
    const question = '蓝卡本被站长收走了找谁';
    const plain = await openKnowledgeBase({ dataDir });
    await plain.import([source]);
    const without = (await plain.retriever.search(question, { top: 3, kinds: ['article'] })).map((h) => h.passage.id);
    const lines = [
      JSON.stringify({ question: '站长收走了我的蓝卡本', articles: [{ law: '劳动合同法', article: 84 }] }),
      JSON.stringify({ question: '蓝卡本被扣着不还', articles: [{ law: '劳动合同法', article: 84 }, { law: '劳动合同法', article: 9 }] }),
      '{"question": "少了括号"',
      JSON.stringify({ question: '蓝卡本', articles: [{ law: '民法典', article: 1 }] }),
    ];
    await writeFile(path.join(dataDir, 'kb/questions.jsonl'), `${lines.join('\n')}\n`);
    const warnings: string[] = [];
    const extended = await openKnowledgeBase({ dataDir, warn: (message) => warnings.push(message) });
    expect(extended.questionProblems).toHaveLength(2);
    expect(extended.questionProblems[0]).toMatch(/questions\.jsonl:3 is not valid JSON/);
    expect(extended.questionProblems[1]).toMatch(/cites no published article \(民法典#1\)/);
    // Searched at once; the classifier learns it at the next kb train.
    expect(warnings.join('\n')).toMatch(/kb train/);
    expect(extended.classifierInfo()?.bankChanged).toBe(true);
    const withQuestions = (await extended.retriever.search(question, { top: 3, kinds: ['article'] })).map((h) => h.passage.id);
    expect(without[0]).not.toBe('劳动合同法#84');
    expect(withQuestions[0]).toBe('劳动合同法#84');
    await extended.train({ iterations: 1 });
    expect(extended.classifierInfo()?.bankChanged).toBe(false);
    const trained = await openKnowledgeBase({ dataDir, warn: (message) => warnings.push(`again: ${message}`) });
    expect(warnings.filter((message) => message.startsWith('again:') && message.includes('kb train'))).toEqual([]);
    expect(await topArticle(trained, question)).toBe('劳动合同法#84');
  });
});

describe('English questions', () => {
  it('find the guide cards by their English text, whatever the word form (fined, fines)', async () => {
    const work = await tempDir();
    try {
      const kb = await openKnowledgeBase({ dataDir: work.dir });
      const top = async (question: string) => (await kb.retriever.search(question, { top: 1, kinds: ['card'] }))[0]?.passage.id;
      expect(await top('My boss fined me for being late')).toBe('card:deductions');
      expect(await top('overtime pay on public holidays')).toBe('card:overtime');
      await kb.close();
    } finally {
      await work.cleanup();
    }
  });
});
