import { describe, expect, it } from 'vitest';
import * as P from '../../src/dialog/patterns.js';

describe('dialog recognisers', () => {
  it('recognises a request for a person in the ways workers ask', () => {
    for (const t of ['转人工', '我要找人工', '帮我找调解员', '能不能找工作人员', 'talk to a person', 'I want a human agent']) {
      expect(P.isHandoffRequest(t), t).toBe(true);
    }
    for (const t of ['人工智能是什么', '站长不给钱']) expect(P.isHandoffRequest(t), t).toBe(false);
  });

  it('reads progress queries and the case number in them', () => {
    expect(P.progressQuery('查进度')).toEqual({});
    expect(P.progressQuery('进度 gy-2026-000123')).toEqual({ caseId: 'GY-2026-000123' });
    expect(P.progressQuery('GY-2026-000123')).toEqual({ caseId: 'GY-2026-000123' });
    expect(P.progressQuery('进度条是什么')).toBeUndefined();
  });

  it('switches language by command, word or button', () => {
    expect(P.langCommand('/lang en')).toBe('en');
    expect(P.langCommand('/lang zh')).toBe('zh-CN');
    expect(P.langCommand('语言')).toBe('ask');
    expect(P.langCommand('English')).toBe('en');
    expect(P.langCommand('中文')).toBe('zh-CN');
    expect(P.langCommand('我不懂英文合同')).toBeUndefined();
  });

  it('tells rejections, greetings, cancels and questions apart', () => {
    for (const t of ['没用', '还是没用', '根本不对', '答非所问', 'not helpful']) expect(P.isRejection(t), t).toBe(true);
    for (const t of ['没用的工资条', '他说我没用']) expect(P.isRejection(t), t).toBe(false);
    for (const t of ['你好', '在吗', 'hello!']) expect(P.isGreeting(t), t).toBe(true);
    expect(P.isGreeting('你好，站长不给钱')).toBe(false);
    for (const t of ['取消', '算了', '/cancel']) expect(P.isCancel(t), t).toBe(true);
    for (const t of ['公司不签劳动合同怎么办', '扣身份证合法吗', '请问加班费怎么算', '被开除了能要赔偿吗？', '跑单被狗咬了 打疫苗的钱谁出', '老板跑了工资找谁要', '干了三年被辞退能拿多少']) {
      expect(P.looksLikeQuestion(t), t).toBe(true);
    }
    for (const t of ['站长两个月没给我结工资了', '美团', '站长说医药费谁也不管，让我自己出']) expect(P.looksLikeQuestion(t), t).toBe(false);
  });

  it('reads identity-link commands', () => {
    expect(P.linkCommand('绑定')).toEqual({});
    expect(P.linkCommand('绑定 123456')).toEqual({ code: '123456' });
    expect(P.linkCommand('绑定123456')).toEqual({ code: '123456' });
    expect(P.linkCommand('绑定 12345')).toBeUndefined();
    expect(P.linkCommand('绑定 K7QM-R2XP')).toEqual({ code: 'K7QM-R2XP' });
    expect(P.linkCommand('绑定k7qmr2xp')).toEqual({ code: 'k7qmr2xp' });
    expect(P.isUnlink('解除绑定')).toBe(true);
    expect(P.isUnlink('解绑')).toBe(true);
    expect(P.isUnlink('绑定')).toBe(false);
  });
});
