/** Contracts of the answer service: what the conversation pipeline asks and gets back. */
import type { Logger } from '../core/logger.js';
import type { Category, Choice, Citation, Clock, Locale } from '../core/types.js';
import type { LlmClient } from '../llm/types.js';
import type { PromptLoader } from '../llm/prompts.js';
import type { GuideCard, Passage, Retriever } from '../retrieval/types.js';
import type { AnswerLine } from '../knowledge/answer-lines.js';

/** One answer to a worker's question, ready to send, with the facts the pipeline needs. */
export interface QaAnswer {
  intent: 'legal_qa' | 'out_of_scope' | 'crisis';
  /** Full reply text; legal answers end with the not-a-lawyer notice. */
  text: string;
  citations: Citation[];
  /** 0..1: how well what was found supports the answer. */
  confidence: number;
  /** The topic itself needs a person (crisis, labour-relation status, hospital injury, violence). */
  needsHuman: boolean;
  /** Why a person is needed: `crisis`, `labour_relation`, `serious_injury`, `violence`. */
  handoffReason?: string;
  /** Category of the grievance the question is about, when an intake could start from it. */
  offerIntake?: Category;
  /** Buttons or numbered options: `handoff`, `rephrase`, `start_intake`. */
  choices?: Choice[];
  /** The answer line of ours the reply opens with (the direct answer), when one answered the question. */
  direct?: { law: string; article: number; kind: string };
  /** The guide card the answer is built around (id and title in the reply's language), when one was used. */
  card?: { id: string; title: string };
  /** Who wrote the text: the model from retrieved passages, or the extractive fallback (added for logs and tests). */
  answeredBy?: 'model' | 'extractive' | 'rules';
}

/** Options of one question. */
export interface QaAskOptions {
  locale: Locale;
  /** The worker's earlier messages in this conversation, oldest first. */
  history?: string[];
  /** Where the worker works, as they told the intake (not searched; picks the local rules that apply). */
  place?: string;
  /**
   * What the caller's understanding step already decided for this very text (a present danger, outside
   * Gongyou's scope): the service does not decide it a second time. Absent for callers that did not.
   */
  screened?: ReadonlyArray<'crisis' | 'scope'>;
}

/** Answers labour-law questions from the knowledge base. */
export interface QaService {
  /** Never throws for a worker's input: failures end in the extractive answer or a polite reply. */
  answer(question: string, opts: QaAskOptions): Promise<QaAnswer>;
}

/** What the answer service is built from. */
export interface QaServiceOptions {
  retriever: Retriever;
  cards: GuideCard[];
  /** Without it, answers are extractive. */
  llm?: LlmClient;
  clock?: Clock;
  logger?: Pick<Logger, 'warn' | 'info'>;
  /** Below this confidence the answer says so and offers a mediator (default 0.45). */
  lowConfidenceThreshold?: number;
  /** Prompt templates (default: the prompts/ folder). */
  prompts?: PromptLoader;
  /** Our direct answers to the kinds of question articles answer (content/answers). */
  answerLines?: AnswerLine[];
  /** A published statute passage by citation, to quote the sentence that carries the answer. */
  passageOf?: (citation: Citation) => Passage | undefined;
  /** Told of each legal question answered below the threshold or not at all (the admin's unanswered list). */
  onUnsure?: (report: UnsureReport) => void;
}

/** A question the service was unsure of, and what it found. */
export interface UnsureReport {
  /** What was searched: the question, with the previous message for a short follow-up. */
  question: string;
  confidence: number;
  /** The best articles found, best first (at most three). */
  found: Citation[];
  /** The guide card the answer used. */
  card?: string;
}
