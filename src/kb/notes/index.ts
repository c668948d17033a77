/** All article notes the project ships, flattened for the retriever. */
import type { ArticleNote } from '../../retrieval/retriever.js';
import { DISPUTE_NOTES, SOCIAL_INSURANCE_NOTES, WORK_INJURY_NOTES } from './insurance-disputes.js';
import { LABOUR_CONTRACT_NOTES } from './labour-contract.js';
import type { ArticleNotes } from './types.js';

/** Every law's notes. */
export const NOTE_SETS: ArticleNotes[] = [LABOUR_CONTRACT_NOTES, SOCIAL_INSURANCE_NOTES, WORK_INJURY_NOTES, DISPUTE_NOTES];

/** The notes as `{ law, article, text }` entries. */
export const ARTICLE_NOTES: ArticleNote[] = NOTE_SETS.flatMap((set) =>
  Object.entries(set.notes).map(([article, text]) => ({ law: set.law, article: Number(article), text })),
);
