/** Per-conversation state saved every turn (through keyv), validated on load. */
import { z } from 'zod';

/** Saved choices of the last reply, so a typed number can pick one. */
const choiceSchema = z.object({ id: z.string(), label: z.string() });

/** Schema of the saved state; unknown or corrupt state is discarded, never trusted. */
export const conversationStateSchema = z.object({
  v: z.literal(1),
  locale: z.enum(['zh-CN', 'en']).optional(),
  /** The locale was read from the worker's own words, not chosen (/lang): it follows the language they write in. */
  localeFromText: z.boolean().optional(),
  /** Intake state machine (its own schema validates it). */
  intake: z.unknown().optional(),
  /** Who answers the worker: the bot, or a mediator who took over. */
  mode: z.enum(['bot', 'mediator']).default('bot'),
  /** The case the conversation is about (open case or handoff). */
  activeCaseId: z.string().optional(),
  /** Last choices shown. */
  lastChoices: z.array(choiceSchema).optional(),
  /** Evidence received before any case existed; attached to the next case. */
  pendingEvidence: z
    .array(
      z.object({
        sha256: z.string(),
        name: z.string().optional(),
        mimeType: z.string().optional(),
        size: z.number(),
        receivedAt: z.string(),
      }),
    )
    .optional(),
  /** A question answered before the worker chose to file it (for "登记诉求"). */
  pendingIntake: z.object({ category: z.string().optional(), text: z.string() }).optional(),
  /** Consecutive answers the worker rejected ("没用", "不对"). */
  rejectedAnswers: z.number().int().min(0).default(0),
  /** Whether the last answer was low confidence and we offered a mediator. */
  offeredHandoff: z.boolean().default(false),
  /** Mediator notes carried into the bot's context after a handback. */
  mediatorNotes: z.array(z.string()).default([]),
  /** The worker's last few questions, so a short follow-up is understood. */
  recentQuestions: z.array(z.string()).default([]),
  /** When the worker asked "删除我的数据" and has not yet confirmed it (ISO time). */
  confirmErase: z.string().optional(),
  updatedAt: z.string().optional(),
});

/** A conversation's saved state. */
export type ConversationState = z.infer<typeof conversationStateSchema>;

/** A fresh state. */
export function emptyConversationState(): ConversationState {
  return { v: 1, mode: 'bot', rejectedAnswers: 0, offeredHandoff: false, mediatorNotes: [], recentQuestions: [] };
}

/** Parse saved state; anything invalid yields a fresh state (and the caller logs it). */
export function parseConversationState(raw: unknown): { state: ConversationState; corrupt: boolean } {
  if (raw === undefined || raw === null) return { state: emptyConversationState(), corrupt: false };
  const parsed = conversationStateSchema.safeParse(raw);
  return parsed.success ? { state: parsed.data, corrupt: false } : { state: emptyConversationState(), corrupt: true };
}
