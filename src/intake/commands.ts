/** Words that steer the intake itself rather than answer a question: cancel, help, skip, change an answer. */
import { compactAnswer } from '../text/normalize.js';
import { isUnsureAnswer } from '../text/yes-no.js';

/** A command a worker typed (or pressed) inside intake. */
export type IntakeCommand =
  | { kind: 'cancel' }
  | { kind: 'help' }
  | { kind: 'skip' }
  /** `target` is a slot id or a special target (`@category`, `@contact`, `@name`); absent: ask which. */
  | { kind: 'edit'; target?: string };

const CANCEL = new Set([
  '算了', '取消', '不弄了', '不搞了', '不填了', '不登记了', '不办了', '退出', '不想弄了', '取消登记', '不报了',
  '不想登记了', 'cancel', 'quit', 'stop', 'exit',
]);
const HELP = new Set(['帮助', '怎么填', '怎么弄', '不会填', '啥意思', '什么意思', '看不懂', '怎么回答', '求助', 'help', '帮忙']);
const QUESTION_MARKS = /^[?？]+$/;
const SKIP = new Set(['跳过', '下一个', '下一题', '略过', '不想说', '不方便说', '没有这个', 'skip', 'next', 'pass']);
const COMMAND_MAX_LENGTH = 16;
const EDIT_EXPLICIT = /^(我(要|想))?(修改|更改|更正|改一下|改下|改改|重新填|重填|重新写|要改)(一下)?(.*)$/;
const EDIT_BARE = /^改(.+)$/;
const EDIT_AFTER = /^(.*?)(写错了|填错了|弄错了|搞错了|说错了|错了|不对)$/;

/** Choice ids that stand for commands (buttons on the summary, cancel and edit questions); a Map so "valueOf" is no command. */
export const COMMAND_CHOICES: ReadonlyMap<string, IntakeCommand> = new Map<string, IntakeCommand>([
  ['cancel', { kind: 'cancel' }],
  ['help', { kind: 'help' }],
  ['skip', { kind: 'skip' }],
  ['edit', { kind: 'edit' }],
]);

/** Cancel, help or skip when the whole message is one of those words; checked before any answer. */
export function detectControlCommand(text: string): IntakeCommand | undefined {
  if (QUESTION_MARKS.test(text.trim())) return { kind: 'help' };
  const t = compactAnswer(text);
  if (t.length === 0 || t.length > COMMAND_MAX_LENGTH) return undefined;
  if (CANCEL.has(t)) return { kind: 'cancel' };
  if (HELP.has(t)) return { kind: 'help' };
  if (SKIP.has(t) || isUnsureAnswer(t)) return { kind: 'skip' };
  return undefined;
}

/**
 * "改一下金额", "金额写错了", "我要改": a request to change an earlier answer. `resolve`
 * maps the rest of the words to a target. A bare "改…" counts only when it names a target,
 * so an answer like "改了派单规则" stays an answer.
 */
export function detectEditCommand(text: string, resolve: (words: string) => string | undefined): IntakeCommand | undefined {
  const t = compactAnswer(text);
  if (t.length === 0 || t.length > COMMAND_MAX_LENGTH) return undefined;
  const explicit = EDIT_EXPLICIT.exec(t);
  if (explicit) {
    const words = explicit[5];
    return { kind: 'edit', target: words ? resolve(words) : undefined };
  }
  const bare = EDIT_BARE.exec(t);
  if (bare) {
    const target = resolve(bare[1]);
    return target ? { kind: 'edit', target } : undefined;
  }
  const after = EDIT_AFTER.exec(t);
  if (after) {
    if (!after[1]) return { kind: 'edit' };
    const target = resolve(after[1]);
    return target ? { kind: 'edit', target } : undefined;
  }
  return undefined;
}
