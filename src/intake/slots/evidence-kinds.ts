/**
 * Kinds of evidence workers mention, so a mediator sees at a glance what a case can prove. The ids are
 * here, in the order a case lists them; labels and the words that mention each kind are in
 * content/slots.json (`evidenceKinds`).
 */
import type { Locale } from '../../core/types.js';
import { SHIPPED_SLOT_TEXTS, type LabelledWords, type SlotTexts } from './texts.js';

const EVIDENCE_KIND_IDS = ['pay_records', 'chat', 'contract', 'work_records', 'medical', 'police', 'photos', 'recording', 'witness', 'notice'] as const;

/** The evidence kinds of a slots file, in order; a missing or unknown kind names the file and field. */
export function evidenceKindsOf(texts: SlotTexts): LabelledWords[] {
  return texts.evidenceKinds(EVIDENCE_KIND_IDS);
}

const EVIDENCE_KINDS: readonly LabelledWords[] = evidenceKindsOf(SHIPPED_SLOT_TEXTS);

/** Evidence kind ids a text mentions. */
export function evidenceKindsIn(text: string): string[] {
  return EVIDENCE_KINDS.filter((kind) => kind.words.some((w) => text.includes(w))).map((kind) => kind.id);
}

/** A kind id as a worker reads it. */
export function evidenceKindLabel(id: string, locale: Locale): string {
  const kind = EVIDENCE_KINDS.find((k) => k.id === id);
  return kind ? kind.label[locale] : id;
}
