/** Words a mediator types in a case thread: release, close with an outcome and a note, or a private note. */
import type { MediatorOutcome } from '../../../src/core/mediator.js';

/** A parsed thread command; `reply` means the text goes to the worker. */
export type ThreadCommand =
  | { kind: 'release'; note?: string }
  | { kind: 'close'; outcome: MediatorOutcome; note?: string }
  | { kind: 'bad_close' }
  /** A note for staff only (备注：… / note: …), never sent to the worker. */
  | { kind: 'note'; text: string }
  | { kind: 'bad_note' }
  | { kind: 'reply'; text: string };

const OUTCOME_WORDS: Array<[RegExp, MediatorOutcome]> = [
  [/^(resolved|已解决|解决)$/i, 'resolved'],
  [/^(inspection|referred_inspection|监察|劳动监察|劳动保障监察)$/i, 'referred_inspection'],
  [/^(arbitration|referred_arbitration|仲裁|劳动仲裁)$/i, 'referred_arbitration'],
  [/^(legal_aid|legal-aid|referred_legal_aid|法援|法律援助)$/i, 'referred_legal_aid'],
  [/^(court|referred_court|法院|起诉)$/i, 'referred_court'],
  [/^(withdrawn|撤回)$/i, 'withdrawn'],
  [/^(no_response|no-response|无回应|未回复)$/i, 'no_response'],
];

/**
 * 备注 / 内部备注 / /note followed by a colon or a space, or note with a colon. A bare English "note" is not
 * enough: "Note that the deadline is Friday" is a reply the worker must get.
 */
const NOTE_WITH_COLON = /^(?:内部备注|备注|\/?note)\s*[:：]\s*([\s\S]*)$/i;
const NOTE_WITH_SPACE = /^(?:内部备注|备注|\/note)(?:\s+([\s\S]*))?$/i;

/** Parse a thread message; anything that is not a command is a reply to the worker. */
export function parseThreadCommand(text: string): ThreadCommand {
  const trimmed = text.trim();
  const note = NOTE_WITH_COLON.exec(trimmed) ?? NOTE_WITH_SPACE.exec(trimmed);
  if (note) return note[1]?.trim() ? { kind: 'note', text: note[1].trim() } : { kind: 'bad_note' };
  const release = /^(release|释放|交还)(?:\s+([\s\S]*))?$/i.exec(trimmed);
  if (release) return release[2]?.trim() ? { kind: 'release', note: release[2].trim() } : { kind: 'release' };
  const close = /^(close|结案)(?:\s+(\S+))?(?:\s+([\s\S]*))?$/i.exec(trimmed);
  if (close) {
    const outcome = OUTCOME_WORDS.find(([re]) => re.test(close[2] ?? ''))?.[1];
    if (!outcome) return { kind: 'bad_close' };
    const note = close[3]?.trim();
    return note ? { kind: 'close', outcome, note } : { kind: 'close', outcome };
  }
  return { kind: 'reply', text: trimmed };
}
