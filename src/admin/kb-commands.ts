/**
 * `gongyou kb …` and `gongyou eval …` commands (commander). The lead wires them into src/cli.ts.
 * Both honour GONGYOU_DATA_DIR (default ./data). Output formats are exact: external checks use them.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { GongyouError } from '../core/errors.js';
import { systemClock, type Citation } from '../core/types.js';
import { tr, type BiText } from '../core/i18n.js';
import type { Passage } from '../retrieval/types.js';
import { evaluateRetrieval, parseEvalJsonl } from './eval.js';
import type { ImportOutcome } from '../knowledge/import.js';
import { DEFAULT_TRAIN_OPTIONS, WARM_START_OPTIONS } from '../retrieval/classifier.js';
import { defaultTrainingThreads } from '../retrieval/train-threads.js';
import { openKnowledgeBase, publishedArticleKeys, type DocumentSummary, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import { KbStore } from '../knowledge/store.js';
import { dateAt, type Publication } from '../knowledge/in-force.js';
import { envSchema } from '../config.js';
import { chineseToNumber } from '../text/numerals.js';
import { readBankLines } from '../knowledge/question-bank.js';
import { groupUnanswered } from './unanswered.js';
import { UnansweredLog, unansweredFile } from '../storage/unanswered-file.js';
import { sealedNotes } from '../storage/encryption.js';
import { DataSealer, isSealed, parseDataKey } from '../core/sealing.js';
import type { UnansweredEntry } from '../core/unanswered.js';

/** Told after a change a running bot picks up by itself (src/kb/live.ts). */
const RUNNING_BOT_NOTICE = bilingual({
  'zh-CN': '正在运行的机器人会在约 10 秒内用上新内容，不用重启（KB_RELOAD_SECONDS）',
  en: 'a running bot searches the new content within about 10 seconds, no restart needed (KB_RELOAD_SECONDS)',
});

/** `劳动合同法#84`, `劳动合同法第84条` or `《劳动合同法》第八十四条` → a citation. */
export function parseArticleArgument(argument: string): Citation {
  const match = /^《?(.+?)》?\s*(?:#|第)\s*([0-9]+|[零〇一二两三四五六七八九十百千]+)\s*条?$/.exec(argument.trim());
  const article = match ? (/^[0-9]+$/.test(match[2]) ? Number(match[2]) : chineseToNumber(match[2])) : undefined;
  if (!match || !article) {
    throw new GongyouError('bad_request', `看不懂法条 "${argument}"，请写成 劳动合同法#84 / cannot read the article "${argument}": write it as 劳动合同法#84`);
  }
  return { law: match[1].trim(), article };
}

/** What the commands need from the world; tests pass their own. */
export interface KbCommandDeps {
  env?: NodeJS.ProcessEnv;
  print?: (text: string) => void;
  open?: (dataDir: string) => Promise<KnowledgeBase>;
}

/** One line of `kb search --json`. */
export interface ArticleResult {
  law: string;
  article: number;
  /** Set for documents numbered by items （十） or sections 三 instead of 第X条. */
  unit?: Passage['unit'];
  score: number;
  text: string;
}

/** The data folder: explicit environment first, then ./data. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.GONGYOU_DATA_DIR && env.GONGYOU_DATA_DIR.trim() !== '' ? env.GONGYOU_DATA_DIR : './data');
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 1000) throw new InvalidArgumentError('需要 1 到 1000 的整数 / expected a whole number from 1 to 1000');
  return parsed;
}

/** Join the overlapping pieces of a split article back into its text. */
export function joinPieces(pieces: string[]): string {
  return pieces.reduce((joined, piece) => {
    if (joined === '') return piece;
    for (let overlap = Math.min(joined.length, piece.length); overlap > 0; overlap -= 1) {
      if (joined.endsWith(piece.slice(0, overlap))) return joined + piece.slice(overlap);
    }
    return `${joined}\n${piece}`;
  }, '');
}

/** Search statute articles only, one entry per article, best first. */
export async function searchArticles(kb: KnowledgeBase, question: string, top: number): Promise<ArticleResult[]> {
  const hits = await kb.retriever.search(question, { top: top * 3 + 10, kinds: ['article'] });
  const byArticle = new Map<string, Passage[]>();
  for (const passage of kb.passages()) {
    if (passage.article === undefined) continue;
    const key = `${passage.law}#${passage.article}`;
    byArticle.set(key, [...(byArticle.get(key) ?? []), passage]);
  }
  const results: ArticleResult[] = [];
  const seen = new Set<string>();
  for (const { passage, score } of hits) {
    if (passage.article === undefined) continue;
    const key = `${passage.law}#${passage.article}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pieces = byArticle.get(key) ?? [passage];
    const unit = passage.unit && passage.unit !== 'article' ? { unit: passage.unit } : {};
    results.push({ law: passage.law, article: passage.article, ...unit, score: Math.round(score * 10000) / 10000, text: joinPieces(pieces.map((p) => p.text)) });
    if (results.length >= top) break;
  }
  return results;
}

const STATUS_TEXT: Record<ImportOutcome['status'], BiText> = {
  added: { 'zh-CN': '新增', en: 'added' },
  unchanged: { 'zh-CN': '未变', en: 'unchanged' },
  new_version: { 'zh-CN': '新版本', en: 'new version' },
  skipped: { 'zh-CN': '跳过', en: 'skipped' },
  failed: { 'zh-CN': '失败', en: 'failed' },
};

function bilingual(text: BiText, vars: Record<string, string | number> = {}): string {
  return `${tr('zh-CN', text, vars)} / ${tr('en', text, vars)}`;
}

function describeOutcome(outcome: ImportOutcome): string {
  const parts = [bilingual(STATUS_TEXT[outcome.status]).padEnd(14), outcome.law ?? path.basename(outcome.file)];
  if (outcome.version !== undefined) parts.push(`v${outcome.version}`);
  if (outcome.articles !== undefined) parts.push(bilingual({ 'zh-CN': '{n} 条', en: '{n} articles' }, { n: outcome.articles }));
  if (outcome.reason) parts.push(`(${outcome.reason})`);
  return parts.join('  ');
}

/** The UTC offset of document dates, as the server reads it (GONGYOU_TIMEZONE_OFFSET, default 8). */
function timezoneOffset(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = envSchema.shape.GONGYOU_TIMEZONE_OFFSET.safeParse(env.GONGYOU_TIMEZONE_OFFSET);
  if (!parsed.success) throw new GongyouError('bad_request', `GONGYOU_TIMEZONE_OFFSET 应是 -12 到 14 的整数 / should be a whole number from -12 to 14`);
  return parsed.data;
}

/**
 * The notes the server keeps: in the shared database with STORAGE=shared (every instance's), else in
 * the file beside the knowledge base (read without opening the database). Sealed questions are opened
 * with GONGYOU_DATA_KEY, as the server wrote them.
 */
async function readUnanswered(env: NodeJS.ProcessEnv = process.env, dataDir: string, since?: Date): Promise<UnansweredEntry[]> {
  const entries = await readStoredNotes(env, dataDir, since);
  if (entries.some((entry) => isSealed(entry.question))) {
    throw new GongyouError(
      'config_invalid',
      '这些问题是加密保存的，请设置服务器用的 GONGYOU_DATA_KEY 后再查看 / the questions are encrypted: set GONGYOU_DATA_KEY to the key the server uses',
    );
  }
  return entries;
}

/** The notes as the server's storage reads them (opened with GONGYOU_DATA_KEY when it is set). */
async function readStoredNotes(env: NodeJS.ProcessEnv, dataDir: string, since?: Date): Promise<UnansweredEntry[]> {
  if (env.STORAGE !== 'shared') {
    const file = new UnansweredLog(unansweredFile(dataDir));
    const key = env.GONGYOU_DATA_KEY?.trim();
    return (key ? sealedNotes(file, new DataSealer(parseDataKey(key))) : file).entries(since);
  }
  // Loaded only here: the rest of `kb` needs no database.
  const [{ openStorage }, { loadConfig }] = await Promise.all([import('../app/app.js'), import('../config.js')]);
  const storage = await openStorage(loadConfig(env));
  try {
    return await storage.unanswered.entries(since);
  } finally {
    await storage.close();
  }
}

/** How the commands open a knowledge base: warnings to stderr, dates in the server's time zone. */
function defaultOpen(env: NodeJS.ProcessEnv = process.env): (dataDir: string) => Promise<KnowledgeBase> {
  return (dataDir) => openKnowledgeBase({ dataDir, utcOffsetHours: timezoneOffset(env), warn: (message) => process.stderr.write(`${message}\n`) });
}

/** Where a document stands today, for `kb documents` and `kb import`. */
export function describePublication(publication: Publication): string {
  const parts: string[] = [];
  if (publication.state === 'in_force') parts.push(bilingual({ 'zh-CN': '施行中：回答用 v{version}', en: 'in force: answers use v{version}' }, { version: publication.version! }));
  if (publication.state === 'not_yet') parts.push(bilingual({ 'zh-CN': '尚未施行，暂不用于回答', en: 'not in force yet, not used in answers' }));
  if (publication.state === 'repealed') {
    parts.push(
      publication.retired
        ? bilingual({ 'zh-CN': '已于 {date} 停用，不再用于回答（kb retire --undo 恢复）', en: 'retired on {date}, no longer used in answers (kb retire --undo brings it back)' }, { date: publication.repealedOn! })
        : bilingual({ 'zh-CN': '已于 {date} 废止，不再用于回答', en: 'repealed on {date}, no longer used in answers' }, { date: publication.repealedOn! }),
    );
  }
  if (publication.scheduled) {
    parts.push(bilingual({ 'zh-CN': 'v{version} 自 {date} 起施行，到时自动启用', en: 'v{version} takes effect on {date} and is used from then' }, { version: publication.scheduled.version, date: publication.scheduled.from }));
  }
  if (publication.state === 'in_force' && publication.repealedOn) {
    parts.push(
      publication.retired
        ? bilingual({ 'zh-CN': '将于 {date} 停用', en: 'to be retired on {date}' }, { date: publication.repealedOn })
        : bilingual({ 'zh-CN': '将于 {date} 废止', en: 'to be repealed on {date}' }, { date: publication.repealedOn }),
    );
  }
  return parts.join('；');
}

/** Register `kb import`, `kb search`, `kb documents` and `kb rollback`. */
export function registerKbCommands(program: Command, deps: KbCommandDeps = {}): Command {
  const print = deps.print ?? ((text: string) => void process.stdout.write(`${text}\n`));
  const open = deps.open ?? defaultOpen(deps.env);
  const withKb = async <T>(run: (kb: KnowledgeBase) => Promise<T>): Promise<T> => {
    const kb = await open(resolveDataDir(deps.env));
    try {
      return await run(kb);
    } finally {
      await kb.close();
    }
  };
  const kb = program.command('kb').description('知识库：导入法规、检索 / knowledge base: import statutes, search');

  /** Train the classifier on what `base` publishes, saying what it does and how long it took. */
  const trainAndReport = async (base: KnowledgeBase, options: { iterations?: number; fresh?: boolean; threads?: number }): Promise<void> => {
    const started = performance.now();
    if (base.passages().every((passage) => passage.article === undefined)) {
      throw new GongyouError('bad_request', '还没有导入法规，无法训练。请先运行 npx gongyou kb import <文件> / no statutes imported yet: run npx gongyou kb import <files> first');
    }
    const { warm, iterations } = base.trainingPlan({ fresh: options.fresh, iterations: options.iterations });
    print(
      warm
        ? bilingual({ 'zh-CN': '接着现有模型训练 {iterations} 轮，请稍候…', en: 'continuing from the model in use for {iterations} iterations, please wait…' }, { iterations })
        : bilingual({ 'zh-CN': '从头训练 {iterations} 轮，请稍候…', en: 'training from scratch for {iterations} iterations, please wait…' }, { iterations }),
    );
    const model = await base.train({
      iterations,
      threads: options.threads,
      fresh: options.fresh === true,
      progress: (step, loss) => {
        if (step % 5 === 0 || step === iterations) process.stderr.write(`${step}/${iterations} loss ${loss.toFixed(3)}\n`);
      },
    });
    const seconds = Math.round((performance.now() - started) / 1000);
    print(
      bilingual(
        { 'zh-CN': '训练完成（{seconds} 秒）：{classes} 条法条，{entries} 个权重。{trainedOn}', en: 'trained in {seconds} s: {classes} articles, {entries} weights. {trainedOn}' },
        { seconds, classes: model.classes.length, entries: model.weights.length, trainedOn: model.trainedOn },
      ),
    );
  };

  kb.command('import')
    .description('导入 Markdown 或文本格式的法规 / import statutes in Markdown or plain text')
    .argument('<paths...>', '文件或文件夹 / files or folders')
    .option('--train', '导入后马上训练法条分类器（约 1 分钟）/ train the article classifier right after (about a minute)')
    .action(async (paths: string[], options: { train?: boolean }) => {
      let unknownArticles = 0;
      let trainAfter = false;
      let standing: DocumentSummary[] = [];
      const report = await withKb(async (base) => {
        const imported = await base.import(paths);
        const changedLaws = new Set(imported.outcomes.filter((outcome) => outcome.status === 'added' || outcome.status === 'new_version').map((outcome) => outcome.law));
        standing = (await base.documents()).filter((summary) => changedLaws.has(summary.document.law));
        const info = base.classifierInfo();
        unknownArticles = info?.unknownArticles ?? 0;
        trainAfter = options.train === true && info !== undefined && (unknownArticles > 0 || info.bankChanged);
        return imported;
      });
      for (const outcome of report.outcomes) print(describeOutcome(outcome));
      // A new version that is not what the bot answers from today says so (and why).
      for (const summary of standing) {
        const publication = summary.publication;
        if (publication.state !== 'in_force' || publication.scheduled) print(`  ${summary.document.law}: ${describePublication(publication)}`);
      }
      const { added, unchanged, new_version: newVersion, skipped, failed } = report.counts;
      print(
        bilingual(
          { 'zh-CN': '新增 {added}，新版本 {newVersion}，未变 {unchanged}，跳过 {skipped}，失败 {failed}', en: 'added {added}, new versions {newVersion}, unchanged {unchanged}, skipped {skipped}, failed {failed}' },
          { added, newVersion, unchanged, skipped, failed },
        ),
      );
      if (!report.changed && failed === 0) print(bilingual({ 'zh-CN': '内容没有变化，知识库保持原样', en: 'nothing changed; the knowledge base is as it was' }));
      if (report.changed) {
        print(RUNNING_BOT_NOTICE);
      }
      if (trainAfter) await withKb((base) => trainAndReport(base, {}));
      else if (options.train) print(bilingual({ 'zh-CN': '法条分类器已经是最新的，不用训练', en: 'the article classifier is up to date; no training needed' }));
      else if (unknownArticles > 0) {
        print(
          bilingual(
            { 'zh-CN': '有 {count} 条法条还没有参与法条分类器训练（检索仍能找到它们）。有空时运行 npx gongyou kb train（约 1 分钟）', en: '{count} articles are not in the article classifier yet (search still finds them); run npx gongyou kb train when convenient (about a minute)' },
            { count: unknownArticles },
          ),
        );
      }
      if (failed > 0) process.exitCode = 1;
    });

  kb.command('search')
    .description('检索法条 / search statute articles')
    .argument('<question>', '问题 / question')
    .option('--top <n>', '返回条数 / results', positiveInteger, 10)
    .option('--json', '输出 JSON / print JSON')
    .action(async (question: string, options: { top: number; json?: boolean }) => {
      // Thrown from an action, commander would not print it: a GongyouError reaches runCli, which does.
      if (question.trim() === '') throw new GongyouError('bad_request', '问题不能为空 / the question is empty');
      const results = await withKb((base) => searchArticles(base, question, options.top));
      if (options.json) {
        print(JSON.stringify(results));
        return;
      }
      if (results.length === 0) print(bilingual({ 'zh-CN': '没有找到相关法条（是否已导入法规？）', en: 'no articles found (have statutes been imported?)' }));
      results.forEach((result, index) => {
        const where = result.unit === 'item' ? `第（${result.article}）项` : result.unit === 'section' ? `第${result.article}部分` : `第${result.article}条`;
        print(`${index + 1}. 《${result.law}》${where}  (${result.score})`);
        print(`   ${result.text.replace(/\n/g, ' ').slice(0, 120)}`);
      });
    });

  kb.command('check')
    .description('检查管理员文件（lexicon、questions.jsonl）和法条分类器 / check the admin files and the article classifier')
    .action(async () => {
      const problems = await withKb(async (base) => {
        const found = [...base.lexiconProblems.map((problem) => `lexicon: ${problem}`), ...base.questionProblems.map((problem) => `questions: ${problem}`)];
        const info = base.classifierInfo();
        const statutes = base.passages().some((passage) => passage.article !== undefined);
        print(bilingual({ 'zh-CN': '已发布法规 {documents} 部', en: '{documents} documents published' }, { documents: (await base.documents()).length }));
        if (!info) print(bilingual({ 'zh-CN': '没有法条分类器：只用关键词检索', en: 'no article classifier: keyword search only' }));
        else if (statutes && (info.unknownArticles > 0 || info.bankChanged)) {
          if (info.unknownArticles > 0) {
            print(bilingual({ 'zh-CN': '法条分类器还没学过 {count} 条已发布的法条', en: 'the article classifier has not learnt {count} published articles' }, { count: info.unknownArticles }));
          }
          if (info.bankChanged) print(bilingual({ 'zh-CN': '问题库在上次训练后有改动', en: 'the question bank changed since it was trained' }));
          print(bilingual({ 'zh-CN': '运行 npx gongyou kb train 更新它（约 1 分钟）', en: 'run npx gongyou kb train to update it (about a minute)' }));
        } else print(bilingual({ 'zh-CN': '法条分类器是最新的', en: 'the article classifier is up to date' }));
        return found;
      });
      for (const problem of problems) print(`  ${problem}`);
      print(
        problems.length === 0
          ? bilingual({ 'zh-CN': '管理员文件没有问题', en: 'the admin files have no problems' })
          : bilingual({ 'zh-CN': '发现 {count} 个问题（见上）', en: '{count} problems found (above)' }, { count: problems.length }),
      );
      if (problems.length > 0) process.exitCode = 1;
    });

  kb.command('documents')
    .description('列出已导入的文件和版本 / list imported documents and versions')
    .action(async () => {
      const documents = await withKb((base) => base.documents());
      for (const summary of documents) {
        print(`${summary.document.law}  v${summary.current}/${summary.versions.length}  ${summary.document.fullTitle}  ${summary.document.effectiveFrom ?? ''}  ${describePublication(summary.publication)}`);
      }
    });

  kb.command('rollback')
    .description('恢复某个文件的旧版本 / publish an earlier version of a document')
    .argument('<law>', '简称 / short title')
    .argument('<version>', '版本号 / version number', positiveInteger)
    .action(async (law: string, version: number) => {
      const summary = await withKb((base) => base.rollback(law, version));
      print(bilingual({ 'zh-CN': '{law} 已恢复到第 {version} 版', en: '{law} now publishes version {version}' }, { law, version: summary.current }));
      print(RUNNING_BOT_NOTICE);
    });

  kb.command('retire')
    .description('停用一部法规（不再用于回答），或用 --undo 恢复 / retire a document (no longer used in answers), or bring it back with --undo')
    .argument('<law>', '简称 / short title')
    .option('--on <date>', '从哪天起（YYYY-MM-DD，默认今天）/ from this date (default today)')
    .option('--undo', '恢复 / bring it back')
    .action(async (law: string, options: { on?: string; undo?: boolean }) => {
      if (options.on !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.on)) {
        throw new GongyouError('bad_request', `日期请写成 2027-01-01 这样 / write the date as 2027-01-01 (got "${options.on}")`);
      }
      const today = dateAt(systemClock, timezoneOffset(deps.env));
      const summary = await withKb((base) => base.retire(law, options.undo ? null : (options.on ?? today)));
      print(`${law}: ${describePublication(summary.publication)}`);
      print(RUNNING_BOT_NOTICE);
    });

  kb.command('unanswered')
    .description('列出机器人没把握回答的问题 / list the questions the bot was unsure of')
    .option('--days <n>', '只看最近几天 / only the last n days', positiveInteger)
    .option('--top <n>', '最多列出几条 / at most this many', positiveInteger, 30)
    .option('--json', '输出 JSON / print JSON')
    .action(async (options: { days?: number; top: number; json?: boolean }) => {
      const dataDir = resolveDataDir(deps.env);
      const since = options.days ? new Date(Date.now() - options.days * 86_400_000) : undefined;
      const groups = groupUnanswered(await readUnanswered(deps.env, dataDir, since)).slice(0, options.top);
      if (options.json) {
        print(JSON.stringify(groups));
        return;
      }
      if (groups.length === 0) {
        print(bilingual({ 'zh-CN': '没有记录到没把握的问题', en: 'no unsure answers recorded' }));
        return;
      }
      groups.forEach((group, index) => {
        const found = group.found.map(({ law, article }) => `${law}#${article}`).join(', ') || '—';
        print(`${index + 1}. ${group.question}`);
        print(`   ${group.times}× · ${group.last.slice(0, 16).replace('T', ' ')} · ${Math.round(group.confidence * 100)}% · ${found}${group.card ? ` · card:${group.card}` : ''}`);
      });
      print(
        bilingual({
          'zh-CN': '教机器人：npx gongyou kb teach "问题" 劳动合同法#84（可写多条法条）',
          en: 'teach the bot: npx gongyou kb teach "question" 劳动合同法#84 (one or more articles)',
        }),
      );
    });

  kb.command('teach')
    .description('把一个问题和回答它的法条加入 questions.jsonl / add a question and the articles that answer it to questions.jsonl')
    .argument('<question>', '问题 / question')
    .argument('<articles...>', '法条，如 劳动合同法#84 / articles, e.g. 劳动合同法#84')
    .action(async (question: string, articleArgs: string[]) => {
      const text = question.trim();
      if (text === '') throw new GongyouError('bad_request', '问题不能为空 / the question is empty');
      const articles = articleArgs.map(parseArticleArgument);
      const published = await withKb(async (base) => publishedArticleKeys(base.passages()));
      const missing = articles.filter(({ law, article }) => !published.has(`${law}#${article}`)).map(({ law, article }) => `${law}#${article}`);
      if (missing.length > 0) {
        throw new GongyouError('bad_request', `没有已发布的法条 ${missing.join(', ')}（先用 kb import 导入，或检查条号）/ no published article ${missing.join(', ')} (import it first, or check the number)`);
      }
      const store = new KbStore(resolveDataDir(deps.env));
      const existing = await store.readAdminQuestions();
      if (existing && readBankLines(existing.file, existing.content).questions.some((item) => item.question === text)) {
        throw new GongyouError('conflict', `questions.jsonl 里已经有这个问题 / questions.jsonl already has this question`);
      }
      await store.appendAdminQuestion({ question: text, articles });
      const file = store.questionsFile;
      print(bilingual({ 'zh-CN': '已加入 {file}', en: 'added to {file}' }, { file }));
      print(RUNNING_BOT_NOTICE);
      print(bilingual({ 'zh-CN': '有空时运行 npx gongyou kb train（约 1 分钟），让法条分类器也学会', en: 'run npx gongyou kb train when convenient (about a minute) so the article classifier learns it too' }));
    });

  kb.command('train')
    .description('用已发布的法条、注释和问题库训练法条分类器（需几分钟）/ train the article classifier (takes minutes)')
    .option('--iterations <n>', `训练轮数（默认：接着训练 ${WARM_START_OPTIONS.iterations}，从头训练 ${DEFAULT_TRAIN_OPTIONS.iterations}）/ training iterations`, positiveInteger)
    .option('--fresh', '从头训练，不接着现有模型 / train from scratch instead of continuing from the model in use')
    .option('--threads <n>', `用几个线程（默认 ${defaultTrainingThreads()}，即 CPU 核数，最多 4）/ worker threads (default: the cores, at most 4)`, positiveInteger)
    .action(async (options: { iterations?: number; fresh?: boolean; threads?: number }) => {
      await withKb((base) => trainAndReport(base, options));
    });
  return kb;
}

/** Register `eval retrieval <file.jsonl> [--top 10] [--json] [--verbose]`. */
export function registerEvalCommands(program: Command, deps: KbCommandDeps = {}): Command {
  const print = deps.print ?? ((text: string) => void process.stdout.write(`${text}\n`));
  const open = deps.open ?? defaultOpen(deps.env);
  const evaluation = program.command('eval').description('评测 / evaluation');
  evaluation
    .command('retrieval')
    .description('检索评测：R@1、R@5、R@10、MRR@10 / retrieval evaluation')
    .argument('<file>', 'JSONL 文件 / JSONL file')
    .option('--top <n>', '检索深度 / depth', positiveInteger, 10)
    .option('--json', '输出 JSON / print JSON')
    .option('--verbose', '列出未命中的问题 / list the misses')
    .action(async (file: string, options: { top: number; json?: boolean; verbose?: boolean }) => {
      const items = parseEvalJsonl(await fs.readFile(file, 'utf8'));
      const kb = await open(resolveDataDir(deps.env));
      try {
        const rank = async (question: string, top: number): Promise<Citation[]> =>
          (await searchArticles(kb, question, top)).map(({ law, article }) => ({ law, article }));
        const report = await evaluateRetrieval(items, rank, options.top);
        if (options.json) {
          print(JSON.stringify({ n: report.n, r1: report.r1, r5: report.r5, r10: report.r10, mrr10: report.mrr10 }));
        } else {
          print(`n=${report.n}  R@1=${report.r1}  R@5=${report.r5}  R@10=${report.r10}  MRR@10=${report.mrr10}`);
        }
        if (options.verbose) {
          // With --json, misses go to stderr so stdout stays one JSON object.
          const show = options.json ? (text: string) => void process.stderr.write(`${text}\n`) : print;
          const cite = (list: Citation[]): string => list.map((c) => `${c.law}#${c.article}`).join(', ');
          for (const miss of report.misses) show(`MISS ${miss.question.replace(/\s+/g, ' ').slice(0, 80)}\n  gold: ${cite(miss.gold)}\n  got:  ${cite(miss.got)}`);
          // Where the first gold article was: how far a better reranking of the top could go.
          show(`first gold at rank: ${Object.entries(report.ranks).map(([band, count]) => `${band}: ${count}`).join(', ')}`);
        }
      } finally {
        await kb.close();
      }
    });
  return evaluation;
}
