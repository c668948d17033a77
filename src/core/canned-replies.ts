/**
 * Canned replies (常用回复): texts admins keep so a mediator can start a reply from one, edit it and
 * send it. The record and its port (storage.cannedReplies); a canned reply is never sent by itself.
 */
import type { Locale } from './types.js';

/** Longest title, as it fits a picker line on a phone. */
export const MAX_CANNED_TITLE = 40;
/** Longest text: as long as a mediator's message may be. */
export const MAX_CANNED_TEXT = 2000;

/** One canned reply. */
export interface CannedReply {
  id: string;
  /** Short name in the picker, e.g. 请发工资条. */
  title: string;
  /** What goes into the reply box, for the mediator to edit before sending. */
  text: string;
  /** Language of the text; the picker offers the worker's language first. */
  locale: Locale;
  createdAt: string;
  updatedAt: string;
}

/** What an admin writes: the title, the text and its language. */
export type CannedReplyInput = Pick<CannedReply, 'title' | 'text' | 'locale'>;

/** Where canned replies are kept (storage.cannedReplies). */
export interface CannedReplyStore {
  /** Every canned reply, in the order they were added. */
  list(): Promise<CannedReply[]>;
  get(id: string): Promise<CannedReply | undefined>;
  /** Add one; a missing title or text, one too long or an unknown language is `bad_request`. */
  add(input: CannedReplyInput, now: Date): Promise<CannedReply>;
  /** Replace title, text and language; undefined when there is no such reply. */
  update(id: string, input: CannedReplyInput, now: Date): Promise<CannedReply | undefined>;
  /** Delete one; false when there was no such reply. */
  remove(id: string): Promise<boolean>;
}
