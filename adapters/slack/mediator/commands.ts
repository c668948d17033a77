/** Words a mediator types in a case thread: release, or close with an outcome and a note. */
import type { MediatorOutcome } from '../../../src/core/mediator.js';

/** A parsed thread command; `reply` means the text goes to the worker. */
export type ThreadCommand =
  | { kind: 'release'; note?: string }
  | { kind: 'close'; outcome: MediatorOutcome; note?: string }
  | { kind: 'bad_close' }
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

/** Parse a thread message; anything that is not a command is a reply to the worker. */
export function parseThreadCommand(text: string): ThreadCommand {
  const trimmed = text.trim();
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
