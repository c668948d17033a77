/**
 * Parse one instrument in the corpus format (Markdown or plain text): a title line, metadata
 * lines, 编/章/节 headings and lines starting 第X条. The text of an article runs to the next
 * article, heading, annex or rule, so its 款 and 项 stay with it. A document without 第X条 is
 * split by its items （一）（二）… when they run 1…N through the whole text (a guidance document),
 * else by its sections 一、二、三 (a notice), each item or section keeping the lines under it.
 */
import type { Passage } from '../retrieval/types.js';
import { CHINESE_NUMERAL_CHARS, chineseToNumber } from '../text/numerals.js';
import { readDocumentMetadata, type MetadataOverrides, type ParsedMetadata } from './metadata.js';

/** One article (or numbered section) before long ones are split. */
export interface ParsedArticle {
  /** Article number; items （一）（二） and sections 一、二、三 are numbered the same way. */
  number?: number;
  /** Stable key inside the document: the number, `0` for a notice's preamble, `annex` for an annex. */
  key: string;
  /** Headings the article sits under, e.g. `第二章 劳动合同的订立`. */
  heading: string;
  text: string;
}

/** A parsed document before splitting and storage. */
export interface ParsedDocument {
  metadata: ParsedMetadata;
  /**
   * `articles` for 第X条 texts; `items` for texts numbered （一）（二）… through the whole text
   * (sections 一、二 above them are headings); `sections` for notices numbered 一、二、三.
   */
  structure: 'articles' | 'items' | 'sections';
  articles: ParsedArticle[];
}

const ARTICLE_LINE = new RegExp(`^第([${CHINESE_NUMERAL_CHARS}\\d]+)条(?:[\\s\\u3000]+|$)`);
const SECTION_HEADING = new RegExp(`^([${CHINESE_NUMERAL_CHARS}]+)(?:、|$|\\s)`);
// A section that is a plain line, not a heading: 一、… (counted only when it is the next number).
const SECTION_LINE = new RegExp(`^([${CHINESE_NUMERAL_CHARS}]+)、`);
// An item: （一）… or (一)… at the start of a line.
const ITEM_LINE = new RegExp(`^[（(]([${CHINESE_NUMERAL_CHARS}]+)[）)]`);
const ANNEX_LINE = /^(附件|附录|附表)/;
const RULE_LINE = /^(-{3,}|\*{3,})\s*$/;
const INFO_END = '<!-- INFO END -->';

/** Split text into lines without the Markdown front matter block, which only carries metadata. */
function bodyLines(text: string): { frontMatter: string[]; lines: string[] } {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
    if (end > 0) return { frontMatter: lines.slice(1, end), lines: lines.slice(end + 1) };
  }
  return { frontMatter: [], lines };
}

/** Count lines that begin with 第X条, the check the corpus README uses. */
export function countArticleLines(text: string): number {
  return bodyLines(text).lines.filter((line) => ARTICLE_LINE.test(line.trim())).length;
}

/** Parse a document; `fileName` (without extension) becomes its short title. */
export function parseDocument(text: string, fileName: string, overrides: MetadataOverrides = {}): ParsedDocument {
  const { frontMatter, lines } = bodyLines(text);
  const infoEnd = lines.findIndex((line) => line.trim() === INFO_END);
  const hasArticles = lines.some((line) => ARTICLE_LINE.test(line.trim()));
  const metadataEnd = infoEnd >= 0 ? infoEnd : firstStructuralLine(lines, hasArticles);
  const body = lines.slice(infoEnd >= 0 ? infoEnd + 1 : metadataEnd);
  const structure = hasArticles ? 'articles' : itemsRunThrough(body) ? 'items' : 'sections';
  const articles = structure === 'articles' ? splitArticles(body) : splitSections(body, structure === 'items');
  const closingText = articles.filter((article) => article.key !== 'annex').slice(-3).map((article) => article.text).join('\n');
  const metadata = readDocumentMetadata(fileName, lines.slice(0, metadataEnd), frontMatter, overrides, closingText);
  return { metadata, structure, articles };
}

/** Without an INFO END marker, metadata is everything up to the first article or second heading. */
function firstStructuralLine(lines: string[], hasArticles: boolean): number {
  let headings = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index].trim();
    if (hasArticles && ARTICLE_LINE.test(line)) return index;
    if (line.startsWith('#') && ++headings > 1) return index;
  }
  return lines.length;
}

/** Heading levels kept as context: `#` 编, `##` 章, `###`/`####` 节. */
class HeadingTrail {
  private levels: string[] = [];
  push(line: string): void {
    const match = /^(#+)\s*(.*)$/.exec(line);
    if (!match) return;
    const depth = match[1].length;
    this.levels = this.levels.slice(0, depth - 1);
    this.levels[depth - 1] = match[2].replace(/\s+/g, ' ').trim();
  }
  toString(): string {
    return this.levels.filter(Boolean).join(' / ');
  }
}

function splitArticles(body: string[]): ParsedArticle[] {
  const articles: ParsedArticle[] = [];
  const trail = new HeadingTrail();
  let current: { number: number; heading: string; lines: string[] } | undefined;
  let annex: string[] | undefined;
  const close = (): void => {
    if (current) {
      articles.push({ number: current.number, key: String(current.number), heading: current.heading, text: joinParagraphs(current.lines) });
    }
    current = undefined;
  };
  for (const raw of body) {
    const line = raw.trim();
    const article = ARTICLE_LINE.exec(line);
    if (article && !annex) {
      close();
      const number = chineseToNumber(article[1]);
      if (number === undefined) throw new Error(`unreadable article number: ${line.slice(0, 20)}`);
      current = { number, heading: trail.toString(), lines: [line] };
    } else if (line.startsWith('#') && !annex) {
      close();
      trail.push(line);
    } else if (RULE_LINE.test(line)) {
      close();
    } else if (ANNEX_LINE.test(line) || (annex && line.length > 0)) {
      close();
      annex = annex ?? [];
      annex.push(line.replace(/^#+\s*/, ''));
    } else if (current && line.length > 0) {
      current.lines.push(line);
    }
  }
  close();
  if (annex && annex.length > 0) articles.push({ key: 'annex', heading: '附件', text: joinParagraphs(annex) });
  return articles;
}

/**
 * Whether the items （一）（二）… of a text without articles run 1…N through the whole text, so
 * each can stand alone. Items that start again at （一） under each section belong to their section.
 */
function itemsRunThrough(body: string[]): boolean {
  const numbers = body.map((line) => ITEM_LINE.exec(line.trim())).filter((match) => match !== null).map((match) => chineseToNumber(match[1]));
  return numbers.length > 0 && numbers.every((number, index) => number === index + 1);
}

/**
 * A text without articles: one passage per section 一、二、三 (a `#` heading, or a plain line
 * with the next number), or with `byItems` one per item （一）（二）… under the section headings
 * (text between a section heading and its first item opens that item). What comes before the
 * first one (the addressees and preamble) is number 0.
 */
function splitSections(body: string[], byItems: boolean): ParsedArticle[] {
  const sections: ParsedArticle[] = [];
  // Number -1: lines under a section heading that no item has claimed yet.
  let current: { number: number; heading: string; lines: string[] } = { number: 0, heading: '', lines: [] };
  let sectionHeading = '';
  let lastSection = 0;
  const close = (): void => {
    const text = joinParagraphs(current.lines);
    if (text.length === 0) return;
    const previous = sections.at(-1);
    if (current.number >= 0 || !previous) {
      const number = Math.max(current.number, 0);
      sections.push({ number, key: String(number), heading: current.heading, text });
    } else {
      previous.text = `${previous.text}\n${text}`;
    }
  };
  for (const raw of body) {
    const line = raw.trim();
    const heading = /^#+\s*(.*)$/.exec(line);
    const numbered = heading ? SECTION_HEADING.exec(heading[1]) : SECTION_LINE.exec(line);
    const sectionNumber = numbered ? chineseToNumber(numbered[1]) : undefined;
    const item = byItems ? ITEM_LINE.exec(line) : null;
    if (numbered && (heading || sectionNumber === lastSection + 1)) {
      close();
      lastSection = sectionNumber ?? lastSection + 1;
      sectionHeading = heading ? heading[1] : '';
      // By items, a section heading is the context of the items under it, not a passage.
      current = byItems
        ? { number: -1, heading: sectionHeading, lines: [] }
        : { number: sectionNumber ?? lastSection, heading: sectionHeading, lines: [heading ? heading[1] : line] };
    } else if (item) {
      const intro = current.number === -1 ? current.lines : [];
      if (current.number !== -1) close();
      current = { number: chineseToNumber(item[1])!, heading: sectionHeading, lines: [...intro, line] };
    } else if (line.length > 0 && !RULE_LINE.test(line)) {
      current.lines.push(line.replace(/^#+\s*/, ''));
    }
  }
  close();
  return sections;
}

function joinParagraphs(lines: string[]): string {
  return lines.map((line) => line.replace(/[\u3000\s]+/g, ' ').trim()).filter(Boolean).join('\n');
}

/** The passage id of an article or a piece of one: `劳动合同法#82`, `劳动合同法#82.2`. */
export function passageId(law: string, key: string, piece?: number): string {
  return piece === undefined ? `${law}#${key}` : `${law}#${key}.${piece}`;
}

/** What a parsed document's numbers count, as passages carry it (absent for 第X条 articles). */
export function passageUnit(structure: ParsedDocument['structure']): Passage['unit'] {
  return structure === 'items' ? 'item' : structure === 'sections' ? 'section' : undefined;
}

/** Turn a parsed article into its searchable passage (before any split). */
export function articlePassage(law: string, article: ParsedArticle, unit?: Passage['unit']): Passage {
  return { id: passageId(law, article.key), kind: 'article', law, article: article.number, ...(unit ? { unit } : {}), title: article.heading || undefined, text: article.text };
}
