/**
 * Split long articles into overlapping pieces that keep the article number, so a long article
 * is still found by the part that matches and the answer can quote a readable piece.
 */
import type { Passage } from '../retrieval/types.js';
import { passageId, type ParsedArticle } from './parse.js';

/** Sizes in characters: most articles are far shorter than the limit and stay whole. */
export interface SplitOptions {
  maxChars: number;
  chunkSize: number;
  overlap: number;
}

/** Defaults chosen so only the few articles over ~500 characters are split. */
export const DEFAULT_SPLIT: SplitOptions = { maxChars: 500, chunkSize: 360, overlap: 60 };

// Chinese sentence and clause ends, so pieces break where a reader would pause.
const CHINESE_SEPARATORS = ['\n', '。', '；', '，', ''];

/**
 * Turn parsed articles into passages, splitting the long ones into `#82.1`, `#82.2` …; `unit` marks
 * a document numbered by items or sections (see `passageUnit`).
 */
export async function articlesToPassages(
  law: string,
  articles: ParsedArticle[],
  options: SplitOptions = DEFAULT_SPLIT,
  unit?: Passage['unit'],
): Promise<Passage[]> {
  // Loaded only when importing: the package is slow to load and search never needs it.
  const { RecursiveCharacterTextSplitter } = await import('@langchain/textsplitters');
  const splitter = new RecursiveCharacterTextSplitter({
    chunkSize: options.chunkSize,
    chunkOverlap: options.overlap,
    separators: CHINESE_SEPARATORS,
    keepSeparator: true,
  });
  const passages: Passage[] = [];
  for (const article of articles) {
    const base = { kind: 'article' as const, law, article: article.number, ...(unit ? { unit } : {}), title: article.heading || undefined };
    if (article.text.length <= options.maxChars) {
      passages.push({ ...base, id: passageId(law, article.key), text: article.text });
      continue;
    }
    const pieces = await splitter.splitText(article.text);
    pieces.forEach((piece, index) => {
      passages.push({ ...base, id: passageId(law, article.key, index + 1), text: piece.trim() });
    });
  }
  return passages;
}

/** The article key a passage id belongs to: `劳动合同法#82.2` → `劳动合同法#82`. */
export function articleKeyOf(passageIdValue: string): string {
  return passageIdValue.replace(/\.\d+$/, '');
}
