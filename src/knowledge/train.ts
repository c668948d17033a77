/**
 * Training the article classifier (src/retrieval/classifier.ts) from what a knowledge base holds:
 * each published article's own text, our notes on articles, and the question bank. Run with
 * `npx gongyou kb train`; the shipped model (src/kb/classifier.bin) was made this way with all of
 * ../shared/corpus imported, and a model in the data folder takes its place once an admin trains one.
 */
import { contentPath } from '../content.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeClassifier, encodeClassifier, textTerms, type ArticleClassifier, type TrainingExample, type TrainOptions } from '../retrieval/classifier.js';
import { trainClassifierInThreads } from '../retrieval/train-threads.js';
import type { Lexicon } from '../retrieval/lexicon.js';
import { prepareQuery } from '../retrieval/query.js';
import type { Tokenizer } from '../retrieval/tokenize.js';
import type { BankQuestion, Passage } from '../retrieval/types.js';
import type { ArticleNote } from '../retrieval/retriever.js';
import { bankFingerprint } from './question-bank.js';

/** Each later article a bank question lists is this much less its target than the one before. */
const TARGET_DECAY = 0.7;

/** Build the training texts: articles (one each), notes and bank questions that point to published articles. */
export function trainingExamples(passages: Passage[], notes: ArticleNote[], bank: BankQuestion[], tokenizer: Tokenizer, lexicon: Lexicon): TrainingExample[] {
  const articleText = new Map<string, string>();
  for (const passage of passages) {
    if (passage.article === undefined) continue;
    const key = `${passage.law}#${passage.article}`;
    articleText.set(key, (articleText.get(key) ?? `${passage.title ?? ''}\n`) + passage.text);
  }
  const examples: TrainingExample[] = [];
  for (const [key, text] of articleText) examples.push({ terms: textTerms(tokenizer.tokens(text)), targets: [{ key, weight: 1 }] });
  for (const note of notes) {
    const key = `${note.law}#${note.article}`;
    if (articleText.has(key)) examples.push({ terms: textTerms(tokenizer.tokens(note.text)), targets: [{ key, weight: 1 }] });
  }
  for (const item of bank) {
    // Questions are featurised the way a worker's question is at search time.
    const targets = item.articles
      .map(({ law, article }, order) => ({ key: `${law}#${article}`, weight: TARGET_DECAY ** order }))
      .filter((target) => articleText.has(target.key));
    const total = targets.reduce((sum, target) => sum + target.weight, 0);
    if (total === 0) continue;
    examples.push({ terms: prepareQuery(item.question, tokenizer, lexicon).terms, targets: targets.map((target) => ({ key: target.key, weight: target.weight / total })) });
  }
  return examples;
}

/** Train (on worker threads, see train-threads.ts) and describe what the model was trained on. */
export async function trainFromKnowledgeBase(
  input: { passages: Passage[]; notes: ArticleNote[]; bank: BankQuestion[]; tokenizer: Tokenizer; lexicon: Lexicon },
  options: Partial<TrainOptions> = {},
): Promise<ArticleClassifier> {
  const examples = trainingExamples(input.passages, input.notes, input.bank, input.tokenizer, input.lexicon);
  const laws = new Set(input.passages.filter((passage) => passage.article !== undefined).map((passage) => passage.law));
  const day = new Date().toISOString().slice(0, 10);
  // The bank's fingerprint lets a test notice a shipped model older than the shipped bank.
  const trainedOn = `${laws.size} 部法规 / documents · ${examples.length} 条训练文本 / training texts · ${day} · bank ${bankFingerprint(input.bank)}`;
  return trainClassifierInThreads(examples, options, trainedOn);
}

/** Where a data folder keeps its own trained model. */
export function classifierFile(kbRoot: string): string {
  return path.join(kbRoot, 'classifier.bin');
}

/** The model shipped with the code, trained on the national corpus. */
export const SHIPPED_CLASSIFIER = contentPath('models', 'classifier.bin');

/** Read a model file; absent is `undefined`, damaged is an error. */
export async function readClassifier(file: string | URL): Promise<ArticleClassifier | undefined> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return decodeClassifier(data);
}

/** Write a model file atomically (a crash leaves the old one). */
export async function writeClassifier(file: string, model: ArticleClassifier): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, encodeClassifier(model));
  await fs.rename(temporary, file);
}
