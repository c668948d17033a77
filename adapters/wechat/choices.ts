/**
 * WeChat text has no buttons: choices go out as a numbered list (adapters/shared),
 * and a bare number typed back is mapped to the choice it names for that conversation.
 */
import type { Choice } from '../../src/core/types.js';
import { matchNumberedChoice } from '../shared/choices.js';
import { CappedMap } from './capped-map.js';

/** The last choices sent to each conversation, capped so a busy group cannot exhaust memory. */
export class ChoiceMemory {
  private readonly lastChoices: CappedMap<string, Choice[]>;

  constructor(cap = 10_000) {
    this.lastChoices = new CappedMap(cap);
  }

  /** Remember the choices just offered; a message without choices leaves earlier ones in place. */
  remember(conversationKey: string, choices: readonly Choice[] | undefined): void {
    if (choices && choices.length > 0) this.lastChoices.set(conversationKey, [...choices]);
  }

  /** The choice a typed number stands for, or undefined to pass the text through unchanged. */
  resolve(conversationKey: string, text: string): Choice | undefined {
    const offered = this.lastChoices.get(conversationKey);
    return offered ? matchNumberedChoice(text, offered) : undefined;
  }
}
