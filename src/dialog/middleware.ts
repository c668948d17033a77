/**
 * The dialog as a chain of middleware. Order matters: safety first, then the
 * group rules, evidence, commands, mediator takeover, intake, and last Q&A.
 */
import type { Middleware } from '../core/pipeline.js';
import type { Choice, ReplyDraft } from '../core/types.js';
import { tr } from '../core/i18n.js';
import { crisisReply, outsideReply, outOfScopeReply } from '../safety/index.js';
import type { DialogServices, DialogContext, DialogTurn } from './services.js';
import type { EvidenceRef } from '../cases/model.js';
import { M } from './messages.js';
import { showProgress, closedCaseFollowUp, reopenCase } from './progress.js';
import { deleteMyData, eraseMyData, ERASE_CANCELLED, exportMyData, showMyData } from './privacy.js';
import { continueIntake, beginIntake } from './intake-flow.js';
import { answerQuestion, requestHandoff } from './qa-flow.js';
import { satisfactionAnswer } from './satisfaction.js';
import { understand } from './understand.js';
import { clarifyVague, smallTalkReply, vagueChoiceQuestion } from './conversation.js';

type DialogStep = (ctx: DialogTurn, next: () => Promise<void>) => Promise<void>;

/** Choices offered after a reply are remembered so a typed number can pick one. */
export function choose(ctx: DialogContext, draft: ReplyDraft): void {
  ctx.reply(draft);
  ctx.state.lastChoices = draft.choices?.length ? draft.choices : undefined;
}

/** Map a typed "1"/"2" (or a button's label) to the last offered choice when the channel has no buttons. */
const resolveNumberedChoice: Middleware<DialogServices> = async (ctx, next) => {
  const m = ctx.message;
  if (!m.choiceId && ctx.state.lastChoices) {
    const typed = m.text.trim();
    // a typed number, or the button's own words typed out, picks that choice
    const picked = /^\d{1,2}$/.test(typed)
      ? ctx.state.lastChoices[Number(typed) - 1]
      : ctx.state.lastChoices.find((c) => c.label === typed);
    if (picked) (m as { choiceId?: string }).choiceId = picked.id;
  }
  await next();
};

/** Self-harm, violence or an emergency: hotlines at once and a person, whatever else is going on. */
const crisisGuard: DialogStep = async (ctx, next) => {
  const { crisis } = ctx.understanding;
  if (!crisis) return next();
  const { caseRecord } = await requestHandoff(ctx, 'crisis', { quiet: true });
  ctx.reply({
    text: crisisReply(crisis, ctx.locale),
    meta: { intent: 'crisis', caseId: caseRecord.id, handoff: { caseId: caseRecord.id, reason: 'crisis' } },
  });
};

const GROUP_KEYWORDS = /工友助手|工会|维权|转人工|查进度|法律|工伤|欠薪/;

/** In a group: answer only when addressed, keep it short, never show personal data or cases. */
const groupPolicy: DialogStep = async (ctx, next) => {
  const m = ctx.message;
  const u = ctx.understanding;
  if (!m.isGroup) return next();
  if (!m.mentioned && !GROUP_KEYWORDS.test(m.text)) return;
  if (u.kind === 'progress') return void ctx.reply({ text: tr(ctx.locale, M.groupNoCases), meta: { intent: 'group_redirect' } });
  if (m.attachments.length || u.command?.name === 'handoff' || u.kind === 'grievance') {
    return void ctx.reply({ text: tr(ctx.locale, M.groupMoveToPrivate), meta: { intent: 'group_redirect' } });
  }
  if (u.kind === 'out_of_scope') return void ctx.reply({ text: declineText(ctx), meta: { intent: 'out_of_scope' } });
  await answerQuestion(ctx, m.text, { short: true });
};

/** Photos and files: stored at once (content hash, time), then attached to the intake or the open case. */
const evidence: DialogStep = async (ctx, next) => {
  const files = ctx.message.attachments.filter((a) => a.data);
  if (!files.length) return next();
  const now = ctx.clock.now().toISOString();
  const refs: EvidenceRef[] = [];
  for (const file of files) {
    const sha256 = await ctx.services.blobs.put(file.data!);
    refs.push({ sha256, name: file.name, mimeType: file.mimeType, size: file.data!.length, receivedAt: now });
  }
  ctx.evidence = refs;
  if (ctx.state.intake || ctx.state.mode === 'mediator') return next();
  const caseId = ctx.state.activeCaseId;
  const open = caseId ? await ctx.services.cases.getCase(caseId) : undefined;
  if (open && open.status !== 'closed') {
    for (const ref of refs) await ctx.services.cases.addEvidence(open.id, ref, `worker:${ctx.message.userKey}`, ctx.clock.now());
    ctx.reply({
      text: tr(ctx.locale, M.evidenceSaved, { count: refs.length, id: open.id, time: now.slice(0, 16).replace('T', ' ') }),
      meta: { intent: 'evidence', caseId: open.id },
    });
    if (ctx.message.text.trim()) return next();
    return;
  }
  ctx.state.pendingEvidence = [...(ctx.state.pendingEvidence ?? []), ...refs];
  if (ctx.message.text.trim()) return next();
  choose(ctx, {
    text: tr(ctx.locale, M.evidenceNoCase, { count: refs.length }),
    choices: [
      { id: 'start_intake', label: tr(ctx.locale, M.startIntakeChoice) },
      { id: 'not_now', label: tr(ctx.locale, M.notNow) },
    ],
    meta: { intent: 'evidence' },
  });
};

/** Commands that work anywhere: /start, help, language, progress, a person, delete my data. */
const commands: DialogStep = async (ctx, next) => {
  const u = ctx.understanding;
  if (u.kind === 'progress') return showProgress(ctx, u.caseId);
  const cmd = u.command;
  // "删除我的数据" waits for "确认删除"; anything else cancels it (and is then handled as usual).
  if (ctx.state.confirmErase && cmd?.name !== 'confirm_erase' && !ctx.message.isGroup) {
    ctx.state.confirmErase = undefined;
    if (cmd?.name !== 'delete_data') ctx.reply({ text: tr(ctx.locale, ERASE_CANCELLED), meta: { intent: 'privacy_delete_cancelled' } });
  }
  if (!cmd) return next();
  const lang = cmd.name === 'lang' ? cmd.lang : undefined;
  if (lang === 'ask') {
    const choices: Choice[] = [
      { id: 'lang:zh-CN', label: '中文' },
      { id: 'lang:en', label: 'English' },
    ];
    return choose(ctx, { text: tr(ctx.locale, M.langAsk), choices, meta: { intent: 'lang' } });
  }
  if (lang) {
    ctx.state.locale = lang;
    ctx.state.localeFromText = false;
    ctx.locale = lang;
    ctx.reply({ text: tr(lang, M.langSet), meta: { intent: 'lang', locale: lang } });
    if (ctx.state.intake) await continueIntake(ctx, { resume: true });
    return;
  }
  if (cmd.name === 'start' && !ctx.state.intake) return void ctx.reply({ text: tr(ctx.locale, M.welcome), meta: { intent: 'welcome' } });
  if (cmd.name === 'help' && !ctx.state.intake) return void ctx.reply({ text: tr(ctx.locale, M.help), meta: { intent: 'help' } });
  if (cmd.name === 'link' && !ctx.message.isGroup) return linkIdentities(ctx, cmd.code);
  if (cmd.name === 'unlink' && !ctx.message.isGroup) return unlinkIdentities(ctx);
  if (cmd.name === 'confirm_erase' && ctx.state.confirmErase && !ctx.message.isGroup) return eraseMyData(ctx);
  if (cmd.name === 'delete_data' && !ctx.message.isGroup) return deleteMyData(ctx);
  if (cmd.name === 'export_data' && !ctx.message.isGroup) return exportMyData(ctx);
  if (cmd.name === 'my_data' && !ctx.message.isGroup) return showMyData(ctx);
  if (ctx.state.mode !== 'mediator' && cmd.name === 'handoff') return void (await requestHandoff(ctx, 'requested'));
  await next();
};

/** Issue or redeem a one-time code that links this channel identity with another. */
async function linkIdentities(ctx: DialogContext, code?: string): Promise<void> {
  const ids = ctx.services.identities;
  const { userKey, conversationKey, source } = ctx.message;
  if (!code) {
    const issued = await ids.issueCode(userKey, conversationKey);
    return void ctx.reply({ text: tr(ctx.locale, M.linkCode, { code: issued }), meta: { intent: 'link' } });
  }
  const result = await ids.redeem({ userKey, conversationKey, source }, code);
  if (result.ok) return void ctx.reply({ text: tr(ctx.locale, M.linkDone, { count: result.linked.length }), meta: { intent: 'link' } });
  if (result.reason === 'too_many_attempts') {
    return void ctx.reply({ text: tr(ctx.locale, M.linkTooMany, { minutes: result.retryAfterMinutes ?? 15 }), meta: { intent: 'link_locked' } });
  }
  const why = { invalid: M.linkInvalid, expired: M.linkInvalid, same_identity: M.linkSame }[result.reason];
  ctx.reply({ text: tr(ctx.locale, why), meta: { intent: 'link' } });
}

/** "解除绑定": this identity leaves its group; the others are told. */
async function unlinkIdentities(ctx: DialogContext): Promise<void> {
  const others = await ctx.services.identities.unlink(ctx.message.userKey);
  const text = others.length ? tr(ctx.locale, M.unlinked, { count: others.length }) : tr(ctx.locale, M.notLinked);
  ctx.reply({ text, meta: { intent: 'unlink' } });
}

/** While a mediator owns the conversation the bot stays quiet and relays (except the commands above). */
const mediatorTakeover: DialogStep = async (ctx, next) => {
  if (ctx.state.mode !== 'mediator' || !ctx.state.activeCaseId) return next();
  if (ctx.state.intake && ctx.understanding.command?.name === 'cancel') return next();
  await ctx.services.handoff.relayFromWorker(ctx.state.activeCaseId, ctx.message, ctx.evidence);
};

/** Buttons that start or refuse something. */
const choices: DialogStep = async (ctx, next) => {
  const id = ctx.message.choiceId;
  const vague = vagueChoiceQuestion(id, ctx.locale);
  if (vague && !ctx.state.intake) return answerQuestion(ctx, vague.question, { category: vague.category });
  if (id?.startsWith('reopen:') && !ctx.state.intake) return reopenCase(ctx, id.slice(7));
  // A topic button under a question back: answer that topic, by the button's own words.
  if (id?.startsWith('ask:') && !ctx.state.intake) {
    const topic = ctx.state.lastChoices?.find((choice) => choice.id === id)?.label ?? ctx.message.text;
    if (topic.trim()) return answerQuestion(ctx, topic, {});
  }
  if (id === 'new_question' && ctx.state.pendingIntake && !ctx.state.intake) return answerQuestion(ctx, ctx.state.pendingIntake.text, {});
  if (id === 'start_intake' && !ctx.state.intake) {
    const pending = ctx.state.pendingIntake;
    ctx.state.pendingIntake = undefined;
    return beginIntake(ctx, pending?.text ?? '', pending?.category);
  }
  if (id === 'not_now') {
    ctx.state.offeredHandoff = false;
    return void ctx.reply({ text: tr(ctx.locale, M.okNotNow), meta: { intent: 'ack' } });
  }
  if (id === 'rephrase') {
    ctx.state.offeredHandoff = false;
    return void ctx.reply({ text: tr(ctx.locale, M.rephrase), meta: { intent: 'rephrase' } });
  }
  if (ctx.state.offeredHandoff && !ctx.state.intake) {
    if (ctx.understanding.reaction === 'yes') return void (await requestHandoff(ctx, 'low_confidence'));
    ctx.state.offeredHandoff = false;
  }
  // "好" to the offer to register: register it.
  if (ctx.understanding.reaction === 'yes' && ctx.state.pendingIntake && !ctx.state.intake) {
    const pending = ctx.state.pendingIntake;
    ctx.state.pendingIntake = undefined;
    return beginIntake(ctx, pending.text, pending.category);
  }
  if (ctx.understanding.reaction === 'yes' && !ctx.state.intake) return void ctx.reply({ text: tr(ctx.locale, M.okNotNow), meta: { intent: 'ack' } });
  await next();
};

/** Small talk answers in a line, anywhere; in an intake the pending question follows, never the last answer. */
const smallTalk: DialogStep = async (ctx, next) => {
  const u = ctx.understanding;
  if (u.reaction === 'just_asking') {
    // "我就问问": no registration; a question after it is answered.
    ctx.state.pendingIntake = undefined;
    if (ctx.state.intake) await continueIntake(ctx, { cancelQuietly: true });
    if (u.questionPart) return answerQuestion(ctx, u.questionPart, { noOffer: true });
    return void ctx.reply({ text: tr(ctx.locale, M.justAsking), meta: { intent: 'ack' } });
  }
  if (u.kind !== 'smalltalk' || !u.smalltalk) return next();
  if (u.smalltalk === 'greeting' && !ctx.state.intake) return void ctx.reply({ text: tr(ctx.locale, M.welcome), meta: { intent: 'welcome' } });
  const reply = smallTalkReply(u.smalltalk, ctx.locale);
  if (ctx.state.intake) {
    ctx.reply({ text: reply.text, meta: { intent: 'smalltalk' } });
    return continueIntake(ctx, { resume: true });
  }
  ctx.reply(reply);
  ctx.state.lastChoices = reply.choices?.length ? reply.choices : undefined;
};

/** An intake in progress gets the message (a question in the middle is answered, then intake resumes). */
const intake: DialogStep = async (ctx, next) => {
  if (!ctx.state.intake) return next();
  if (ctx.understanding.kind === 'out_of_scope') {
    ctx.reply({ text: declineText(ctx), meta: { intent: 'out_of_scope' } });
    return continueIntake(ctx, { resume: true });
  }
  await continueIntake(ctx, {});
};

/** The decline for a message outside labour matters: where to go instead. */
function declineText(ctx: DialogTurn): string {
  const outside = ctx.understanding.outside;
  return outside === 'off_topic' ? outOfScopeReply(ctx.locale) : outsideReply(outside, ctx.locale);
}

/** Otherwise: route on what the message is. */
const converse: DialogStep = async (ctx) => {
  const u = ctx.understanding;
  const text = ctx.message.text.trim();
  if (!text) return void ctx.reply({ text: tr(ctx.locale, M.help), meta: { intent: 'help' } });
  if (u.command?.name === 'cancel') return void ctx.reply({ text: tr(ctx.locale, M.nothingToCancel), meta: { intent: 'cancel' } });
  if (u.kind === 'out_of_scope') {
    ctx.state.pendingIntake = undefined;
    return void ctx.reply({ text: declineText(ctx), meta: { intent: 'out_of_scope' } });
  }
  if (u.reaction === 'rejection') {
    ctx.state.rejectedAnswers += 1;
    if (ctx.state.rejectedAnswers >= 2) return void (await requestHandoff(ctx, 'rejected_answers'));
    return void ctx.reply({ text: tr(ctx.locale, M.rephrase), meta: { intent: 'rephrase' } });
  }
  if (u.kind === 'vague' && u.vague) return clarifyVague(ctx, u.vague);
  // A follow-up about a case closed not long ago links to it and offers to reopen it.
  if ((u.kind === 'grievance' || u.kind === 'question') && (await closedCaseFollowUp(ctx))) return;
  // Details sent while the case waits for a mediator go with the case, not to Q&A.
  if (ctx.state.activeCaseId && !u.asks && u.kind !== 'grievance') {
    const open = await ctx.services.cases.getCase(ctx.state.activeCaseId);
    if (open && (open.status === 'waiting' || open.status === 'active')) {
      await ctx.services.cases.updateCase(open.id, {}, `worker:${ctx.message.userKey}`, 'worker_added_details', ctx.clock.now());
      return void ctx.reply({ text: tr(ctx.locale, M.detailsNoted, { id: open.id }), meta: { intent: 'case_note', caseId: open.id } });
    }
  }
  // A complaint told as a statement starts an intake; a story that asks is answered first, with a
  // button to register it (the facts already given are kept).
  if (u.kind === 'grievance') return beginIntake(ctx, text);
  await answerQuestion(ctx, text, {});
};

/** The dialog after the understanding step, in order. */
const steps: DialogStep[] = [crisisGuard, satisfactionAnswer, groupPolicy, evidence, commands, mediatorTakeover, choices, smallTalk, intake, converse];

/** Understand the message once, put it on the turn, and route on it. */
const runDialog: Middleware<DialogServices> = async (ctx) => {
  const understanding = understand(ctx.message.text, ctx.state, { choiceId: ctx.message.choiceId });
  const evidenceRefs: EvidenceRef[] = [];
  const turn: DialogTurn = Object.assign(ctx, { understanding, evidence: evidenceRefs });
  ctx.logger.debug({ kind: understanding.kind, category: understanding.category, confidence: understanding.confidence }, 'understood');
  const run = async (i: number): Promise<void> => {
    const step = steps[i];
    if (step) await step(turn, () => run(i + 1));
  };
  await run(0);
};

/** The whole dialog, in order. */
export const dialogMiddleware: Array<Middleware<DialogServices>> = [resolveNumberedChoice, runDialog];
