/** Bilingual strings: every user-facing text exists in zh-CN first, with an English translation. */
import type { Locale } from './types.js';

/** A user-facing text in both languages. */
export type BiText = Record<Locale, string>;

/**
 * Pick the text for a locale and fill `{name}` placeholders. A placeholder
 * without a value is an error, not an empty string.
 */
export function tr(locale: Locale, text: BiText, vars: Record<string, string | number> = {}): string {
  const template = text[locale] ?? text['zh-CN'];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`missing template variable {${name}}`);
    return String(value);
  });
}

/**
 * The language a message is clearly written in: Chinese when it has a Chinese character, English
 * when it has three English words and none; undefined for "OK", numbers or an emoji.
 */
export function writtenIn(text: string): Locale | undefined {
  if (hasChinese(text)) return 'zh-CN';
  return (text.match(/[A-Za-z]{2,}/g) ?? []).length >= 3 ? 'en' : undefined;
}

/** Whether a text has a Chinese character: the statutes and most cards' words are Chinese, so a text without one is searched another way. */
export function hasChinese(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}
