/**
 * A dialog driver for conversation tests: `send(text) → replies` over the real bot (understanding,
 * dialog, intake, Q&A over the shipped knowledge) with an embedded store in a temp directory.
 * One Gongyou per test file; each conversation uses its own user id.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createGongyou, type Gongyou } from '../../src/app/app.js';
import type { OutgoingMessage } from '../../src/core/types.js';
import { TestClock } from '../e2e/harness.js';

/** One reply set, with helpers to look at it. */
export interface Turn {
  replies: OutgoingMessage[];
  text: string;
  intents: string[];
  choiceIds: string[];
}

/** The bot under test. */
export interface DialogDriver {
  g: Gongyou;
  clock: TestClock;
  /** A conversation as one worker on the web channel. */
  worker(id: string): Conversation;
  close(): Promise<void>;
}

/** One worker's conversation. */
export interface Conversation {
  userKey: string;
  send(text: string, options?: { choiceId?: string }): Promise<Turn>;
  press(choiceId: string): Promise<Turn>;
  /** Send each text, expecting nothing in particular; the last turn. */
  sendAll(texts: string[]): Promise<Turn>;
  /** The saved intake answers of this conversation (what the intake stored). */
  intakeAnswers(): Promise<Record<string, unknown> | undefined>;
  intakeState(): Promise<Record<string, unknown> | undefined>;
}

let counter = 0;

/** Start the real bot on a temp embedded store. */
export async function startDialog(): Promise<DialogDriver> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongyou-dialog-'));
  const clock = new TestClock();
  const g = await createGongyou(loadConfig({ GONGYOU_DATA_DIR: dir, LOG_LEVEL: 'silent' }), { clock });
  const driver: DialogDriver = {
    g,
    clock,
    worker(id) {
      const conversationKey = `web:${id}`;
      const conversation: Conversation = {
        userKey: conversationKey,
        async send(text, options = {}) {
          counter += 1;
          const replies = await g.bot.handle({
            channel: 'web',
            conversationKey,
            userKey: conversationKey,
            messageId: `m${counter}`,
            text,
            ...(options.choiceId ? { choiceId: options.choiceId } : {}),
            attachments: [],
            isGroup: false,
            mentioned: false,
            receivedAt: clock.now(),
          });
          clock.advance(1000);
          return {
            replies,
            text: replies.map((r) => r.text).join('\n'),
            intents: replies.map((r) => r.meta.intent),
            choiceIds: replies.flatMap((r) => (r.choices ?? []).map((c) => c.id)),
          };
        },
        press(choiceId) {
          return conversation.send('', { choiceId });
        },
        async sendAll(texts) {
          let last: Turn | undefined;
          for (const t of texts) last = await conversation.send(t);
          return last!;
        },
        async intakeState() {
          const state = (await g.storage.state.get(conversationKey)) as { intake?: Record<string, unknown> } | undefined;
          return state?.intake;
        },
        async intakeAnswers() {
          return (await conversation.intakeState())?.answers as Record<string, unknown> | undefined;
        },
      };
      return conversation;
    },
    async close() {
      await g.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return driver;
}

/** The turn queued no case and cited no law. */
export function expectNoCaseNoCitation(turn: Turn): void {
  for (const r of turn.replies) {
    expect(r.meta.handoff, turn.text).toBeUndefined();
    expect(r.meta.caseId, turn.text).toBeUndefined();
    expect(r.meta.citations ?? [], turn.text).toEqual([]);
  }
}
