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

/** The on-disk form: per term, its postings as flat [document, count, document, count, …]. */
export interface Bm25Snapshot {
  ids: string[];
  /** Token count of each document. */
  lengths: number[];
  terms: string[];
  postings: number[][];
}

/** A searchable BM25 index over documents identified by string ids. */
export class Bm25Index {
  readonly ids: string[];
  private readonly postings = new Map<string, { docs: Int32Array; counts: Int32Array }>();
  private readonly lengths: Float64Array;
  private readonly averageLength: number;

  private constructor(
    private readonly snapshot: Bm25Snapshot,
    private readonly params: Bm25Params,
  ) {
    this.ids = snapshot.ids;
    this.lengths = Float64Array.from(snapshot.lengths);
    snapshot.terms.forEach((term, termIndex) => {
      const flat = snapshot.postings[termIndex];
      const docs = new Int32Array(flat.length / 2);
      const counts = new Int32Array(flat.length / 2);
      for (let index = 0; index < docs.length; index += 1) {
        docs[index] = flat[index * 2];
        counts[index] = flat[index * 2 + 1];
      }
      this.postings.set(term, { docs, counts });
    });
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
    return new Bm25Index(
      { ids: documents.map((doc) => doc.id), lengths: documents.map((doc) => doc.terms.length), terms: [...byTerm.keys()], postings: [...byTerm.values()] },
      params,
    );
  }
  /** Rebuild from a snapshot written by `toSnapshot`. */
  static fromSnapshot(snapshot: Bm25Snapshot, params: Bm25Params = DEFAULT_BM25): Bm25Index {
    return new Bm25Index(snapshot, params);
  }

  /** The serialisable form. */
  toSnapshot(): Bm25Snapshot {
    return this.snapshot;
  }

  /** Inverse document frequency (the Lucene variant, never negative). */
  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    return Math.log(1 + (this.ids.length - df + 0.5) / (df + 0.5));
  }

  /** Score every document for weighted query terms; unmatched documents score 0. */
  score(query: Map<string, number>): Float64Array {
    const scores = new Float64Array(this.ids.length);
    const { k1, b } = this.params;
    for (const [term, weight] of query) {
      const posting = this.postings.get(term);
      if (!posting || weight === 0) continue;
      const idf = this.idf(term) * weight;
      for (let index = 0; index < posting.docs.length; index += 1) {
        const doc = posting.docs[index];
        const tf = posting.counts[index];
        const norm = k1 * (1 - b + (b * this.lengths[doc]) / this.averageLength);
        scores[doc] += (idf * tf * (k1 + 1)) / (tf + norm);
      }
    }
    return scores;
  }
}
