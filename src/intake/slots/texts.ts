/**
 * Worker-facing text of the intake questions, in `content/slots.json`, validated at load; the code that
 * reads answers and decides what to ask stays in catalog.ts, options.ts and evidence-kinds.ts.
 *
 * The file has three parts. Texts are `[Chinese, English]` pairs; words are matched as typed.
 * - `slots`: by slot id, the `label`, `question`, `example` and `aliases` (words that name the slot in
 *   "改一下金额"); a yes/no question also has `words` (`yes`, `no`) that answer it, a choice question its
 *   `options` by option id, each with a `label` and the `words` that pick it.
 * - `categories`: by category, then slot id, any of `label`, `question`, `example`, `aliases` that this
 *   category asks differently (the `details` question, the injury evidence prompt).
 * - `evidenceKinds`: by kind id, the `label` a worker and a mediator read and the `words` that mention it.
 */
import { z } from 'zod';
import { contentFileName, contentPath, readContentJson } from '../../content.js';
import type { BiText } from '../../core/i18n.js';
import { CATEGORIES, type Category } from '../../core/types.js';
import type { YesNoWords } from '../../text/yes-no.js';
import type { SlotOption } from './types.js';

const line = z.tuple([z.string().min(1), z.string().min(1)]);
const words = z.array(z.string().min(1)).min(1);
const labelled = z.object({ label: line, words }).strict();
const categoryText = z.object({ label: line, question: line, example: line, aliases: words }).partial().strict();
const slotText = categoryText
  .extend({ words: z.object({ yes: words, no: words }).strict(), options: z.record(z.string().min(1), labelled) })
  .partial()
  .strict();

const slotsFileSchema = z
  .object({
    slots: z.record(z.string().min(1), slotText),
    categories: z.partialRecord(z.enum(CATEGORIES), z.record(z.string().min(1), categoryText)),
    evidenceKinds: z.record(z.string().min(1), labelled),
  })
  .strict();

type SlotsFile = z.infer<typeof slotsFileSchema>;

/** What every slot shows: the texts a builder takes besides its id. */
export interface SlotText {
  label: BiText;
  question: BiText;
  example: BiText;
  aliases: readonly string[];
}

/** An evidence kind, or any labelled id with the words that select it. */
export interface LabelledWords {
  id: string;
  label: BiText;
  words: readonly string[];
}

const biText = ([zh, en]: readonly [string, string]): BiText => ({ 'zh-CN': zh, en });

/** The texts of one slots file, looked up by the catalogue; each lookup names the file and field it misses. */
export class SlotTexts {
  private readonly name: string;
  private readonly used = new Set<string>();

  constructor(
    file: string,
    private readonly data: SlotsFile,
  ) {
    this.name = contentFileName(file);
  }

  private fail(field: string, message: string): never {
    throw new Error(`${this.name}: ${field}: ${message}`);
  }

  private entry(id: string) {
    this.used.add(`slots.${id}`);
    return this.data.slots[id] ?? this.fail(`slots.${id}`, 'missing: the catalogue asks this slot');
  }

  /** Label, question, example and aliases of a slot as one category asks it (the category's texts first). */
  slot(category: Category, id: string): SlotText {
    const own = this.data.categories[category]?.[id];
    if (own) this.used.add(`categories.${category}.${id}`);
    const text = { ...this.entry(id), ...own };
    const field = <K extends keyof SlotText>(key: K) =>
      text[key] ?? this.fail(`slots.${id}.${key}`, `missing (needed by category ${category}; give it here or as categories.${category}.${id}.${key})`);
    return { label: biText(field('label')), question: biText(field('question')), example: biText(field('example')), aliases: field('aliases') };
  }

  /** The words that answer a yes/no slot. */
  yesNo(id: string): YesNoWords {
    const found = this.entry(id).words ?? this.fail(`slots.${id}.words`, 'missing: a yes/no question needs its yes and no words');
    return { yes: found.yes, no: found.no };
  }

  /** The options of a choice slot, in the order of `ids`; the file must give exactly these. */
  options(id: string, ids: readonly string[]): SlotOption[] {
    const given = this.entry(id).options ?? this.fail(`slots.${id}.options`, 'missing: a choice question needs its options');
    return this.labelled(`slots.${id}.options`, given, ids);
  }

  /** The evidence kinds, in the order of `ids`; the file must give exactly these. */
  evidenceKinds(ids: readonly string[]): LabelledWords[] {
    return this.labelled('evidenceKinds', this.data.evidenceKinds, ids);
  }

  private labelled(field: string, given: Record<string, z.infer<typeof labelled>>, ids: readonly string[]): LabelledWords[] {
    for (const id of Object.keys(given)) if (!ids.includes(id)) this.fail(`${field}.${id}`, `unknown id (expected one of ${ids.join(', ')})`);
    return ids.map((id) => {
      const option = given[id] ?? this.fail(`${field}.${id}`, 'missing');
      return { id, label: biText(option.label), words: option.words };
    });
  }

  /** Fail on texts the catalogue never looked up (a misspelt slot id or a slot the category does not ask). */
  checkAllUsed(): void {
    for (const id of Object.keys(this.data.slots)) if (!this.used.has(`slots.${id}`)) this.fail(`slots.${id}`, 'no question of the catalogue has this id');
    for (const [category, texts] of Object.entries(this.data.categories)) {
      for (const id of Object.keys(texts ?? {})) {
        if (!this.used.has(`categories.${category}.${id}`)) this.fail(`categories.${category}.${id}`, `category ${category} does not ask this slot`);
      }
    }
  }
}

/** Read and validate a slots file. */
export function loadSlotTexts(file = contentPath('slots.json')): SlotTexts {
  return new SlotTexts(file, readContentJson(file, slotsFileSchema));
}

/** The texts the project ships. */
export const SHIPPED_SLOT_TEXTS: SlotTexts = loadSlotTexts();
