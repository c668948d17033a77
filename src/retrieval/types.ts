/** Contracts of the policy knowledge base and its retrieval. */
import type { Citation } from '../core/types.js';

/** How a document applies. */
export type Jurisdiction = 'national' | 'province' | 'city';

/** One imported instrument (law, regulation, interpretation, local policy) or a guide card set. */
export interface KbDocument {
  /** Short title, the corpus file name without extension, e.g. `劳动合同法`. */
  law: string;
  fullTitle: string;
  issuer?: string;
  jurisdiction: Jurisdiction;
  /** ISO date. */
  effectiveFrom?: string;
  repealedOn?: string;
  source?: string;
  kind: 'statute' | 'regulation' | 'interpretation' | 'policy' | 'card';
}

/**
 * What a document's numbered units are: 第X条 articles (the default), items （一）（二）… of a
 * guidance document numbered by items, or sections 一、二、三 of a notice. Cited as 第十条,
 * 第（十）项 and 第三部分.
 */
export type PassageUnit = 'article' | 'item' | 'section';

/** A searchable unit: one statute article (or a piece of a long one), or one guide card. */
export interface Passage {
  /** Stable id, e.g. `劳动合同法#82` or `劳动合同法#82.2` for a split piece, `card:wages`. */
  id: string;
  kind: 'article' | 'card';
  law: string;
  /** Article number for statute passages (the item or section number where `unit` says so). */
  article?: number;
  /** What `article` numbers; absent means 第X条 articles. */
  unit?: PassageUnit;
  title?: string;
  text: string;
  /** For a local rule (province or city), the place it applies in, e.g. `深圳市`. */
  place?: string;
}

/** One ranked search result. */
export interface SearchHit {
  passage: Passage;
  score: number;
}

/** How a search is made. */
export interface SearchOptions {
  top?: number;
  kinds?: Array<Passage['kind']>;
  /**
   * What is known of the worker, one line each, latest first (not searched for): the first place
   * named there (我在深圳跑单) makes the local rules of another place count less, as a place named
   * in the question does.
   */
  context?: string;
  /**
   * The part of a long question that asks it (its question sentence): its words weigh more. When
   * absent, search finds it itself (`questionSentence` in query.ts).
   */
  focus?: string;
}

/** Anything that can rank passages for a question. */
export interface Retriever {
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /**
   * The articles the trained classifier thinks answer the question, best first, whether or not their
   * text is imported (with no statutes imported, answers cite them from our own answer lines).
   */
  predictArticles?(query: string, top: number): Array<{ law: string; article: number }>;
}

/** A plain-language guide card we write ourselves (never statute text). */
export interface GuideCard {
  id: string;
  /** Grievance category it serves (see core/types CATEGORIES) or a topic. */
  category: string;
  title: { 'zh-CN': string; en: string };
  explanation: { 'zh-CN': string; en: string };
  nextSteps: { 'zh-CN': string[]; en: string[] };
  evidence: { 'zh-CN': string[]; en: string[] };
  whereToGo: { 'zh-CN': string[]; en: string[] };
  /** Articles the card relies on. */
  relies: Citation[];
  /** Colloquial words that should find this card. */
  keywords: string[];
  /** Words that mean another card fits instead: a question with one of them is never answered with this card. */
  unless?: string[];
  /** What the card's rights assume: a labour relation, platform work, or nothing in particular. */
  assumes?: 'labour-relation' | 'platform-work' | 'none';
}

/** A question written the way people ask, labelled with the articles that answer it (main one first). */
export interface BankQuestion {
  question: string;
  articles: Citation[];
}
