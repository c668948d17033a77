/** All article notes the project ships, flattened for the retriever. */
import type { ArticleNote } from '../../retrieval/retriever.js';
import { CIVIL_CODE_NOTES } from './civil-code.js';
import { EMPLOYMENT_PROMOTION_NOTES, OCCUPATIONAL_DISEASE_NOTES } from './health-employment.js';
import { DISPUTE_NOTES, SOCIAL_INSURANCE_NOTES, WORK_INJURY_NOTES } from './insurance-disputes.js';
import { CONTRACT_REGULATION_NOTES, DISPUTE_INTERPRETATION_NOTES } from './interpretation-regulations.js';
import { LABOUR_CONTRACT_NOTES } from './labour-contract.js';
import { LABOUR_LAW_NOTES } from './labour-law.js';
import { ANNUAL_LEAVE_MEASURES_NOTES, ANNUAL_LEAVE_NOTES, FEMALE_WORKER_NOTES, WAGE_PAYMENT_NOTES } from './pay-leave.js';
import { TRADE_UNION_NOTES, WOMEN_RIGHTS_NOTES, WORK_SAFETY_NOTES } from './safety-union-women.js';
import type { ArticleNotes } from './types.js';
import { LABOUR_INSPECTION_NOTES, MIGRANT_WAGE_NOTES } from './wage-arrears-inspection.js';

/** Every law's notes. */
export const NOTE_SETS: ArticleNotes[] = [
  LABOUR_CONTRACT_NOTES,
  SOCIAL_INSURANCE_NOTES,
  WORK_INJURY_NOTES,
  DISPUTE_NOTES,
  LABOUR_LAW_NOTES,
  DISPUTE_INTERPRETATION_NOTES,
  CONTRACT_REGULATION_NOTES,
  CIVIL_CODE_NOTES,
  WAGE_PAYMENT_NOTES,
  ANNUAL_LEAVE_NOTES,
  ANNUAL_LEAVE_MEASURES_NOTES,
  FEMALE_WORKER_NOTES,
  OCCUPATIONAL_DISEASE_NOTES,
  EMPLOYMENT_PROMOTION_NOTES,
  WORK_SAFETY_NOTES,
  TRADE_UNION_NOTES,
  WOMEN_RIGHTS_NOTES,
  MIGRANT_WAGE_NOTES,
  LABOUR_INSPECTION_NOTES,
];

/** The notes as `{ law, article, text }` entries. */
export const ARTICLE_NOTES: ArticleNote[] = NOTE_SETS.flatMap((set) =>
  Object.entries(set.notes).map(([article, text]) => ({ law: set.law, article: Number(article), text })),
);
