/**
 * The question bank: questions we wrote the way workers, employers and relatives ask them, each
 * labelled with the articles a labour lawyer would cite in the answer (src/kb/questions/*.jsonl).
 * A new question that resembles bank questions votes for their articles: a hand-written
 * "doc2query" expansion that reaches articles whose own words the asker never uses.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { BankQuestion } from '../retrieval/types.js';

export type { BankQuestion };

const BANK_DIR = new URL('./questions/', import.meta.url);

/** Parse one JSONL bank file; a bad line is an error naming the file and line (the bank is shipped data). */
export function parseBankFile(name: string, text: string): BankQuestion[] {
  const out: BankQuestion[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${name}:${index + 1}`;
    let value: Partial<BankQuestion>;
    try {
      value = JSON.parse(line) as Partial<BankQuestion>;
    } catch {
      throw new Error(`question bank ${where} is not valid JSON`);
    }
    const articles = Array.isArray(value.articles) ? value.articles : [];
    const valid = articles.length > 0 && articles.every((a) => typeof a?.law === 'string' && Number.isInteger(a?.article) && a.article > 0);
    if (typeof value.question !== 'string' || value.question.trim() === '' || !valid) {
      throw new Error(`question bank ${where} needs "question" and "articles" [{law, article}]`);
    }
    out.push({ question: value.question.trim(), articles: articles.map(({ law, article }) => ({ law, article })) });
  });
  return out;
}

let shipped: BankQuestion[] | undefined;

/** The shipped bank, read once per process (files in name order, so the order is stable). */
export function shippedQuestionBank(): BankQuestion[] {
  if (!shipped) {
    const files = readdirSync(BANK_DIR).filter((file) => file.endsWith('.jsonl')).sort();
    shipped = files.flatMap((file) => parseBankFile(file, readFileSync(new URL(file, BANK_DIR), 'utf8')));
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
