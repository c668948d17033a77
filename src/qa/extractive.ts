/**
 * The answer that needs no model: the best guide card in plain words, then the statute articles it
 * rests on, quoted briefly, cited as 依据《劳动合同法》第八十二条. Used when no LLM is configured and
 * whenever the model fails.
 */
import { tr } from '../core/i18n.js';
import type { Citation, Locale } from '../core/types.js';
import type { SearchHit } from '../retrieval/types.js';
import { citationKey, formatCitation, formatSourcesLine, passageCitation, uniqueCitations } from './citations.js';
import type { Evidence } from './evidence.js';
import { HEADINGS, LOCAL_RULE_NOTE } from './texts.js';

/** The body of an answer and the articles it cites. */
export interface AnswerBody {
  text: string;
  citations: Citation[];
}

const MAX_STEPS = 3;
const MAX_QUOTES = 2;
const QUOTE_CHARS = 70;
/** An article hit this far below the best one is not worth quoting. */
const QUOTE_SCORE_RATIO = 0.6;
const ARTICLE_HEADING = /^\s*第[零〇一二两三四五六七八九十百千\d]+条\s*/;

/** Build the extractive body from the evidence, or undefined when nothing was found. */
export function composeExtractiveBody(evidence: Evidence, locale: Locale): AnswerBody | undefined {
  const card = evidence.bestCard;
  const quotes = pickQuotes(evidence);
  if (!card && quotes.length === 0) return undefined;
  // Blocks (what it means, what to do, the law) are set apart by a blank line: easier to find on a phone.
  const blocks: string[][] = [];
  if (card) {
    blocks.push([`【${card.title[locale]}】`, card.explanation[locale]]);
    const todo: string[] = [];
    const steps = card.nextSteps[locale].slice(0, MAX_STEPS);
    if (steps.length > 0) todo.push(tr(locale, HEADINGS.nextSteps), ...steps.map((step, i) => `${i + 1}. ${step}`));
    const keep = card.evidence[locale].slice(0, MAX_STEPS);
    if (keep.length > 0) todo.push(tr(locale, HEADINGS.evidence) + keep.join(locale === 'en' ? ', ' : '、'));
    if (card.whereToGo[locale].length > 0) todo.push(tr(locale, HEADINGS.whereToGo) + card.whereToGo[locale].join(locale === 'en' ? '; ' : '；'));
    if (todo.length > 0) blocks.push(todo);
  }
  const law: string[] = [];
  const quoted = quotes.map((hit) => passageCitation(hit.passage) as Citation);
  if (quotes.length > 0) {
    law.push(tr(locale, HEADINGS.quotes));
    for (const hit of quotes) {
      const citation = passageCitation(hit.passage) as Citation;
      const source = locale === 'en' ? formatCitation(citation, locale) : `依据${formatCitation(citation, locale)}`;
      const where = hit.passage.place ? tr(locale, LOCAL_RULE_NOTE, { place: hit.passage.place }) : '';
      law.push(`${source}${where}：“${excerpt(hit.passage.text)}”`);
    }
  }
  const quotedKeys = new Set(quoted.map(citationKey));
  const unquoted = (card?.relies ?? []).filter((c) => !quotedKeys.has(citationKey(c)));
  if (unquoted.length > 0) law.push(formatSourcesLine(uniqueCitations(unquoted), locale));
  if (law.length > 0) blocks.push(law);
  return { text: blocks.map((block) => block.join('\n')).join('\n\n'), citations: uniqueCitations([...quoted, ...(card?.relies ?? [])]) };
}

/**
 * The articles worth quoting, at most two, in search order: the best ones, and those the card relies
 * on if they were found at all. (Quoting the card's articles first quoted a gold article for 84 of
 * 100 blind questions and 138 of 269 public ones; search order does for 91 and 146, since the card is
 * now chosen to agree with the best article; `npx tsx bench/cards.ts`.)
 */
function pickQuotes(evidence: Evidence): SearchHit[] {
  const hits = evidence.articleHits.filter((hit) => passageCitation(hit.passage) !== undefined);
  if (hits.length === 0) return [];
  const relied = new Set((evidence.bestCard?.relies ?? []).map(citationKey));
  const isRelied = (hit: SearchHit) => relied.has(citationKey(passageCitation(hit.passage) as Citation));
  const top = hits[0].score;
  const strong = hits.filter((hit) => isRelied(hit) || top <= 0 || hit.score >= top * QUOTE_SCORE_RATIO);
  const seen = new Set<string>();
  return strong
    .filter((hit) => {
      const key = citationKey(passageCitation(hit.passage) as Citation);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_QUOTES);
}

/** The start of an article, without its heading, cut at a sentence end when one comes soon. */
function excerpt(text: string): string {
  const body = text.replace(ARTICLE_HEADING, '').replace(/\s+/g, '');
  if (body.length <= QUOTE_CHARS) return body;
  const cut = body.slice(0, QUOTE_CHARS);
  const sentenceEnd = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'));
  return sentenceEnd >= QUOTE_CHARS / 2 ? cut.slice(0, sentenceEnd + 1) + '…' : cut + '…';
}
