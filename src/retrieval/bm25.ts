/**
 * A compact BM25 index. It serialises to plain arrays so the knowledge base can write a snapshot
 * at import time and load it at start without tokenising the corpus again.
 */

/** BM25 parameters (textbook values measured best here too). */
export interface Bm25Params {
  k1: number;
  b: number;
}

/** Default parameters. */
export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/**
 * What an index is saved as. Postings are flat: term i's entries are offsets[i]..offsets[i+1] of the
 * documents and counts arrays (the store writes them as raw bytes beside the JSON, which loads
 * several times faster than numbers in JSON).
 */
export interface Bm25Snapshot {
  ids: string[];
  /** Token count of each document. */
  lengths: number[];
  terms: string[];
  postings: { offsets: Int32Array; docs: Int32Array; counts: Int32Array };
}

/** What an index is made of: postings as flat arrays, term i's entries at offsets[i]..offsets[i + 1]. */
interface IndexParts {
  ids: string[];
  lengths: Float64Array;
  terms: string[];
  offsets: Int32Array;
  docs: Int32Array;
  counts: Int32Array;
}

/**
 * A searchable BM25 index over documents identified by string ids. Postings stay in three flat
 * arrays with one map from term to its position: an object and two array views per term (110,000
 * terms with the whole corpus and the question bank) took about 20 MB more heap.
 */
export class Bm25Index {
  readonly ids: string[];
  private readonly terms: string[];
  private readonly termIndex: Map<string, number>;
  private readonly offsets: Int32Array;
  private readonly docs: Int32Array;
  private readonly counts: Int32Array;
  private readonly lengths: Float64Array;
  private readonly averageLength: number;

  private constructor(
    parts: IndexParts,
    private readonly params: Bm25Params,
  ) {
    this.ids = parts.ids;
    this.terms = parts.terms;
    this.lengths = parts.lengths;
    this.offsets = parts.offsets;
    this.docs = parts.docs;
    this.counts = parts.counts;
    this.termIndex = new Map(parts.terms.map((term, index) => [term, index]));
    const total = this.lengths.reduce((sum, length) => sum + length, 0);
    this.averageLength = this.ids.length > 0 ? total / this.ids.length : 1;
  }

  /** Build from already tokenised documents. */
  static build(documents: Array<{ id: string; terms: string[] }>, params: Bm25Params = DEFAULT_BM25): Bm25Index {
    const byTerm = new Map<string, number[]>();
    documents.forEach(({ terms }, doc) => {
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) {
        let list = byTerm.get(term);
        if (!list) byTerm.set(term, (list = []));
        list.push(doc, count);
      }
    });
    const lists = [...byTerm.values()];
    const offsets = new Int32Array(lists.length + 1);
    lists.forEach((list, index) => (offsets[index + 1] = offsets[index] + list.length / 2));
    const docs = new Int32Array(offsets[lists.length]);
    const counts = new Int32Array(offsets[lists.length]);
    lists.forEach((list, index) => {
      for (let entry = 0; entry < list.length / 2; entry += 1) {
        docs[offsets[index] + entry] = list[entry * 2];
        counts[offsets[index] + entry] = list[entry * 2 + 1];
      }
    });
    return new Bm25Index(
      { ids: documents.map((doc) => doc.id), lengths: Float64Array.from(documents, (doc) => doc.terms.length), terms: [...byTerm.keys()], offsets, docs, counts },
      params,
    );
  }

  /** Rebuild from a snapshot written by `toSnapshot`. */
  static fromSnapshot(snapshot: Bm25Snapshot, params: Bm25Params = DEFAULT_BM25): Bm25Index {
    return new Bm25Index(
      {
        ids: snapshot.ids,
        lengths: Float64Array.from(snapshot.lengths),
        terms: snapshot.terms,
        offsets: snapshot.postings.offsets,
        docs: snapshot.postings.docs,
        counts: snapshot.postings.counts,
      },
      params,
    );
  }

  /** The saved form (the arrays themselves, not copies). */
  toSnapshot(): Bm25Snapshot {
    return {
      ids: this.ids,
      lengths: Array.from(this.lengths),
      terms: this.terms,
      postings: { offsets: this.offsets, docs: this.docs, counts: this.counts },
    };
  }

  /** The indexed terms. */
  termList(): readonly string[] {
    return this.terms;
  }

  /** Inverse document frequency (the Lucene variant, never negative). */
  idf(term: string): number {
    const at = this.termIndex.get(term);
    return this.idfOf(at === undefined ? 0 : this.offsets[at + 1] - this.offsets[at]);
  }

  private idfOf(df: number): number {
    return Math.log(1 + (this.ids.length - df + 0.5) / (df + 0.5));
  }

  /** Score every document for weighted query terms; unmatched documents score 0. */
  score(query: Map<string, number>): Float64Array {
    const scores = new Float64Array(this.ids.length);
    const { k1, b } = this.params;
    for (const [term, weight] of query) {
      const at = this.termIndex.get(term);
      if (at === undefined || weight === 0) continue;
      const from = this.offsets[at];
      const to = this.offsets[at + 1];
      const idf = this.idfOf(to - from) * weight;
      for (let index = from; index < to; index += 1) {
        const doc = this.docs[index];
        const tf = this.counts[index];
        const norm = k1 * (1 - b + (b * this.lengths[doc]) / this.averageLength);
        scores[doc] += (idf * tf * (k1 + 1)) / (tf + norm);
      }
    }
    return scores;
  }
}
