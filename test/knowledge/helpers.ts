/** Shared helpers for knowledge-base tests: where the corpus is and throwaway data folders. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The statute corpus, read at run time (never copied into the repo). */
export function corpusDir(): string {
  return process.env.GONGYOU_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');
}

/** The corpus instrument files (README excluded). */
export async function corpusFiles(): Promise<string[]> {
  return (await readdir(corpusDir())).filter((name) => name.endsWith('.md') && name !== 'README.md').sort();
}

/** A fresh temporary folder; call the returned cleanup in afterEach. */
export async function tempDir(prefix = 'gongyou-kb-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A fixed clock for version timestamps. */
export const fixedClock = { now: () => new Date('2025-01-02T03:04:05Z') };

/** The repository root (for fixtures). */
export { repoRoot };

/** Every numbered article of the corpus as `law#number` → text (for citation checks). */
export async function corpusArticles(): Promise<Map<string, string>> {
  const { readFile } = await import('node:fs/promises');
  const { parseDocument } = await import('../../src/knowledge/parse.js');
  const articles = new Map<string, string>();
  for (const file of await corpusFiles()) {
    const law = file.replace(/\.md$/, '');
    for (const article of parseDocument(await readFile(path.join(corpusDir(), file), 'utf8'), law).articles) {
      if (article.number !== undefined) articles.set(`${law}#${article.number}`, article.text);
    }
  }
  return articles;
}
