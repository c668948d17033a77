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
