/**
 * The bot answers from law in force: an amendment imported before its effective date waits and
 * takes over on the day (in a running bot too), and a repealed or not-yet-effective law is not searched.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dateAt, publicationOf } from '../../src/knowledge/in-force.js';
import { openKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { openLiveKnowledgeBase } from '../../src/knowledge/live.js';
import { readDocumentMetadata } from '../../src/knowledge/metadata.js';
import type { DocumentRecord } from '../../src/knowledge/store.js';
import { corpusDir, tempDir } from './helpers.js';

const version = (number: number, effectiveFrom?: string, repealedOn?: string) => ({
  version: number,
  hash: `h${number}`,
  importedAt: '2026-01-01T00:00:00.000Z',
  source: 'x.md',
  passageCount: 1,
  articleCount: 1,
  document: { law: '某条例', fullTitle: '某条例', jurisdiction: 'national' as const, kind: 'regulation' as const, effectiveFrom, repealedOn },
});
const record = (current: number, ...versions: ReturnType<typeof version>[]): DocumentRecord => ({ law: '某条例', current, versions });

describe('which version is in force', () => {
  it('keeps the version in force until a newer one takes effect, then uses that one', () => {
    const amended = record(2, version(1, '2008-01-01'), version(2, '2027-01-01'));
    expect(publicationOf(amended, '2026-12-31')).toEqual({ law: '某条例', state: 'in_force', version: 1, scheduled: { version: 2, from: '2027-01-01' } });
    expect(publicationOf(amended, '2027-01-01')).toEqual({ law: '某条例', state: 'in_force', version: 2 });
  });

  it('a rollback below a scheduled version cancels it; a version with no date is in force at once', () => {
    expect(publicationOf(record(1, version(1, '2008-01-01'), version(2, '2027-01-01')), '2027-06-01')).toMatchObject({ state: 'in_force', version: 1, scheduled: undefined });
    expect(publicationOf(record(2, version(1, '2008-01-01'), version(2)), '2026-12-03')).toMatchObject({ state: 'in_force', version: 2 });
  });

  it('a law not yet in force, or repealed, is not searched; a repeal to come is shown', () => {
    expect(publicationOf(record(1, version(1, '2027-03-01')), '2026-12-03')).toEqual({ law: '某条例', state: 'not_yet', scheduled: { version: 1, from: '2027-03-01' } });
    expect(publicationOf(record(1, version(1, '2008-01-01', '2020-01-01')), '2026-12-03')).toMatchObject({ state: 'repealed', repealedOn: '2020-01-01' });
    expect(publicationOf(record(1, version(1, '2008-01-01', '2027-01-01')), '2026-12-03')).toMatchObject({ state: 'in_force', version: 1, repealedOn: '2027-01-01' });
  });

  it('reads a repeal only when the text says this document is repealed, not another one', () => {
    const read = (line: string) => readDocumentMetadata('某规定', ['# 某规定', line], [], {});
    expect(read('本规定自2004年3月1日起实施。1993年11月24日原劳动部发布的《企业最低工资规定》同时废止。').repealedOn).toBeUndefined();
    expect(read('2004年3月1日起施行，原《某办法》废止').repealedOn).toBeUndefined();
    expect(read('本规定已于2020年1月1日废止').repealedOn).toBe('2020-01-01');
  });

  it('dates are read in China time by default', () => {
    const clock = { now: () => new Date('2026-12-31T16:30:00Z') };
    expect(dateAt(clock)).toBe('2027-01-01');
    expect(dateAt(clock, 0)).toBe('2026-12-31');
  });
});

describe('a knowledge base answers from law in force', () => {
  let work: { dir: string; cleanup: () => Promise<void> };
  let source: string;
  let dataDir: string;
  const now = { current: new Date('2026-12-03T04:00:00Z') };
  const clock = { now: () => new Date(now.current) };
  beforeEach(async () => {
    work = await tempDir();
    source = path.join(work.dir, 'source');
    dataDir = path.join(work.dir, 'data');
    now.current = new Date('2026-12-03T04:00:00Z');
    await mkdir(source);
    for (const name of ['劳动合同法.md', '工伤保险条例.md']) await copyFile(path.join(corpusDir(), name), path.join(source, name));
  });
  afterEach(() => work.cleanup());

  const articleSeven = (passages: Array<{ id: string; text: string }>): string | undefined => passages.find((p) => p.id === '劳动合同法#7')?.text;

  it('an amendment imported ahead of its date waits, and a running bot switches to it on the day', async () => {
    const live = await openLiveKnowledgeBase({ dataDir, clock });
    try {
      await live.import([source]);
      const file = path.join(source, '劳动合同法.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace('用人单位应当建立职工名册备查。', '用人单位应当建立职工名册备查，并登记骑行头盔编号。'));
      await writeFile(path.join(source, '劳动合同法.meta.json'), JSON.stringify({ effectiveFrom: '2027-01-01' }));
      const report = await live.import([file]);
      expect(report.outcomes[0]).toMatchObject({ status: 'new_version', version: 2 });
      expect(articleSeven(live.passages())).not.toContain('骑行头盔编号');
      const [summary] = (await live.documents()).filter((item) => item.document.law === '劳动合同法');
      expect(summary.publication).toEqual({ law: '劳动合同法', state: 'in_force', version: 1, scheduled: { version: 2, from: '2027-01-01' } });
      expect(live.publicationDue()).toBe(false);
      expect(await live.refresh()).toBe(false);

      // New Year's Day in China (still 31 December in UTC).
      now.current = new Date('2026-12-31T16:30:00Z');
      expect(live.publicationDue()).toBe(true);
      expect(await live.refresh()).toBe(true);
      expect(articleSeven(live.passages())).toContain('骑行头盔编号');
      const [hit] = await live.retriever.search('骑行头盔编号', { top: 1, kinds: ['article'] });
      expect(hit.passage.id).toBe('劳动合同法#7');
      expect(live.publicationDue()).toBe(false);
      // The rebuilt snapshot is for the new day: a fresh start uses it as it is.
      const again = await openKnowledgeBase({ dataDir, clock });
      expect(articleSeven(again.passages())).toContain('骑行头盔编号');
    } finally {
      await live.close();
    }
  });

  it('when the day comes but the new version cannot be opened, the old one answers and it is said once', async () => {
    const failures: unknown[] = [];
    const live = await openLiveKnowledgeBase({ dataDir, clock }, { failed: (error) => failures.push(error) });
    try {
      await live.import([source]);
      const file = path.join(source, '劳动合同法.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace('用人单位应当建立职工名册备查。', '用人单位应当建立职工名册备查，并登记骑行头盔编号。'));
      await writeFile(path.join(source, '劳动合同法.meta.json'), JSON.stringify({ effectiveFrom: '2027-01-01' }));
      await live.import([file]);
      await writeFile(path.join(dataDir, 'kb/manifest.json'), '{"format": 1, "documents": {');
      now.current = new Date('2027-01-02T04:00:00Z');
      expect(await live.refresh()).toBe(false);
      expect(await live.refresh()).toBe(false);
      expect(failures).toHaveLength(1);
      expect(articleSeven(live.passages())).not.toContain('骑行头盔编号');
    } finally {
      await live.close();
    }
  });

  it('a repealed law and one not yet in force are not searched, and say so', async () => {
    await writeFile(path.join(source, '工伤保险条例.meta.json'), JSON.stringify({ repealedOn: '2026-01-01' }));
    const kb = await openKnowledgeBase({ dataDir, clock });
    await kb.import([source]);
    expect(kb.passages().some((passage) => passage.law === '工伤保险条例')).toBe(false);
    expect((await kb.documents()).find((item) => item.document.law === '工伤保险条例')?.publication).toMatchObject({ state: 'repealed', repealedOn: '2026-01-01' });
    const hits = await kb.retriever.search('上下班途中受到非本人主要责任的交通事故伤害', { top: 10, kinds: ['article'] });
    expect(hits.map((hit) => hit.passage.law)).not.toContain('工伤保险条例');

    const future = path.join(work.dir, 'future');
    await mkdir(future);
    await copyFile(path.join(corpusDir(), '最低工资规定.md'), path.join(future, '最低工资规定.md'));
    await writeFile(path.join(future, '最低工资规定.meta.json'), JSON.stringify({ effectiveFrom: '2027-03-01' }));
    await kb.import([future]);
    expect(kb.passages().some((passage) => passage.law === '最低工资规定')).toBe(false);
    expect((await kb.documents()).find((item) => item.document.law === '最低工资规定')?.publication).toMatchObject({ state: 'not_yet' });
  });
});
