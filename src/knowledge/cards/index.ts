/** Every guide card the project ships: one per grievance category plus topic cards. */
import type { GuideCard } from '../../retrieval/types.js';
import { CATEGORY_CARDS } from './categories.js';
import { CONTRACT_CARDS } from './topics-contract.js';
import { DISPUTE_CARDS } from './topics-dispute.js';
import { PAY_CARDS } from './topics-pay.js';
import { PROTECTION_CARDS } from './topics-protection.js';

/** All shipped guide cards (category cards first). */
export const GUIDE_CARDS: GuideCard[] = [...CATEGORY_CARDS, ...CONTRACT_CARDS, ...PAY_CARDS, ...PROTECTION_CARDS, ...DISPUTE_CARDS];

/** The card for a grievance category (see core/types CATEGORIES). */
export function categoryCard(category: string): GuideCard | undefined {
  return CATEGORY_CARDS.find((card) => card.category === category);
}
