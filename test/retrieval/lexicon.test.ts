import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { shippedLexiconEntries } from '../../src/knowledge/lexicon.js';
import { createLexicon, parseLexiconText, readLexiconEntries } from '../../src/retrieval/lexicon.js';

describe('domain lexicon', () => {
  const lexicon = createLexicon(shippedLexiconEntries());
  const legalFor = (question: string): string[] => lexicon.expand(question).map((e) => e.legal);

  it.each([
    ['跑单的骑手算不算员工', '劳动者'],
    ['送外卖摔伤了', '工伤'],
    ['被撞了怎么办', '事故伤害'],
    ['被站长炒了', '解除劳动合同'],
    ['老板不发工资', '劳动报酬'],
    ['拖欠俩月了', '劳动报酬'],
    ['站长扣身份证', '居民身份证'],
    ['交了押金不退', '担保'],
  ])('%s → %s', (question, legal) => {
    expect(legalFor(question)).toContain(legal);
  });

  it('prefers the longest colloquial word, so 上下班路上 is not read as 上班', () => {
    const found = lexicon.expand('上下班路上出了车祸');
    expect(found.map((e) => e.trigger)).toContain('上下班路上');
    expect(found.map((e) => e.trigger)).not.toContain('上班路上');
  });

  it('adds nothing for a question without colloquial words', () => {
    expect(createLexicon([{ colloquial: ['骑手'], legal: ['劳动者'] }]).expand('今天天气很好')).toEqual([]);
  });

  it('merges an admin extension with the shipped entries', () => {
    const merged = createLexicon([{ colloquial: ['骑手'], legal: ['劳动者'] }], [{ colloquial: ['骑手', '闪送员'], legal: ['从业人员'] }]);
    expect(merged.expand('骑手').map((e) => e.legal).sort()).toEqual(['从业人员', '劳动者']);
    expect(merged.expand('闪送员').map((e) => e.legal)).toEqual(['从业人员']);
  });

  it('parses the admin text format and names bad lines', () => {
    const { entries, problems } = parseLexiconText('# comment\n闪送 跑腿 => 劳动者\n\nno arrow here\n薅羊毛 => 扣款, 罚款\n');
    expect(entries).toEqual([
      { colloquial: ['闪送', '跑腿'], legal: ['劳动者'] },
      { colloquial: ['薅羊毛'], legal: ['扣款', '罚款'] },
    ]);
    expect(problems).toEqual(['line 4: expected "colloquial words => legal terms"']);
  });

  it('validates admin JSON entries', () => {
    const { entries, problems } = readLexiconEntries({ entries: [{ colloquial: ['a'], legal: ['b'] }, { colloquial: 'x', legal: [] }] });
    expect(entries).toHaveLength(1);
    expect(problems).toHaveLength(1);
    expect(readLexiconEntries('nonsense').problems).toHaveLength(1);
  });

  it('ships as a data file with valid entries', async () => {
    const raw = JSON.parse(await readFile(new URL('../../content/lexicon.json', import.meta.url), 'utf8'));
    expect(readLexiconEntries(raw).problems).toEqual([]);
    expect(readLexiconEntries(raw).entries.length).toBeGreaterThan(40);
  });
});
