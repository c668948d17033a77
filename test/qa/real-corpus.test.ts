/**
 * Calibration against the real knowledge base: the shipped guide cards plus every statute in
 * ../shared/corpus (read at run time, never copied). Clear colloquial questions must score at least
 * 0.6, questions the knowledge base cannot support below the default threshold, and every citation
 * must name an article that exists.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnswerLines, statutePassageLookup } from '../../src/knowledge/answer-lines.js';
import { openKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { createQaService } from '../../src/qa/service.js';
import type { QaService } from '../../src/qa/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = process.env.GONGYOU_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');

const CLEAR = ['站长不给结钱怎么办', '跑外卖摔伤了算工伤吗', '站长扣我身份证合法吗', '干了半年没签合同', '公司不给交社保', '老板跑路了工资找谁要', '加班没有加班费', '试用期被辞退'];
const UNSUPPORTED = ['阿斯顿发个好', '骑手可以带宠物一起送单吗', '我想换个手机号', '电动车多少钱一辆', '今天心情不好', '你是谁'];

let dataDir: string;
let kb: KnowledgeBase;
let qa: QaService;
/** As the app builds it: with our answer lines and quotes from the imported statutes. */
let full: QaService;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'gongyou-qa-'));
  kb = await openKnowledgeBase({ dataDir });
  await kb.import([corpusDir]);
  qa = createQaService({ retriever: kb.retriever, cards: kb.cards });
  full = createQaService({ retriever: kb.retriever, cards: kb.cards, answerLines: loadAnswerLines(), passageOf: statutePassageLookup(() => kb.passages()) });
}, 60_000);

afterAll(async () => {
  await kb?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the real corpus is searched as law in force', () => {
  it('every document of the corpus is in force today except those the corpus marks repealed, none silently left out of search', async () => {
    const documents = await kb.documents();
    expect(documents.length).toBeGreaterThan(20);
    // A sidecar `<name>.meta.json` with a past `repealedOn` is the corpus saying a document no longer applies.
    const today = new Date().toISOString().slice(0, 10);
    const markedRepealed = readdirSync(corpusDir)
      .filter((name) => name.endsWith('.meta.json'))
      .filter((name) => {
        const repealedOn = (JSON.parse(readFileSync(path.join(corpusDir, name), 'utf8')) as { repealedOn?: string }).repealedOn;
        return repealedOn !== undefined && repealedOn <= today;
      })
      .map((name) => name.replace(/\.meta\.json$/, ''))
      .sort();
    const notInForce = documents.filter((summary) => summary.publication.state !== 'in_force');
    expect(notInForce.map((summary) => summary.document.law).sort()).toEqual(markedRepealed);
    expect(notInForce.every((summary) => summary.publication.state === 'repealed')).toBe(true);
    const searched = new Set(kb.passages().map((passage) => passage.law));
    expect(searched.size).toBe(documents.length - markedRepealed.length);
    for (const law of markedRepealed) expect(searched.has(law), law).toBe(false);
  });
});

describe('confidence on the real knowledge base', () => {
  it.each(CLEAR)('%s is answered with confidence >= 0.6', async (question) => {
    const answer = await qa.answer(question, { locale: 'zh-CN' });
    expect(answer.confidence).toBeGreaterThanOrEqual(0.6);
    expect(answer.text).toMatch(/依据《[^》]+》第[零一二三四五六七八九十百千]+条/);
  });

  it.each(UNSUPPORTED)('%s stays below the default threshold and offers a mediator', async (question) => {
    const answer = await qa.answer(question, { locale: 'zh-CN' });
    expect(answer.confidence).toBeLessThan(0.45);
    expect(answer.choices?.map((c) => c.id)).toContain('handoff');
  });

  it('cites only articles that exist in the imported statutes or the cards', async () => {
    const known = new Set(kb.passages().map((p) => `${p.law}#${p.article}`));
    for (const question of CLEAR) {
      const answer = await qa.answer(question, { locale: 'zh-CN' });
      for (const citation of answer.citations) expect(known.has(`${citation.law}#${citation.article}`), `${citation.law}#${citation.article}`).toBe(true);
    }
  });
});

describe('a death at work', () => {
  it('gets the card on sudden illness at work (视同工伤 within 48 hours) and a person', async () => {
    for (const question of ['跑单时突发脑溢血走了 家里能拿啥补助', '上班时心梗抢救了三天还是走了算工伤吗']) {
      const answer = await qa.answer(question, { locale: 'zh-CN' });
      expect(answer.card?.title, question).toBe('上班时突发疾病去世');
      expect(answer.citations.map((c) => `${c.law}#${c.article}`)).toContain('工伤保险条例#15');
    }
    expect((await qa.answer('我老公送外卖猝死了，平台不管', { locale: 'zh-CN' })).needsHuman).toBe(true);
  });
});

describe('traffic accidents: on a job and on the way to work are answered differently', () => {
  // On a job fault does not matter (工伤保险条例 第十四条 (一)(五)); on the way to or from work it does.
  const title = async (question: string): Promise<string> => `【${(await qa.answer(question, { locale: 'zh-CN' })).card?.title}】`;
  it('a rider hit while delivering gets the on-the-job card, a commuter the commuting one', async () => {
    for (const question of ['送外卖路上被车撞了算工伤吗', '跑单被车撞了平台不管怎么办', '开网约车载客时出了车祸']) {
      // A rider who names the platform may get the platform-injury card (职业伤害保障 and 工伤), which also fits.
      expect(['【送单、拉客路上出车祸】', '【跑单受伤：职业伤害保障和工伤】'], question).toContain(await title(question));
    }
    for (const question of ['下班路上被车撞了算工伤吗', '上班路上出车祸对方全责', '我是送外卖的，下班回家路上被撞了']) {
      expect(await title(question), question).toBe('【上下班路上出车祸算工伤吗】');
    }
  });
});

describe('platform workers hear the guidance written for them', () => {
  const opening = async (question: string): Promise<string> => (await full.answer(question, { locale: 'zh-CN' })).text.split('\n\n')[0];

  it('"合作关系, 不是雇佣: no protection at all?" is not told it is surely a labour relation, and hears what still applies', async () => {
    const first = await opening('平台说咱是合作关系不是雇佣 那是不是啥保障都没有');
    expect(first).not.toMatch(/^算。/);
    expect(first).toMatch(/^不一定算劳动关系/);
    expect(first).toMatch(/最低报酬/);
    expect(first).toMatch(/职业伤害保障/);
  });

  it('a deposit to take orders is refused, citing the item of the guidance', async () => {
    const answer = await full.answer('平台要我交500押金才能接单', { locale: 'zh-CN' });
    expect(answer.text).toMatch(/^不能。/);
    expect(answer.text).toContain('依据《关于维护新就业形态劳动者劳动保障权益的指导意见》第（四）项');
  });

  it('a rider whose injury report the platform stalls hears the protection once and where to turn, with no filler line', async () => {
    const answer = await full.answer('跑腿单送一半摔了，客服一直拖着不给报案咋办', { locale: 'zh-CN' });
    expect(answer.text.match(/职业伤害保障/g)?.length).toBe(1);
    expect(answer.text).not.toContain('法律是这样规定的');
    expect(answer.text).toMatch(/可以求助：.*12333/);
  });

  it('a rider asking whether an injury counts hears no bare "算。" after "还可以走工伤："', async () => {
    expect((await full.answer('专送骑手注册成个体工商户了 受伤还能算工伤吗', { locale: 'zh-CN' })).text).not.toMatch(/走工伤：算。/);
  });

  it('a question on commission answers that rules must be heard and published, not "不能"', async () => {
    expect(await opening('滴滴抽成越来越狠一单抽三成 有规定管吗')).toMatch(/^有规定。.*公示/);
  });
});

describe('card search and statute search agreeing make an answer confident', () => {
  it.each(['身分证被站点扣着不还', '公司单方面降我工资'])('%s: no card words, but both searches agree, so it is answered, not asked back', async (question) => {
    const answer = await qa.answer(question, { locale: 'zh-CN' });
    expect(answer.confidence).toBeGreaterThanOrEqual(0.45);
    expect(answer.text).not.toMatch(/不太有把握/);
    expect(answer.text).toMatch(/依据《劳动合同法》/);
  });
});

describe('what to keep', () => {
  it('a list describing one thing is not cut in the middle', async () => {
    const answer = await full.answer('站长老是对我动手动脚', { locale: 'zh-CN' });
    const keep = /记得保留：(.*)/.exec(answer.text)?.[1] ?? '';
    expect(keep).toContain('和站长、老板、客服的聊天记录');
  });
});
