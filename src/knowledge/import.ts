/**
 * Import statutes and policies (Markdown or plain text in the corpus format) into the store.
 * Same text: nothing changes. Changed text: a new version, published at once, older ones kept.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../core/types.js';
import { parseDocument, passageUnit } from './parse.js';
import { pickOverrides, type MetadataOverrides } from './metadata.js';
import { articlesToPassages } from './split.js';
import { contentHash, type KbStore, type Manifest } from './store.js';

/** What happened to one file. */
export interface ImportOutcome {
  file: string;
  law?: string;
  status: 'added' | 'unchanged' | 'new_version' | 'skipped' | 'failed';
  version?: number;
  articles?: number;
  passages?: number;
  reason?: string;
}

/** The result of one import run. */
export interface ImportReport {
  outcomes: ImportOutcome[];
  counts: Record<ImportOutcome['status'], number>;
  /** Whether the published set changed (and the index was rebuilt). */
  changed: boolean;
}

const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

/** Expand files and folders (recursively) into the text files to import, sorted for stable output. */
export async function collectFiles(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const visit = async (target: string): Promise<void> => {
    let stat;
    try {
      stat = await fs.stat(target);
    } catch {
      missing.push(target);
      return;
    }
    if (stat.isDirectory()) {
      const entries = (await fs.readdir(target)).sort();
      for (const entry of entries) await visit(path.join(target, entry));
    } else if (TEXT_EXTENSIONS.has(path.extname(target).toLowerCase())) {
      files.push(target);
    }
  };
  for (const target of paths) await visit(path.resolve(target));
  return { files, missing };
}

/** A sidecar `<name>.meta.json` next to the file lets an admin set metadata the text lacks. */
async function readSidecar(file: string): Promise<MetadataOverrides> {
  const base = file.slice(0, file.length - path.extname(file).length);
  for (const candidate of [`${base}.meta.json`, `${file}.meta.json`]) {
    try {
      return pickOverrides(JSON.parse(await fs.readFile(candidate, 'utf8')) as Record<string, unknown>);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`sidecar ${candidate} is not valid JSON`);
    }
  }
  return {};
}

/** Import one file's text into the manifest (in memory) and the version store. */
async function importOne(store: KbStore, manifest: Manifest, file: string, clock: Clock): Promise<ImportOutcome> {
  const law = path.basename(file, path.extname(file));
  if (/^readme$/i.test(law)) return { file, status: 'skipped', reason: 'README files describe a folder, they are not instruments' };
  const text = await fs.readFile(file, 'utf8');
  const overrides = await readSidecar(file);
  const parsed = parseDocument(text, law, overrides);
  const numbered = parsed.articles.filter((article) => article.number !== undefined);
  if (numbered.length === 0) return { file, law, status: 'skipped', reason: 'no 第X条 articles, items (（一）（二）) or numbered sections (一、二、三) found' };
  // Without 第X条 the structure (items or sections) is part of the hash, so a stored version that
  // was split another way is replaced on re-import.
  const hash = contentHash(text, JSON.stringify(overrides) + (parsed.structure === 'articles' ? '' : `\u0000${parsed.structure}`));
  const record = manifest.documents[law];
  const current = record?.versions.find((version) => version.version === record.current);
  if (current && current.hash === hash) {
    return { file, law, status: 'unchanged', version: current.version, articles: current.articleCount, passages: current.passageCount };
  }
  const passages = await articlesToPassages(law, parsed.articles, undefined, passageUnit(parsed.structure));
  const version = record ? Math.max(...record.versions.map((v) => v.version)) + 1 : 1;
  const document = { ...parsed.metadata, source: parsed.metadata.source ?? file };
  await store.writeVersion(law, version, { document, passages, text });
  const entry = { version, hash, importedAt: clock.now().toISOString(), source: file, document, passageCount: passages.length, articleCount: numbered.length };
  manifest.documents[law] = { law, current: version, versions: [...(record?.versions ?? []), entry] };
  return { file, law, status: record ? 'new_version' : 'added', version, articles: numbered.length, passages: passages.length };
}

/** Import files and folders; one bad file is reported and does not stop the others. */
export async function importIntoStore(store: KbStore, paths: string[], clock: Clock): Promise<ImportReport> {
  const { files, missing } = await collectFiles(paths);
  const manifest = await store.readManifest();
  const outcomes: ImportOutcome[] = missing.map((file) => ({ file, status: 'failed', reason: 'no such file or folder' }));
  const seenLaws = new Map<string, string>();
  for (const file of files) {
    const law = path.basename(file, path.extname(file));
    const earlier = seenLaws.get(law);
    if (earlier) {
      outcomes.push({ file, law, status: 'skipped', reason: `same short title as ${earlier} in this import` });
      continue;
    }
    seenLaws.set(law, file);
    try {
      outcomes.push(await importOne(store, manifest, file, clock));
    } catch (error) {
      outcomes.push({ file, law, status: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  }
  const counts = { added: 0, unchanged: 0, new_version: 0, skipped: 0, failed: 0 };
  for (const outcome of outcomes) counts[outcome.status] += 1;
  const changed = counts.added + counts.new_version > 0;
  if (changed) await store.writeManifest(manifest);
  return { outcomes, counts, changed };
}
