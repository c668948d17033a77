/**
 * The model-written answer, held to what retrieval found: it may cite only the passages it was
 * given, an invented citation is dropped and costs confidence, and a reply that echoes the system
 * prompt is thrown away.
 */
import { fitVerdict } from './direct-answer.js';
import { questionFocus } from './question-focus.js';
import { z } from 'zod';
import type { Citation, Locale } from '../core/types.js';
import type { PromptLoader } from '../llm/prompts.js';
import type { LlmClient } from '../llm/types.js';
import type { GuideCard, Passage } from '../retrieval/types.js';
import { formatCitation, isCardPassage, passageCitation, removeUnsupportedMentions, uniqueCitations } from './citations.js';
import { withUnit } from '../knowledge/citation-units.js';
import type { AnswerLine } from '../knowledge/answer-lines.js';

/** What the model must return (validated with zod before anything else looks at it). */
export const modelAnswerSchema = z.object({
  text: z.string().trim().min(1),
  citedPassageIds: z.array(z.string()).default([]),
  confidence: z.coerce.number().min(0).max(1),
  needsHuman: z.boolean().default(false),
});

/** The model's answer as parsed. */
export type ModelAnswer = z.infer<typeof modelAnswerSchema>;

/** The model's answer after checking it against the retrieved passages. */
export interface ValidatedAnswer {
  text: string;
  citations: Citation[];
  keptIds: string[];
  droppedIds: string[];
  confidence: number;
  needsHuman: boolean;
}

/** Each invented source costs this much confidence on top of the share of valid citations. */
const INVENTION_PENALTY = 0.15;
/** A bracketed token such as [劳动合同法#82] or 【card:wages】: passage ids do not belong in the text. */
const ID_MARKER = /[[【(（]\s*([^\]】)）\s]+)\s*[\]】)）]/g;

/** Keep only citations of retrieved passages; lower confidence for each one dropped. */
export function validateGroundedAnswer(answer: ModelAnswer, passages: Passage[], cards: GuideCard[], locale: Locale): ValidatedAnswer {
  const byId = new Map(passages.map((p) => [p.id, p]));
  const keptIds = [...new Set(answer.citedPassageIds)].filter((id) => byId.has(id));
  const droppedIds = [...new Set(answer.citedPassageIds)].filter((id) => !byId.has(id));
  const citations = uniqueCitations(keptIds.flatMap((id) => citationsOf(byId.get(id) as Passage, cards)));
  // Any article among the retrieved passages may be named in the text; anything else is invented.
  const allowed = uniqueCitations([...citations, ...passages.flatMap((p) => citationsOf(p, cards))]);
  const withoutMarkers = answer.text.replace(ID_MARKER, (whole, id: string) => (byId.has(id) || /#|^card:/.test(id) ? '' : whole));
  const { text, removed } = removeUnsupportedMentions(withoutMarkers, allowed, locale);
  const invented = droppedIds.length + removed;
  const total = keptIds.length + invented;
  const share = total === 0 ? 0 : keptIds.length / total;
  const confidence = Math.max(0, answer.confidence * share - INVENTION_PENALTY * invented);
  return { text: text.trim(), citations, keptIds, droppedIds, confidence: Math.round(confidence * 100) / 100, needsHuman: answer.needsHuman };
}

/**
 * Our answer line as a passage for the model: it stands for its article (so citing it cites the
 * article) and says in plain words what the article gives; its id cannot clash with a statute's.
 */
export function answerLinePassage(line: AnswerLine, question?: string): Passage {
  const citation = withUnit<Citation>({ law: line.law, article: line.article });
  return {
    id: `answer:${line.law}#${line.article}`,
    kind: 'article',
    law: line.law,
    article: line.article,
    ...(citation.unit ? { unit: citation.unit } : {}),
    title: `${formatCitation(citation, 'zh-CN')}（要点）`,
    // a verdict of another kind than the one asked is not handed to the model either
    text: question === undefined ? line.zh : fitVerdict(line.zh, questionFocus(question) ?? question),
  };
}

/** An article passage cites itself; a card passage cites the articles its card relies on. */
function citationsOf(passage: Passage, cards: GuideCard[]): Citation[] {
  const own = passageCitation(passage);
  if (own) return [own];
  return cards.find((card) => isCardPassage(passage, card))?.relies ?? [];
}

/** Passages as tagged data blocks; angle brackets are neutralised so text cannot close the tag. */
export function formatPassagesForPrompt(passages: Passage[]): string {
  return passages
    .map((p) => `<passage id="${neutralise(p.id)}"${p.place ? ` place="${neutralise(p.place)}"` : ''}>\n${neutralise(p.title ? `${p.title}\n${p.text}` : p.text)}\n</passage>`)
    .join('\n');
}

/** Worker text inside a prompt tag. */
export function neutralise(text: string): string {
  return text.replace(/</g, '＜').replace(/>/g, '＞');
}

/** Whether a reply repeats a line of the system prompt (a leak, whatever the model was told). */
export function echoesPrompt(reply: string, promptText: string): boolean {
  const compactReply = reply.replace(/\s+/g, '');
  return promptText
    .split('\n')
    .map((line) => line.replace(/^\s*\d+[.、]\s*/, '').replace(/\s+/g, ''))
    .filter((line) => line.length >= 12)
    .some((line) => compactReply.includes(line.slice(0, 12)));
}

/** Ask the model for an answer from the passages; throws whatever the client throws. */
export async function askModel(
  llm: LlmClient,
  prompts: PromptLoader,
  input: { question: string; history: string[]; passages: Passage[]; locale: Locale },
): Promise<ModelAnswer> {
  const messages = [
    { role: 'system' as const, content: prompts.render('system') },
    {
      role: 'user' as const,
      content: prompts.render('answer', {
        language: input.locale === 'en' ? 'English' : '简体中文',
        passages: formatPassagesForPrompt(input.passages),
        history: neutralise(input.history.slice(-3).join('\n')),
        question: neutralise(input.question),
      }),
    },
  ];
  return llm.completeJson(messages, modelAnswerSchema);
}
