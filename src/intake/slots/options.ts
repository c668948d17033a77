/**
 * The options of each choice question, by slot id, in display order and in the order typed words are
 * matched. Labels and the words that pick each option are in content/slots.json (`slots.<id>.options`).
 */

export const OPTION_IDS = {
  /** Kinds of money lost to the platform or station. */
  deductionKind: ['fine', 'deduction', 'account_suspended', 'deposit', 'bonus_withheld'],
  /** Ways a job ends or an employment relation is unclear. */
  situation: ['dismissed', 'no_contract', 'who_employer', 'other'],
  /** Working-condition problems riders and couriers report most. */
  issue: ['parking', 'charging', 'compound_access', 'rest', 'toilet', 'weather', 'other'],
  /** Platform rules workers contest. */
  ruleKind: ['dispatch', 'pricing', 'time_limit', 'rating', 'appeal', 'other'],
  /** How far an injury has been reported; matched in this order, so "还没申请" is not read as applied. */
  reported: ['none', 'applied', 'told', 'unknown'],
  /** Insurance that may cover a gig worker's injury. */
  insurance: ['work_injury', 'occupational', 'commercial', 'none', 'unknown'],
  /** How far social insurance was paid. */
  paidStatus: ['never', 'stopped', 'partial', 'unknown'],
} as const satisfies Record<string, readonly string[]>;

/** A choice question's slot id. */
export type ChoiceSlotId = keyof typeof OPTION_IDS;
