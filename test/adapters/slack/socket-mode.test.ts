/**
 * Socket Mode end to end: the real Bolt SocketModeReceiver and @slack/socket-mode client connect to a
 * local `ws` server playing Slack's socket-mode backend (hello, envelopes, acks, disconnect); nock
 * plays the Web API (apps.connections.open with the app-level token, auth.test, chat.postMessage).
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js';
import { createScriptedBot, type ScriptedBot } from '../../contracts/adapter.contract.js';
import { atLeast, BOT_TOKEN, buttonsOf, DM_FIXTURE_MESSAGE, mockSlackApi, slackApiReply, SIGNING_SECRET, type PostedMessage } from './slack-peer.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/slack');
const fixture = (name: string): Record<string, any> => JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
const APP_TOKEN = 'xapp-1-A07GONGYOU1-7810234567890-5c0c4e7d9a1b2c3d4e5f60718293a4b5c6d7e8f9';
const WAIT = { timeout: 15_000 };

/** Slack's socket-mode backend: one WebSocket server, every connection greeted with hello, every frame from the app recorded. */
class SocketModePeer {
  /** Connections in the order the app opened them. */
  readonly connections: WebSocket[] = [];
  /** Frames the app sent (acks), parsed. */
  readonly fromApp: Array<{ envelope_id?: string; payload?: unknown }> = [];
  /** Authorization header of each apps.connections.open call. */
  readonly opens: Array<string | undefined> = [];
  private seq = 0;
  private closed?: Promise<void>;

  private constructor(private readonly server: WebSocketServer) {
    server.on('connection', (socket, request) => {
      this.connections.push(socket);
      socket.on('message', (data) => this.fromApp.push(JSON.parse(data.toString())));
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'applink-7f8c9d-abcde', build_number: 118, approximate_connection_time: 18060 },
          connection_info: { app_id: new URL(request.url ?? '/', 'ws://peer').searchParams.get('app_id') },
        }),
      );
    });
  }

  static async start(): Promise<SocketModePeer> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
    const peer = new SocketModePeer(server);
    const { port } = server.address() as AddressInfo;
    nock('https://slack.com')
      .persist()
      .post('/api/apps.connections.open')
      .reply(function () {
        peer.opens.push(this.req.headers.authorization);
        return slackApiReply({ ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=ticket-${peer.opens.length}&app_id=A07GONGYOU1` });
      });
    return peer;
  }

  /** The connection Slack would deliver on now: the newest one still open. */
  get current(): WebSocket {
    const open = this.connections.filter((socket) => socket.readyState === socket.OPEN);
    if (open.length === 0) throw new Error('the app has no open socket-mode connection');
    return open[open.length - 1];
  }

  /** Send one envelope on the current connection; returns its envelope_id. */
  deliver(type: 'events_api' | 'interactive', payload: unknown): string {
    const envelopeId = `57d6a792-4d35-4d0b-b6aa-3361493e${String(++this.seq).padStart(4, '0')}`;
    const extra = type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {};
    this.current.send(JSON.stringify({ envelope_id: envelopeId, payload, type, accepts_response_payload: false, ...extra }));
    return envelopeId;
  }

  /** Slack recycling the connection. */
  askToReconnect(): void {
    this.current.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'applink-7f8c9d-abcde' } }));
  }

  acked(envelopeId: string): boolean {
    return this.fromApp.some((frame) => frame.envelope_id === envelopeId);
  }

  /** Stop listening (once; later calls wait for the same close). */
  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
    return this.closed;
  }
}

/** An events_api payload as Slack wraps a message.im event from a worker. */
function dmEvent(overrides: Record<string, unknown> = {}): Record<string, any> {
  const body = fixture('dm-message');
  return { ...body, event: { ...body.event, ...overrides } };
}

/** Open sockets and timers of this process, to show the adapter leaves none behind. */
function handles(): string[] {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap' || kind === 'Timeout');
}

describe('slack adapter in Socket Mode', () => {
  let peer: SocketModePeer;
  let adapter: SlackAdapter;
  let bot: ScriptedBot;
  let posted: PostedMessage[];
  let baseline: string[];

  const calls = (n: number) => atLeast(bot.calls, n, WAIT.timeout);
  const posts = (n: number) => atLeast(posted, n, WAIT.timeout);
  const acked = (envelopeId: string) => vi.waitFor(() => expect(peer.acked(envelopeId)).toBe(true), WAIT);

  beforeEach(async () => {
    baseline = handles();
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    posted = mockSlackApi();
    peer = await SocketModePeer.start();
    bot = createScriptedBot();
    adapter = createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, appToken: APP_TOKEN, socketMode: true, sleep: async () => {} });
    // resolves once the peer's hello arrived
    await adapter.start(bot);
  });
  afterEach(async () => {
    await adapter.stop();
    await peer.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('opens the connection with the app-level token and serves no HTTP route', () => {
    expect(peer.opens).toEqual([`Bearer ${APP_TOKEN}`]);
    expect(peer.connections).toHaveLength(1);
    expect(adapter.routes).toBeUndefined();
  });

  it('acks a message.im envelope, hands the worker message to the core and posts the reply', async () => {
    bot.replyNext([{ text: '收到，我们先看看工资的事', meta: { intent: 'test' } }]);
    const envelopeId = peer.deliver('events_api', dmEvent());
    await acked(envelopeId);
    expect(peer.fromApp.find((frame) => frame.envelope_id === envelopeId)).toEqual({ envelope_id: envelopeId, payload: {} });
    const [message] = await calls(1);
    expect(message).toMatchObject(DM_FIXTURE_MESSAGE);
    const [reply] = await posts(1);
    expect(reply).toMatchObject({ channel: 'D0LAN2Q65', text: '收到，我们先看看工资的事', unfurl_links: true });
    expect(reply.thread_ts).toBeUndefined();
    expect(reply.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '收到，我们先看看工资的事' } }]);
  });

  it('turns an interactive envelope for a choice button into the choice id', async () => {
    bot.replyNext([{ text: '你遇到的是哪类问题？', choices: [{ id: 'cat_wages', label: '欠薪 / 不结钱' }, { id: 'cat_injury', label: '受伤 / 事故' }], meta: { intent: 'test' } }]);
    peer.deliver('events_api', dmEvent());
    const [question] = await posts(1);
    const button = buttonsOf(question).find((b) => b.id === 'cat_injury')!;
    const press = fixture('block-actions');
    press.message.blocks = question.blocks;
    press.actions = [{ ...press.actions[0], action_id: button.actionId, value: button.id, text: { type: 'plain_text', text: button.label, emoji: true } }];
    const envelopeId = peer.deliver('interactive', press);
    await acked(envelopeId);
    const [first, pressed] = await calls(2);
    expect(pressed).toMatchObject({ choiceId: 'cat_injury', text: '受伤 / 事故', conversationKey: first.conversationKey, userKey: first.userKey });
  });

  it('reconnects when Slack sends disconnect, and the next message still arrives', async () => {
    const first = peer.connections[0];
    peer.askToReconnect();
    await vi.waitFor(() => expect(first.readyState).toBe(first.CLOSED), WAIT);
    // the client waits its reconnect delay (5 s by default), then asks for a new URL
    await vi.waitFor(() => expect(peer.connections.filter((socket) => socket.readyState === socket.OPEN)).toHaveLength(1), WAIT);
    expect(peer.opens).toEqual([`Bearer ${APP_TOKEN}`, `Bearer ${APP_TOKEN}`]);
    expect(peer.connections).toHaveLength(2);
    bot.replyNext([{ text: '还在，请说', meta: { intent: 'test' } }]);
    const envelopeId = peer.deliver('events_api', dmEvent({ text: '还在吗', ts: '1760598200.000300', event_ts: '1760598200.000300', client_msg_id: 'b1c2d3e4-0000-4000-8000-000000000002' }));
    await acked(envelopeId);
    const [message] = await calls(1);
    expect(message).toMatchObject({ ...DM_FIXTURE_MESSAGE, messageId: 'b1c2d3e4-0000-4000-8000-000000000002', text: '还在吗' });
    expect((await posts(1))[0]).toMatchObject({ channel: 'D0LAN2Q65', text: '还在，请说' });
  }, 30_000);

  it('closes its connection on stop and leaves no socket or timer behind', async () => {
    const socket = peer.current;
    await adapter.stop();
    // when stop() resolves the peer already has the app's close frame (it then closes the TCP side)
    expect([socket.CLOSING, socket.CLOSED]).toContain(socket.readyState);
    await vi.waitFor(() => expect(socket.readyState).toBe(socket.CLOSED), WAIT);
    await peer.close();
    await vi.waitFor(() => expect(handles().length).toBeLessThanOrEqual(baseline.length), WAIT);
  });
});
