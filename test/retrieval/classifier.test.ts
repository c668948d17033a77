/** The article classifier: training, saving and reading, fusion with keyword search, and the knowledge base around it. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { bankFingerprint, shippedQuestionBank } from '../../src/knowledge/question-bank.js';
import { shippedLexiconEntries } from '../../src/knowledge/lexicon.js';
import { classifierFile, readClassifier, SHIPPED_CLASSIFIER, trainingExamples } from '../../src/knowledge/train.js';
import { createClassifierScorer, decodeClassifier, encodeClassifier, textTerms, trainClassifier, WARM_START_OPTIONS, type TrainingExample } from '../../src/retrieval/classifier.js';
import { createLexicon } from '../../src/retrieval/lexicon.js';
import { trainClassifierInThreads } from '../../src/retrieval/train-threads.js';
import { prepareQuery } from '../../src/retrieval/query.js';
import { createRetriever } from '../../src/retrieval/retriever.js';
import { createTokenizer } from '../../src/retrieval/tokenize.js';
import type { Passage } from '../../src/retrieval/types.js';
import { fixedClock, tempDir } from '../knowledge/helpers.js';

const tokenizer = createTokenizer('mixed');
const lexicon = createLexicon(shippedLexiconEntries());
const terms = (text: string): Map<string, number> => prepareQuery(text, tokenizer, lexicon).terms;

const passages: Passage[] = [
  { id: '劳动合同法#9', kind: 'article', law: '劳动合同法', article: 9, text: '用人单位招用劳动者，不得扣押劳动者的居民身份证和其他证件，不得要求劳动者提供担保或者以其他名义向劳动者收取财物。' },
  { id: '劳动法#44', kind: 'article', law: '劳动法', article: 44, text: '安排劳动者延长工作时间的，支付不低于工资的百分之一百五十的工资报酬。' },
  { id: '工伤保险条例#14', kind: 'article', law: '工伤保险条例', article: 14, text: '职工有下列情形之一的，应当认定为工伤：在工作时间和工作场所内，因工作原因受到事故伤害的。' },
  { id: '劳动合同法#30', kind: 'article', law: '劳动合同法', article: 30, text: '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。' },
];

/** Bank-style questions whose words the articles never use: only training can link them. */
const bank = [
  { question: '站长收了我的押金不退', articles: [{ law: '劳动合同法', article: 9 }] },
  { question: '入职交押金合法吗', articles: [{ law: '劳动合同法', article: 9 }] },
  { question: '押金被平台扣着不给', articles: [{ law: '劳动合同法', article: 9 }] },
  { question: '晚上干到十二点没有加班费', articles: [{ law: '劳动法', article: 44 }] },
  { question: '送外卖路上摔伤了', articles: [{ law: '工伤保险条例', article: 14 }] },
  { question: '工资拖了三个月不发', articles: [{ law: '劳动合同法', article: 30 }] },
  // A made-up card name: nothing but training links it to an article.
  { question: '蓝骑士卡被站长收走了', articles: [{ law: '劳动合同法', article: 9 }] },
  { question: '入职要交蓝骑士卡', articles: [{ law: '劳动合同法', article: 9 }] },
];

function tinyModel() {
  return trainClassifier(trainingExamples(passages, [], bank, tokenizer, lexicon), { iterations: 40, minDf: 1, prune: 0.001 }, 'test');
}

describe('trainClassifier', () => {
  it('learns which article a bank question points to, including for words no article uses', () => {
    const scorer = createClassifierScorer(tinyModel());
    expect(scorer.rank(terms('押金不退怎么办'), 2).keys[0]).toBe('劳动合同法#9');
    expect(scorer.rank(terms('摔伤了算不算'), 2).keys[0]).toBe('工伤保险条例#14');
    const all = scorer.rank(terms('加班费'), 4);
    expect(all.keys).toHaveLength(4);
    expect(all.confidence).toBeGreaterThan(0.25);
    expect(all.confidence).toBeLessThanOrEqual(1);
  });

  it('answers nothing for a question none of whose words it knows', () => {
    expect(createClassifierScorer(tinyModel()).rank(terms('今天天气很好'), 3)).toEqual({ keys: [], confidence: 0 });
  });

  it('weights a multi-article question by order and skips articles that are not published', () => {
    const examples = trainingExamples(passages, [], [{ question: '押金和工资', articles: [{ law: '劳动合同法', article: 9 }, { law: '民法典', article: 1 }, { law: '劳动合同法', article: 30 }] }], tokenizer, lexicon);
    const question = examples.find((example) => example.targets.length > 1)!;
    expect(question.targets.map((t) => t.key)).toEqual(['劳动合同法#9', '劳动合同法#30']);
    expect(question.targets[0].weight).toBeGreaterThan(question.targets[1].weight);
    expect(question.targets.reduce((sum, t) => sum + t.weight, 0)).toBeCloseTo(1, 6);
  });

  it('continues from a trained model: what it knew is kept, a new article is learnt in a few passes', () => {
    const start = tinyModel();
    const newArticle: Passage = { id: '测试规定#1', kind: 'article', law: '测试规定', article: 1, text: '平台不得扣留骑手的健康证。' };
    const newBank = [...bank, { question: '绿码本被站长拿走了', articles: [{ law: '测试规定', article: 1 }] }, { question: '站长收走绿码本', articles: [{ law: '测试规定', article: 1 }] }];
    const examples = trainingExamples([...passages, newArticle], [], newBank, tokenizer, lexicon);
    // No passes at all: the seeded weights alone rank the known articles as the start model does.
    const seeded = createClassifierScorer(trainClassifier(examples, { iterations: 0, minDf: 1, prune: 0.001, start }));
    const before = createClassifierScorer(start);
    for (const question of ['押金不退', '摔伤了', '加班没有钱']) expect(seeded.rank(terms(question), 1).keys).toEqual(before.rank(terms(question), 1).keys);
    const warm = createClassifierScorer(trainClassifier(examples, { iterations: 15, learningRate: 0.05, minDf: 1, prune: 0.001, start }));
    expect(warm.rank(terms('绿码本被收了'), 1).keys).toEqual(['测试规定#1']);
    expect(warm.rank(terms('押金不退怎么办'), 1).keys).toEqual(['劳动合同法#9']);
    expect(warm.knows('测试规定#1')).toBe(true);
    expect(before.knows('测试规定#1')).toBe(false);
  });

  it('prunes small weights', () => {
    const examples: TrainingExample[] = passages.map((p) => ({ terms: textTerms(tokenizer.tokens(p.text)), targets: [{ key: p.id, weight: 1 }] }));
    const dense = trainClassifier(examples, { iterations: 10, minDf: 1, prune: 0 });
    const magnitudes = Array.from(dense.weights, Math.abs).sort((a, b) => a - b);
    const median = magnitudes[Math.floor(magnitudes.length / 2)];
    const sparse = trainClassifier(examples, { iterations: 10, minDf: 1, prune: median });
    expect(sparse.weights.length).toBeLessThan(dense.weights.length);
    expect(sparse.weights.length).toBeGreaterThan(0);
    expect(sparse.weights.every((w) => Math.abs(w) >= median)).toBe(true);
  });
});

describe('training on worker threads', () => {
  it('gives the model one thread gives, with the same losses, for any number of threads', async () => {
    const examples = trainingExamples(passages, [], bank, tokenizer, lexicon);
    const settings = { iterations: 25, minDf: 1, prune: 0.001 };
    const lossesOf = async (threads: number): Promise<{ model: ReturnType<typeof trainClassifier>; losses: number[] }> => {
      const losses: number[] = [];
      const model = await trainClassifierInThreads(examples, { ...settings, threads, progress: (_, loss) => losses.push(loss) });
      return { model, losses };
    };
    const one = await lossesOf(1);
    expect(one.losses).toHaveLength(25);
    expect(one.losses.at(-1)!).toBeLessThan(one.losses[0] / 2);
    for (const threads of [2, 3]) {
      const many = await lossesOf(threads);
      expect(many.losses.map((loss) => loss.toFixed(4))).toEqual(one.losses.map((loss) => loss.toFixed(4)));
      expect(many.model.classes).toEqual(one.model.classes);
      // Partial gradients are summed in another order: equal up to float rounding.
      expect(many.model.weights.length).toBe(one.model.weights.length);
      const largest = Math.max(...Array.from(one.model.weights, (w, j) => Math.abs(w - many.model.weights[j])));
      expect(largest).toBeLessThan(1e-4);
      const scorer = createClassifierScorer(many.model);
      expect(scorer.rank(terms('蓝骑士卡被收走'), 1).keys).toEqual(['劳动合同法#9']);
    }
  });

  it('continues from a start model on threads too', async () => {
    const start = tinyModel();
    const examples = trainingExamples(passages, [], bank, tokenizer, lexicon);
    const seeded = createClassifierScorer(await trainClassifierInThreads(examples, { iterations: 0, minDf: 1, prune: 0.001, start, threads: 2 }));
    const before = createClassifierScorer(start);
    for (const question of ['押金不退', '摔伤了', '加班没有钱']) expect(seeded.rank(terms(question), 1).keys).toEqual(before.rank(terms(question), 1).keys);
  });
});

describe('classifier files', () => {
  it('round-trips through its file format with the same rankings', () => {
    const model = tinyModel();
    const back = decodeClassifier(encodeClassifier(model));
    expect(back.classes).toEqual(model.classes);
    expect(back.terms).toEqual(model.terms);
    expect(back.trainedOn).toBe('test');
    for (const question of ['押金不退', '加班没有钱', '摔伤', '工资不发']) {
      const [fromFile, inMemory] = [createClassifierScorer(back).rank(terms(question), 4), createClassifierScorer(model).rank(terms(question), 4)];
      expect(fromFile.keys).toEqual(inMemory.keys);
      expect(fromFile.confidence).toBeCloseTo(inMemory.confidence, 3);
    }
  });

  it('refuses a foreign or truncated file', () => {
    expect(() => decodeClassifier(Buffer.from('hello world'))).toThrow(/not a Gongyou classifier/);
    const data = encodeClassifier(tinyModel());
    expect(() => decodeClassifier(data.subarray(0, data.length - 40))).toThrow(/truncated|inconsistent/);
  });

  it('the shipped model reads, was trained on the shipped question bank, and knows the articles workers ask about most', async () => {
    const shipped = await readClassifier(SHIPPED_CLASSIFIER);
    expect(shipped).toBeDefined();
    // After changing the bank, retrain (README, notes for maintainers) so that this holds again.
    expect(shipped!.trainedOn).toContain(`bank ${bankFingerprint(shippedQuestionBank())}`);
    for (const key of ['劳动合同法#82', '劳动合同法#47', '工伤保险条例#14', '劳动法#44']) expect(shipped!.classes).toContain(key);
  });
});

describe('fusion with keyword search', () => {
  const ids = (hits: Array<{ passage: Passage }>): string[] => hits.map((h) => h.passage.id);

  it('moves the article the classifier points to up, keeping the keyword scores in order', async () => {
    const question = '蓝骑士卡的事，还有工资不发';
    const plain = await createRetriever({ passages, cards: [], lexicon, tokenizer }).search(question, { kinds: ['article'] });
    expect(plain.length).toBeGreaterThan(0);
    expect(ids(plain)).not.toContain('劳动合同法#9');
    const scorer = createClassifierScorer(tinyModel());
    expect(scorer.rank(terms(question), 1).keys).toEqual(['劳动合同法#9']);
    const fused = await createRetriever({ passages, cards: [], lexicon, tokenizer, classifier: scorer }).search(question, { kinds: ['article'] });
    expect(ids(fused).slice(0, 2)).toContain('劳动合同法#9');
    // Scores are the keyword scores of the places: they still fall with rank.
    const scores = fused.map((hit) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[0]).toBe(plain[0].score);
  });

  it('leaves an article the model never saw at its keyword place instead of letting known ones jump it', async () => {
    const newArticle: Passage = { id: '测试规定#1', kind: 'article', law: '测试规定', article: 1, text: '平台不得扣留骑手的健康证，不得以健康证作押。' };
    const all = [...passages, newArticle];
    const question = '健康证被扣了，还有蓝骑士卡';
    // No pinning of a clear keyword winner here: the unknown-article rule alone must hold.
    const weights = { keywordLead: Number.POSITIVE_INFINITY };
    const plain = await createRetriever({ passages: all, cards: [], lexicon, tokenizer, weights }).search(question, { kinds: ['article'] });
    expect(ids(plain)[0]).toBe('测试规定#1');
    const scorer = createClassifierScorer(tinyModel());
    expect(scorer.knows('测试规定#1')).toBe(false);
    expect(scorer.rank(terms(question), 1).keys).toEqual(['劳动合同法#9']);
    const fused = await createRetriever({ passages: all, cards: [], lexicon, tokenizer, classifier: scorer, weights }).search(question, { kinds: ['article'] });
    expect(ids(fused)[0]).toBe('测试规定#1');
    expect(ids(fused)).toContain('劳动合同法#9');
  });

  it('adds nothing when keyword search found nothing, and can be turned off', async () => {
    const scorer = createClassifierScorer(tinyModel());
    expect(await createRetriever({ passages, cards: [], lexicon, tokenizer, classifier: scorer }).search('今天天气怎么样', { kinds: ['article'] })).toEqual([]);
    const off = createRetriever({ passages, cards: [], lexicon, tokenizer, classifier: scorer, weights: { classifierDepth: 0 } });
    const plain = createRetriever({ passages, cards: [], lexicon, tokenizer });
    const question = '蓝骑士卡的事，还有工资不发';
    expect(ids(await off.search(question, { kinds: ['article'] }))).toEqual(ids(await plain.search(question, { kinds: ['article'] })));
  });
});

describe('the knowledge base and its classifier', () => {
  let work: { dir: string; cleanup: () => Promise<void> };
  beforeEach(async () => {
    work = await tempDir();
  });
  afterEach(() => work.cleanup());

  const statute = ['# 测试条例', '', '第一条 用人单位不得扣押劳动者的居民身份证。', '', '第二条 用人单位应当按时足额支付劳动报酬。', ''].join('\n');

  it('kb.train saves a model in the data folder, searches with it, and a new open reads it', async () => {
    const file = path.join(work.dir, '测试条例.md');
    await writeFile(file, statute);
    const kb = await openKnowledgeBase({ dataDir: work.dir, clock: fixedClock, classifier: null, questions: [{ question: '押金被站长扣了', articles: [{ law: '测试条例', article: 1 }] }] });
    await kb.import([file]);
    expect(kb.classifierInfo()).toBeUndefined();
    const model = await kb.train({ iterations: 30, minDf: 1, prune: 0.001 });
    expect(model.classes).toEqual(['测试条例#1', '测试条例#2']);
    expect(kb.classifierInfo()).toEqual({ trainedOn: model.trainedOn, unknownArticles: 0, bankChanged: false });
    const saved = decodeClassifier(await readFile(classifierFile(path.join(work.dir, 'kb'))));
    expect(saved.classes).toEqual(model.classes);
    const again = await openKnowledgeBase({ dataDir: work.dir, clock: fixedClock });
    expect(again.classifierInfo()?.trainedOn).toBe(model.trainedOn);
  });

  it('kb.train continues from the model in use after a new law is imported, and can start afresh', async () => {
    const file = path.join(work.dir, '测试条例.md');
    await writeFile(file, statute);
    const questions = [
      { question: '押金被站长扣了', articles: [{ law: '测试条例', article: 1 }] },
      { question: '绿码本被站长拿走了', articles: [{ law: '测试规定', article: 1 }] },
      { question: '站长收走绿码本', articles: [{ law: '测试规定', article: 1 }] },
    ];
    const kb = await openKnowledgeBase({ dataDir: work.dir, clock: fixedClock, classifier: null, questions });
    await kb.import([file]);
    const first = await kb.train({ iterations: 30, minDf: 1, prune: 0.001 });
    expect(first.classes).toEqual(['测试条例#1', '测试条例#2']);
    const newLaw = path.join(work.dir, '测试规定.md');
    await writeFile(newLaw, ['# 测试规定', '', '第一条 平台不得扣留骑手的健康证。', ''].join('\n'));
    await kb.import([newLaw]);
    expect(kb.classifierInfo()?.unknownArticles).toBe(1);
    const steps: number[] = [];
    const warm = await kb.train({ minDf: 1, prune: 0.001, learningRate: 0.05, progress: (step) => steps.push(step) });
    expect(steps.length).toBe(WARM_START_OPTIONS.iterations);
    expect(warm.classes).toEqual(['测试条例#1', '测试条例#2', '测试规定#1']);
    expect(kb.classifierInfo()?.unknownArticles).toBe(0);
    const hits = await kb.retriever.search('绿码本被拿走了，健康证', { kinds: ['article'] });
    expect(hits[0]?.passage.law).toBe('测试规定');
    const freshSteps: number[] = [];
    await kb.train({ fresh: true, iterations: 3, minDf: 1, progress: (step) => freshSteps.push(step) });
    expect(freshSteps).toEqual([1, 2, 3]);
  });

  it('a damaged model file is reported and search still answers', async () => {
    const file = path.join(work.dir, '测试条例.md');
    await writeFile(file, statute);
    const first = await openKnowledgeBase({ dataDir: work.dir, clock: fixedClock });
    await first.import([file]);
    await writeFile(classifierFile(path.join(work.dir, 'kb')), 'GYCLS1\n\u0000garbage');
    const warnings: string[] = [];
    const kb = await openKnowledgeBase({ dataDir: work.dir, clock: fixedClock, warn: (message) => warnings.push(message) });
    expect(warnings.join('\n')).toMatch(/classifier/);
    expect(kb.classifierInfo()).toBeUndefined();
    const hits = await kb.retriever.search('扣押身份证', { kinds: ['article'] });
    expect(hits[0]?.passage.law).toBe('测试条例');
  });
});
