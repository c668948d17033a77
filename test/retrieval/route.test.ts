/** A question asking what to do about a dispute is also shown where disputes go. */
import { describe, expect, it } from 'vitest';
import { shippedLexiconEntries } from '../../src/knowledge/lexicon.js';
import { createLexicon } from '../../src/retrieval/lexicon.js';
import { createRetriever } from '../../src/retrieval/retriever.js';
import type { Passage } from '../../src/retrieval/types.js';

// Made-up article texts: six about pay, one saying where a dispute goes.
const pay = ['按月发放', '不得拖欠', '不得克扣', '按时足额', '加班另计', '离职结清'].map(
  (words, index): Passage => ({ id: `工资法#${index + 1}`, kind: 'article', law: '工资法', article: index + 1, text: `工资应当${words}，拖欠工资的要补发` }),
);
const route: Passage = { id: '劳动争议调解仲裁法#5', kind: 'article', law: '劳动争议调解仲裁法', article: 5, text: '双方可以先协商，也可以请调解组织调解，不愿调解的申请仲裁，对裁决不服的向法院起诉' };
const lexicon = createLexicon(shippedLexiconEntries());
const ids = (hits: Array<{ passage: Passage }>): string[] => hits.map((hit) => hit.passage.id);

describe('the article on where disputes go', () => {
  const retriever = createRetriever({ passages: [...pay, route], cards: [], lexicon });
  it('is among the first five for a question asking what to do', async () => {
    const found = ids(await retriever.search('老板拖欠工资两个月了，我该怎么办', { kinds: ['article'] }));
    expect(found.indexOf(route.id)).toBeGreaterThanOrEqual(0);
    expect(found.indexOf(route.id)).toBeLessThan(5);
    expect(found[0]).toMatch(/^工资法/);
  });
  it('keeps its own place for a question that asks something else', async () => {
    const found = ids(await retriever.search('老板拖欠工资两个月了，这样合法吗', { kinds: ['article'] }));
    expect(found.slice(0, 5)).not.toContain(route.id);
  });
  it('is not moved when routeSlot is 0', async () => {
    const off = createRetriever({ passages: [...pay, route], cards: [], lexicon, weights: { routeSlot: 0 } });
    expect(ids(await off.search('老板拖欠工资两个月了，我该怎么办', { kinds: ['article'] })).slice(0, 5)).not.toContain(route.id);
  });
});
