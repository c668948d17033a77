/**
 * A BotHandler that follows a fixed little script (category choice, amount, case number with a
 * citation), persists like the real bot and answers a redelivered message once. For web tests.
 */
import type { BotHandler, IncomingMessage, OutgoingMessage, ReplyDraft } from '../../src/core/types.js';
import type { OutboxBus } from '../../src/core/outbox-bus.js';
import type { MessageLog } from '../../src/core/ports.js';

/** Case number the script hands out. */
export const SCRIPTED_CASE_ID = 'GY-2026-000123';

/** Turns a message into reply drafts; the default is SCRIPTED_INTAKE. */
export type BotScript = (message: IncomingMessage, turn: number) => ReplyDraft[];

/** Default script: offer categories, ask the amount, then open a case with a citation; /lang and lang:* switch language. */
export const SCRIPTED_INTAKE: BotScript = (message) => {
  if (message.attachments.length > 0) {
    const names = message.attachments.map((a) => `${a.name ?? '?'}（${a.data?.length ?? 0} 字节）`).join('、');
    return [{ text: `收到文件：${names}`, meta: { intent: 'evidence_received' } }];
  }
  const lang = message.choiceId?.startsWith('lang:') ? message.choiceId.slice(5) : /^\/lang\s+(en|zh)/i.exec(message.text)?.[1];
  if (lang) {
    const locale = lang === 'en' ? 'en' : 'zh-CN';
    return [{ text: locale === 'en' ? 'OK, I will speak English from now on.' : '好的，以后用中文和您说。', meta: { intent: 'lang', locale } }];
  }
  if (message.choiceId === 'wages') {
    return [{ text: '一共欠了多少钱？例如：3500', meta: { intent: 'intake_slot' } }];
  }
  if (/\d/.test(message.text)) {
    return [
      {
        text: `已登记，案件编号 ${SCRIPTED_CASE_ID}，工会会在三日内反馈。`,
        meta: { intent: 'case_created', caseId: SCRIPTED_CASE_ID, citations: [{ law: '劳动争议调解仲裁法', article: 27 }] },
      },
    ];
  }
  return [
    {
      text: '您遇到的是哪类问题？',
      choices: [
        { id: 'wages', label: '工资被拖欠' },
        { id: 'injury', label: '受伤了' },
      ],
      meta: { intent: 'intake_category', confidence: 0.6 },
    },
  ];
};

/** The scripted bot; `received` records every message that reached it. */
export class ScriptedBot implements BotHandler {
  /** Every message handed to the bot, in order (redeliveries included). */
  readonly received: IncomingMessage[] = [];
  /** When set, the next turns throw it (to test the 500 path). */
  failWith: Error | undefined;
  private readonly answered = new Map<string, OutgoingMessage[]>();

  constructor(
    private readonly deps: {
      messages: MessageLog;
      newId: () => string;
      now?: () => Date;
      script?: BotScript;
      /** When given, every reply is also published, as a bot that feeds all channels from one outbox would. */
      bus?: OutboxBus;
    },
  ) {}

  /** Answer from the script; persist every reply as the real bot does. */
  async handle(message: IncomingMessage): Promise<OutgoingMessage[]> {
    this.received.push(message);
    if (this.failWith) throw this.failWith;
    const dedupeKey = `${message.conversationKey}|${message.messageId}`;
    const earlier = this.answered.get(dedupeKey);
    if (earlier) return earlier;
    const drafts = (this.deps.script ?? SCRIPTED_INTAKE)(message, this.answered.size);
    const at = (this.deps.now?.() ?? message.receivedAt).toISOString();
    const worker: OutgoingMessage = { id: message.messageId, text: message.text, meta: { intent: 'worker_message' } };
    await this.deps.messages.append({ conversationKey: message.conversationKey, direction: 'in', author: 'worker', message: worker, at, delivered: true });
    const replies: OutgoingMessage[] = [];
    for (const draft of drafts) {
      const reply: OutgoingMessage = { id: this.deps.newId(), ...draft };
      await this.deps.messages.append({ conversationKey: message.conversationKey, direction: 'out', author: 'bot', message: reply, at, delivered: true });
      replies.push(reply);
    }
    for (const reply of replies) this.deps.bus?.publish(message.conversationKey, reply);
    this.answered.set(dedupeKey, replies);
    return replies;
  }
}
