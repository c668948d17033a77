/**
 * A Bolt Receiver for the shared HTTP server: it takes the fetch Request a route hands it, lets Bolt's
 * own verifySlackRequest check the signature (with our clock), answers url_verification, and answers
 * Slack as soon as Bolt acknowledges, while the listeners go on working.
 */
import { verifySlackRequest, type App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { payloadTooLarge, readBodyWithin, WEBHOOK_BODY_BYTES } from '../../src/core/http/body-limit.js';
import type { Clock } from '../../src/core/types.js';
import type { AdapterLogger } from '../shared/logger.js';

/** Largest event accepted: Slack's events and interactions are a few kilobytes; files come by reference. */
export const SLACK_EVENT_MAX_BYTES = WEBHOOK_BODY_BYTES;

/** Slack gives up after 3 s and retries; answer before that even if a listener forgot to ack. */
const ACK_DEADLINE_MS = 2500;

/** What the receiver needs. */
export interface FetchReceiverOptions {
  signingSecret: string;
  clock: Clock;
  logger: AdapterLogger;
  /** False until the adapter has started: Slack then gets 503 and retries, so nothing is lost. */
  isReady(): boolean;
}

/** Bolt Receiver fed by fetch-style Requests from the shared server's route. */
export class FetchRequestReceiver implements Receiver {
  private app?: App;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: FetchReceiverOptions) {}

  /** Bolt calls this once with the App it belongs to. */
  init(app: App): void {
    this.app = app;
  }

  /** Nothing to listen on: the shared server owns the socket. */
  async start(): Promise<void> {}

  /** Resolves when every event already acknowledged has been processed. */
  async stop(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  /** Handle one POST from Slack. */
  async handle(request: Request): Promise<Response> {
    const bytes = await readBodyWithin(request, SLACK_EVENT_MAX_BYTES);
    if (!bytes) return payloadTooLarge(SLACK_EVENT_MAX_BYTES);
    const rawBody = new TextDecoder().decode(bytes);
    const signature = request.headers.get('x-slack-signature');
    const timestamp = request.headers.get('x-slack-request-timestamp');
    if (!signature || !timestamp) return unauthorized();
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body: rawBody,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
        nowMilliseconds: this.options.clock.now().getTime(),
      });
    } catch (error) {
      this.options.logger.warn({ reason: (error as Error).message }, 'slack request rejected');
      return unauthorized();
    }
    const body = parseBody(rawBody, request.headers.get('content-type') ?? '');
    if (!body) return new Response('body must be JSON or a form with payload', { status: 400 });
    if (body.type === 'url_verification') return Response.json({ challenge: body.challenge });
    if (body.ssl_check !== undefined) return new Response('', { status: 200 });
    if (!this.app || !this.options.isReady()) return new Response('not ready', { status: 503 });
    return this.dispatch(this.app, body, request.headers);
  }

  private dispatch(app: App, body: Record<string, unknown>, headers: Headers): Promise<Response> {
    let answer!: (response: Response) => void;
    const answered = new Promise<Response>((resolve) => (answer = resolve));
    let acked = false;
    const settle = (response: Response) => {
      if (acked) return false;
      acked = true;
      clearTimeout(deadline);
      answer(response);
      return true;
    };
    const deadline = setTimeout(() => {
      if (settle(new Response('', { status: 200 }))) this.options.logger.warn({}, 'slack event not acknowledged in time; answered 200');
    }, ACK_DEADLINE_MS);
    deadline.unref?.();
    const retryNum = headers.get('x-slack-retry-num');
    const event: ReceiverEvent = {
      body,
      retryNum: retryNum === null ? undefined : Number(retryNum),
      retryReason: headers.get('x-slack-retry-reason') ?? undefined,
      ack: async (response?: unknown) => {
        if (!settle(ackResponse(response))) this.options.logger.warn({}, 'slack ack called twice');
      },
    };
    const processing = app
      .processEvent(event)
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'slack event processing failed'))
      // an event no listener acknowledged is still answered 200: a retry would hit the same listeners
      .finally(() => settle(new Response('', { status: 200 })));
    this.inFlight.add(processing);
    void processing.finally(() => this.inFlight.delete(processing));
    return answered;
  }
}

function unauthorized(): Response {
  return new Response('invalid signature', { status: 401 });
}

function ackResponse(response: unknown): Response {
  if (response === undefined || response === '') return new Response('', { status: 200 });
  if (typeof response === 'string') return new Response(response, { status: 200 });
  return Response.json(response);
}

/** Events come as JSON; interactivity as a form with a JSON `payload`; slash commands as a plain form. */
function parseBody(raw: string, contentType: string): Record<string, unknown> | undefined {
  try {
    if (contentType.includes('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(raw);
      const payload = form.get('payload');
      return payload !== null ? (JSON.parse(payload) as Record<string, unknown>) : Object.fromEntries(form);
    }
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
