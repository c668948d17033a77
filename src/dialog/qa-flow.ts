/** Legal questions and handoff requests inside the dialog. */
import type { Choice, ReplyDraft } from '../core/types.js';
import { tr } from '../core/i18n.js';
import type { CaseRecord } from '../cases/model.js';
import type { DialogContext, DialogTurn } from './services.js';
import { classifyGrievance, loadIntakeState } from '../intake/index.js';
import { humanNeededTopic } from '../qa/topics.js';
import { safetyLine } from '../safety/index.js';
import { M } from './messages.js';

/** Handoff reasons that are about the worker's own situation: not for a definitional question. */
const PERSONAL_HANDOFF = new Set(['death', 'serious_injury', 'violence']);

/** Queue the worker's case for a mediator and tell them what happens next. */
export async function requestHandoff(
  ctx: DialogContext,
  reason: string,
  options: { quiet?: boolean; category?: string; summary?: string } = {},
): Promise<{ caseRecord: CaseRecord }> {
  // A person asked for after legal questions starts from them, in the middle of an intake from what the
  // worker told it so far: the mediator's queue shows what it is about.
  const asked = ctx.state.recentQuestions;
  const intake = loadIntakeState(ctx.state.intake);
  const told = intake?.description.trim() ? intake.description.trim().slice(0, 300) : undefined;
  const summary = options.summary ?? (asked.length > 0 ? tr(ctx.locale, M.questionsAsked, { questions: asked.map((q) => `「${q}」`).join('') }) : told);
  const spoken = asked.length > 0 ? classifyGrievance(asked.join('\n')) : undefined;
  const category = options.category ?? intake?.category ?? intake?.suggested ?? (spoken && spoken.confidence > 0 ? spoken.category : undefined);
  // Asked for a person about a hospital injury, a death or a threat: the case is urgent for that reason.
  const matter = humanNeededTopic([told ?? '', ...asked].join('\n'));
  const why = reason === 'requested' && matter && matter !== 'labour_relation' ? matter : reason;
  const { caseRecord, text } = await ctx.services.handoff.request({
    userKey: ctx.message.userKey,
    channel: ctx.message.channel,
    conversationKey: ctx.message.conversationKey,
    locale: ctx.locale,
    reason: why,
    caseId: ctx.state.activeCaseId,
    category: category as never,
    summary,
  });
  ctx.state.activeCaseId = caseRecord.id;
  ctx.state.offeredHandoff = false;
  ctx.state.rejectedAnswers = 0;
  if (!options.quiet) {
    ctx.reply({ text, meta: { intent: 'handoff', caseId: caseRecord.id, handoff: { caseId: caseRecord.id, reason } } });
  }
  return { caseRecord };
}

/** Where the worker works or the matter happened, from the intake under way or the case in hand (for local rules). */
async function workerPlace(ctx: DialogContext): Promise<string | undefined> {
  const placeOf = (facts: unknown): string | undefined => {
    if (!facts || typeof facts !== 'object') return undefined;
    const record = facts as Record<string, unknown>;
    for (const slot of ['workplace', 'location']) {
      // The intake keeps what the worker wrote ("南山区") and the province and city it read from it.
      const value = record[slot] as { text?: unknown; province?: unknown; city?: unknown } | undefined;
      if (value && typeof value.text === 'string') return [value.province, value.city, value.text].filter((part) => typeof part === 'string').join(' ');
    }
    return undefined;
  };
  const fromIntake = placeOf((ctx.state.intake as { answers?: unknown } | undefined)?.answers);
  if (fromIntake || !ctx.state.activeCaseId) return fromIntake;
  try {
    return placeOf((await ctx.services.cases.getCase(ctx.state.activeCaseId))?.facts);
  } catch {
    return undefined; // A storage hiccup costs only the local-rule hint, never the answer.
  }
}

/** Answer a legal question; offer a mediator when unsure, hand off when the topic needs a person. */
export async function answerQuestion(
  ctx: DialogTurn,
  question: string,
  options: { short?: boolean; inIntake?: boolean; category?: string; noOffer?: boolean },
): Promise<void> {
  const u = ctx.understanding;
  // The understanding step read the message once: danger for every text asked here (the message, a
  // part of it, or a topic of ours), the scope for the message itself when it was taken as a question.
  const scopeRead = u.kind === 'question' && question.trim() === ctx.message.text.trim();
  const screened: Array<'crisis' | 'scope'> = scopeRead ? ['crisis', 'scope'] : ['crisis'];
  const answer = await ctx.services.qa.answer(question, { locale: ctx.locale, history: ctx.state.recentQuestions, place: await workerPlace(ctx), screened });
  ctx.state.recentQuestions = [...ctx.state.recentQuestions, question.slice(0, 200)].slice(-3);
  let text = answer.text;
  if (options.short) text = shorten(text);
  // A past blow, fall or collapse asked about: the answer, with one line on safety first.
  if (u.pastHarm && answer.intent === 'legal_qa') text = `${safetyLine(ctx.locale, ctx.message.text)}\n\n${text}`;
  const draft: ReplyDraft = {
    text,
    meta: {
      intent: answer.intent,
      confidence: answer.confidence,
      ...(answer.citations.length ? { citations: answer.citations } : {}),
    },
  };
  if (answer.intent !== 'legal_qa' || options.short) return void ctx.reply(draft);
  // Death, violence and serious injury put a person on the case only for the worker's own situation.
  const personalMatter = !PERSONAL_HANDOFF.has(answer.handoffReason ?? '') || u.personal;
  if (answer.needsHuman && !options.inIntake && personalMatter) {
    const { caseRecord } = await requestHandoff(ctx, answer.handoffReason ?? 'sensitive', { quiet: true, category: answer.offerIntake });
    draft.meta.handoff = { caseId: caseRecord.id, reason: answer.handoffReason ?? 'sensitive' };
    draft.meta.caseId = caseRecord.id;
    // registering the facts now fills the queued case for the mediator
    const offer = answer.offerIntake ?? options.category ?? u.category;
    if (offer && !options.noOffer) {
      ctx.state.pendingIntake = { category: offer, text: question };
      draft.choices = [{ id: 'start_intake', label: tr(ctx.locale, M.startIntakeChoice) }];
      ctx.state.lastChoices = draft.choices;
    }
    return void ctx.reply(draft);
  }
  // The answer asked back which topic is meant: its topic buttons first, and nothing to register yet.
  if (answer.choices?.some((c) => c.id.startsWith('ask:')) && !options.inIntake) {
    ctx.state.offeredHandoff = true;
    draft.choices = answer.choices;
    ctx.state.lastChoices = draft.choices;
    return void ctx.reply(draft);
  }
  const choices: Choice[] = [];
  const threshold = ctx.services.handoffThreshold;
  if (answer.confidence < threshold && !options.inIntake) {
    ctx.state.offeredHandoff = true;
    choices.push({ id: 'handoff', label: tr(ctx.locale, M.askPerson) }, { id: 'rephrase', label: tr(ctx.locale, M.rephraseChoice) });
  }
  const offer = answer.offerIntake ?? options.category ?? u.category;
  if (offer && !options.inIntake && !options.noOffer) {
    // Answer first; registering is offered as a button ("我就问问" declines it).
    ctx.state.pendingIntake = { category: offer, text: question };
    choices.push({ id: 'start_intake', label: tr(ctx.locale, M.startIntakeChoice) });
  }
  for (const c of answer.choices ?? []) {
    if (c.id === 'start_intake' && (options.inIntake || options.noOffer)) continue;
    if (!choices.some((x) => x.id === c.id)) choices.push(c);
  }
  if (choices.length) draft.choices = choices;
  ctx.reply(draft);
  ctx.state.lastChoices = choices.length ? choices : undefined;
}

/** Keep a group answer to its opening (heading and gist) and the legal notice. */
export function shorten(text: string): string {
  const paragraphs = text.split(/\n{2,}/);
  // The first block is the answer itself; the unsure line before it is kept with it, not instead of it.
  const head = paragraphs.length > 3 && /不太有把握|not sure/.test(paragraphs[0]) ? paragraphs.slice(0, 2) : paragraphs.slice(0, 1);
  if (paragraphs.length > head.length + 1) return [...head, paragraphs.at(-1)].join('\n\n');
  // answers built line by line have no blank lines: steps, evidence and citations each take a line
  const lines = text.split('\n').filter((line) => line.trim());
  if (lines.length <= 3) return text;
  return [...lines.slice(0, 2), lines.at(-1)].join('\n');
}
