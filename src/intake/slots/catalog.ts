/**
 * The questions each grievance category asks: few, and only what a mediator needs to act.
 * Slots that mean the same thing share an id across categories, so an answer survives a
 * change of category. Here is how each slot reads its answer and which categories ask it in
 * which order; what a worker reads (labels, questions, examples, aliases, the words of yes/no
 * and choice questions) is in content/slots.json (see texts.ts).
 */
import { CATEGORIES, type Category } from '../../core/types.js';
import type { ExtractedFacts } from '../extract.js';
import { formatPlace } from '../../text/place.js';
import { storableText } from '../../text/normalize.js';
import {
  amountSlot,
  choiceSlot,
  countSlot,
  dateSlot,
  employerSlot,
  evidenceSlot,
  periodSlot,
  placeSlot,
  textSlot,
  yesNoSlot,
} from './builders.js';
import { evidenceKindsOf } from './evidence-kinds.js';
import { OPTION_IDS, type ChoiceSlotId } from './options.js';
import { SHIPPED_SLOT_TEXTS, type SlotText, type SlotTexts } from './texts.js';
import type { SlotDefinition, SlotOption } from './types.js';

const MIN_DESCRIPTION_FOR_DETAILS = 6;

/** How a rider works for the platform: it decides which rights apply, so it stays in the name. */
const WORK_MODE = /众包|专送|快送|乐跑|全职|兼职/;
const fromPlatforms = (facts: ExtractedFacts, description: string) =>
  facts.platforms.length > 0
    ? { name: `${facts.platforms.join('、')}${WORK_MODE.exec(description)?.[0] ?? ''}`, platforms: facts.platforms }
    : undefined;
const fromPlace = (facts: ExtractedFacts) =>
  facts.place ? { text: [formatPlace(facts.place), facts.station].filter(Boolean).join(' '), ...facts.place } : undefined;
const fromDescription = (_facts: ExtractedFacts, description: string) =>
  description.trim().length >= MIN_DESCRIPTION_FOR_DETAILS ? storableText(description) : undefined;
const fromOptionWords = (options: readonly SlotOption[]) => (_facts: ExtractedFacts, description: string) => {
  const matching = options.filter((o) => o.id !== 'unknown' && o.words.some((w) => description.includes(w)));
  return matching.length === 1 ? matching[0].id : undefined;
};

/** A slot's id with its texts as one category asks it. */
type Spec = SlotText & { id: string };
type Build = (spec: Spec, texts: SlotTexts) => SlotDefinition;

/** A choice question the worker must answer, preset when the first message's words pick exactly one option. */
const requiredChoice =
  (id: ChoiceSlotId): Build =>
  (spec, texts) => {
    const options = texts.options(id, OPTION_IDS[id]);
    return choiceSlot({ ...spec, options, optional: false, prefill: fromOptionWords(options) });
  };

/** A choice question that may be skipped. */
const choice =
  (id: ChoiceSlotId): Build =>
  (spec, texts) =>
    choiceSlot({ ...spec, options: texts.options(id, OPTION_IDS[id]) });

/** Every slot: its kind of answer, whether it may be skipped, what presets it and when it is asked. */
const SLOTS = {
  employer: (spec) => employerSlot({ ...spec, prefill: fromPlatforms }),
  workplace: (spec) => placeSlot({ ...spec, prefill: fromPlace }),
  location: (spec) => placeSlot({ ...spec, prefill: fromPlace }),
  details: (spec) => textSlot({ ...spec, optional: false, prefill: fromDescription }),
  evidence: (spec) => evidenceSlot(spec),
  workStart: (spec) => dateSlot(spec),
  workersAffected: (spec) => countSlot({ ...spec, prefill: (facts) => facts.count }),
  amountOwed: (spec) => amountSlot({ ...spec, prefill: (facts) => facts.amount }),
  period: (spec) => periodSlot({ ...spec, prefill: (facts) => facts.period }),
  stillWorking: (spec, texts) => yesNoSlot({ ...spec, words: texts.yesNo('stillWorking') }),
  leftDate: (spec) => dateSlot({ ...spec, askIf: (answers) => answers.stillWorking === false }),
  injuryDate: (spec) => dateSlot({ ...spec, optional: false, prefill: (facts) => facts.date }),
  injuryPlace: (spec) => placeSlot({ ...spec, prefill: fromPlace }),
  howItHappened: (spec) => textSlot({ ...spec, optional: false, prefill: fromDescription }),
  hospital: (spec, texts) => yesNoSlot({ ...spec, words: texts.yesNo('hospital') }),
  reported: choice('reported'),
  insurance: choice('insurance'),
  deductionKind: requiredChoice('deductionKind'),
  amount: (spec) => amountSlot({ ...spec, prefill: (facts) => facts.amount }),
  incidentDate: (spec) => dateSlot({ ...spec, prefill: (facts) => facts.date }),
  reasonGiven: (spec) => textSlot(spec),
  appealed: (spec, texts) => yesNoSlot({ ...spec, words: texts.yesNo('appealed') }),
  situation: requiredChoice('situation'),
  endDate: (spec) => dateSlot({ ...spec, askIf: (answers) => answers.situation === 'dismissed', prefill: (facts) => facts.date }),
  contractSigned: (spec, texts) =>
    yesNoSlot({ ...spec, askIf: (answers) => answers.situation !== 'no_contract', words: texts.yesNo('contractSigned') }),
  paidStatus: choice('paidStatus'),
  issue: requiredChoice('issue'),
  ruleKind: requiredChoice('ruleKind'),
} satisfies Record<string, Build>;

type SlotId = keyof typeof SLOTS;

/** The slots each category asks, in asking order. */
const ASKS: Record<Category, readonly SlotId[]> = {
  wages: ['employer', 'workplace', 'amountOwed', 'period', 'workersAffected', 'stillWorking', 'leftDate', 'evidence'],
  injury: ['employer', 'injuryDate', 'injuryPlace', 'howItHappened', 'hospital', 'reported', 'insurance', 'evidence'],
  deductions: ['employer', 'deductionKind', 'amount', 'incidentDate', 'reasonGiven', 'appealed', 'evidence'],
  termination: ['employer', 'situation', 'workStart', 'endDate', 'contractSigned', 'evidence'],
  social_insurance: ['employer', 'workplace', 'workStart', 'paidStatus', 'evidence'],
  conditions: ['issue', 'location', 'details'],
  platform_rules: ['employer', 'ruleKind', 'details', 'workersAffected'],
  suggestion: ['details', 'location'],
  other: ['details', 'employer', 'location'],
};

/** Every category's questions with the texts of a slots file; a missing or unused text names the file and field. */
export function buildCatalog(texts: SlotTexts): Record<Category, readonly SlotDefinition[]> {
  const ask = (category: Category) => ASKS[category].map((id) => SLOTS[id]({ id, ...texts.slot(category, id) }, texts));
  const catalog = Object.fromEntries(CATEGORIES.map((category) => [category, ask(category)])) as Partial<Record<Category, readonly SlotDefinition[]>>;
  evidenceKindsOf(texts);
  texts.checkAllUsed();
  return catalog as Record<Category, readonly SlotDefinition[]>;
}

const CATALOG = buildCatalog(SHIPPED_SLOT_TEXTS);

/** The questions of one category, in asking order. */
export function slotsFor(category: Category): readonly SlotDefinition[] {
  return CATALOG[category];
}

/** One slot of a category by id, or undefined. */
export function findSlot(category: Category, slotId: string): SlotDefinition | undefined {
  return CATALOG[category].find((slot) => slot.id === slotId);
}
