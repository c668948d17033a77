/**
 * On-disk knowledge base under `<dataDir>/kb/`: a manifest of documents and their versions, one
 * file per version (its parsed passages and raw text, kept for rollback), and an index snapshot
 * written whenever the published set changes so the next start loads it instead of re-tokenising.
 */
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GongyouError } from '../core/errors.js';
import type { KbDocument, Passage } from '../retrieval/types.js';
import type { Bm25Snapshot } from '../retrieval/bm25.js';

/** One stored version of a document. */
export interface DocumentVersion {
  version: number;
  /** sha256 of the normalised text plus metadata overrides. */
  hash: string;
  importedAt: string;
  source: string;
  document: KbDocument;
  passageCount: number;
  articleCount: number;
}

/** A document with all its versions and the one that is published. */
export interface DocumentRecord {
  law: string;
  current: number;
  /** Retired by an admin (`kb retire`): from this date (ISO) no version is searched. */
  retiredOn?: string;
  versions: DocumentVersion[];
}

/** The manifest: every document the knowledge base knows. */
export interface Manifest {
  format: 1;
  documents: Record<string, DocumentRecord>;
}

/** What the index snapshot holds: the published passages and their BM25 index. */
export interface IndexSnapshot {
  /** 3: postings as raw bytes in index.bin (older snapshots are rebuilt at open). */
  format: 3;
  tokenizer: string;
  /** Which versions the passages are (in-force.ts `publicationKey`); absent in older snapshots. */
  publication?: string;
  /** The compact jieba dictionary the index was built with (queries must use it too). */
  dictionary?: string;
  passages: Passage[];
  bm25: Bm25Snapshot;
  /** The question bank's index, built with the same tokeniser (absent in older snapshots). */
  questions?: Bm25Snapshot;
}

/** A BM25 index as index.json holds it: its postings are [byte offset, byte length] in index.bin. */
type StoredBm25 = Omit<Bm25Snapshot, 'postings'> & { postings: Record<keyof Bm25Snapshot['postings'], [number, number]> };

/** index.json: the snapshot without its postings, and the token index.bin starts with. */
type StoredSnapshot = Omit<IndexSnapshot, 'bm25' | 'questions'> & { binary: string; bm25: StoredBm25; questions?: StoredBm25 };

/** Length of the token at the start of index.bin (a UUID), a multiple of 4 so the arrays after it stay aligned. */
const TOKEN_BYTES = 36;

/** Stored content of one version. */
interface VersionFile {
  document: KbDocument;
  passages: Passage[];
  text: string;
}

/** Hash the text the way re-import compares it: line endings and trailing spaces do not count. */
export function contentHash(text: string, extra = ''): string {
  const normal = text.replace(/\r\n?/g, '\n').replace(/[ \t\u3000]+$/gm, '').trim();
  return createHash('sha256').update(normal).update('\u0000').update(extra).digest('hex');
}

/** Keep a law name usable as a folder name on every platform. */
function safeName(law: string): string {
  return law.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}

/** Write through a temporary file and rename, so a crash never leaves half a file. */
async function writeAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(temporary, content);
  await fs.rename(temporary, file);
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new GongyouError('storage_failed', `could not read ${file}`, { cause: error });
  }
}

/** File-system storage of the knowledge base. */
export class KbStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'kb');
  }

  get manifestFile(): string {
    return path.join(this.root, 'manifest.json');
  }

  get snapshotFile(): string {
    return path.join(this.root, 'index.json');
  }

  /** The postings of the snapshot, as raw little-endian Int32 arrays after a token that index.json names. */
  get snapshotBinaryFile(): string {
    return path.join(this.root, 'index.bin');
  }

  private versionFile(law: string, version: number): string {
    return path.join(this.root, 'versions', safeName(law), `v${version}.json`);
  }

  /** The manifest, or an empty one on first use. */
  async readManifest(): Promise<Manifest> {
    return (await readJson<Manifest>(this.manifestFile)) ?? { format: 1, documents: {} };
  }

  async writeManifest(manifest: Manifest): Promise<void> {
    await writeAtomic(this.manifestFile, JSON.stringify(manifest, null, 1));
  }

  async writeVersion(law: string, version: number, content: VersionFile): Promise<void> {
    await writeAtomic(this.versionFile(law, version), JSON.stringify(content));
  }

  /** The passages of one stored version. */
  async readVersionPassages(law: string, version: number): Promise<Passage[]> {
    const content = await readJson<VersionFile>(this.versionFile(law, version));
    if (!content) throw new GongyouError('storage_failed', `version ${version} of ${law} is missing from ${this.root}`);
    return content.passages;
  }

  /**
   * The snapshot, or undefined when it is missing, damaged, of an older format, or its two files do
   * not belong together (a crash between writing them): the caller rebuilds it from the versions, and
   * nothing is lost.
   */
  async readSnapshot(): Promise<IndexSnapshot | undefined> {
    try {
      const stored = await readJson<StoredSnapshot>(this.snapshotFile);
      if (!stored || stored.format !== 3 || typeof stored.binary !== 'string') return undefined;
      let bytes = await fs.readFile(this.snapshotBinaryFile);
      if (bytes.subarray(0, TOKEN_BYTES).toString('latin1') !== stored.binary) return undefined;
      // Int32Array views need 4-byte alignment; a fresh read is aligned, a pooled buffer might not be.
      if (bytes.byteOffset % 4 !== 0) bytes = Buffer.from(bytes);
      const arrays = (postings: StoredBm25['postings']): Bm25Snapshot['postings'] => {
        const view = ([offset, length]: [number, number]): Int32Array => {
          if (offset < TOKEN_BYTES || offset + length > bytes.byteLength || offset % 4 !== 0 || length % 4 !== 0) throw new Error('index.bin is shorter than index.json says');
          return new Int32Array(bytes.buffer, bytes.byteOffset + offset, length / 4);
        };
        return { offsets: view(postings.offsets), docs: view(postings.docs), counts: view(postings.counts) };
      };
      const { binary: _binary, bm25, questions, ...rest } = stored;
      return {
        ...rest,
        bm25: { ...bm25, postings: arrays(bm25.postings) },
        ...(questions ? { questions: { ...questions, postings: arrays(questions.postings) } } : {}),
      };
    } catch {
      return undefined;
    }
  }

  /** Write index.bin, then index.json (which a running bot watches), each atomically. */
  async writeSnapshot(snapshot: IndexSnapshot): Promise<void> {
    const token = randomUUID();
    const chunks: Uint8Array[] = [Buffer.from(token, 'latin1')];
    let offset = TOKEN_BYTES;
    const place = (postings: Bm25Snapshot['postings']): StoredBm25['postings'] => {
      const at = (values: Int32Array): [number, number] => {
        chunks.push(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
        const entry: [number, number] = [offset, values.byteLength];
        offset += values.byteLength;
        return entry;
      };
      return { offsets: at(postings.offsets), docs: at(postings.docs), counts: at(postings.counts) };
    };
    const { bm25, questions, ...rest } = snapshot;
    const stored: StoredSnapshot = {
      ...rest,
      binary: token,
      bm25: { ...bm25, postings: place(bm25.postings) },
      ...(questions ? { questions: { ...questions, postings: place(questions.postings) } } : {}),
    };
    await writeAtomic(this.snapshotBinaryFile, Buffer.concat(chunks));
    await writeAtomic(this.snapshotFile, JSON.stringify(stored));
  }

  /** Read an admin's lexicon file (`lexicon.json` or `lexicon.txt`) if present. */
  async readAdminLexicon(): Promise<{ file: string; content: string } | undefined> {
    return (await this.readAdminFile('lexicon.json')) ?? (await this.readAdminFile('lexicon.txt'));
  }

  /** An admin's labelled questions (bank lines, one JSON object a line). */
  get questionsFile(): string {
    return path.join(this.root, 'questions.jsonl');
  }

  /** Read an admin's labelled questions (`questions.jsonl`, bank lines) if present. */
  async readAdminQuestions(): Promise<{ file: string; content: string } | undefined> {
    return this.readAdminFile('questions.jsonl');
  }

  /** Add one labelled question to the admin's file, on a line of its own. */
  async appendAdminQuestion(question: { question: string; articles: Array<{ law: string; article: number }> }): Promise<void> {
    const existing = (await this.readAdminQuestions())?.content ?? '';
    await fs.mkdir(this.root, { recursive: true });
    const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
    await fs.appendFile(this.questionsFile, `${separator}${JSON.stringify(question)}\n`);
  }

  private async readAdminFile(name: string): Promise<{ file: string; content: string } | undefined> {
    const file = path.join(this.root, name);
    try {
      return { file, content: await fs.readFile(file, 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new GongyouError('storage_failed', `could not read ${file}`, { cause: error });
      return undefined;
    }
  }
}
