import { describe, expect, it } from 'vitest';
import {
  awaitsFreeText,
  describeIntakePosition,
  intakeStateSchema,
  MAX_ATTEMPTS,
  resumeIntake,
  startIntake,
  stepIntake,
} from '../../src/intake/index.js';
import { converse, evidenceRef, finalResult, intakeContext, lastText } from './helpers.js';

const WAGES = '站长两个月没给我结工资了';

describe('changing an earlier answer', () => {
  it('"金额写错了" re-asks that slot, then returns to the question the worker was on', () => {
    const results = converse(WAGES, ['对', '美团', '深圳', '3500', '金额写错了', '4500']);
    const [, , , , beforeEdit, editing, after] = results;
    expect(beforeEdit.state?.slot).toBe('workersAffected');
    expect(editing.state?.slot).toBe('amountOwed');
    expect(after.state?.slot).toBe('workersAffected');
    expect(after.state?.answers.amountOwed).toEqual({ amount: 4500, approximate: false });
  });

  it('"改一下金额" at the summary re-asks the amount and comes back to the summary', () => {
    const results = converse(WAGES, ['对', '美团', '深圳', '3500', '就我一个', '在干', '没有', '不留', '改一下金额', '八百多']);
    const last = finalResult(results);
    expect(results[results.length - 2].state?.slot).toBe('amountOwed');
    expect(last.state?.phase).toBe('summary');
    expect(lastText(last)).toContain('约800元');
  });

  it('"修改" without an item lists what can be changed, and a numbered pick works', () => {
    const results = converse(WAGES, ['对', '美团', '深圳', '3500', '就我一个', '在干', '没有', '不留', '修改']);
    const list = finalResult(results);
    expect(list.state?.phase).toBe('pick_edit');
    const choices = list.replies[0].choices!;
    expect(choices[0].id).toBe('edit:@category');
    expect(choices.map((c) => c.id)).toContain('edit:amountOwed');
    expect(choices[choices.length - 1].id).toBe('continue');
    const pickedNumber = String(choices.findIndex((c) => c.id === 'edit:workplace') + 1);
    const editing = stepIntake(list.state!, { text: pickedNumber }, intakeContext());
    expect(editing.state?.slot).toBe('workplace');
    const back = stepIntake(list.state!, { text: '', choiceId: 'continue' }, intakeContext());
    expect(back.state?.phase).toBe('summary');
  });

  it('changing "still working" to no brings up the leaving date; back to yes drops it', () => {
    const base = converse(WAGES, ['对', '美团', '深圳', '3500', '就我一个', '不干了', '上个月15号', '没有', '不留']);
    expect(finalResult(base).state?.answers.leftDate).toBeDefined();
    const results = converse(WAGES, ['对', '美团', '深圳', '3500', '就我一个', '不干了', '上个月15号', '没有', '不留', '改一下在职', '还在干']);
    const last = finalResult(results);
    expect(last.state?.phase).toBe('summary');
    expect(last.state?.answers.leftDate).toBeUndefined();
  });

  it('changing the category keeps the answers both categories ask', () => {
    const results = converse(WAGES, ['对', '美团', '深圳', '改一下类型']);
    const choosing = finalResult(results);
    expect(choosing.state?.phase).toBe('choose_category');
    const moved = stepIntake(choosing.state!, { text: '', choiceId: 'cat:social_insurance' }, intakeContext());
    expect(moved.state?.category).toBe('social_insurance');
    expect(moved.state?.answers.employer).toEqual({ name: '美团', platforms: ['美团'] });
    expect(moved.state?.answers.workplace).toMatchObject({ city: '深圳市' });
    expect(moved.state?.answers.period).toBeUndefined();
    expect(moved.state?.notes.some((n) => n.slot === 'period')).toBe(true);
    expect(moved.state?.slot).toBe('workStart');
  });

  it('the phone number can be changed from the summary', () => {
    const results = converse(WAGES, ['对', '美团', '深圳', '3500', '就我一个', '在干', '没有', '愿意', '13812345678', '跳过', '电话写错了', '1', '13900001111']);
    const last = finalResult(results);
    expect(last.state?.phase).toBe('summary');
    expect(last.state?.contact.phone).toBe('13900001111');
  });
});

describe('cancelling', () => {
  it('with answers given, asks once to make sure, then ends with intake_cancelled', () => {
    const results = converse(WAGES, ['对', '美团', '算了']);
    const asking = finalResult(results);
    expect(asking.state?.phase).toBe('confirm_cancel');
    const done = stepIntake(asking.state!, { text: '取消' }, intakeContext());
    expect(done.state).toBeNull();
    expect(done.draft).toBeUndefined();
    expect(done.replies[0].meta.intent).toBe('intake_cancelled');
    const kept = stepIntake(asking.state!, { text: '继续填写' }, intakeContext());
    expect(kept.state?.slot).toBe('workplace');
  });

  it('"继续" or the continue button returns to the same question', () => {
    const asking = finalResult(converse(WAGES, ['对', '美团', '不弄了']));
    const back = stepIntake(asking.state!, { text: '', choiceId: 'continue' }, intakeContext());
    expect(back.state?.phase).toBe('slot');
    expect(back.state?.slot).toBe('workplace');
    const no = stepIntake(asking.state!, { text: '不' }, intakeContext());
    expect(no.state?.slot).toBe('workplace');
  });

  it('before anything was answered, cancels at once', () => {
    const done = finalResult(converse(WAGES, ['算了']));
    expect(done.state).toBeNull();
    expect(done.replies[0].meta.intent).toBe('intake_cancelled');
  });
});

describe('help, skip and invalid answers', () => {
  it('help explains the commands and repeats the current question without moving', () => {
    const results = converse(WAGES, ['对', '美团', '深圳', '怎么填']);
    const help = finalResult(results);
    expect(help.replies[0].meta.intent).toBe('intake_help');
    expect(lastText(help)).toContain('跳过');
    expect(lastText(help)).toContain('一共被欠了多少钱');
    expect(help.state?.slot).toBe('amountOwed');
  });

  it('an unreadable amount is re-asked with an example; after MAX_ATTEMPTS the words are kept and intake moves on', () => {
    const bad = Array.from({ length: MAX_ATTEMPTS }, (_, i) => `老板说过几天给${'！'.repeat(i + 1)}`);
    const results = converse(WAGES, ['对', '美团', '深圳', ...bad]);
    const firstRetry = results[4];
    expect(firstRetry.state?.slot).toBe('amountOwed');
    expect(lastText(firstRetry)).toContain('没看懂');
    expect(lastText(firstRetry)).toContain('比如：三千五');
    const last = finalResult(results);
    expect(last.state?.slot).toBe('workersAffected');
    expect(lastText(last)).toContain('原话');
    expect(last.state?.skipped).toContain('amountOwed');
    expect(last.state?.answerTexts.amountOwed).toBe(bad[bad.length - 1]);
    expect(last.state?.notes.filter((n) => n.slot === 'amountOwed')).toHaveLength(MAX_ATTEMPTS);
  });

  it('"不知道" skips an optional slot, answers "unknown" where offered, and is refused for a required one', () => {
    const skipped = finalResult(converse(WAGES, ['对', '美团', '不知道']));
    expect(skipped.state?.skipped).toContain('workplace');
    expect(skipped.state?.slot).toBe('amountOwed');
    const preset = startIntake({ text: '' }, intakeContext(), { category: 'deductions' });
    const atKind = stepIntake(preset.state!, { text: '美团' }, intakeContext());
    const required = stepIntake(atKind.state!, { text: '不知道' }, intakeContext());
    expect(required.state?.slot).toBe('deductionKind');
    expect(lastText(required)).toContain('需要填写');
  });

  it('a yes/no question offers buttons, takes a typed number and rejects an unknown button id', () => {
    const atYesNo = finalResult(converse(WAGES, ['对', '美团', '深圳', '3500', '就我一个']));
    expect(atYesNo.state?.slot).toBe('stillWorking');
    expect(atYesNo.replies[0].choices?.map((c) => c.id)).toEqual(['opt:yes', 'opt:no', 'skip']);
    const typed = stepIntake(atYesNo.state!, { text: '2' }, intakeContext());
    expect(typed.state?.answers.stillWorking).toBe(false);
    const stray = stepIntake(atYesNo.state!, { text: '', choiceId: 'cat:wages' }, intakeContext());
    expect(stray.state?.slot).toBe('stillWorking');
    expect(stray.state?.attempts).toBe(1);
  });

  it('an empty message re-asks politely', () => {
    const start = startIntake({ text: WAGES }, intakeContext());
    const empty = stepIntake(start.state!, { text: '   ' }, intakeContext());
    expect(empty.state?.phase).toBe('confirm_category');
    expect(lastText(empty)).toContain('没收到文字');
  });
});

describe('categories', () => {
  it('a vague first message gets the category list; a typed category or number picks it', () => {
    const start = startIntake({ text: '我要登记' }, intakeContext());
    expect(start.state?.phase).toBe('choose_category');
    expect(start.replies[0].choices).toHaveLength(9);
    expect(stepIntake(start.state!, { text: '社保' }, intakeContext()).state?.category).toBe('social_insurance');
    expect(stepIntake(start.state!, { text: '2' }, intakeContext()).state?.category).toBe('injury');
  });

  it('"不是" to the proposed category opens the list', () => {
    const results = converse(WAGES, ['不是']);
    expect(finalResult(results).state?.phase).toBe('choose_category');
  });

  it('a preset category skips classification and prefills from the preset text', () => {
    const result = startIntake({ text: '登记诉求' }, intakeContext(), { category: 'deductions', text: '昨天美团把我封号了' });
    expect(result.state?.category).toBe('deductions');
    expect(result.state?.answers).toMatchObject({
      employer: { platforms: ['美团'] },
      deductionKind: 'account_suspended',
      incidentDate: { date: '2026-05-19', approximate: false },
    });
    expect(result.state?.slot).toBe('amount');
  });
});

describe('evidence, resuming and saved state', () => {
  it('keeps files sent at any point, once each', () => {
    const start = startIntake({ text: WAGES, evidence: [evidenceRef(1)] }, intakeContext());
    const again = stepIntake(start.state!, { text: '对', evidence: [evidenceRef(1), evidenceRef(2)] }, intakeContext());
    expect(again.state?.evidence.map((e) => e.size)).toEqual([1001, 1002]);
    expect(again.state?.category).toBe('wages');
  });

  it('photos sent at another question are acknowledged without counting as a wrong answer; bad refs are dropped', () => {
    const atAmount = finalResult(converse(WAGES, ['对', '美团', '深圳']));
    const photos = stepIntake(atAmount.state!, { text: '', evidence: [evidenceRef(3), { sha256: '', size: -1 } as never] }, intakeContext());
    expect(photos.state?.slot).toBe('amountOwed');
    expect(photos.state?.attempts).toBe(0);
    expect(photos.state?.evidence).toHaveLength(1);
    expect(lastText(photos)).toContain('收到1个文件');
    expect(lastText(photos)).toContain('一共被欠了多少钱');
  });

  it('tells the caller whether the current question takes free words', () => {
    const results = converse(WAGES, ['对', '美团', '深圳']);
    expect(awaitsFreeText(results[0].state!)).toBe(false);
    expect(awaitsFreeText(results[1].state!)).toBe(true);
    expect(awaitsFreeText(finalResult(results).state!)).toBe(false);
  });

  it('resumes at the same question after a restart, from JSON', () => {
    const mid = finalResult(converse(WAGES, ['对', '美团']));
    const saved = JSON.parse(JSON.stringify(mid.state));
    const resumed = resumeIntake(saved, intakeContext());
    expect(resumed.state).toEqual(mid.state);
    expect(lastText(resumed)).toContain('接着上次');
    expect(lastText(resumed)).toContain('哪个城市');
    expect(describeIntakePosition(resumed.state!, 'zh-CN')).toContain('工资拖欠');
    expect(describeIntakePosition(resumed.state!, 'en')).toContain('In which city');
  });

  it('discards a corrupt saved state politely', () => {
    const mid = finalResult(converse(WAGES, ['对', '美团']));
    const broken = { ...JSON.parse(JSON.stringify(mid.state)), answers: { amountOwed: { amount: -5, approximate: false } } };
    for (const saved of [broken, null, 'garbage', { version: 2 }, { ...mid.state, slot: 'nope' }]) {
      expect(intakeStateSchema.safeParse(saved).success).toBe(false);
      const result = resumeIntake(saved, intakeContext());
      expect(result.state).toBeNull();
      expect(result.replies[0].meta.intent).toBe('intake_discarded');
    }
  });

  it('stepIntake itself refuses a corrupt state instead of crashing', () => {
    const mid = finalResult(converse(WAGES, ['对', '美团']));
    for (const bad of [{ ...mid.state!, phase: 'slot', slot: 'nope' }, { ...mid.state!, answers: { employer: 42 } }, {} as never]) {
      const result = stepIntake(bad as never, { text: '3500' }, intakeContext());
      expect(result.state).toBeNull();
      expect(result.replies[0].meta.intent).toBe('intake_discarded');
    }
  });

  it('adds free text at the summary to the report instead of dropping it', () => {
    const results = converse(WAGES, ['对', '美团', '深圳', '3500', '就我一个', '在干', '没有', '不留', '站长电话一直打不通']);
    const last = finalResult(results);
    expect(last.state?.phase).toBe('summary');
    expect(lastText(last)).toContain('站长电话一直打不通');
    const done = stepIntake(last.state!, { text: '', choiceId: 'confirm' }, intakeContext());
    expect(done.draft?.facts.notes).toEqual([expect.objectContaining({ text: '站长电话一直打不通' })]);
  });

  it('submits only on a clear yes at the summary; "有" starts an addition instead', () => {
    const summary = finalResult(converse(WAGES, ['对', '美团', '深圳', '3500', '就我一个', '在干', '没有', '不留']));
    expect(summary.state?.phase).toBe('summary');
    const addition = stepIntake(summary.state!, { text: '有' }, intakeContext());
    expect(addition.draft).toBeUndefined();
    expect(addition.state?.notes.map((n) => n.text)).toEqual(['有']);
    expect(stepIntake(summary.state!, { text: '没有问题' }, intakeContext()).draft?.category).toBe('wages');
    expect(stepIntake(summary.state!, { text: '不对' }, intakeContext()).state?.phase).toBe('pick_edit');
  });

  it('masks an ID number sent in any answer and says it was not kept', () => {
    const id = '11010519491231002X';
    const start = startIntake({ text: `${WAGES}，我身份证${id}` }, intakeContext());
    expect(lastText(start)).toContain('身份证号');
    expect(JSON.stringify(start.state)).not.toContain(id);
    expect(start.state?.description).toContain('[身份证号已隐藏]');
    expect(startIntake({ text: `${WAGES}，身份证 1101 0519 4912 3100 2x` }, intakeContext()).state?.description).not.toMatch(/1101 0519/);
    const later = stepIntake(start.state!, { text: `对 ${id}` }, intakeContext());
    expect(JSON.stringify(later.state)).not.toContain(id);
    expect(lastText(later)).toContain('身份证号');
  });
});

