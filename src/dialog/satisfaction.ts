/**
 * The one satisfaction question after a case closes: the choices the desk
 * sends, and the dialog middleware that records the answer on the case.
 * Typed "1"–"5" works too, because the choices are saved as the last choices.
 */
import { tr, type BiText } from '../core/i18n.js';
import type { Middleware } from '../core/pipeline.js';
import type { Choice, Locale } from '../core/types.js';
import type { DialogServices } from './services.js';
import { SATISFACTION_ACTION, satisfactionScore } from '../cases/satisfaction.js';

const CHOICE_PREFIX = 'satisfaction:';
const LABELS: BiText[] = [
  { 'zh-CN': '1 很不满意', en: '1 Very unhappy' },
  { 'zh-CN': '2 不满意', en: '2 Unhappy' },
  { 'zh-CN': '3 一般', en: '3 OK' },
  { 'zh-CN': '4 满意', en: '4 Happy' },
  { 'zh-CN': '5 很满意', en: '5 Very happy' },
];


/** What the worker reads after rating a closed case. */
const SATISFACTION_TEXT = {
  thanks: {
    'zh-CN': '谢谢您的评价（{score} 分），我们会继续改进。有新问题随时告诉我。',
    en: 'Thank you for your rating ({score}). We will keep improving. Tell me any time if something new comes up.',
  },
} satisfies Record<string, BiText>;

/** The five choices for a closed case (ids carry the case so an old button still counts for the right case). */
export function satisfactionChoices(caseId: string, locale: Locale): Choice[] {
  return LABELS.map((label, i) => ({ id: `${CHOICE_PREFIX}${caseId}:${i + 1}`, label: tr(locale, label) }));
}

/** Parse a satisfaction choice id. */
export function parseSatisfactionChoice(choiceId: string | undefined): { caseId: string; score: number } | undefined {
  const m = choiceId ? /^satisfaction:(.+):([1-5])$/.exec(choiceId) : null;
  return m ? { caseId: m[1], score: Number(m[2]) } : undefined;
}

/** Dialog middleware: record a satisfaction answer on the worker's own closed case, once. */
export const satisfactionAnswer: Middleware<DialogServices> = async (ctx, next) => {
  const answer = parseSatisfactionChoice(ctx.message.choiceId);
  if (!answer || ctx.message.isGroup) return next();
  const { cases, identities } = ctx.services;
  const keys = await identities.linkedUserKeys(ctx.message.userKey);
  const record = await cases.getCase(answer.caseId);
  if (!record || !keys.includes(record.userKey) || record.status !== 'closed') return next();
  if (satisfactionScore(await cases.history(record.id)) === undefined) {
    await cases.updateCase(record.id, {}, `worker:${ctx.message.userKey}`, `${SATISFACTION_ACTION}${answer.score}`, ctx.clock.now());
  }
  ctx.state.lastChoices = undefined;
  ctx.reply({ text: tr(ctx.locale, SATISFACTION_TEXT.thanks, { score: answer.score }), meta: { intent: 'satisfaction', caseId: record.id } });
};
