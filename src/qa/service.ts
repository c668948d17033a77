/**
 * The answer service: safety first (crisis, injection, scope), then an answer grounded in what
 * retrieval found, written by the model when one is configured and extractive otherwise or when the
 * model fails. It never throws at a worker.
 */
import { hasChinese, tr } from '../core/i18n.js';
import { systemClock, type Category, type Choice, type Locale } from '../core/types.js';
import { createPromptLoader } from '../llm/prompts.js';
import { crisisReply, detectCrisis, type CrisisKind } from '../safety/crisis.js';
import { detectInjection, stripInjection } from '../safety/injection.js';
import { classifyScope, outOfScopeReply } from '../safety/scope.js';
import { isCardPassage } from './citations.js';
import { measureSignals, scoreConfidence } from './confidence.js';
import { questionFocus } from './question-focus.js';
import { gatherEvidence, isPlatformCard, type Evidence } from './evidence.js';
import { composeExtractiveBody, type AnswerBody } from './extractive.js';
import { answerLinePassage, askModel, echoesPrompt, validateGroundedAnswer } from './grounded.js';
import type { AnswerLine } from '../knowledge/answer-lines.js';
import { CHOICE_LABELS, CONDOLENCE, GIG_STATUS_CAVEAT, INSTRUCTIONS_DECLINED, LEGAL_NOTICE, NEEDS_PERSON, NOTHING_FOUND, PLATFORM_INJURY_LINE, UNSURE_PREFIX, WHICH_TOPIC } from './texts.js';
import { asCategory, categoryFromText, humanNeededTopic, isGigWorkContext, isPlatformInjury } from './topics.js';
import type { QaAnswer, QaAskOptions, QaService, QaServiceOptions } from './types.js';
import type { GuideCard } from '../retrieval/types.js';

/** Default confidence below which the answer says it is unsure and offers a mediator. */
export const DEFAULT_LOW_CONFIDENCE = 0.45;
/** Confidence of a reply that opens with an answer line to the kind of question asked. */
const ANSWERED_CONFIDENCE = 0.6;
/** A follow-up this short without a topic of its own ("那我该找谁") is searched with the previous message. */
const SHORT_FOLLOW_UP = 12;

/** A body plus how sure we are of it and who wrote it. */
interface Drafted {
  body?: AnswerBody;
  confidence: number;
  answeredBy: 'model' | 'extractive';
  modelWantsHuman: boolean;
}

/** Create the answer service. */
export function createQaService(options: QaServiceOptions): QaService {
  const threshold = options.lowConfidenceThreshold ?? DEFAULT_LOW_CONFIDENCE;
  const prompts = options.prompts ?? createPromptLoader();
  const clock = options.clock ?? systemClock;
  const logger = options.logger;

  /** The model's answer when it stays within the passages; undefined means use the extractive one. */
  async function draftWithModel(question: string, history: string[], evidence: Evidence, locale: Locale, line?: AnswerLine): Promise<Drafted | undefined> {
    if (!options.llm) return undefined;
    // Our plain-language line for the article that answers the question goes first: with no statutes
    // imported it is the only text that carries the figure, the deadline or the yes/no.
    const passages = [...(line ? [answerLinePassage(line, question)] : []), ...[...evidence.cardHits, ...evidence.articleHits].map((hit) => hit.passage)];
    if (passages.length === 0) return undefined;
    try {
      const raw = await askModel(options.llm, prompts, { question, history, passages, locale });
      const checked = validateGroundedAnswer(raw, passages, options.cards, locale);
      // A platform rider or driver hurt at work always hears of 职业伤害保障, whatever the model wrote.
      if (isPlatformInjury(question) && !/职业伤害|occupational[- ]injury/i.test(checked.text)) checked.text = `${tr(locale, PLATFORM_INJURY_LINE)}\n${checked.text}`;
      if (checked.keptIds.length === 0) {
        logger?.warn({ dropped: checked.droppedIds.length }, 'model cited no retrieved passage; extractive answer instead');
        return undefined;
      }
      if (echoesPrompt(checked.text, prompts.template('system'))) {
        logger?.warn({}, 'model reply repeated the system prompt; extractive answer instead');
        return undefined;
      }
      return { body: { text: checked.text, citations: checked.citations }, confidence: checked.confidence, answeredBy: 'model', modelWantsHuman: checked.needsHuman };
    } catch (error) {
      logger?.warn({ err: error }, 'model answer failed; extractive answer instead');
      return undefined;
    }
  }

  async function answerLegal(question: string, history: string[], locale: Locale, place?: string): Promise<QaAnswer> {
    const previous = history.at(-1);
    const query = previous && question.length < SHORT_FOLLOW_UP && categoryFromText(question) === undefined ? `${previous} ${question}` : question;
    // Earlier messages and the worker's workplace are not searched, but a place named there picks the
    // local rules that apply (the latest mention first).
    const context = [...history].reverse().concat(place ? [place] : []).join('\n');
    const evidence = await gatherEvidence(options.retriever, options.cards, query, logger, context, questionFocus(query));
    const found = evidence.bestCard !== undefined || evidence.articleHits.length > 0;
    const extractive = composeExtractiveBody(evidence, locale, { question: query, lines: options.answerLines ?? [], passageOf: options.passageOf });
    const drafted: Drafted = (await draftWithModel(question, history, evidence, locale, extractive?.answerLine)) ?? {
      body: extractive,
      confidence: scoreConfidence(measureSignals(query, evidence), found),
      answeredBy: 'extractive',
      modelWantsHuman: false,
    };
    // A reply that opens with our answer line to the very kind of question asked, from an article search
    // put first or the card relies on, answers the question: it is not marked unsure.
    const line = drafted.body?.answerLine;
    if (line && drafted.answeredBy === 'extractive' && line.kind === drafted.body?.kind) drafted.confidence = Math.max(drafted.confidence, ANSWERED_CONFIDENCE);
    const topic = humanNeededTopic(question);
    const needsHuman = topic !== undefined || drafted.modelWantsHuman;
    const unsure = drafted.body === undefined || drafted.confidence < threshold;
    const lines: string[] = [];
    if (topic === 'death') lines.push(tr(locale, CONDOLENCE));
    // Unsure and without a direct answer: one question back with the likely topics as buttons, not a long card that may not fit.
    const topics = unsure && drafted.body && !line && topic === undefined && !evidence.keywordMatch && hasChinese(query) ? topicChoices(evidence, options.cards, locale) : [];
    if (topics.length >= 2) {
      lines.push(tr(locale, WHICH_TOPIC));
    } else if (drafted.body) {
      if (unsure) lines.push(tr(locale, UNSURE_PREFIX));
      lines.push(drafted.body.text);
    } else {
      lines.push(tr(locale, NOTHING_FOUND));
    }
    // What needs a person and the caveats form the last block, apart from the answer itself.
    // A question back is not an answer: no caveats under it, only the notice.
    const closing: string[] = [];
    if (topics.length < 2) {
      if (topic) closing.push(tr(locale, NEEDS_PERSON[topic]));
      // The platform-worker cards say themselves which relation they assume.
      const platformCard = evidence.bestCard !== undefined && isPlatformCard(evidence.bestCard);
      if (drafted.body && topic !== 'labour_relation' && !platformCard && isGigWorkContext(query)) closing.push(tr(locale, GIG_STATUS_CAVEAT));
    }
    closing.push(tr(locale, LEGAL_NOTICE));
    if (closing.length > 0) lines.push(closing.join('\n'));

    if (unsure) {
      const found = evidence.articleHits.slice(0, 3).flatMap(({ passage }) => (passage.article === undefined ? [] : [{ law: passage.law, article: passage.article }]));
      try {
        options.onUnsure?.({ question: query, confidence: drafted.body ? drafted.confidence : 0, found, card: evidence.bestCard?.id });
      } catch (error) {
        logger?.warn({ err: error }, 'could not note an unsure answer');
      }
    }

    const category: Category | undefined = drafted.body ? (asCategory(evidence.bestCard?.category) ?? categoryFromText(query)) : undefined;
    const choiceIds: Array<keyof typeof CHOICE_LABELS> = [];
    if (category) choiceIds.push('start_intake');
    if (unsure || needsHuman) choiceIds.push('handoff');
    if (unsure) choiceIds.push('rephrase');
    return {
      intent: 'legal_qa',
      text: lines.join('\n\n'),
      // A question back rests on no source.
      citations: topics.length >= 2 ? [] : (drafted.body?.citations ?? []),
      confidence: drafted.body ? drafted.confidence : 0,
      needsHuman,
      handoffReason: needsHuman ? (topic ?? 'needs_review') : undefined,
      offerIntake: category,
      choices:
        topics.length >= 2
          ? [...topics, ...(['handoff', 'rephrase'] as const).map((id): Choice => ({ id, label: tr(locale, CHOICE_LABELS[id]) }))]
          : choiceIds.length > 0
            ? choiceIds.map((id): Choice => ({ id, label: tr(locale, CHOICE_LABELS[id]) }))
            : undefined,
      answeredBy: drafted.answeredBy,
      ...(line ? { direct: { law: line.law, article: line.article, kind: line.kind } } : {}),
      ...(drafted.body && evidence.bestCard ? { card: { id: evidence.bestCard.id, title: evidence.bestCard.title[locale] } } : {}),
    };
  }

  return {
    async answer(question: string, opts: QaAskOptions): Promise<QaAnswer> {
      const started = clock.now().getTime();
      const { locale } = opts;
      const screened = opts.screened ?? [];
      const crisis = screened.includes('crisis') ? null : detectCrisis(question);
      if (crisis) return crisisAnswer(crisis.kind, locale);
      // An instruction hidden in the question is dropped, never obeyed; the rest is an ordinary question.
      const asked = detectInjection(question) ? stripInjection(question) : question.trim();
      if (!/[\p{L}\p{N}]{2,}/u.test(asked)) return declined(tr(locale, INSTRUCTIONS_DECLINED));
      if (!screened.includes('scope') && classifyScope(asked) === 'out_of_scope') return declined(outOfScopeReply(locale));
      const answer = await answerLegal(asked, opts.history ?? [], locale, opts.place);
      logger?.info({ intent: answer.intent, confidence: answer.confidence, answeredBy: answer.answeredBy, ms: clock.now().getTime() - started }, 'question answered');
      return answer;
    },
  };
}

/** The likely topics of an unclear question (the cards search found, at most two), as buttons that ask about each. */
function topicChoices(evidence: Evidence, cards: GuideCard[], locale: Locale): Choice[] {
  const found = [evidence.bestCard, ...evidence.cardHits.map((hit) => cards.find((card) => isCardPassage(hit.passage, card)))];
  const unique = [...new Set(found.filter((card) => card !== undefined))];
  return unique.slice(0, 2).map((card) => ({ id: `ask:${card.id}`, label: card.title[locale] }));
}

/** Hotlines at once and a person, whatever else is happening. */
function crisisAnswer(kind: CrisisKind, locale: Locale): QaAnswer {
  return { intent: 'crisis', text: crisisReply(kind, locale), citations: [], confidence: 1, needsHuman: true, handoffReason: 'crisis', answeredBy: 'rules' };
}

/** A polite decline for off-topic messages and bare injection attempts. */
function declined(text: string): QaAnswer {
  return { intent: 'out_of_scope', text, citations: [], confidence: 1, needsHuman: false, answeredBy: 'rules' };
}
