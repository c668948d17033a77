/** The shape of article notes: our plain-language keywords for what each article of a law answers. */

/** Notes for one law, keyed by article number. */
export interface ArticleNotes {
  /** Short title, as the corpus file name. */
  law: string;
  notes: Record<number, string>;
}
