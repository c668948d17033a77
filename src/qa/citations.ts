/** Citations: from passages, to 依据《劳动合同法》第八十二条, and back out of model text to catch invented ones. */
import { chineseToNumber } from '../text/numerals.js';
import type { Citation, Locale } from '../core/types.js';
import type { GuideCard, Passage } from '../retrieval/types.js';

const DIGITS = '零一二三四五六七八九';

/** 82 → 八十二, 1010 → 一千零一十: article numbers as statutes write them. */
export function numberToChinese(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 9999) return String(value);
  if (value < 10) return DIGITS[value];
  const parts: string[] = [];
  const units: Array<[number, string]> = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
  let pendingZero = false;
  for (const [unit, name] of units) {
    const digit = Math.floor(value / unit) % 10;
    if (digit === 0) {
      if (parts.length > 0) pendingZero = true;
      continue;
    }
    if (pendingZero) parts.push('零');
    pendingZero = false;
    // 十二, not 一十二, when ten leads.
    parts.push(unit === 10 && value < 20 ? name : DIGITS[digit] + name);
  }
  return parts.join('');
}

/**
 * 《劳动合同法》第八十二条 (Chinese) or 《劳动合同法》Article 82 (English); an item of a guidance
 * document is 第（十）项 / item (10), a section of a notice 第三部分 / Part 3.
 */
export function formatCitation(citation: Citation, locale: Locale): string {
  const numeral = numberToChinese(citation.article);
  if (citation.unit === 'item') return locale === 'en' ? `《${citation.law}》item (${citation.article})` : `《${citation.law}》第（${numeral}）项`;
  if (citation.unit === 'section') return locale === 'en' ? `《${citation.law}》Part ${citation.article}` : `《${citation.law}》第${numeral}部分`;
  return locale === 'en' ? `《${citation.law}》Article ${citation.article}` : `《${citation.law}》第${numeral}条`;
}

/** One line naming every source: 依据《劳动合同法》第八十二条、《工伤保险条例》第十七条. */
export function formatSourcesLine(citations: Citation[], locale: Locale): string {
  const names = citations.map((c) => formatCitation(c, locale));
  return locale === 'en' ? `Based on ${names.join(', ')}` : `依据${names.join('、')}`;
}

/** The article a statute passage stands for (its id carries the number when the field is missing). */
export function passageCitation(passage: Passage): Citation | undefined {
  if (passage.kind !== 'article') return undefined;
  const article = passage.article ?? Number(/#(\d+)/.exec(passage.id)?.[1]);
  if (!Number.isInteger(article) || article <= 0) return undefined;
  return passage.unit === 'item' || passage.unit === 'section' ? { law: passage.law, article, unit: passage.unit } : { law: passage.law, article };
}

/** Whether a card passage (id `card:wages` or `wages`) is this guide card. */
export function isCardPassage(passage: Passage, card: GuideCard): boolean {
  return passage.id === card.id || passage.id === `card:${card.id}` || `card:${passage.id}` === card.id;
}

/** Keep the first of each law and article. */
export function uniqueCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = citationKey(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A stable key for comparing citations. */
export function citationKey(citation: Citation): string {
  return `${citation.law}#${citation.article}`;
}

// 第八十二条, and for documents without articles 第（十）项 and 第三部分.
const MENTION = /《([^》]{1,40})》\s*第(?:([零〇一二两三四五六七八九十百千\d]+)条|[（(]([零〇一二两三四五六七八九十百千\d]+)[）)]项|([零〇一二两三四五六七八九十百千\d]+)部分)/g;

/**
 * Replace mentions of articles outside `allowed` with a neutral phrase, so a model cannot slip an
 * invented source into the text. Returns the cleaned text and how many mentions were removed.
 */
export function removeUnsupportedMentions(text: string, allowed: Citation[], locale: Locale): { text: string; removed: number } {
  const allowedKeys = new Set(allowed.map(citationKey));
  let removed = 0;
  const cleaned = text.replace(MENTION, (whole, law: string, articleNumeral?: string, itemNumeral?: string, sectionNumeral?: string) => {
    const article = chineseToNumber(articleNumeral ?? itemNumeral ?? sectionNumeral ?? '');
    const bareLaw = law.replace(/^中华人民共和国/, '');
    if (article !== undefined && allowedKeys.has(`${bareLaw}#${article}`)) return whole;
    removed++;
    return locale === 'en' ? 'the relevant rules' : '相关规定';
  });
  return { text: cleaned, removed };
}
