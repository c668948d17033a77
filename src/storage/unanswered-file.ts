/**
 * The embedded store of unsure-question notes: one JSON line each in `<dataDir>/kb/unanswered.jsonl`;
 * only the most recent notes are kept.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { maskedEntry, readEntry, UNANSWERED_KEPT, type UnansweredEntry, type UnansweredStore } from '../core/unanswered.js';

/** The file under a data folder. */
export function unansweredFile(dataDir: string): string {
  return path.join(dataDir, 'kb', 'unanswered.jsonl');
}

/** Appends entries one line each; several instances may share the folder (appends are line-sized). */
export class UnansweredLog implements UnansweredStore {
  private lines = -1;
  private writing: Promise<void> = Promise.resolve();

  private readonly kept: number;

  constructor(
    private readonly file: string,
    options: { kept?: number } = {},
  ) {
    this.kept = options.kept ?? UNANSWERED_KEPT;
  }

  record(entry: UnansweredEntry): Promise<void> {
    const line = `${JSON.stringify(maskedEntry(entry))}\n`;
    this.writing = this.writing.then(() => this.append(line)).catch(() => undefined);
    return this.writing;
  }

  /** Wait for the notes under way (at shutdown). */
  async flush(): Promise<void> {
    await this.writing;
  }

  private async append(line: string): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    if (this.lines < 0) this.lines = (await this.readLines()).length;
    await fs.appendFile(this.file, line);
    this.lines += 1;
    if (this.lines > 2 * this.kept) {
      const kept = (await this.readLines()).slice(-this.kept);
      const temporary = `${this.file}.${process.pid}.tmp`;
      await fs.writeFile(temporary, kept.map((text) => `${text}\n`).join(''));
      await fs.rename(temporary, this.file);
      this.lines = kept.length;
    }
  }

  private async readLines(): Promise<string[]> {
    try {
      return (await fs.readFile(this.file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Drop the notes whose question (as stored) `matches` says (a worker's erasure); returns how many. */
  async forget(matches: (question: string) => boolean): Promise<number> {
    let removed = 0;
    await this.rewriteAll((lines) =>
      lines.filter((line) => {
        try {
          const question = (JSON.parse(line) as { question?: unknown }).question;
          if (typeof question === 'string' && matches(question)) {
            removed += 1;
            return false;
          }
        } catch {
          // a damaged line stays as it is
        }
        return true;
      }),
    );
    return removed;
  }

  /** Rewrite every line (key rotation re-wraps the sealed questions); returns how many changed. */
  async rewrite(change: (line: string) => string): Promise<number> {
    let changed = 0;
    await this.rewriteAll((lines) =>
      lines.map((line) => {
        const next = change(line);
        if (next !== line) changed += 1;
        return next;
      }),
    );
    return changed;
  }

  /** Replace the file by `edit` of its lines, after the notes under way; the file is untouched when nothing changed. */
  private async rewriteAll(edit: (lines: string[]) => string[]): Promise<void> {
    const rewriting = this.writing.then(async () => {
      const lines = await this.readLines();
      const kept = edit(lines);
      if (kept.length === lines.length && kept.every((line, i) => line === lines[i])) return;
      const temporary = `${this.file}.${process.pid}.tmp`;
      await fs.writeFile(temporary, kept.map((text) => `${text}\n`).join(''));
      await fs.rename(temporary, this.file);
      this.lines = kept.length;
    });
    this.writing = rewriting.catch(() => undefined);
    await rewriting;
  }

  /** Every entry, oldest first (a damaged line is skipped). */
  async entries(since?: Date): Promise<UnansweredEntry[]> {
    await this.writing;
    const entries: UnansweredEntry[] = [];
    for (const line of await this.readLines()) {
      try {
        const entry = readEntry(JSON.parse(line), since);
        if (entry) entries.push(entry);
      } catch {
        // A line cut short by a crash: the others still count.
      }
    }
    return entries;
  }
}

