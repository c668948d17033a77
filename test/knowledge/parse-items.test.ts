/**
 * Documents without 第X条, on small texts made up for the test: items （一）（二）… that run through
 * the whole text are the passages, items that start again under each section stay with it, and a
 * notice with sections only is split by section.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument, passageUnit } from '../../src/knowledge/parse.js';
import { articlesToPassages } from '../../src/knowledge/split.js';

const GUIDANCE = [
  '# 关于改善骑手歇脚条件的指导意见',
  '',
  '示例发〔2099〕1号',
  '',
  '<!-- INFO END -->',
  '',
  '各站点：',
  '',
  '为了让骑手有地方歇脚，提出以下意见：',
  '',
  '## 一、场地',
  '',
  '（一）每个站点设一处歇脚点，备有饮水和充电插座。',
  '',
  '（二）歇脚点夜里也开着。',
  '',
  '## 二、费用',
  '',
  '本部分说的费用都由平台出。',
  '',
  '（三）骑手用歇脚点不收钱。',
  '',
  '这一段还属于第三项。',
  '',
  '## 三、落实',
  '',
  '（四）各站点年底前报告落实情况。',
  '',
  '各站点要认真落实。',
  '',
  '示例委员会',
  '',
  '2099年1月1日',
].join('\n');

const NOTICE_WITH_LISTS = [
  '# 关于登记骑手工作证的通知',
  '',
  '<!-- INFO END -->',
  '',
  '各站点：',
  '',
  '一、站点应当给骑手登记工作证，登记时核对下列材料：',
  '',
  '（一）身份证；',
  '',
  '（二）健康证。',
  '',
  '三、四月入职的骑手可以晚一个月交健康证。',
  '',
  '二、下列情形不予登记：',
  '',
  '（一）材料不全的；',
  '',
  '（二）车辆未年检的。',
  '',
  '三、本通知自发布之日起执行。',
].join('\n');

const NOTICE_WITH_HEADINGS = [
  '# 关于歇脚点开放时间的通知',
  '',
  '<!-- INFO END -->',
  '',
  '各站点：',
  '',
  '## 一、白天',
  '',
  '早八点到晚八点开放。',
  '',
  '## 二、夜间',
  '',
  '晚八点以后留一处开放。',
  '',
  '## 三',
  '',
  '以前的开放时间表同时废止。',
].join('\n');

describe('a guidance document numbered by items', () => {
  const parsed = parseDocument(GUIDANCE, '歇脚指导意见');

  it('has one passage per item, numbered 1…N across the sections, and the preamble as 0', () => {
    expect(parsed.structure).toBe('items');
    expect(parsed.articles.map((article) => article.number)).toEqual([0, 1, 2, 3, 4]);
    expect(parsed.articles.map((article) => article.key)).toEqual(['0', '1', '2', '3', '4']);
    expect(parsed.articles[0].text).toBe('各站点：\n为了让骑手有地方歇脚，提出以下意见：');
  });

  it('keeps each item under its section heading, with the lines that follow it', () => {
    expect(parsed.articles.slice(1).map((article) => article.heading)).toEqual(['一、场地', '一、场地', '二、费用', '三、落实']);
    expect(parsed.articles[1].text).toBe('（一）每个站点设一处歇脚点，备有饮水和充电插座。');
    // Text between a section heading and its first item opens that item; a later paragraph stays with it.
    expect(parsed.articles[3].text).toBe('本部分说的费用都由平台出。\n（三）骑手用歇脚点不收钱。\n这一段还属于第三项。');
    // The closing lines and the signature stay with the last item, as they do with a last article.
    expect(parsed.articles[4].text.split('\n')).toEqual(['（四）各站点年底前报告落实情况。', '各站点要认真落实。', '示例委员会', '2099年1月1日']);
    // A section heading is not a passage of its own.
    expect(parsed.articles.some((article) => article.text.startsWith('一、') || article.text.startsWith('二、'))).toBe(false);
  });

  it('gives passages that say they are items', async () => {
    const passages = await articlesToPassages('歇脚指导意见', parsed.articles, undefined, passageUnit(parsed.structure));
    expect(passages.map((passage) => passage.id)).toEqual(['歇脚指导意见#0', '歇脚指导意见#1', '歇脚指导意见#2', '歇脚指导意见#3', '歇脚指导意见#4']);
    expect(new Set(passages.map((passage) => passage.unit))).toEqual(new Set(['item']));
    expect(passages[2]).toMatchObject({ law: '歇脚指导意见', article: 2, title: '一、场地' });
  });
});

describe('notices numbered by sections', () => {
  it('items that start again under each section stay with their section; sections may be plain lines', () => {
    const parsed = parseDocument(NOTICE_WITH_LISTS, '工作证通知');
    expect(parsed.structure).toBe('sections');
    expect(parsed.articles.map((article) => article.number)).toEqual([0, 1, 2, 3]);
    // A line that starts 三、 in section 一 is not a section: only the next number (二) starts one.
    expect(parsed.articles[1].text.split('\n')).toEqual(['一、站点应当给骑手登记工作证，登记时核对下列材料：', '（一）身份证；', '（二）健康证。', '三、四月入职的骑手可以晚一个月交健康证。']);
    expect(parsed.articles[2].text.split('\n')).toEqual(['二、下列情形不予登记：', '（一）材料不全的；', '（二）车辆未年检的。']);
    expect(parsed.articles[3].text).toBe('三、本通知自发布之日起执行。');
  });

  it('a notice with section headings only is split by section, and its passages say so', async () => {
    const parsed = parseDocument(NOTICE_WITH_HEADINGS, '开放时间通知');
    expect(parsed.structure).toBe('sections');
    expect(parsed.articles.map((article) => [article.number, article.heading])).toEqual([[0, ''], [1, '一、白天'], [2, '二、夜间'], [3, '三']]);
    const passages = await articlesToPassages('开放时间通知', parsed.articles, undefined, passageUnit(parsed.structure));
    expect(new Set(passages.map((passage) => passage.unit))).toEqual(new Set(['section']));
  });

  it('documents with 第X条 are unchanged: no unit on their passages', async () => {
    const parsed = parseDocument('# 示例条例\n\n第一条 第一条的内容。\n\n（一）一项；\n\n第二条 第二条的内容。', '示例条例');
    expect(parsed.structure).toBe('articles');
    expect(passageUnit(parsed.structure)).toBeUndefined();
    const passages = await articlesToPassages('示例条例', parsed.articles, undefined, passageUnit(parsed.structure));
    expect(passages.map((passage) => [passage.id, 'unit' in passage])).toEqual([['示例条例#1', false], ['示例条例#2', false]]);
  });
});
