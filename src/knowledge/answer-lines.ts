/**
 * Answer lines: the direct answer, in our own plain words, to one kind of question one article answers
 * (`content/answers/<law>.jsonl`, one JSON object a line; the format is in content/answers/README.md).
 * Validated here at load; a bad line names its file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Passage } from '../retrieval/types.js';
import { contentPath } from '../content.js';
import { withUnit } from './citation-units.js';

/** The kinds of question an answer line answers. */
export const QUESTION_KINDS = ['amount', 'deadline', 'yesno', 'who', 'where', 'how'] as const;

/** What a question asks for: a figure, a deadline, yes or no, who, where to go, or the steps. */
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const lineSchema = z
  .object({
    law: z.string().min(1),
    article: z.number().int().positive(),
    kind: z.enum(QUESTION_KINDS),
    keywords: z.string(),
    zh: z.string().min(4).max(160),
    en: z.string().min(4),
    focus: z.array(z.string().min(1)).max(4),
  })
  .strict();

/** One answer line, keywords split. */
export interface AnswerLine {
  law: string;
  article: number;
  /** For documents numbered by items or sections (cited 第（九）项 / 第二部分). */
  unit?: 'item' | 'section';
  kind: QuestionKind;
  keywords: string[];
  zh: string;
  en: string;
  /** Words found verbatim in the sentence of the article that carries the answer (to quote that sentence). */
  focus: string[];
}

/** Read and validate every answer file of a folder. */
export function loadAnswerLines(folder = contentPath('answers')): AnswerLine[] {
  let files: string[];
  try {
    files = readdirSync(folder).filter((name) => name.endsWith('.jsonl')).sort();
  } catch {
    return [];
  }
  return files.flatMap((file) =>
    readFileSync(path.join(folder, file), 'utf8')
      .split('\n')
      .map((text, index) => ({ text: text.trim(), index }))
      .filter(({ text }) => text !== '')
      .map(({ text, index }) => {
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch {
          throw new Error(`content/answers/${file}:${index + 1}: not JSON`);
        }
        const parsed = lineSchema.safeParse(raw);
        if (!parsed.success) throw new Error(`content/answers/${file}:${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        return withUnit({ ...parsed.data, keywords: parsed.data.keywords.split(/\s+/).filter(Boolean) });
      }),
  );
}

/** Find a published statute passage by law and article (the first passage of a long article), following reloads. */
export function statutePassageLookup(passages: () => Passage[]): (citation: { law: string; article: number }) => Passage | undefined {
  let seen: Passage[] | undefined;
  let byKey = new Map<string, Passage>();
  return (citation) => {
    const current = passages();
    if (current !== seen) {
      seen = current;
      byKey = new Map();
      for (const passage of current) {
        if (passage.kind !== 'article' || passage.article === undefined) continue;
        const key = `${passage.law}#${passage.article}`;
        if (!byKey.has(key)) byKey.set(key, passage);
      }
    }
    return byKey.get(`${citation.law}#${citation.article}`);
  };
}
