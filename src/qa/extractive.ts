/**
 * The answer that needs no model, in the order a union legal-aid worker answers: the answer itself in
 * one to three plain sentences (our answer line for the best article and the kind of question asked,
 * else the guide card's explanation); the provision it rests on, quoting the one sentence that carries
 * the answer when the statutes are imported (citing it without a quote otherwise), and one or two more
 * articles by name (另见…); then, compactly, what to do, what to keep and, for a how or where question,
 * where to turn. Every other article found stays in the citations (`meta`), not on the screen. Used
 * when no LLM is configured and whenever the model fails.
 */
import { tr } from '../core/i18n.js';
import type { Citation, Locale } from '../core/types.js';
import type { AnswerLine, QuestionKind } from '../knowledge/answer-lines.js';
import type { Passage, SearchHit } from '../retrieval/types.js';
import { citationKey, formatCitation, passageCitation, uniqueCitations } from './citations.js';
import { carryingSentence, chooseAnswerLine, chooseLineByWords, fitVerdict, questionKind, withoutVerdict } from './direct-answer.js';
import { PLATFORM_INJURY_CARD, type Evidence } from './evidence.js';
import { isPlatformInjury } from './topics.js';
import { earlierQuestion, questionFocus } from './question-focus.js';
import { CONTRACTED_INJURY, HEADINGS, LOCAL_RULE_NOTE, PLATFORM_INJURY_FOR_OTHERS, PLATFORM_INJURY_LINE, WITH_LABOUR_RELATION } from './texts.js';
import { withUnit } from '../knowledge/citation-units.js';

/** The body of an answer and the articles it cites (the ones shown first). */
export interface AnswerBody {
  text: string;
  citations: Citation[];
  /** The answer line the reply opens with, when one answered the question. */
  answerLine?: AnswerLine;
  /** What the question asked for. */
  kind?: QuestionKind;
}

/** What the composer needs beside the evidence. */
export interface ComposeInput {
  question: string;
  lines: readonly AnswerLine[];
  /** A statute passage by citation, to quote from (absent when no statutes are imported). */
  passageOf?: (citation: Citation) => Passage | undefined;
}

const MAX_STEPS = 2;
/** Laws whose answer lines are about 工伤 itself. */
const INJURY_LAWS = /工伤/;
const HAS_CONTRACT = /签了?(劳动)?合同|有劳动合同|劳动合同签了|合同签了|正式员工|正式工/;
const NO_CONTRACT = /没签|没有签|不签|未签|没合同|没有合同|不给签/;
/** The provision that orders occupational-injury protection for platform workers (人社部发〔2021〕56号 item (九)). */
const PLATFORM_INJURY_CITATION: Citation = { law: '关于维护新就业形态劳动者劳动保障权益的指导意见', article: 9, unit: 'item' };
const MAX_KEEP = 2;
/** An article hit this far below the best one is not worth showing. */
const QUOTE_SCORE_RATIO = 0.6;

/** The first one or two sentences of a card's explanation. */
function firstSentences(text: string, max = 2): string {
  const parts = text.split(/(?<=[。！？.!?])/).filter((part) => part.trim() !== '');
  return parts.slice(0, max).join('').trim();
}

/** Build the extractive body from the evidence, or undefined when nothing was found. */
export function composeExtractiveBody(evidence: Evidence, locale: Locale, input: ComposeInput = { question: '', lines: [] }): AnswerBody | undefined {
  const card = evidence.bestCard;
  const articleHits = strongArticleHits(evidence.articleHits);
  if (!card && articleHits.length === 0) return undefined;
  // what is asked is read from the question sentence of a long post, not from the story around it
  const asked = questionFocus(input.question) ?? input.question;
  const kind = questionKind(asked);
  // With no statutes imported, the classifier's articles stand in for the ones search would find.
  const found = articleHits.length > 0 ? articleHits.map((hit) => passageCitation(hit.passage) as Citation) : (evidence.predicted ?? []);
  // The articles the answer may rest on: those search found first, then those the card relies on.
  // Search's own hits count as found; the classifier's predictions only where the card relies on them too.
  const reliedKeys = new Set((card?.relies ?? []).map(citationKey));
  const trusted = articleHits.length > 0 ? found.slice(0, 3) : found.slice(0, 3).filter((c) => reliedKeys.has(citationKey(c)));
  const candidates = uniqueCitations([...trusted, ...found.slice(0, 3), ...(card?.relies ?? [])]);
  const line =
    chooseAnswerLine(input.lines, input.question, candidates, kind, trusted.length) ??
    (found.length === 0 ? chooseLineByWords(input.lines, input.question, kind) : undefined);
  // A post that asks twice gets both answered, the earlier one first, when its own words pick another line.
  const earlier = line ? earlierQuestion(input.question) : undefined;
  // (searched = 0: the kind alone never picks it; it must share words with that question)
  const earlierLine = earlier ? chooseAnswerLine(input.lines, earlier, candidates, questionKind(earlier), 0) : undefined;
  const secondLine = earlierLine && citationKey(earlierLine) !== citationKey(line!) ? earlierLine : undefined;

  const blocks: string[][] = [];
  const platformInjury = isPlatformInjury(input.question);
  // A rider who says they signed a labour contract is in 工伤 first; the others first hear of the
  // route that needs no labour relation, and of 工伤 as the second one.
  const contracted = platformInjury && HAS_CONTRACT.test(input.question) && !NO_CONTRACT.test(input.question);
  const opening: string[] = [];
  if (platformInjury && !contracted) opening.push(tr(locale, PLATFORM_INJURY_LINE));
  // "还可以走工伤：" leads only a line about 工伤 itself (a line on the labour relation stands alone)
  const injuryLine = line !== undefined && INJURY_LAWS.test(line.law);
  const lead = !injuryLine ? '' : contracted ? tr(locale, CONTRACTED_INJURY) : platformInjury ? tr(locale, WITH_LABOUR_RELATION) : '';
  if (secondLine) opening.push(locale === 'en' ? secondLine.en : fitVerdict(secondLine.zh, earlier ?? asked));
  // after a lead ("有劳动关系的，还可以走工伤：") a bare verdict would read as its answer: it is left out
  if (line) opening.push(lead + (locale === 'en' ? line.en : lead ? withoutVerdict(line.zh) : fitVerdict(line.zh, asked)));
  // (the platform-injury card's explanation says what the line above it already said)
  else if (card && !(platformInjury && !contracted && card.id === PLATFORM_INJURY_CARD)) opening.push(firstSentences(card.explanation[locale]));
  else if (opening.length === 0) opening.push(locale === 'en' ? 'This is what the law says:' : '法律是这样规定的：');
  if (contracted) opening.push(tr(locale, PLATFORM_INJURY_FOR_OTHERS));
  blocks.push(opening);

  // The provision: the answer line's article, else the best article found that the card relies on,
  // else the best article found, else the card's first.
  const lineCitation = line ? withUnit({ law: line.law, article: line.article }) : undefined;
  // Predicted articles (no statutes imported) count only where the card agrees; search's own hits always do.
  const basis: Citation | undefined =
    lineCitation ?? found.find((c) => reliedKeys.has(citationKey(c))) ?? (articleHits.length > 0 || !card ? found[0] : undefined) ?? card?.relies[0];
  const shown: Citation[] = platformInjury ? [PLATFORM_INJURY_CITATION] : [];
  const platformLaw = platformInjury ? [locale === 'en' ? `Based on ${formatCitation(PLATFORM_INJURY_CITATION, locale)}` : `依据${formatCitation(PLATFORM_INJURY_CITATION, locale)}`] : [];
  if (platformInjury && !basis) blocks.push(platformLaw);
  if (basis) {
    // for a rider under contract the 工伤 article comes first, the platform document after it
    if (contracted) shown.unshift(basis);
    else if (!shown.some((c) => citationKey(c) === citationKey(basis))) shown.push(basis);
    const hit = articleHits.find((h) => citationKey(passageCitation(h.passage) as Citation) === citationKey(basis));
    const passage = hit?.passage ?? input.passageOf?.(basis);
    const source = (locale === 'en' ? `Based on ${formatCitation(basis, locale)}` : `依据${formatCitation(basis, locale)}`);
    const where = passage?.place ? tr(locale, LOCAL_RULE_NOTE, { place: passage.place }) : '';
    const sentence = passage ? carryingSentence(passage.text, input.question, line?.focus, kind) : '';
    const own = sentence ? `${source}${where}：“${sentence}”` : `${source}${where}`;
    const law = contracted ? [own, ...platformLaw] : [...platformLaw, own];
    // One or two more articles when search and the card point to others (statutes imported: public
    // replies naming a gold article 0.480 → 0.528, median +10 characters; `npm run bench -- answers`).
    const searchedArticles = articleHits.length > 0 ? found : [];
    // With no statutes imported, the classifier's first guess other than the basis is named, without a quote
    // (default run of `npm run bench -- answers`: public replies naming a gold article 0.297 → 0.442, blind
    // gold-in-first-two 0.82 → 0.88, median length +10 to 16 characters).
    const guesses = searchedArticles.length > 0 ? [] : (evidence.predicted ?? []).slice(0, 2);
    const second = [...searchedArticles, ...guesses, ...(line === undefined ? (card?.relies ?? []) : [])].find(
      (c) => citationKey(c) !== citationKey(basis) && !shown.some((s) => citationKey(s) === citationKey(c)),
    );
    if (second && !platformInjury) {
      shown.push(second);
      // and a third that search found and the card relies on as well
      const third = searchedArticles.find((c) => reliedKeys.has(citationKey(c)) && !shown.some((s) => citationKey(s) === citationKey(c)) && citationKey(c) !== citationKey(basis));
      if (third) shown.push(third);
      const also = [second, ...(third ? [third] : [])].map((c) => formatCitation(c, locale));
      law.push(locale === 'en' ? `See also ${also.join(', ')}.` : `另见${also.join('、')}。`);
    }
    blocks.push(law);
  }

  if (card) {
    const todo: string[] = [];
    const steps = card.nextSteps[locale].slice(0, MAX_STEPS);
    if (steps.length > 0) todo.push(tr(locale, HEADINGS.nextSteps) + steps.map((step, i) => `${i + 1}. ${step}`).join(locale === 'en' ? ' ' : '；'));
    const keep = card.evidence[locale].slice(0, MAX_KEEP).map(shortKeep);
    if (keep.length > 0) todo.push(tr(locale, HEADINGS.evidence) + keep.join(locale === 'en' ? ', ' : '、'));
    if ((kind === 'where' || kind === 'how') && card.whereToGo[locale].length > 0) todo.push(tr(locale, HEADINGS.whereToGo) + card.whereToGo[locale].slice(0, 2).join(locale === 'en' ? '; ' : '；'));
    if (todo.length > 0) blocks.push(todo);
  }
  const secondCitation = secondLine ? [withUnit<Citation>({ law: secondLine.law, article: secondLine.article })] : [];
  const citations = uniqueCitations([...shown, ...secondCitation, ...found, ...(card?.relies ?? [])]);
  return { text: blocks.map((block) => block.join('\n')).join('\n\n'), citations, answerLine: line, kind };
}

/**
 * A thing to keep, short: up to the first comma, bracket or colon, and the first two of a list, but
 * never cutting a list that describes one thing ("和站长、老板、客服的聊天记录" stays whole).
 */
function shortKeep(item: string): string {
  const head = item.split(/[，,(（：:]/)[0].trim();
  const parts = head.split('、');
  return parts.length > 2 && parts.slice(2).join('、').includes('的') ? head : parts.slice(0, 2).join('、');
}

/** The statute hits worth considering: close enough to the best one, each article once, in search order. */
function strongArticleHits(hits: SearchHit[]): SearchHit[] {
  const articles = hits.filter((hit) => passageCitation(hit.passage) !== undefined);
  if (articles.length === 0) return [];
  const top = articles[0].score;
  const seen = new Set<string>();
  return articles.filter((hit) => {
    if (top > 0 && hit.score < top * QUOTE_SCORE_RATIO) return false;
    const key = citationKey(passageCitation(hit.passage) as Citation);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
