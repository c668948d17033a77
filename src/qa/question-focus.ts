/**
 * Long consultation posts tell a story over several sentences and ask their question at the end. The
 * question sentence says what the answer must be about, so its words weigh more in search; a short
 * question is searched as it is.
 */
import { LONG_POST, questionSentence } from '../retrieval/query.js';

/**
 * The question sentence of a long post, whose words search weighs more and whose wording says what kind
 * of answer is asked; undefined for a short question. The same reading search makes itself
 * (`questionSentence` in src/retrieval/query.ts: a repeated tail dropped, a question starting at 请问),
 * in search's normal form (half-width punctuation, lower case).
 */
export function questionFocus(text: string): string | undefined {
  return questionSentence(text);
}

function split(text: string, at: RegExp): string[] {
  return text
    .split(at)
    .map((s) => s.trim())
    .filter((s) => s.length >= 4);
}

/**
 * The question asked before the last one in a long post ("辞职能一次结清工资吗？还能要补偿金吗？"): a whole
 * sentence ending with a question mark. Undefined when the post asks once.
 */
export function earlierQuestion(text: string): string | undefined {
  if (text.length < LONG_POST) return undefined;
  const asked = split(text, /(?<=[。！？!?；;\n])/).filter((s) => /[？?]$/.test(s));
  return asked.length >= 2 ? asked.at(-2) : undefined;
}
