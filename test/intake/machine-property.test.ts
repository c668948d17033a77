import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CATEGORIES, type Category } from '../../src/core/types.js';
import { intakeStateSchema, startIntake, stepIntake, type IntakeInput, type IntakeResult } from '../../src/intake/index.js';
import { evidenceRef, intakeContext } from './helpers.js';

const REALISTIC = [
  '站长两个月没给我结工资了', '送餐路上被车撞了', '被罚了五十', '封号', '没交社保', '小区不让进', '建议在超市附近建个驿站',
  '对', '是的', '嗯', '不是', '没有', '不知道', '跳过', '帮助', '怎么填', '算了', '取消', '不弄了', '继续', '改一下金额',
  '金额写错了', '修改', '改电话', '确认', '提交', '三千五', '3.5k', '八百多', '上个月15号', '前天', '2026-10-01', '9月到10月',
  '十几个人', '就我一个', '北京朝阳', '深圳南山', '13812345678', '11010519491231002X', '王师傅', '美团', '1', '2', '3', '9', '12', '0', '__proto__', 'constructor',
];
const CHOICE_IDS = [
  'yes', 'no', 'confirm', 'edit', 'cancel', 'continue', 'skip', 'help', 'opt:yes', 'opt:no', 'opt:unknown', 'opt:fine',
  'edit:amountOwed', 'edit:@category', 'edit:@contact', 'edit:@name', 'edit:nope', 'valueOf', '__proto__', 'constructor', 'edit:__proto__', 'opt:toString', ...CATEGORIES.map((c) => `cat:${c}`), 'cat:bogus', '',
];

const text = fc.oneof(
  fc.constantFrom(...REALISTIC),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\n\t', '😀', '🙏🙏🙏', '\u0000', '\ud83d', '？', '...', '１２'),
  fc.integer({ min: 1, max: 20_000 }).map((n) => '欠'.repeat(n)),
);

const input: fc.Arbitrary<IntakeInput> = fc.record(
  {
    text,
    choiceId: fc.oneof(fc.constantFrom(...CHOICE_IDS), fc.string({ maxLength: 12 })),
    evidence: fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 5 }).map(evidenceRef),
        fc.constant({ sha256: '', size: -1, receivedAt: 'x' } as unknown as ReturnType<typeof evidenceRef>),
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['text'] },
);

const instant = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });
const preset = fc.option(fc.record({ category: fc.constantFrom<Category>(...CATEGORIES), text: fc.option(text, { nil: undefined }) }, { requiredKeys: ['category'] }), {
  nil: undefined,
});

function checkResult(result: IntakeResult): void {
  if (result.state) {
    // Still going: the state is valid JSON for the schema and the worker is asked something.
    const saved = JSON.parse(JSON.stringify(result.state));
    const parsed = intakeStateSchema.safeParse(saved);
    if (!parsed.success) throw new Error(`invalid state: ${JSON.stringify(parsed.error.issues)}`);
    expect(result.draft).toBeUndefined();
    expect(result.replies.length).toBeGreaterThan(0);
    for (const reply of result.replies) {
      expect(reply.text.trim().length).toBeGreaterThan(0);
      expect(reply.meta.intent.startsWith('intake')).toBe(true);
      for (const choice of reply.choices ?? []) expect(choice.label.length).toBeGreaterThan(0);
    }
  } else if (result.draft) {
    // Ended with a case to create.
    expect(CATEGORIES).toContain(result.draft.category);
    expect(Number.isNaN(Date.parse(result.draft.dueAt))).toBe(false);
    expect(JSON.parse(JSON.stringify(result.draft))).toEqual(result.draft);
  } else {
    // Ended by cancelling, and said so.
    expect(result.replies.map((r) => r.meta.intent)).toEqual(['intake_cancelled']);
  }
}

describe('intake never breaks, whatever the worker sends', () => {
  it('no input sequence throws; every state is valid, survives JSON, and the machine asks or ends', () => {
    fc.assert(
      fc.property(input, preset, fc.array(input, { maxLength: 30 }), instant, (first, start, steps, now) => {
        const ctx = intakeContext(now.getTime() % 2 === 0 ? 'zh-CN' : 'en', { now: () => now });
        let result = startIntake(first, ctx, start);
        checkResult(result);
        expect(result.state).not.toBeNull();
        for (const step of steps) {
          if (!result.state) break;
          const restored = JSON.parse(JSON.stringify(result.state));
          const fromSaved = stepIntake(restored, step, ctx);
          // A restarted process continues exactly as the live one would.
          expect(fromSaved).toEqual(stepIntake(result.state, step, ctx));
          result = fromSaved;
          checkResult(result);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a draft appears only on the turn the worker confirms', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...REALISTIC), { minLength: 1, maxLength: 40 }), (messages) => {
        const ctx = intakeContext();
        let result = startIntake({ text: messages[0] }, ctx);
        let drafts = 0;
        for (const message of messages.slice(1)) {
          if (!result.state) break;
          const phase = result.state.phase;
          result = stepIntake(result.state, { text: message }, ctx);
          if (result.draft) {
            drafts++;
            expect(phase).toBe('summary');
          }
        }
        expect(drafts).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
