/**
 * The official account's front route: WeChat's GET check and signed XML POSTs.
 * Every request is checked against our Token before anything else happens, and a
 * redelivered message gets the answer the first delivery got without being handled
 * again. The answer goes back as the passive reply when the core is fast enough;
 * otherwise WeChat gets "looking it up" at once and the answer follows through
 * the customer-service API.
 */
import { payloadTooLarge, readBodyWithin, WEBHOOK_BODY_BYTES } from '../../../src/core/http/body-limit.js';
import type { Clock, Locale, OutgoingMessage } from '../../../src/core/types.js';
import { tr } from '../../../src/core/i18n.js';
import type { AdapterLogger } from '../../shared/logger.js';
import { handlerFailedReply } from '../../shared/delivery.js';
import { CappedMap } from '../capped-map.js';
import { officialAccountMessageId } from './oa-inbound.js';
import { verifyWechatSignature } from './oa-signature.js';
import { buildPassiveTextReply, parseOfficialAccountXml, type OfficialAccountInbound } from './oa-xml.js';
import type { CustomerServiceWindow } from './service-window.js';
import { LOOKING_IT_UP } from '../texts.js';

/** The core's replies to one message; undefined when the message was not for the core (most events). */
export type Handled = { conversationKey: string; replies: OutgoingMessage[] } | undefined;

/** What the webhook needs from the adapter around it. */
export interface OfficialAccountWebhookDeps {
  token: string;
  passiveReplyMs: number;
  clock: Clock;
  locale: Locale;
  logger: AdapterLogger;
  window: CustomerServiceWindow;
  /** False until start() has run. */
  ready(): boolean;
  /** Have a checked message handled by the core; `body` and `search` are exactly what WeChat signed. */
  handle(inbound: OfficialAccountInbound, signed: { body: string; search: string }): Promise<Handled>;
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

/** What we answered WeChat for one message, kept so a redelivery gets the same. */
interface Answer {
  body: string;
  xml: boolean;
}

const TEXT_HEADERS = { 'content-type': 'text/plain; charset=utf-8' };
const XML_HEADERS = { 'content-type': 'application/xml; charset=utf-8' };

/** Largest message accepted: WeChat's XML messages are a few kilobytes; media come by reference. */
export const OFFICIAL_ACCOUNT_MAX_BYTES = WEBHOOK_BODY_BYTES;

/** WeChat treats the literal "success" as "no passive reply, do not retry". */
const NO_PASSIVE_REPLY: Answer = { body: 'success', xml: false };

/** Answers remembered for redeliveries: WeChat retries within 15 s, so this covers 130 messages a second. */
const REMEMBERED_ANSWERS = 2_000;

function apologyFor(inbound: OfficialAccountInbound): string {
  return handlerFailedReply(officialAccountMessageId(inbound)).text;
}

type Outcome = { kind: 'handled'; handled: Handled } | { kind: 'failed'; error: unknown } | { kind: 'late' };

/** Build the webhook handlers around the adapter's parts. */
export function createOfficialAccountWebhook(deps: OfficialAccountWebhookDeps): OfficialAccountWebhook {
  const background = new Set<Promise<void>>();
  const answers = new CappedMap<string, Promise<Answer>>(REMEMBERED_ANSWERS);

  const refuse = (status: number, message: string) => new Response(message, { status, headers: TEXT_HEADERS });
  const respond = (answer: Answer) => new Response(answer.body, { headers: answer.xml ? XML_HEADERS : TEXT_HEADERS });

  function track(work: Promise<void>): void {
    background.add(work);
    void work.finally(() => background.delete(work));
  }

  function piecesOf(handled: Handled): string[] {
    return handled ? handled.replies.flatMap((reply) => deps.render(handled.conversationKey, reply)) : [];
  }

  async function answerLate(inbound: OfficialAccountInbound, work: Promise<Handled>): Promise<void> {
    const openId = inbound.FromUserName;
    try {
      const pieces = piecesOf(await work);
      if (pieces.length > 0) await deps.sendLater(openId, pieces);
    } catch (error) {
      deps.logger.error({ err: error, msgId: inbound.MsgId }, 'wechat: handling a slow message failed');
      await deps.sendLater(openId, [apologyFor(inbound)]).catch((sendError: unknown) =>
        deps.logger.error({ err: sendError }, 'wechat: could not tell the worker about the failure'),
      );
    }
  }

  async function answer(inbound: OfficialAccountInbound, signed: { body: string; search: string }): Promise<Answer> {
    const work = deps.handle(inbound, signed);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'late' }), deps.passiveReplyMs);
    });
    const outcome = await Promise.race<Outcome>([
      work.then(
        (handled) => ({ kind: 'handled' as const, handled }),
        (error: unknown) => ({ kind: 'failed' as const, error }),
      ),
      deadline,
    ]);
    clearTimeout(timer);

    const passive = (content: string): Answer => ({ body: buildPassiveTextReply(inbound, content, deps.clock.now()), xml: true });
    if (outcome.kind === 'late') {
      track(answerLate(inbound, work));
      return passive(tr(deps.locale, LOOKING_IT_UP));
    }
    if (outcome.kind === 'failed') {
      deps.logger.error({ err: outcome.error, msgId: inbound.MsgId }, 'wechat: handling a message failed');
      return passive(apologyFor(inbound));
    }
    const [first, ...rest] = piecesOf(outcome.handled);
    if (first === undefined) return NO_PASSIVE_REPLY;
    // A passive reply carries one message; anything more follows through the customer-service API.
    if (rest.length > 0) {
      track(
        deps.sendLater(inbound.FromUserName, rest).catch((err: unknown) =>
          deps.logger.error({ err }, 'wechat: follow-up customer-service send failed'),
        ),
      );
    }
    return passive(first);
  }

  async function handlePost(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!verifyWechatSignature(deps.token, url.searchParams, deps.clock.now())) {
      deps.logger.warn({ path: url.pathname }, 'wechat webhook: bad signature refused');
      return refuse(403, 'signature check failed / 签名校验失败');
    }
    if (!deps.ready()) return refuse(503, 'not started / 服务尚未启动');
    const bytes = await readBodyWithin(request, OFFICIAL_ACCOUNT_MAX_BYTES);
    if (!bytes) return payloadTooLarge(OFFICIAL_ACCOUNT_MAX_BYTES);
    const body = new TextDecoder().decode(bytes);
    let inbound: OfficialAccountInbound;
    try {
      inbound = parseOfficialAccountXml(body);
    } catch (err) {
      deps.logger.error({ err }, 'wechat webhook: unreadable body (is the account in plaintext or compatible mode?)');
      return refuse(400, 'unreadable WeChat XML / 无法读取的微信消息');
    }
    const key = officialAccountMessageId(inbound);
    const earlier = answers.get(key);
    if (earlier) {
      // WeChat re-posts when our answer did not reach it: give the same answer, handle nothing twice.
      deps.logger.info({ msgId: key }, 'wechat webhook: redelivery answered again');
      return respond(await earlier);
    }
    deps.window.touch(inbound.FromUserName);
    const answered = answer(inbound, { body, search: url.search });
    answers.set(key, answered);
    return respond(await answered);
  }

  async function handleGet(request: Request): Promise<Response> {
    const query = new URL(request.url).searchParams;
    if (!verifyWechatSignature(deps.token, query, deps.clock.now())) return refuse(403, 'signature check failed / 签名校验失败');
    // WeChat's server-address check: echo echostr back to prove we hold the token.
    return new Response(query.get('echostr') ?? '', { headers: TEXT_HEADERS });
  }

  async function drain(): Promise<void> {
    while (background.size > 0) await Promise.allSettled([...background]);
  }

  return { handleGet, handlePost, drain };
}
