import { defineConfig } from 'vitest/config';

/**
 * Three tiers, chosen by what a test file needs (run one with `npm run test:unit`, `test:integration`,
 * `test:e2e`; `npm test` runs all three):
 * - unit: nothing outside the repository (no database, no corpus, no browser, no child process), fast;
 * - integration: PostgreSQL and Redis, the statute corpus in ../shared, real local peers (telegram-test-api,
 *   Wechaty puppets, a WebSocket server playing Slack), or the whole app with its real knowledge base;
 * - e2e: a real `gongyou` process or a real browser (Debian's Chromium, installed by test/setup/ensure-chromium.ts).
 * A file is unit unless listed below.
 */
const integration = [
  // PostgreSQL and Redis
  'test/storage/{shared*,encryption,rotate-key}.test.ts',
  // the statute corpus in ../shared
  'test/cases/deadlines-statutes.test.ts',
  'test/knowledge/{answer-lines,cards,cli,import-corpus,in-force,knowledge-base,notes,question-bank}.test.ts',
  'test/qa/real-corpus.test.ts',
  'test/retrieval/{hybrid,recall}.test.ts',
  // real local peers
  'test/integration/**/*.test.ts',
  'test/adapters/telegram/{contract,polling-intake}.test.ts',
  'test/adapters/wechat/{contract,puppet,official-account,official-account.contract}.test.ts',
  'test/adapters/slack/socket-mode.test.ts',
  // the whole app through its web API, or the real knowledge base built and trained in the test
  'test/e2e/{web-intake,llm-answers,local-rules}.test.ts',
  'test/knowledge/local-rules.test.ts',
  'test/retrieval/classifier.test.ts',
  // the openai SDK over HTTP against a local server, with the real 6-second time budgets
  'test/llm/client.test.ts',
  'test/qa/llm-fallback.test.ts',
];

const e2e = [
  // a real process
  'test/e2e/process.test.ts',
  'test/knowledge/live.test.ts',
  // a real browser
  'test/e2e/chat-page.test.ts',
  'test/adapters/web/chat-page.test.ts',
  'test/http/console/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // PostgreSQL/Redis suites isolate themselves by schema and key prefix, so files may run in parallel.
    fileParallelism: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...integration, ...e2e],
          // one module graph per worker instead of one per file: the unit tier then costs a third of the CPU
          // (most of it was importing the same modules again); unit files share no state through modules
          isolate: false,
          // a unit file that reaches for the corpus, the database or the browser fails instead of quietly using them
          env: {
            GONGYOU_CORPUS_DIR: '/nonexistent/unit-tests-have-no-corpus',
            GONGYOU_EVAL_FILE: '/nonexistent/unit-tests-have-no-corpus/eval.jsonl',
            TEST_DATABASE_URL: 'postgres://unit-tests-have-no-database@127.0.0.1:9/none',
            TEST_REDIS_URL: 'redis://127.0.0.1:9',
            GONGYOU_CHROMIUM: '/nonexistent/unit-tests-have-no-browser',
          },
        },
      },
      { extends: true, test: { name: 'integration', include: integration } },
      { extends: true, test: { name: 'e2e', include: e2e, globalSetup: ['test/setup/ensure-chromium.ts'] } },
    ],
  },
});
