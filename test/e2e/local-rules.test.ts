/**
 * Through the web API with the real bot: a worker who told the intake where they work gets that
 * place's local rule when asking a question, not another city's. The two rules are made up.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { startHarness, texts, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  const laws = path.join(h.dir, 'local-laws');
  mkdirSync(laws);
  for (const [city, amount] of [
    ['深圳市', '二百'],
    ['北京市', '一百八十'],
  ]) {
    writeFileSync(
      path.join(laws, `${city}平台配送员权益保障办法.md`),
      `# ${city}平台配送员权益保障办法（测试用）\n\n<!-- INFO END -->\n\n第一条 为保障本市平台配送员的合法权益，制定本办法。\n\n第二条 每年六月至九月，平台企业应当向从事户外配送的配送员发放高温津贴，每月不低于${amount}元。\n`,
    );
  }
  const kb = await openKnowledgeBase({ dataDir: h.dir });
  await kb.import([laws]);
  await kb.close();
  await h.restart();
});
afterEach(async () => {
  await h.close();
});

const quotedCity = (text: string): string | undefined => /依据《(..)市平台配送员权益保障办法》第二条/.exec(text)?.[1];

describe('local rules follow where the worker works', () => {
  it('quotes the rule of the city given in the intake, for each worker', async () => {
    for (const [user, city, expected] of [
      ['bj', '北京朝阳', '北京'],
      ['sz', '深圳南山', '深圳'],
    ]) {
      await h.say(user, '站长两个月没给我结工资了');
      await h.say(user, '是');
      await h.say(user, '美团 配送站');
      expect(texts(await h.say(user, city))).toMatch(/多少钱/);
      const answer = await h.say(user, '夏天的高温津贴每月有多少？');
      expect(answer.some((reply) => reply.meta.intent === 'legal_qa')).toBe(true);
      expect(quotedCity(texts(answer))).toBe(expected);
    }
  });

  it('after the case is filed, the workplace on the case still counts, and a district names its city', async () => {
    const user = 'bj-case';
    const done = await h.sayEach(user, ['站长两个月没给我结工资了', '是', '美团 配送站', '海淀区', '三千五', '就我一个', '还在干', '有聊天记录', '不留', '确认']);
    const caseId = done[0].meta.caseId;
    expect(caseId).toBeDefined();
    expect((await h.g.storage.cases.getCase(caseId!))?.facts.workplace).toMatchObject({ text: '海淀区', city: '北京市' });
    // A restart on the way: the place comes from the stored case, not from memory.
    await h.restart();
    const answer = await h.say(user, '夏天的高温津贴每月有多少？');
    // Without the case's place this question gets 深圳's rule (checked with the old search).
    expect(quotedCity(texts(answer))).toBe('北京');
  });
});
