/** Choices as plain text, for platforms (or fallbacks) without buttons: "回复 1/2/3". */
import type { Choice, Locale } from '../../src/core/types.js';
import { tr, type BiText } from '../../src/core/i18n.js';

const replyWithNumber: BiText = {
  'zh-CN': '请回复数字 {numbers} 选择。',
  en: 'Reply with {numbers} to choose.',
};

/** Append numbered choices to a text, with a one-line hint on how to answer. */
export function renderNumberedChoices(text: string, choices: Choice[], locale: Locale): string {
  if (choices.length === 0) return text;
  const lines = choices.map((choice, index) => `${index + 1}. ${choice.label}`);
  const numbers = choices.map((_, index) => String(index + 1)).join('/');
  const head = text.trim().length > 0 ? `${text}\n\n` : '';
  return `${head}${lines.join('\n')}\n${tr(locale, replyWithNumber, { numbers })}`;
}

/** Which choice a typed reply picks ("2", "２", " 2 。"), or undefined when it is not a bare number in range. */
export function matchNumberedChoice(reply: string, choices: Choice[]): Choice | undefined {
  const ascii = reply.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  const match = /^\s*(\d{1,3})\s*[.。,，!！]?\s*$/.exec(ascii);
  if (!match) return undefined;
  return choices[Number(match[1]) - 1];
}
