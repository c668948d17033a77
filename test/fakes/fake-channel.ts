/**
 * A channel adapter for tests: records what the core sends, lets a test speak as a worker through
 * the bot it was started with, and can be told to fail starting or sending (with any error, e.g. a
 * platform refusal), so tests need no platform and no ad-hoc adapter of their own.
 */
import type {
  BotHandler,
  ChannelAdapter,
  ChannelCapabilities,
  IncomingMessage,
  OutgoingMessage,
} from '../../src/core/types.js';

/** A plain text channel with buttons and attachments; override what a test is about. */
export const FAKE_CHANNEL_CAPABILITIES: ChannelCapabilities = {
  buttons: true,
  threads: false,
  edits: false,
  maxTextLength: 4000,
  attachments: true,
};

/** One message the core sent through the channel. */
export interface FakeChannelSend {
  conversationKey: string;
  message: OutgoingMessage;
}

/** Options of a fake channel. */
export interface FakeChannelOptions {
  capabilities?: Partial<ChannelCapabilities>;
  /** Errors the first `start` calls throw, one each, before a start succeeds. */
  startFailures?: unknown[];
}

/** A recording channel adapter (see the file comment). */
export class FakeChannel implements ChannelAdapter {
  readonly capabilities: ChannelCapabilities;
  /** What `send` delivered, in order (a failed send is not here). */
  readonly sent: FakeChannelSend[] = [];
  starts = 0;
  stops = 0;
  /** Set to make every `send` throw it (e.g. `platformRefused(...)`); undefined delivers again. */
  sendError: unknown = undefined;
  private bot: BotHandler | undefined;
  private readonly startFailures: unknown[];
  private nextMessageId = 1;

  constructor(
    readonly name = 'fake',
    options: FakeChannelOptions = {},
  ) {
    this.capabilities = { ...FAKE_CHANNEL_CAPABILITIES, ...options.capabilities };
    this.startFailures = [...(options.startFailures ?? [])];
  }

  async start(bot: BotHandler): Promise<void> {
    this.starts += 1;
    const failure = this.startFailures.shift();
    if (failure !== undefined) throw failure;
    this.bot = bot;
  }

  async stop(): Promise<void> {
    this.stops += 1;
    this.bot = undefined;
  }

  async send(conversationKey: string, message: OutgoingMessage): Promise<void> {
    if (this.sendError !== undefined) throw this.sendError;
    this.sent.push({ conversationKey, message });
  }

  /** Texts sent, to one conversation when given. */
  texts(conversationKey?: string): string[] {
    return this.sent.filter((s) => conversationKey === undefined || s.conversationKey === conversationKey).map((s) => s.message.text);
  }

  /** A worker's message on this channel as the adapter would normalise it; the conversation key defaults to `<name>:w1`. */
  message(text: string, overrides: Partial<IncomingMessage> = {}): IncomingMessage {
    const conversationKey = overrides.conversationKey ?? `${this.name}:w1`;
    return {
      channel: this.name,
      conversationKey,
      userKey: conversationKey,
      messageId: `${this.name}-${this.nextMessageId++}`,
      text,
      attachments: [],
      isGroup: false,
      mentioned: false,
      receivedAt: new Date(),
      ...overrides,
    };
  }

  /** Hand a worker's message to the bot this channel was started with; resolves with the replies. */
  async receive(text: string, overrides: Partial<IncomingMessage> = {}): Promise<OutgoingMessage[]> {
    if (!this.bot) throw new Error(`fake channel ${this.name} is not started`);
    return this.bot.handle(this.message(text, overrides));
  }
}
