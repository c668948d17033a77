/**
 * The knowledge base as the rest of the bot sees it: guide cards always, statutes once imported,
 * a retriever over both, and import / rollback that republish the index at once.
 */
import path from 'node:path';
import { GongyouError } from '../core/errors.js';
import { systemClock, type Clock } from '../core/types.js';
import { Bm25Index } from '../retrieval/bm25.js';
import { createClassifierScorer, DEFAULT_TRAIN_OPTIONS, WARM_START_OPTIONS, type ArticleClassifier, type ClassifierScorer, type TrainOptions } from '../retrieval/classifier.js';
import { createEmbeddingSearch, type EmbeddingsClient, type EmbeddingsConfig } from '../retrieval/embeddings.js';
import { bankExpansions, buildPassageIndex, buildQuestionIndex, createRetriever, type EmbeddedRetriever, type RetrievalWeights } from '../retrieval/retriever.js';
import { compactDictionary, createTokenizer, type Tokenizer, type TokenizerMode } from '../retrieval/tokenize.js';
import type { BankQuestion, GuideCard, KbDocument, Passage, Retriever } from '../retrieval/types.js';
import { GUIDE_CARDS } from './cards.js';
import { importIntoStore, type ImportReport } from './import.js';
import { loadLexicon } from './lexicon.js';
import { placeOf } from './metadata.js';
import { ARTICLE_NOTES } from './notes.js';
import { bankFingerprint, readBankLines, shippedQuestionBank } from './question-bank.js';
import { dateAt, publicationKey, publicationOf, type Publication } from './in-force.js';
import { KbStore, type DocumentRecord, type Manifest } from './store.js';
import { classifierFile, readClassifier, SHIPPED_CLASSIFIER, trainFromKnowledgeBase, writeClassifier } from './train.js';

/** Options of `openKnowledgeBase`. */
export interface KnowledgeBaseOptions {
  /** Data folder; the knowledge base lives in `<dataDir>/kb/`. */
  dataDir: string;
  /** Hybrid search: an OpenAI-compatible embeddings endpoint. */
  embeddings?: EmbeddingsConfig;
  /** A fake embeddings client for tests; the openai SDK otherwise. */
  embeddingsClient?: EmbeddingsClient;
  /** An LLM rewriter applied to questions before retrieval. */
  rewrite?: (query: string) => Promise<string>;
  /** An LLM reranker applied to the best articles after retrieval. */
  rerank?: (query: string, passages: Passage[]) => Promise<string[]>;
  clock?: Clock;
  /** UTC offset of the dates in documents (effective, repeal); default 8 (China). */
  utcOffsetHours?: number;
  /** Where warnings go (a bad admin lexicon, a failing embeddings endpoint). */
  warn?: (message: string, detail?: unknown) => void;
  cards?: GuideCard[];
  /** Labelled example questions (the shipped bank by default). */
  questions?: BankQuestion[];
  tokenizer?: TokenizerMode;
  weights?: Partial<RetrievalWeights>;
  /**
   * The article classifier: by default the one trained in this data folder (`kb train`), else the
   * shipped one; `null` searches without one.
   */
  classifier?: ArticleClassifier | null;
}

/** A published document and its version history. */
export interface DocumentSummary {
  document: KbDocument;
  current: number;
  /** Where it stands today: the version searched, one waiting for its date, or why none is. */
  publication: Publication;
  versions: Array<{ version: number; importedAt: string; articleCount: number; hash: string }>;
}

/** What the running bot uses: search only (import, rollback, retire and training are the admin's, see KnowledgeBase). */
export interface SearchableKnowledge {
  /** Always searches the currently published passages and cards. */
  readonly retriever: Retriever & { cardPassage(cardId: string): Passage | undefined };
  readonly cards: GuideCard[];
  /** Milliseconds it took to make the index ready at open. */
  readonly indexLoadMs: number;
  /** Problems found in the admin lexicon file, if any. */
  readonly lexiconProblems: string[];
  /** Problems found in the admin's `questions.jsonl` (bad lines, questions citing no published article). */
  readonly questionProblems: string[];
  /** The published statute passages (for answers that quote articles). */
  passages(): Passage[];
  close(): Promise<void>;
}

/** The knowledge base as the admin commands open it: search plus import, rollback, retirement and training. */
export interface KnowledgeBase extends SearchableKnowledge {
  import(paths: string[]): Promise<ImportReport>;
  documents(): Promise<DocumentSummary[]>;
  /** Publish an older (or newer) stored version of a document again. */
  rollback(law: string, version: number): Promise<DocumentSummary>;
  /** Stop answering from a document from `on` (ISO date, default today); `null` brings it back. */
  retire(law: string, on: string | null): Promise<DocumentSummary>;
  /**
   * Train the article classifier on the published articles, our notes and the question bank, save
   * it in the data folder and search with it from now on. Unless `fresh`, it continues from the model
   * in use (see `trainingPlan`). Takes minutes (see docs/knowledge-base.md).
   */
  train(options?: Partial<Omit<TrainOptions, 'start'>> & { fresh?: boolean }): Promise<ArticleClassifier>;
  /** What `train` would do with these options: continue from the model in use (warm) or not, and for how many passes. */
  trainingPlan(options?: { fresh?: boolean; iterations?: number; scale?: number }): { warm: boolean; iterations: number };
  /**
   * What the classifier in use was trained on, how many published articles it does not know, and
   * whether the question bank (with the admin's questions) changed since; `undefined` when there is none.
   */
  classifierInfo(): { trainedOn: string; unknownArticles: number; bankChanged: boolean } | undefined;
  /** Whether today's versions in force differ from those searched (an effective or repeal date passed since). */
  publicationDue(): boolean;
}

// 2: article notes are part of the index; 3: local rules' passages carry their place. Older
// snapshots are rebuilt once at open.
const TOKENIZER_VERSION = 3;

/** A short fingerprint of the shipped notes: a snapshot built with other notes is rebuilt at open. */
function notesFingerprint(): string {
  let hash = 2166136261;
  for (const note of ARTICLE_NOTES) {
    const text = `${note.law}#${note.article}:${note.text}\n`;
    for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619) >>> 0;
  }
  return hash.toString(36);
}

/** The keys (`劳动合同法#82`) of the statute articles among published passages. */
export function publishedArticleKeys(passages: Passage[]): Set<string> {
  return new Set(passages.filter((passage) => passage.article !== undefined).map((passage) => `${passage.law}#${passage.article}`));
}

/** Open (or create) the knowledge base under `<dataDir>/kb/`. */
export async function openKnowledgeBase(options: KnowledgeBaseOptions): Promise<KnowledgeBase> {
  const started = performance.now();
  const store = new KbStore(options.dataDir);
  const clock = options.clock ?? systemClock;
  const warn = options.warn ?? (() => undefined);
  const cards = options.cards ?? GUIDE_CARDS;
  const mode = options.tokenizer ?? 'mixed';
  // An admin's own labelled questions (`<dataDir>/kb/questions.jsonl`) join the shipped bank.
  const adminBank = options.questions ? undefined : await store.readAdminQuestions();
  const adminQuestions = adminBank ? readBankLines(adminBank.file, adminBank.content) : { questions: [], problems: [] };
  for (const problem of adminQuestions.problems) warn(`questions: ${problem}`);
  const questions = options.questions ?? (adminQuestions.questions.length > 0 ? [...shippedQuestionBank(), ...adminQuestions.questions] : shippedQuestionBank());
  const tokenizerId = `${mode}@${TOKENIZER_VERSION}/${notesFingerprint()}/${bankFingerprint(questions)}`;
  let tokenizer: Tokenizer = createTokenizer(mode);
  const { lexicon, problems } = await loadLexicon(store);
  for (const problem of problems) warn(`lexicon: ${problem}`);

  let passages: Passage[] = [];
  let retriever: EmbeddedRetriever;
  let classifier: ClassifierScorer | undefined;
  // What publish() was last given, so a new classifier can be swapped in without rebuilding.
  let publishedIndex: Bm25Index | undefined;
  let publishedQuestionIndex: Bm25Index | undefined;
  // Published articles the classifier in use does not know (computed once per publish or model).
  let unknownToClassifier: number | undefined;
  // The manifest the published set was chosen from, and which versions that set is (in-force.ts).
  let publishedManifest: Manifest | undefined;
  let publishedKey = '';
  // A model records the fingerprint of the bank it learnt (train.ts): another one means the bank changed since.
  const trainedOnThisBank = (model: ArticleClassifier): boolean => model.trainedOn.includes(`bank ${bankFingerprint(questions)}`);
  if (options.classifier !== null) {
    try {
      const model = options.classifier ?? (await readClassifier(classifierFile(store.root))) ?? (await readClassifier(SHIPPED_CLASSIFIER));
      classifier = model ? createClassifierScorer(model) : undefined;
    } catch (error) {
      // A damaged model file must not stop the bot: keyword search still answers.
      warn('the article classifier could not be read; searching without it', error);
    }
  }

  const publish = (published: Passage[], index?: Bm25Index, questionIndex?: Bm25Index): void => {
    passages = published;
    publishedIndex = index;
    publishedQuestionIndex = questionIndex;
    unknownToClassifier = undefined;
    const vectors = options.embeddings
      ? createEmbeddingSearch({
          config: options.embeddings,
          passages,
          client: options.embeddingsClient,
          cacheFile: path.join(store.root, `vectors-${options.embeddings.model.replace(/[^\w.-]/g, '_')}.json`),
        })
      : undefined;
    retriever = createRetriever({
      passages,
      index,
      cards,
      questions,
      questionIndex,
      lexicon,
      tokenizer,
      vectors,
      classifier,
      rewrite: options.rewrite,
      rerank: options.rerank,
      weights: options.weights,
      onVectorError: (error) => warn('embeddings failed; searching by keywords only', error),
    });
  };

  /** Rebuild from the stored versions and write a fresh snapshot. */
  const republish = async (): Promise<void> => {
    const manifest = await store.readManifest();
    const today = dateAt(clock, options.utcOffsetHours);
    const published: Passage[] = [];
    for (const record of Object.values(manifest.documents).sort((a, b) => a.law.localeCompare(b.law))) {
      // Only law in force is searched: a version waiting for its date, or a repealed law, is not.
      const publication = publicationOf(record, today);
      if (publication.state !== 'in_force') continue;
      const stored = await store.readVersionPassages(record.law, publication.version!);
      // A local rule's passages carry its place, so search and answers can say where it applies.
      const place = placeOf(record.versions.find((version) => version.version === publication.version)!.document);
      published.push(...(place ? stored.map((passage) => ({ ...passage, place })) : stored));
    }
    publishedManifest = manifest;
    publishedKey = publicationKey(manifest, today);
    // Index with the full dictionary, then keep a compact one (the index's words plus common
    // words) for queries, so the next start loads in milliseconds. Words it drops have no
    // postings, so queries rank the same either way.
    const fullTokenizer = createTokenizer(mode);
    const index = buildPassageIndex(published, fullTokenizer, ARTICLE_NOTES, bankExpansions(questions));
    const questionIndex = buildQuestionIndex(questions, fullTokenizer);
    const keep = new Set([
      // Bank questions segment as the full dictionary would, so their words match the questions asked.
      ...questions.flatMap((item) => fullTokenizer.tokens(item.question).filter((term) => !term.startsWith('~'))),
      ...index.termList().filter((term) => !term.startsWith('~')),
      ...lexicon.entries.flatMap((entry) => [...entry.colloquial, ...entry.legal]),
      ...cards.flatMap((card) => card.keywords),
      ...ARTICLE_NOTES.flatMap((note) => note.text.split(/\s+/)),
    ]);
    const dictionary = mode === 'bigrams' ? undefined : compactDictionary(keep);
    tokenizer = createTokenizer(mode, { dictionary });
    await store.writeSnapshot({ format: 3, tokenizer: tokenizerId, publication: publishedKey, dictionary, passages: published, bm25: index.toSnapshot(), questions: questionIndex.toSnapshot() });
    publish(published, index, questionIndex);
  };

  const snapshot = await store.readSnapshot();
  const manifestAtOpen = await store.readManifest();
  const keyToday = publicationKey(manifestAtOpen, dateAt(clock, options.utcOffsetHours));
  if (
    snapshot &&
    snapshot.format === 3 &&
    snapshot.tokenizer === tokenizerId &&
    (snapshot.publication ?? keyToday) === keyToday &&
    snapshot.bm25.ids?.length === snapshot.passages.length
  ) {
    tokenizer = createTokenizer(mode, { dictionary: snapshot.dictionary });
    publishedManifest = manifestAtOpen;
    publishedKey = keyToday;
    publish(snapshot.passages, Bm25Index.fromSnapshot(snapshot.bm25), snapshot.questions ? Bm25Index.fromSnapshot(snapshot.questions) : undefined);
  } else if (Object.keys(manifestAtOpen.documents).length > 0) {
    // Also when the shipped notes or question bank changed since the snapshot was written, or an
    // effective or repeal date has passed.
    await republish();
  } else {
    publish([]);
  }
  const questionProblems = [...adminQuestions.problems];
  if (adminBank && passages.length > 0) {
    const published = publishedArticleKeys(passages);
    for (const item of adminQuestions.questions) {
      if (item.articles.some(({ law, article }) => published.has(`${law}#${article}`))) continue;
      const cited = item.articles.map(({ law, article }) => `${law}#${article}`).join(', ');
      questionProblems.push(`${adminBank.file}: "${item.question}" cites no published article (${cited}); it is ignored until one is imported`);
      warn(`questions: ${questionProblems.at(-1)}`);
    }
  }
  if (adminBank && classifier && !trainedOnThisBank(classifier.model)) {
    warn(`questions: ${adminBank.file} is searched already; run npx gongyou kb train (about a minute) so the article classifier learns it too`);
  }
  // Tokenise once now so the dictionary load is part of start-up, not of the first question.
  tokenizer.tokens('工友');
  const indexLoadMs = performance.now() - started;

  const summarise = (record: DocumentRecord): DocumentSummary => {
    const current = record.versions.find((version) => version.version === record.current) ?? record.versions[record.versions.length - 1];
    return {
      document: current.document,
      current: record.current,
      publication: publicationOf(record, dateAt(clock, options.utcOffsetHours)),
      versions: record.versions.map(({ version, importedAt, articleCount, hash }) => ({ version, importedAt, articleCount, hash })),
    };
  };

  const trainingPlan: KnowledgeBase['trainingPlan'] = (planOptions = {}) => {
    const warm = !planOptions.fresh && classifier !== undefined && classifier.model.scale === (planOptions.scale ?? DEFAULT_TRAIN_OPTIONS.scale);
    return { warm, iterations: planOptions.iterations ?? (warm ? WARM_START_OPTIONS.iterations : DEFAULT_TRAIN_OPTIONS.iterations) };
  };

  return {
    retriever: {
      search: (query, searchOptions) => retriever.search(query, searchOptions),
      predictArticles: (query, top) => retriever.predictArticles?.(query, top) ?? [],
      cardPassage: (cardId) => retriever.cardPassage(cardId),
    },
    cards,
    indexLoadMs,
    lexiconProblems: problems,
    questionProblems,
    async import(paths) {
      const report = await importIntoStore(store, paths, clock);
      if (report.changed) await republish();
      return report;
    },
    async documents() {
      const manifest = await store.readManifest();
      return Object.values(manifest.documents).map(summarise);
    },
    async rollback(law, version) {
      const manifest = await store.readManifest();
      const record = manifest.documents[law];
      if (!record) throw new GongyouError('not_found', `no document called ${law}`);
      if (!record.versions.some((stored) => stored.version === version)) {
        throw new GongyouError('not_found', `${law} has no version ${version}; stored: ${record.versions.map((v) => v.version).join(', ')}`);
      }
      record.current = version;
      await store.writeManifest(manifest);
      await republish();
      return summarise(record);
    },
    async retire(law, on) {
      const manifest = await store.readManifest();
      const record = manifest.documents[law];
      if (!record) throw new GongyouError('not_found', `no document called ${law}; imported: ${Object.keys(manifest.documents).join(', ')}`);
      if (on === null) delete record.retiredOn;
      else record.retiredOn = on;
      await store.writeManifest(manifest);
      await republish();
      return summarise(record);
    },
    passages: () => passages,
    publicationDue: () => publishedManifest !== undefined && publicationKey(publishedManifest, dateAt(clock, options.utcOffsetHours)) !== publishedKey,
    trainingPlan,
    async train(trainOptions = {}) {
      const { fresh, ...settings } = trainOptions;
      // Continue from the model in use (the shipped one or this folder's) unless told otherwise:
      // the articles it knows are already learnt, so a few gentle passes add the new ones.
      const { warm, iterations } = trainingPlan({ fresh, iterations: settings.iterations, scale: settings.scale });
      const model = await trainFromKnowledgeBase(
        { passages, notes: ARTICLE_NOTES, bank: questions, tokenizer: createTokenizer(mode), lexicon },
        warm ? { ...WARM_START_OPTIONS, ...settings, iterations, start: classifier?.model } : { ...settings, iterations, start: undefined },
      );
      await writeClassifier(classifierFile(store.root), model);
      classifier = createClassifierScorer(model);
      // Only the classifier changed: the published index stays as it is.
      if (publishedIndex) publish(passages, publishedIndex, publishedQuestionIndex);
      else await republish();
      return model;
    },
    classifierInfo() {
      if (!classifier) return undefined;
      if (unknownToClassifier === undefined) {
        unknownToClassifier = [...publishedArticleKeys(passages)].filter((key) => !classifier!.knows(key)).length;
      }
      return { trainedOn: classifier.model.trainedOn, unknownArticles: unknownToClassifier, bankChanged: !trainedOnThisBank(classifier.model) };
    },
    async close() {
      // Nothing is held open: every write is complete when its call resolves.
    },
  };
}
