/**
 * A knowledge base that follows its data folder while the bot runs. An admin imports a law, rolls
 * one back, trains the classifier or edits the lexicon or questions.jsonl from the command line
 * (another process); the running bot notices within a few seconds and searches the new version,
 * with no restart. So it does when a date passes that changes what is in force (in-force.ts).
 * Searches under way finish on the version they started with.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { openKnowledgeBase, type KnowledgeBase, type KnowledgeBaseOptions, type SearchableKnowledge } from './knowledge-base.js';

/** The files whose change means "open again": what publishing, training and admin edits write last. */
const WATCHED = ['index.json', 'classifier.bin', 'lexicon.json', 'lexicon.txt', 'questions.jsonl'];

/**
 * Heap a switch needs beyond what is in use, per byte of index snapshot: the new copy and what
 * reading it takes. With the whole corpus (a 10 MB snapshot: 2.9 MB index.json, 7.1 MB index.bin)
 * one open copy holds 12 MB of heap (`npm run bench -- reload`, reloadKbHeapMb), and reading the
 * snapshot about as much again while it parses: 5 bytes per byte (50 MB) keeps a wide margin, and a server at rest under `npm start`'s
 * 192 MB limit has far more free (no switch waited in the benchmark).
 */
export const SWITCH_HEAP_PER_SNAPSHOT_BYTE = 5;

/** The heap's limit and what is used of it (v8.getHeapStatistics by default). */
export type HeapReading = () => { limit: number; used: number };

const v8Heap: HeapReading = () => {
  const { heap_size_limit: limit, used_heap_size: used } = v8.getHeapStatistics();
  return { limit, used };
};

/** What the watcher tells its owner. */
export interface ReloadEvents {
  /** The new version is in use (how long opening it took). */
  reloaded?: (info: { ms: number; changed: string[] }) => void;
  /** Opening the new version failed; the old one keeps answering and the next change is tried again. */
  failed?: (error: unknown) => void;
  /**
   * The heap has no room for a second copy (a switch would risk running out of memory): the old
   * version keeps answering and the switch is tried again at the next check. Told once per change.
   */
  lowMemory?: (info: { neededMb: number; freeMb: number }) => void;
  /** For tests: how full the heap is. */
  heap?: HeapReading;
}

/** What the running bot holds: search, following the data folder (`refresh`, `watch`); the admin side stays with the commands. */
export type RunningKnowledge = SearchableKnowledge & Pick<LiveKnowledgeBase, 'refresh' | 'watch'>;

/** A knowledge base whose published version can change under it. */
export interface LiveKnowledgeBase extends KnowledgeBase {
  /** Open again if the data folder changed since the version in use; true when it did. */
  refresh(): Promise<boolean>;
  /** Check every `intervalMs` (the timer does not keep the process alive). */
  watch(intervalMs: number): void;
}

/** Size and modification time of each watched file ("-" when absent). */
async function stamp(root: string): Promise<Map<string, string>> {
  const entries = await Promise.all(
    WATCHED.map(async (name) => {
      try {
        const stat = await fs.stat(path.join(root, name));
        return [name, `${stat.size}:${stat.mtimeMs}`] as const;
      } catch {
        return [name, '-'] as const;
      }
    }),
  );
  return new Map(entries);
}

const differing = (a: Map<string, string>, b: Map<string, string>): string[] => WATCHED.filter((name) => a.get(name) !== b.get(name));

/** Open the knowledge base and follow later changes to its data folder. */
export async function openLiveKnowledgeBase(options: KnowledgeBaseOptions, events: ReloadEvents = {}): Promise<LiveKnowledgeBase> {
  const root = path.join(options.dataDir, 'kb');
  let current = await openKnowledgeBase(options);
  // Taken after opening: an open that rebuilt the snapshot must not count as a change.
  let seen = await stamp(root);
  let checking: Promise<boolean> | undefined;
  let dateFailed = false;
  let lowMemoryToldFor: string | undefined;
  let timer: NodeJS.Timeout | undefined;

  const check = async (): Promise<boolean> => {
    const now = await stamp(root);
    const changed = differing(seen, now);
    // An effective or repeal date passing changes what is in force with no file touched (tried
    // once: after a failure, only a change of files tries again).
    if (changed.length === 0 && !dateFailed && current.publicationDue()) changed.push('date');
    if (changed.length === 0) return false;
    // Opening a second copy next to the one in use must not run the process out of memory: wait
    // (the old copy answers) and try again at the next check, when collection may have freed room.
    const size = (name: string): Promise<number> => fs.stat(path.join(root, name)).then((stat) => stat.size, () => 0);
    const snapshotBytes = (await size('index.json')) + (await size('index.bin'));
    const { limit, used } = (events.heap ?? v8Heap)();
    const needed = SWITCH_HEAP_PER_SNAPSHOT_BYTE * snapshotBytes;
    if (limit - used < needed) {
      const key = [...now.values()].join('|');
      if (key !== lowMemoryToldFor) events.lowMemory?.({ neededMb: Math.round(needed / 1048576), freeMb: Math.round((limit - used) / 1048576) });
      lowMemoryToldFor = key;
      return false;
    }
    const started = performance.now();
    try {
      const next = await openKnowledgeBase(options);
      const previous = current;
      current = next;
      dateFailed = false;
      seen = await stamp(root);
      await previous.close();
      events.reloaded?.({ ms: performance.now() - started, changed });
      return true;
    } catch (error) {
      // Remember this state so one broken write is reported once, not on every check.
      seen = now;
      dateFailed = changed.includes('date');
      events.failed?.(error);
      return false;
    }
  };

  /**
   * A change made through this object is in use at once: take the stamp again so the watcher does
   * not open what is already open.
   */
  const ownChange = async <T>(change: Promise<T>): Promise<T> => {
    const result = await change;
    seen = await stamp(root);
    return result;
  };

  const refresh = (): Promise<boolean> => {
    // One check at a time: a slow open is not started twice.
    checking ??= check().finally(() => (checking = undefined));
    return checking;
  };

  return {
    retriever: {
      search: (query, searchOptions) => current.retriever.search(query, searchOptions),
      predictArticles: (query, top) => current.retriever.predictArticles?.(query, top) ?? [],
      cardPassage: (cardId) => current.retriever.cardPassage(cardId),
    },
    get cards() {
      return current.cards;
    },
    get indexLoadMs() {
      return current.indexLoadMs;
    },
    get lexiconProblems() {
      return current.lexiconProblems;
    },
    get questionProblems() {
      return current.questionProblems;
    },
    import: (paths) => ownChange(current.import(paths)),
    documents: () => current.documents(),
    rollback: (law, version) => ownChange(current.rollback(law, version)),
    retire: (law, on) => ownChange(current.retire(law, on)),
    passages: () => current.passages(),
    publicationDue: () => current.publicationDue(),
    trainingPlan: (planOptions) => current.trainingPlan(planOptions),
    train: (trainOptions) => ownChange(current.train(trainOptions)),
    classifierInfo: () => current.classifierInfo(),
    refresh,
    watch(intervalMs) {
      if (timer) clearInterval(timer);
      timer = setInterval(() => void refresh(), intervalMs);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      await checking;
      await current.close();
    },
  };
}
