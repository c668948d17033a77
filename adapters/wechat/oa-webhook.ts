/**
 * The official account's webhook: WeChat's GET check and signed XML POSTs.
 * The answer goes back as the passive reply when the core is fast enough;
 * otherwise WeChat gets "looking it up" at once and the answer follows
 * through the customer-service API.
 */
import type { BotHandler, Clock, IncomingMessage, Locale, OutgoingMessage } from '../../src/core/types.js';
import { tr } from '../../src/core/i18n.js';
import type { AdapterLogger } from '../shared/logger.js';
import { handlerFailedReply } from '../shared/delivery.js';
import { verifyWechatSignature } from './oa-signature.js';
import { buildPassiveTextReply, parseOfficialAccountXml, type OfficialAccountInbound } from './oa-xml.js';
import type { CustomerServiceWindow } from './service-window.js';
import { LOOKING_IT_UP } from './texts.js';

/** What the webhook needs from the adapter around it. */
export interface OfficialAccountWebhookDeps {
  token: string;
  passiveReplyMs: number;
  clock: Clock;
  locale: Locale;
  logger: AdapterLogger;
  window: CustomerServiceWindow;
  /** The core, once start() has run. */
  bot(): BotHandler | undefined;
  normalise(inbound: OfficialAccountInbound): Promise<IncomingMessage | undefined>;
  /** Render a reply into WeChat text pieces (and remember its choices). */
  render(conversationKey: string, reply: OutgoingMessage): string[];
  /** Send text pieces through the customer-service API. */
  sendLater(openId: string, pieces: string[]): Promise<void>;
}

/** The two handlers WeChat calls, fetch-style so they mount on any server. */
export interface OfficialAccountWebhook {
  handleGet(request: Request): Promise<Response>;
  handlePost(request: Request): Promise<Response>;
  /** Resolves when every answer that missed the passive reply has been sent (for stop()). */
  drain(): Promise<void>;
}

const TEXT_HEADERS = { 'content-type': 'text/plain; charset=utf-8' };
const XML_HEADERS = { 'content-type': 'application/xml; charset=utf-8' };

/** WeChat treats the literal "success" as "no passive reply, do not retry". */
const NO_PASSIVE_REPLY = () => new Response('success', { headers: TEXT_HEADERS });

function apologyFor(inbound: OfficialAccountInbound): string {
  return handlerFailedReply(inbound.MsgId ?? `${inbound.FromUserName}:${inbound.CreateTime}`).text;
}

type Outcome = { kind: 'replies'; replies: OutgoingMessage[]; conversationKey: string } | { kind: 'failed'; error: unknown } | { kind: 'late' };

/** Build the webhook handlers around the adapter's parts. */
export function createOfficialAccountWebhook(deps: OfficialAccountWebhookDeps): OfficialAccountWebhook {
  const background = new Set<Promise<void>>();

  const refuse = (status: number, message: string) => new Response(message, { status, headers: TEXT_HEADERS });

  function track(work: Promise<void>): void {
    background.add(work);
    void work.finally(() => background.delete(work));
  }

  function piecesOf(conversationKey: string, replies: OutgoingMessage[]): string[] {
    return replies.flatMap((reply) => deps.render(conversationKey, reply));
  }

  async function answerLate(inbound: OfficialAccountInbound, work: Promise<{ conversationKey: string; replies: OutgoingMessage[] }>): Promise<void> {
    const openId = inbound.FromUserName;
    try {
      const { conversationKey, replies } = await work;
      const pieces = piecesOf(conversationKey, replies);
      if (pieces.length > 0) await deps.sendLater(openId, pieces);
    } catch (error) {
      deps.logger.error({ err: error, msgId: inbound.MsgId }, 'wechat: handling a slow message failed');
      await deps.sendLater(openId, [apologyFor(inbound)]).catch((sendError: unknown) =>
        deps.logger.error({ err: sendError }, 'wechat: could not tell the worker about the failure'),
      );
    }
  }

  async function handlePost(request: Request): Promise<Response> {
    const query = new URL(request.url).searchParams;
    if (!verifyWechatSignature(deps.token, query)) {
      deps.logger.warn({ path: new URL(request.url).pathname }, 'wechat webhook: bad signature refused');
      return refuse(403, 'signature check failed / 签名校验失败');
    }
    const bot = deps.bot();
    if (!bot) return refuse(503, 'not started / 服务尚未启动');
    let inbound: OfficialAccountInbound;
    try {
      inbound = parseOfficialAccountXml(await request.text());
    } catch (err) {
      deps.logger.error({ err }, 'wechat webhook: unreadable body (is the account in plaintext or compatible mode?)');
      return refuse(400, 'unreadable WeChat XML / 无法读取的微信消息');
    }
    deps.window.touch(inbound.FromUserName);

    // A redelivery (WeChat re-posts after 5 s of silence) goes to the core too: it dedupes by message id.
    const work = (async () => {
      const message = await deps.normalise(inbound);
      if (!message) return { conversationKey: '', replies: [] as OutgoingMessage[] };
      return { conversationKey: message.conversationKey, replies: await bot.handle(message) };
    })();

    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'late' }), deps.passiveReplyMs);
    });
    const outcome = await Promise.race<Outcome>([
      work.then(
        (done) => ({ kind: 'replies' as const, ...done }),
        (error: unknown) => ({ kind: 'failed' as const, error }),
      ),
      deadline,
    ]);
    clearTimeout(timer);

    const now = deps.clock.now();
    if (outcome.kind === 'late') {
      track(answerLate(inbound, work));
      return new Response(buildPassiveTextReply(inbound, tr(deps.locale, LOOKING_IT_UP), now), { headers: XML_HEADERS });
    }
    if (outcome.kind === 'failed') {
      deps.logger.error({ err: outcome.error, msgId: inbound.MsgId }, 'wechat: handling a message failed');
      return new Response(buildPassiveTextReply(inbound, apologyFor(inbound), now), { headers: XML_HEADERS });
    }
    const [first, ...rest] = piecesOf(outcome.conversationKey, outcome.replies);
    if (first === undefined) return NO_PASSIVE_REPLY();
    // A passive reply carries one message; anything more follows through the customer-service API.
    if (rest.length > 0) {
      track(
        deps.sendLater(inbound.FromUserName, rest).catch((err: unknown) =>
          deps.logger.error({ err }, 'wechat: follow-up customer-service send failed'),
        ),
      );
    }
    return new Response(buildPassiveTextReply(inbound, first, now), { headers: XML_HEADERS });
  }

  async function handleGet(request: Request): Promise<Response> {
    const query = new URL(request.url).searchParams;
    if (!verifyWechatSignature(deps.token, query)) return refuse(403, 'signature check failed / 签名校验失败');
    // WeChat's server-address check: echo echostr back to prove we hold the token.
    return new Response(query.get('echostr') ?? '', { headers: TEXT_HEADERS });
  }

  async function drain(): Promise<void> {
    while (background.size > 0) await Promise.allSettled([...background]);
  }

  return { handleGet, handlePost, drain };
}
