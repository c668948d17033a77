/**
 * The question bank: questions we wrote the way workers, employers and relatives ask them, each
 * labelled with the articles a labour lawyer would cite in the answer (src/kb/questions/*.jsonl).
 * A new question that resembles bank questions votes for their articles: a hand-written
 * "doc2query" expansion that reaches articles whose own words the asker never uses.
 */
import { contentPath } from '../content.js';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import type { BankQuestion } from '../retrieval/types.js';

export type { BankQuestion };

const BANK_DIR = contentPath('questions');

/** Read one bank line: the question, or what is wrong with the line. */
function parseBankLine(line: string): BankQuestion | 'json' | 'fields' {
  let value: Partial<BankQuestion>;
  try {
    value = JSON.parse(line) as Partial<BankQuestion>;
  } catch {
    return 'json';
  }
  const articles = Array.isArray(value?.articles) ? value.articles : [];
  const valid = articles.length > 0 && articles.every((a) => typeof a?.law === 'string' && Number.isInteger(a?.article) && a.article > 0);
  if (typeof value?.question !== 'string' || value.question.trim() === '' || !valid) return 'fields';
  return { question: value.question.trim(), articles: articles.map(({ law, article }) => ({ law, article })) };
}

const LINE_PROBLEMS = {
  json: 'is not valid JSON',
  fields: 'needs "question" and "articles" [{law, article}]',
} as const;

/** Parse one JSONL bank file; a bad line is an error naming the file and line (the bank is shipped data). */
export function parseBankFile(name: string, text: string): BankQuestion[] {
  const { questions, problems } = readBankLines(name, text);
  if (problems.length > 0) throw new Error(`question bank ${problems[0]}`);
  return questions;
}

/**
 * Parse an admin's `questions.jsonl` (same lines as the shipped bank): bad lines are skipped and
 * reported (file and line), so one typo does not stop the bot from starting.
 */
export function readBankLines(name: string, text: string): { questions: BankQuestion[]; problems: string[] } {
  const questions: BankQuestion[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = parseBankLine(line);
    if (typeof parsed === 'string') problems.push(`${name}:${index + 1} ${LINE_PROBLEMS[parsed]}`);
    else questions.push(parsed);
  });
  return { questions, problems };
}

let shipped: BankQuestion[] | undefined;

/** The shipped bank, read once per process (files in name order, so the order is stable). */
export function shippedQuestionBank(): BankQuestion[] {
  if (!shipped) {
    const files = readdirSync(BANK_DIR).filter((file) => file.endsWith('.jsonl')).sort();
    shipped = files.flatMap((file) => parseBankFile(file, readFileSync(path.join(BANK_DIR, file), 'utf8')));
  }
  return shipped;
}

const fingerprints = new WeakMap<BankQuestion[], string>();

/** A short fingerprint of a bank (computed once per bank): a snapshot built with another bank is rebuilt at open. */
export function bankFingerprint(bank: BankQuestion[]): string {
  let fingerprint = fingerprints.get(bank);
  if (fingerprint === undefined) {
    const hash = createHash('sha256');
    for (const item of bank) hash.update(`${item.question}|${item.articles.map((a) => `${a.law}#${a.article}`).join(',')}\n`);
    fingerprint = hash.digest('base64url').slice(0, 12);
    fingerprints.set(bank, fingerprint);
  }
  return fingerprint;
}
