/** Our answer lines: each rests on an article that exists, is short, ours, and finds its sentence. */
import { describe, expect, it } from 'vitest';
import { QUESTION_KINDS, loadAnswerLines } from '../../src/knowledge/answer-lines.js';
import { corpusArticles } from './helpers.js';

const articles = await corpusArticles();
const lines = loadAnswerLines();
const statute = [...articles.values()].join('\n');
const label = (line: { law: string; article: number; kind: string }): string => `${line.law}#${line.article} ${line.kind}`;

describe('answer lines', () => {
  it('cover the platform-worker guidance as well as the statutes', () => {
    const laws = new Set(lines.map((line) => line.law));
    expect(laws.has('关于维护新就业形态劳动者劳动保障权益的指导意见')).toBe(true);
    expect(lines.length).toBeGreaterThan(250);
  });

  it.each(lines.map((line) => [label(line), line] as const))('%s rests on an existing article and finds its sentence there', (_, line) => {
    const text = articles.get(`${line.law}#${line.article}`);
    expect(text, 'article exists in the corpus').toBeDefined();
    expect(QUESTION_KINDS).toContain(line.kind);
    expect(line.zh.length).toBeLessThanOrEqual(120);
    expect(line.en).toMatch(/[a-z]/i);
    for (const focus of line.focus ?? []) expect(text, `focus ${focus}`).toContain(focus);
  });

  it('are written in our own words: no ten characters in a row from the statutes', () => {
    const copied = lines.flatMap((line) => {
      const runs: string[] = [];
      for (let start = 0; start + 10 <= line.zh.length; start++) if (statute.includes(line.zh.slice(start, start + 10))) runs.push(line.zh.slice(start, start + 10));
      return runs.length > 0 ? [`${label(line)}: ${runs[0]}`] : [];
    });
    expect(copied).toEqual([]);
  });
});
