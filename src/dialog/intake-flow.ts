/**
 * Glue between the dialog and the intake state machine: start, step, answer
 * a question asked in the middle, and turn a confirmed draft into a case.
 */
import type { Category } from '../core/types.js';
import { tr } from '../core/i18n.js';
import {
  startIntake,
  stepIntake,
  resumeIntake,
  caseCreatedReplies,
  type IntakeContext,
  type IntakeResult,
} from '../intake/index.js';
import type { CaseDraft, CaseRecord } from '../cases/model.js';
import type { DialogContext, DialogTurn } from './services.js';
import { M } from './messages.js';
import { answerQuestion } from './qa-flow.js';

function intakeContext(ctx: DialogContext): IntakeContext {
  return {
    clock: ctx.clock,
    locale: ctx.locale,
    userKey: ctx.message.userKey,
    channel: ctx.message.channel,
    conversationKey: ctx.message.conversationKey,
  };
}

/** Apply a machine result: replies, saved state, and the case when the worker confirmed. */
async function apply(ctx: DialogContext, result: IntakeResult): Promise<void> {
  ctx.state.intake = result.state ?? undefined;
  for (const r of result.replies) ctx.reply(r);
  ctx.state.lastChoices = result.replies.at(-1)?.choices?.length ? result.replies.at(-1)!.choices : undefined;
  if (!result.draft) return;
  const draft = { ...result.draft, evidence: [...result.draft.evidence] };
  // Files sent before the intake started belong to this case too.
  const known = new Set(draft.evidence.map((e) => e.sha256));
  for (const e of ctx.state.pendingEvidence ?? []) if (!known.has(e.sha256)) draft.evidence.push(e);
  ctx.state.pendingEvidence = undefined;
  const needsPerson = draft.tier !== 'on_the_spot';
  const created = (await completeQueuedCase(ctx, draft)) ??
    (await ctx.services.cases.createCase(
      { ...draft, status: needsPerson ? 'waiting' : 'open', origin: draft.origin ?? 'intake' },
      `worker:${ctx.message.userKey}`,
      ctx.clock.now(),
    ));
  ctx.state.activeCaseId = created.id;
  const replies = caseCreatedReplies(created, ctx.locale, ctx.clock);
  for (const r of replies) {
    ctx.reply({
      ...r,
      meta: {
        ...r.meta,
        caseId: created.id,
        ...(needsPerson ? { handoff: { caseId: created.id, reason: 'intake' } } : {}),
      },
    });
  }
}

/**
 * A worker who asked for a person in the middle of an intake already has a
 * queued case with no facts: the finished intake fills that case instead of
 * opening a second one.
 */
async function completeQueuedCase(ctx: DialogContext, draft: CaseDraft): Promise<CaseRecord | undefined> {
  const id = ctx.state.activeCaseId;
  const queued = id ? await ctx.services.cases.getCase(id) : undefined;
  if (!queued || queued.status === 'closed' || queued.userKey !== ctx.message.userKey || Object.keys(queued.facts).length) return undefined;
  const actor = `worker:${ctx.message.userKey}`;
  const now = ctx.clock.now();
  // keep the earlier due time when the handoff promised a sooner answer
  const dueAt = Date.parse(queued.dueAt) < Date.parse(draft.dueAt) ? queued.dueAt : draft.dueAt;
  const tier = dueAt === queued.dueAt ? queued.tier : draft.tier;
  const updated = await ctx.services.cases.updateCase(
    queued.id,
    {
      category: draft.category,
      facts: draft.facts,
      summary: draft.summary,
      warnings: draft.warnings,
      tier,
      dueAt,
      anonymous: draft.anonymous,
      ...(draft.contact ? { contact: draft.contact } : {}),
    },
    actor,
    'intake_completed',
    now,
  );
  for (const e of draft.evidence) await ctx.services.cases.addEvidence(queued.id, e, actor, now);
  return updated;
}

/** Start an intake from a free description (and an optional category chosen before). */
export async function beginIntake(ctx: DialogTurn, text: string, category?: string): Promise<void> {
  const result = startIntake(
    { text, evidence: ctx.evidence },
    intakeContext(ctx),
    { text, category: category as Category | undefined },
  );
  await apply(ctx, result);
}

/**
 * Continue the intake in progress with what the understanding step read: a question inside the
 * answer is answered and the pending question asked again (with the answer part, if any, applied);
 * a correction goes to the field it names.
 */
export async function continueIntake(ctx: DialogTurn, options: { resume?: boolean; cancelQuietly?: boolean }): Promise<void> {
  // The machine validates saved state itself: a corrupt one ends politely ('intake_discarded'), never crashes.
  const state = ctx.state.intake;
  if (options.cancelQuietly) {
    ctx.state.intake = undefined;
    ctx.state.lastChoices = undefined;
    return;
  }
  if (options.resume) return apply(ctx, resumeIntake(state, intakeContext(ctx)));
  const u = ctx.understanding;
  const choiceId = ctx.message.choiceId;
  if (!choiceId && u.questionPart && !ctx.evidence.length) {
    await answerQuestion(ctx, u.questionPart, { inIntake: true });
    ctx.reply({ text: tr(ctx.locale, M.resumeIntake), meta: { intent: 'intake_resume' } });
    if (!u.answerPart) return apply(ctx, resumeIntake(state, intakeContext(ctx), []));
  }
  const text = choiceId ? ctx.message.text : (u.answerPart ?? ctx.message.text);
  const result = stepIntake(state, { text, choiceId, evidence: ctx.evidence, correction: u.correction }, intakeContext(ctx));
  await apply(ctx, result);
}
