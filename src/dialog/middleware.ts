/**
 * The dialog as a chain of middleware. Order matters: safety first, then the
 * group rules, evidence, commands, mediator takeover, intake, and last Q&A.
 */
import type { Middleware } from '../core/pipeline.js';
import type { Choice, ReplyDraft } from '../core/types.js';
import { tr } from '../core/i18n.js';
import { detectCrisis, crisisReply } from '../safety/index.js';
import type { DialogServices, DialogContext } from './services.js';
import type { EvidenceRef } from '../cases/model.js';
import { M } from './messages.js';
import * as P from './patterns.js';
import { showProgress } from './progress.js';
import { deleteMyData, eraseMyData, ERASE_CANCELLED, exportMyData, showMyData } from './privacy.js';
import { continueIntake, beginIntake, isGrievance } from './intake-flow.js';
import { answerQuestion, requestHandoff } from './qa-flow.js';
import { satisfactionAnswer } from './satisfaction.js';

type DialogMiddleware = Middleware<DialogServices>;

/** Choices offered after a reply are remembered so a typed number can pick one. */
export function choose(ctx: DialogContext, draft: ReplyDraft): void {
  ctx.reply(draft);
  ctx.state.lastChoices = draft.choices?.length ? draft.choices : undefined;
}

/** Map a typed "1"/"2" (or a button's label) to the last offered choice when the channel has no buttons. */
const resolveNumberedChoice: DialogMiddleware = async (ctx, next) => {
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
const crisisGuard: DialogMiddleware = async (ctx, next) => {
  const crisis = ctx.message.text ? detectCrisis(ctx.message.text) : null;
  if (!crisis) return next();
  const { caseRecord } = await requestHandoff(ctx, 'crisis', { quiet: true });
  ctx.reply({
    text: crisisReply(crisis.kind, ctx.locale),
    meta: { intent: 'crisis', caseId: caseRecord.id, handoff: { caseId: caseRecord.id, reason: 'crisis' } },
  });
};

const GROUP_KEYWORDS = /工友助手|工会|维权|转人工|查进度|法律|工伤|欠薪/;

/** In a group: answer only when addressed, keep it short, never show personal data or cases. */
const groupPolicy: DialogMiddleware = async (ctx, next) => {
  const m = ctx.message;
  if (!m.isGroup) return next();
  if (!m.mentioned && !GROUP_KEYWORDS.test(m.text)) return;
  if (P.progressQuery(m.text)) return void ctx.reply({ text: tr(ctx.locale, M.groupNoCases), meta: { intent: 'group_redirect' } });
  if (m.attachments.length || P.isHandoffRequest(m.text) || isGrievance(m.text)) {
    return void ctx.reply({ text: tr(ctx.locale, M.groupMoveToPrivate), meta: { intent: 'group_redirect' } });
  }
  await answerQuestion(ctx, m.text, { short: true });
};

/** Photos and files: stored at once (content hash, time), then attached to the intake or the open case. */
const evidence: DialogMiddleware = async (ctx, next) => {
  const files = ctx.message.attachments.filter((a) => a.data);
  if (!files.length) return next();
  const now = ctx.clock.now().toISOString();
  const refs: EvidenceRef[] = [];
  for (const file of files) {
    const sha256 = await ctx.services.blobs.put(file.data!);
    refs.push({ sha256, name: file.name, mimeType: file.mimeType, size: file.data!.length, receivedAt: now });
  }
  (ctx as { evidence?: EvidenceRef[] }).evidence = refs;
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
const commands: DialogMiddleware = async (ctx, next) => {
  const text = ctx.message.text.trim();
  const lang = ctx.message.choiceId?.startsWith('lang:') ? (ctx.message.choiceId.slice(5) as 'zh-CN' | 'en') : P.langCommand(text);
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
    ctx.reply({ text: tr(lang, M.langSet), meta: { intent: 'lang' } });
    if (ctx.state.intake) await continueIntake(ctx, { resume: true });
    return;
  }
  if (P.startCommand(text) && !ctx.state.intake) return void ctx.reply({ text: tr(ctx.locale, M.welcome), meta: { intent: 'welcome' } });
  if (P.isHelp(text) && !ctx.state.intake) return void ctx.reply({ text: tr(ctx.locale, M.help), meta: { intent: 'help' } });
  const progress = P.progressQuery(text);
  if (progress) return showProgress(ctx, progress.caseId);
  const link = P.linkCommand(text);
  if (link && !ctx.message.isGroup) return linkIdentities(ctx, link.code);
  if (P.isUnlink(text) && !ctx.message.isGroup) return unlinkIdentities(ctx);
  if (ctx.state.confirmErase && !ctx.message.isGroup) {
    if (P.isConfirmErase(text)) return eraseMyData(ctx);
    ctx.state.confirmErase = undefined;
    if (!P.isDeleteData(text)) ctx.reply({ text: tr(ctx.locale, ERASE_CANCELLED), meta: { intent: 'privacy_delete_cancelled' } });
  }
  if (P.isDeleteData(text) && !ctx.message.isGroup) return deleteMyData(ctx);
  if (P.isExportData(text) && !ctx.message.isGroup) return exportMyData(ctx);
  if (P.isMyData(text) && !ctx.message.isGroup) return showMyData(ctx);
  if (ctx.state.mode !== 'mediator' && (P.isHandoffRequest(text) || ctx.message.choiceId === 'handoff')) {
    return void (await requestHandoff(ctx, 'requested'));
  }
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
const mediatorTakeover: DialogMiddleware = async (ctx, next) => {
  if (ctx.state.mode !== 'mediator' || !ctx.state.activeCaseId) return next();
  if (ctx.state.intake && P.isCancel(ctx.message.text)) return next();
  const refs = (ctx as { evidence?: EvidenceRef[] }).evidence ?? [];
  await ctx.services.handoff.relayFromWorker(ctx.state.activeCaseId, ctx.message, refs);
};

/** Buttons that start or refuse something. */
const choices: DialogMiddleware = async (ctx, next) => {
  const id = ctx.message.choiceId;
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
    if (P.isYes(ctx.message.text)) return void (await requestHandoff(ctx, 'low_confidence'));
    ctx.state.offeredHandoff = false;
  }
  await next();
};

/** An intake in progress gets the message (a question in the middle is answered, then intake resumes). */
const intake: DialogMiddleware = async (ctx, next) => {
  if (!ctx.state.intake) return next();
  await continueIntake(ctx, {});
};

/** Otherwise: a grievance starts an intake; anything else is a question. */
const converse: DialogMiddleware = async (ctx) => {
  const text = ctx.message.text.trim();
  if (!text) return void ctx.reply({ text: tr(ctx.locale, M.help), meta: { intent: 'help' } });
  if (P.isGreeting(text)) return void ctx.reply({ text: tr(ctx.locale, M.welcome), meta: { intent: 'welcome' } });
  if (P.isCancel(text)) return void ctx.reply({ text: tr(ctx.locale, M.nothingToCancel), meta: { intent: 'cancel' } });
  if (P.isRejection(text)) {
    ctx.state.rejectedAnswers += 1;
    if (ctx.state.rejectedAnswers >= 2) return void (await requestHandoff(ctx, 'rejected_answers'));
    return void ctx.reply({ text: tr(ctx.locale, M.rephrase), meta: { intent: 'rephrase' } });
  }
  // Details sent while the case waits for a mediator go with the case, not to Q&A.
  if (ctx.state.activeCaseId && !P.looksLikeQuestion(text) && !isGrievance(text)) {
    const open = await ctx.services.cases.getCase(ctx.state.activeCaseId);
    if (open && (open.status === 'waiting' || open.status === 'active')) {
      await ctx.services.cases.updateCase(open.id, {}, `worker:${ctx.message.userKey}`, 'worker_added_details', ctx.clock.now());
      return void ctx.reply({ text: tr(ctx.locale, M.detailsNoted, { id: open.id }), meta: { intent: 'case_note', caseId: open.id } });
    }
  }
  // A complaint told as a statement starts an intake; one asked as a question ("…怎么办？") is
  // answered first, with a button to register it (the facts already given are kept).
  if (isGrievance(text) && !P.looksLikeQuestion(text)) return beginIntake(ctx, text);
  await answerQuestion(ctx, text, {});
};

/** The whole dialog, in order. */
export const dialogMiddleware: DialogMiddleware[] = [
  resolveNumberedChoice,
  crisisGuard,
  satisfactionAnswer,
  groupPolicy,
  evidence,
  commands,
  mediatorTakeover,
  choices,
  intake,
  converse,
];
