/**
 * Playing Slack in tests: requests signed the way Slack signs them (v0 HMAC of "v0:<ts>:<body>"),
 * and nock at https://slack.com/api recording what the bot posted.
 */
import { createHmac } from 'node:crypto';
import nock from 'nock';
import { expect, vi } from 'vitest';

/** The signing secret and bot identity the tests use. */
export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const BOT_TOKEN = 'xoxb-1111111111-2222222222222-gongyouTestToken';
export const BOT_USER_ID = 'U07GONGYOU';
export const TEAM_ID = 'T024BE7LD';

/** What the core gets from test/fixtures/slack/dm-message.json (a worker's message.im), however it arrived. */
export const DM_FIXTURE_MESSAGE = {
  channel: 'slack',
  conversationKey: 'slack:D0LAN2Q65',
  userKey: 'slack:U061F7AUR',
  messageId: '5f0e4a7c-2b1d-4f8e-9a3c-6d2e1b7f0a11',
  text: '站长两个月没给我结钱了 & 还扣了押金',
  isGroup: false,
  mentioned: false,
};

/** `list` once it holds at least `n` items: the bot works on after Slack was answered, so tests wait for its effects. */
export async function atLeast<T>(list: readonly T[], n: number, timeout = 5000): Promise<readonly T[]> {
  await vi.waitFor(() => expect(list.length).toBeGreaterThanOrEqual(n), { timeout });
  return list;
}

/** A POST as Slack sends it, signed with `secret` at `timestampSec`. */
export function signedSlackRequest(options: {
  body: string;
  timestampSec: number;
  secret?: string;
  contentType?: string;
  path?: string;
  headers?: Record<string, string>;
}): Request {
  const signature = `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET).update(`v0:${options.timestampSec}:${options.body}`).digest('hex')}`;
  return new Request(`https://bot.union.example${options.path ?? '/slack/events'}`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'x-slack-request-timestamp': String(options.timestampSec),
      'x-slack-signature': signature,
      ...options.headers,
    },
    body: options.body,
  });
}

/** Interactivity payloads come as a form with one `payload` field. */
export function interactivityBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A Web API reply; nock 14 needs the Content-Length on kept-alive connections (nock issue #3001). */
export function slackApiReply(body: unknown, status = 200, headers: Record<string, string> = {}): [number, string, Record<string, string>] {
  const json = JSON.stringify(body);
  return [status, json, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(json)), ...headers }];
}

/** A chat.postMessage call as the bot made it. */
export interface PostedMessage {
  channel: string;
  text: string;
  thread_ts?: string;
  blocks: Array<Record<string, any>>;
}

/** Web API bodies arrive form-encoded (with JSON inside) or as JSON; normalise both. */
export function parseApiBody(body: unknown): Record<string, any> {
  const fields: Record<string, any> = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : { ...(body as object) };
  for (const key of ['blocks', 'unfurl_links']) {
    if (typeof fields[key] === 'string') fields[key] = JSON.parse(fields[key]);
  }
  return fields;
}

/** Mock auth.test and chat.postMessage; returns the list the posts are recorded into. */
export function mockSlackApi(): PostedMessage[] {
  const posted: PostedMessage[] = [];
  nock('https://slack.com')
    .persist()
    .post('/api/auth.test')
    .reply(() => slackApiReply({ ok: true, url: 'https://union-helpdesk.slack.com/', team: '工会服务站', user: 'gongyou', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: 'B07GONGYOU' }));
  nock('https://slack.com')
    .persist()
    .post('/api/chat.postMessage')
    .reply((_uri, body) => {
      const call = parseApiBody(body) as PostedMessage;
      posted.push(call);
      return slackApiReply({ ok: true, channel: call.channel, ts: `1760600000.${String(posted.length).padStart(6, '0')}`, message: { text: call.text } });
    });
  return posted;
}

/** Choices of a posted message, read back from its Block Kit buttons. */
export function buttonsOf(message: PostedMessage): Array<{ id: string; label: string; actionId: string }> {
  return message.blocks
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements as Array<Record<string, any>>)
    .map((button) => ({ id: button.value as string, label: button.text.text as string, actionId: button.action_id as string }));
}
