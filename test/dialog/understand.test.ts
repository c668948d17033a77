import { describe, expect, it } from 'vitest';
import { emptyConversationState } from '../../src/core/conversation-state.js';
import { understand } from '../../src/dialog/understand.js';
import { NOT_LABOUR, TRICKY_LABOUR } from './questions.js';

const fresh = emptyConversationState();
const kind = (text: string) => understand(text, fresh).kind;

describe('scope: outside labour matters', () => {
  it.each(NOT_LABOUR)('%s is out of scope', (text) => expect(kind(text)).toBe('out_of_scope'));
  it.each(TRICKY_LABOUR)('%s is a labour matter', (text) => expect(kind(text)).not.toBe('out_of_scope'));
});

describe('crisis only for danger now', () => {
  it.each(['老板正在打我', '我不想活了', '同事晕倒了叫不醒，快叫救护车'])('%s is a crisis', (text) => expect(kind(text)).toBe('crisis'));
  it.each(['跑单的时候被顾客打了，这个算工伤不', '上个月送餐晕倒了，谁赔医药费', '一次性伤残津贴和补助金有什么区别'])('%s is not', (text) => {
    const u = understand(text, fresh);
    expect(u.kind).toBe('question');
  });
  it('a past blow asked about is marked for the safety line', () => {
    expect(understand('跑单的时候被顾客打了，这个算工伤不', fresh).pastHarm).toBe(true);
  });
  it('a definition is not the worker’s own situation', () => {
    expect(understand('一次性伤残津贴和补助金有什么区别', fresh).personal).toBe(false);
  });
});

describe('questions told as stories are questions', () => {
  it.each(['送餐路上摔了一跤手骨折了 算工伤不', '合同到期公司不续签，有没有补偿', '公司一直没给我交社保，我可以怎么维权'])('%s', (text) => {
    const u = understand(text, fresh);
    expect(u.kind).toBe('question');
    expect(u.category).toBeDefined();
  });
  it('a complaint told as a statement is a grievance', () => {
    expect(kind('站长两个月没给我结工资了')).toBe('grievance');
  });
});

describe('small talk, vague openings, progress', () => {
  it.each([
    ['你是机器人吗', 'bot_identity'],
    ['你能干啥', 'capabilities'],
    ['谢谢', 'thanks'],
    ['有真人吗', 'human'],
  ])('%s is small talk (%s)', (text, what) => {
    const u = understand(text, fresh);
    expect(u.kind).toBe('smalltalk');
    expect(u.smalltalk).toBe(what);
  });
  it.each([['我被坑了', 'general'], ['公司让我走人', 'leaving']])('%s is vague', (text, topic) => {
    const u = understand(text, fresh);
    expect(u.kind).toBe('vague');
    expect(u.vague).toBe(topic);
  });
  it.each(['我那个案子咋样了 有人管没', 'GY-2026-000003 怎么样了', '查进度'])('%s asks for progress', (text) => expect(kind(text)).toBe('progress'));
  it('reads the case number', () => expect(understand('GY-2026-000003 怎么样了', fresh).caseId).toBe('GY-2026-000003'));
});

describe('an answer with a question inside', () => {
  const inIntake = { ...fresh, intake: { version: 1, phase: 'slot', slot: 'reported', category: 'injury', description: '', answers: {}, answerTexts: {}, prefilled: [], skipped: [], notes: [], consent: 'unasked', contact: {}, evidence: [], attempts: 0, violence: false, startedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' } };
  it('splits the answer from the question', () => {
    const u = understand('跟站长说了 他说自己负责 平台不赔。工伤认定要多久', inIntake);
    expect(u.kind).toBe('answer');
    expect(u.questionPart).toMatch(/工伤认定要多久/);
    expect(u.answerPart).toBe('跟站长说了 他说自己负责 平台不赔。');
  });
  it('a whole question is not an answer part', () => {
    const u = understand('工伤认定要多久啊', inIntake);
    expect(u.questionPart).toBe('工伤认定要多久啊');
    expect(u.answerPart).toBe('');
  });
  it('a correction is marked', () => {
    expect(understand('不对，我没申请工伤认定', inIntake).correction).toBe(true);
    expect(understand('金额是四千不是三千', inIntake).correction).toBe(true);
  });
});
