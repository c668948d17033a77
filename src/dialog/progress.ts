/** "查进度": a worker's own cases (never anyone else's), with status, owner and next step. */
import { tr } from '../core/i18n.js';
import type { CaseRecord } from '../cases/model.js';
import type { DialogContext, DialogTurn } from './services.js';
import { CATEGORY_LABEL, M, NEXT_STEP, STATUS_LABEL } from './messages.js';

/** Describe one case for its owner. */
async function describe(ctx: DialogContext, c: CaseRecord): Promise<string> {
  const owner = c.owner ? await ctx.services.handoff.ownerName(c.owner) : undefined;
  return tr(ctx.locale, M.progressLine, {
    id: c.id,
    category: tr(ctx.locale, CATEGORY_LABEL[c.category] ?? CATEGORY_LABEL.other),
    status: tr(ctx.locale, STATUS_LABEL[c.status] ?? STATUS_LABEL.open),
    owner: owner ? tr(ctx.locale, M.ownerStaff, { name: owner }) : tr(ctx.locale, M.ownerBot),
    next: c.nextStep ?? tr(ctx.locale, NEXT_STEP[c.status] ?? NEXT_STEP.open),
    note: c.publicNote ? tr(ctx.locale, M.progressNote, { note: c.publicNote }) : '',
  });
}

/** Reply with the worker's cases, or the one named if it is theirs. */
export async function showProgress(ctx: DialogContext, caseId?: string): Promise<void> {
  const keys = await ctx.services.identities.linkedUserKeys(ctx.message.userKey);
  const mine = await ctx.services.cases.listCasesByUser(keys);
  if (caseId) {
    const c = mine.find((x) => x.id === caseId);
    if (!c) return void ctx.reply({ text: tr(ctx.locale, M.caseNotFound, { id: caseId }), meta: { intent: 'progress' } });
    return void ctx.reply({ text: await describe(ctx, c), meta: { intent: 'progress', caseId: c.id } });
  }
  if (!mine.length) return void ctx.reply({ text: tr(ctx.locale, M.noCases), meta: { intent: 'progress' } });
  const shown = mine.slice(0, 5);
  const parts = await Promise.all(shown.map((c) => describe(ctx, c)));
  ctx.reply({
    text: `${tr(ctx.locale, M.progressHeader)}\n\n${parts.join('\n\n')}`,
    meta: { intent: 'progress', caseId: shown[0].id },
  });
}

/** How long after closing a case a follow-up is taken as being about it. */
const FOLLOW_UP_DAYS = 30;

/**
 * A worker writes about their problem again soon after the case was closed ("周五了 还是没给钱 咋整"):
 * link to that case and offer to reopen it. True when it replied.
 */
export async function closedCaseFollowUp(ctx: DialogTurn): Promise<boolean> {
  const id = ctx.state.activeCaseId;
  if (!id) return false;
  const c = await ctx.services.cases.getCase(id);
  if (!c || c.status !== 'closed') return false;
  const keys = await ctx.services.identities.linkedUserKeys(ctx.message.userKey);
  if (!keys.includes(c.userKey)) return false;
  const age = ctx.clock.now().getTime() - Date.parse(c.updatedAt);
  if (!(age >= 0 && age <= FOLLOW_UP_DAYS * 86_400_000)) return false;
  const u = ctx.understanding;
  if (u.category && u.category !== c.category && c.category !== 'other') return false;
  const choices = [
    { id: `reopen:${c.id}`, label: tr(ctx.locale, M.reopenChoice) },
    { id: 'new_question', label: tr(ctx.locale, M.newQuestionChoice) },
  ];
  ctx.reply({
    text: tr(ctx.locale, M.closedFollowUp, { id: c.id, category: tr(ctx.locale, CATEGORY_LABEL[c.category] ?? CATEGORY_LABEL.other) }),
    choices,
    meta: { intent: 'closed_follow_up', caseId: c.id },
  });
  ctx.state.lastChoices = choices;
  // "不用，是新问题" leads to the answer; the case stays closed and is not offered again this time.
  ctx.state.activeCaseId = undefined;
  ctx.state.pendingIntake = { category: u.category ?? c.category, text: ctx.message.text.slice(0, 500) };
  return true;
}

/** Reopen the worker's own closed case; staff are told through the queue (the one who closed it sees it back). */
export async function reopenCase(ctx: DialogTurn, caseId: string): Promise<void> {
  const keys = await ctx.services.identities.linkedUserKeys(ctx.message.userKey);
  const c = await ctx.services.cases.getCase(caseId);
  if (!c || !keys.includes(c.userKey)) return void ctx.reply({ text: tr(ctx.locale, M.caseNotFound, { id: caseId }), meta: { intent: 'progress' } });
  const actor = `worker:${ctx.message.userKey}`;
  // back in the queue for anyone to take: the closing mediator is told, but no longer holds it
  if (c.status === 'closed') await ctx.services.cases.updateCase(c.id, { status: 'open', owner: undefined, outcome: undefined }, actor, 'reopened_by_worker', ctx.clock.now());
  ctx.state.pendingIntake = undefined;
  ctx.state.activeCaseId = c.id;
  const { caseRecord } = await ctx.services.handoff.request({
    userKey: c.userKey,
    channel: ctx.message.channel,
    conversationKey: ctx.message.conversationKey,
    locale: ctx.locale,
    reason: 'reopened',
    caseId: c.id,
    category: c.category,
  });
  ctx.reply({
    text: tr(ctx.locale, M.reopened, { id: caseRecord.id }),
    meta: { intent: 'reopened', caseId: caseRecord.id, handoff: { caseId: caseRecord.id, reason: 'reopened' } },
  });
}
