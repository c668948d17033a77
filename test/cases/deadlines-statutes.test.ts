/** The deadline periods the bot warns about, checked against the statutes in the corpus (integration tier: reads ../shared/corpus). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ARBITRATION_YEARS,
  EMPLOYER_INJURY_APPLICATION_DAYS,
  WORKER_INJURY_APPLICATION_YEARS,
} from '../../src/cases/deadlines.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = process.env.GONGYOU_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');

/** The text of one article of a statute in the corpus, up to the next article. */
function article(law: string, heading: string): string {
  const text = readFileSync(path.join(corpusDir, `${law}.md`), 'utf8');
  const start = text.indexOf(`${heading} `);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = text.slice(start + heading.length).search(/\n第[一二三四五六七八九十百]+条 /);
  return next === -1 ? text.slice(start) : text.slice(start, start + heading.length + next);
}

describe('the periods match the statutes in the corpus', () => {
  it('arbitration: one year, and wage arrears run from the end of employment (第二十七条)', () => {
    const text = article('劳动争议调解仲裁法', '第二十七条');
    expect(ARBITRATION_YEARS).toBe(1);
    expect(text).toContain('一年');
    expect(text).toContain('劳动关系终止');
  });

  it('work injury: employer 30 days, worker one year (工伤保险条例 第十七条)', () => {
    const text = article('工伤保险条例', '第十七条');
    expect(text).toContain(`${EMPLOYER_INJURY_APPLICATION_DAYS}日内`);
    expect(text).toContain(`${WORKER_INJURY_APPLICATION_YEARS}年内`);
  });
});
