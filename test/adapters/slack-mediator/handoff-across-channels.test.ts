/**
 * A full handoff across two channels: the worker in the web chat, the
 * mediator in Slack through a real Bolt App that verifies v0 signatures, with
 * Slack's Web API stubbed by nock (real network disabled).
 */
import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerSlackMediatorConsole } from '../../../adapters/slack/mediator/console.js';
import { parseThreadCommand } from '../../../adapters/slack/mediator/commands.js';
import type { CaseRecord } from '../../../src/cases/model.js';
import { call, openWorld, removeDataDir, webInbox, type HandoffWorld } from '../../handoff/harness.js';

const SECRET = 'test-signing-secret';
const CHANNEL = 'CMEDIATORS';
const SUPERVISORS = 'CSUPERVISORS';

type Posted = { method: string; params: Record<string, string> };

let world: HandoffWorld;
let server: Server;
let bolt: App;
let posted: Posted[] = [];
let tsCounter = 100;

function recordSlack(): void {
  nock('https://slack.com')
    .persist()
    .post(/\/api\/.+/)
    .reply(function (uri, body) {
      const method = uri.replace('/api/', '');
      const params = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, string>);
      posted.push({ method, params });
      if (method === 'auth.test') return [200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' }];
      if (method === 'usergroups.users.list') return [200, { ok: true, users: params.usergroup === 'SMEDIATORS' ? ['UGROUPED'] : [] }];
      if (method === 'chat.postMessage') return [200, { ok: true, channel: params.channel, ts: `${tsCounter++}.000100` }];
      return [200, { ok: true }];
    });
}

function signed(body: string, contentType: string): RequestInit {
  const ts = Math.floor(Date.now() / 1000).toString();
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { method: 'POST', body, headers: { 'content-type': contentType, 'x-slack-request-timestamp': ts, 'x-slack-signature': signature } };
}

function url(): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
}

async function pressButton(user: string, actionId: string, value: string, messageTs: string): Promise<Response> {
  const payload = {
    type: 'block_actions',
    team: { id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: 'trig',
    user: { id: user, team_id: 'T1' },
    channel: { id: CHANNEL },
    container: { type: 'message', message_ts: messageTs, channel_id: CHANNEL },
    message: { ts: messageTs, type: 'message', text: '' },
    response_url: 'https://hooks.slack.com/actions/T1/1/x',
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1' }],
  };
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return fetch(url(), signed(body, 'application/x-www-form-urlencoded'));
}

let eventCounter = 0;
async function threadMessage(user: string, text: string, threadTs: string): Promise<Response> {
  const body = JSON.stringify({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev${++eventCounter}`,
    event_time: 1,
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event: { type: 'message', channel: CHANNEL, channel_type: 'channel', user, text, ts: `${900 + eventCounter}.000200`, thread_ts: threadTs },
  });
  return fetch(url(), signed(body, 'application/json'));
}

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  recordSlack();
  world = await openWorld();
  bolt = new App({ token: 'xoxb-test', signingSecret: SECRET, processBeforeResponse: true, logLevel: LogLevel.ERROR });
  registerSlackMediatorConsole(bolt, {
    desk: world.wiring.desk,
    channel: CHANNEL,
    supervisorChannel: SUPERVISORS,
    allowedUsers: ['UALLOWED'],
    allowedGroups: ['SMEDIATORS'],
    threads: world.storage.state,
    logger: { warn: () => undefined },
    publicUrl: 'https://gongyou.example.org/',
  });
  server = (await bolt.start(0)) as Server;
});

afterEach(() => {
  posted = [];
});

afterAll(async () => {
  await bolt.stop();
  await world.close();
  removeDataDir(world.dataDir);
  nock.cleanAll();
  nock.enableNetConnect();
});

/** A web worker asks for a person; returns their case, its announcement in the channel and its thread. */
async function caseInSlack(userId: string): Promise<{ record: CaseRecord; announced: Posted; threadTs: string }> {
  await call(world.app, 'POST', '/api/web/messages', {}, { userId, text: '转人工' });
  const record = (await world.storage.cases.listCases({ status: 'waiting' })).find((c) => c.userKey === `web:${userId}`)!;
  const announced = await vi.waitFor(async () => {
    const post = posted.find((p) => p.method === 'chat.postMessage' && p.params.channel === CHANNEL && (p.params.text ?? '').includes(record.id));
    if (!post || !(await world.storage.state.get(`slack-mediator:case:${record.id}`))) throw new Error('not posted yet');
    return post;
  });
  const threadTs = (await world.storage.state.get<{ ts: string }>(`slack-mediator:case:${record.id}`))!.ts;
  return { record, announced, threadTs };
}

describe('Slack mediator console', () => {
  it('takes a web worker’s case over from Slack, relays both ways, releases and closes', async () => {
    const { record, announced, threadTs } = await caseInSlack('rider-s');
    const blocks = JSON.parse(announced.params.blocks) as Array<{ elements?: Array<{ action_id: string; value: string }> }>;
    expect(blocks[1].elements?.map((e) => e.action_id)).toEqual(['gongyou_take', 'gongyou_view']);
    expect(blocks[1].elements?.[0].value).toBe(record.id);

    // a forged request (wrong signature) is refused by Bolt before any handler runs
    const forged = signed('payload=%7B%7D', 'application/x-www-form-urlencoded');
    (forged.headers as Record<string, string>)['x-slack-signature'] = 'v0=deadbeef';
    expect((await fetch(url(), forged)).status).toBe(401);

    // a stranger may not act; a member of the mediator user group may
    expect((await pressButton('USTRANGER', 'gongyou_take', record.id, threadTs)).status).toBe(200);
    expect(posted.find((p) => p.method === 'chat.postEphemeral' && p.params.user === 'USTRANGER')?.params.text).toContain('不在调解员名单');
    expect((await world.storage.cases.getCase(record.id))?.status).toBe('waiting');

    expect((await pressButton('UGROUPED', 'gongyou_take', record.id, threadTs)).status).toBe(200);
    expect(await world.storage.cases.getCase(record.id)).toMatchObject({ status: 'active', owner: 'slack:UGROUPED' });
    expect((await webInbox(world.app, 'rider-s')).at(-1)?.meta.intent).toBe('mediator_joined');

    // worker → Slack thread
    posted = [];
    await call(world.app, 'POST', '/api/web/messages', {}, { userId: 'rider-s', text: '老板电话打不通了' });
    const relayed = await vi.waitFor(() => {
      const post = posted.find((p) => p.method === 'chat.postMessage' && p.params.thread_ts === threadTs);
      if (!post) throw new Error('not relayed yet');
      return post;
    });
    expect(relayed.params.text).toContain('老板电话打不通了');

    // Slack thread → worker
    expect((await threadMessage('UGROUPED', '请把最近的排班截图发给我', threadTs)).status).toBe(200);
    expect((await webInbox(world.app, 'rider-s')).at(-1)).toMatchObject({ text: '请把最近的排班截图发给我', meta: { intent: 'mediator_message' } });

    expect((await threadMessage('UGROUPED', '释放 老板答应周五付', threadTs)).status).toBe(200);
    expect((await world.storage.cases.getCase(record.id))?.status).toBe('open');
    expect((await world.storage.state.get<{ mode: string; mediatorNotes: string[] }>('web:rider-s'))).toMatchObject({ mode: 'bot', mediatorNotes: ['老板答应周五付'] });

    expect((await threadMessage('UGROUPED', '结案 已解决 工资已付', threadTs)).status).toBe(200);
    expect(await world.storage.cases.getCase(record.id)).toMatchObject({ status: 'closed', outcome: 'resolved' });
    expect((await webInbox(world.app, 'rider-s')).at(-1)?.meta.intent).toBe('case_closed');
  });

  it('keeps "备注：…" and "note: …" in a case thread as private notes, confirms in the thread and sends the worker nothing', async () => {
    const { record, threadTs } = await caseInSlack('rider-note');
    expect((await pressButton('UALLOWED', 'gongyou_take', record.id, threadTs)).status).toBe(200);
    const before = await webInbox(world.app, 'rider-note');
    posted = [];

    expect((await threadMessage('UALLOWED', '备注：工人说站长姓王，明天先给站点打电话', threadTs)).status).toBe(200);
    expect((await threadMessage('UALLOWED', 'note: called the station, no answer', threadTs)).status).toBe(200);
    const notes = (await world.storage.cases.getCase(record.id))?.privateNotes ?? [];
    expect(notes.map((n) => [n.by, n.text])).toEqual([
      ['slack:UALLOWED', '工人说站长姓王，明天先给站点打电话'],
      ['slack:UALLOWED', 'called the station, no answer'],
    ]);
    const confirmations = posted.filter((p) => p.method === 'chat.postMessage' && p.params.thread_ts === threadTs);
    expect(confirmations).toHaveLength(2);
    expect(confirmations[0].params.text).toContain('内部备注已存入案件，工人看不到');

    // the worker got nothing: not in their chat, not in the message log of their conversation
    expect(await webInbox(world.app, 'rider-note')).toEqual(before);
    const logged = await world.storage.messages.transcript(record.conversationKey);
    expect(logged.some((m) => m.message.text.includes('站长姓王') || m.message.text.includes('called the station'))).toBe(false);
    // the console's private notes show it, under the same store
    const packet = await world.wiring.desk.packet({ id: 'sup', name: 'sup', role: 'supervisor' }, record.id);
    expect(packet.privateNotes.map((n) => n.text)).toContain('工人说站长姓王，明天先给站点打电话');

    // an empty note is refused with how to write one; a reply that merely starts with "Note" still goes to the worker
    posted = [];
    expect((await threadMessage('UALLOWED', '备注：', threadTs)).status).toBe(200);
    expect(posted.find((p) => p.method === 'chat.postEphemeral')?.params.text).toContain('备注请写');
    expect((await world.storage.cases.getCase(record.id))?.privateNotes).toHaveLength(2);
    expect((await threadMessage('UALLOWED', 'Note that the deadline is Friday', threadTs)).status).toBe(200);
    expect((await webInbox(world.app, 'rider-note')).at(-1)).toMatchObject({ text: 'Note that the deadline is Friday', meta: { intent: 'mediator_message' } });
  });

  it('sends overdue cases to the supervisor channel after the grace period', async () => {
    await call(world.app, 'POST', '/api/web/messages', {}, { userId: 'rider-late', text: '转人工' });
    const record = (await world.storage.cases.listCases({ status: 'waiting' })).find((c) => c.userKey === 'web:rider-late')!;
    world.clock.advance(Math.ceil((Date.parse(record.dueAt) - world.clock.now().getTime()) / 60_000) + 1);
    await world.wiring.scheduler.tick();
    world.clock.advance(3 * 60);
    await world.wiring.scheduler.tick();
    const supervisor = await vi.waitFor(() => {
      const post = posted.find((p) => p.method === 'chat.postMessage' && p.params.channel === SUPERVISORS);
      if (!post) throw new Error('not posted yet');
      return post;
    });
    expect(supervisor.params.text).toContain(record.id);
  });
});

describe('Slack parity for crisis cases and evidence', () => {
  it('posts a crisis case with its priority and message, escalates it to supervisors after minutes, and links evidence through the audited route', async () => {
    await call(world.app, 'POST', '/api/web/messages', {}, { userId: 'rider-crisis', text: '活着没意思 不想活了' });
    const record = (await world.storage.cases.listCases({ status: 'waiting' })).find((c) => c.userKey === 'web:rider-crisis')!;
    const post = await vi.waitFor(() => {
      const found = posted.find((p) => p.method === 'chat.postMessage' && p.params.channel === CHANNEL && (p.params.text ?? '').includes(record.id));
      if (!found) throw new Error('not posted yet');
      return found;
    });
    expect(post.params.text).toContain('危机');
    expect(String(post.params.blocks)).toContain('crisis');
    expect(String(post.params.blocks)).toContain('不想活了');

    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const sha256 = await world.storage.blobs.put(png);
    await world.storage.cases.addEvidence(record.id, { sha256, name: 'scene.png', mimeType: 'image/png', size: png.length, receivedAt: world.clock.now().toISOString() }, 'test', world.clock.now());
    posted = [];
    expect((await pressButton('UALLOWED', 'gongyou_view', record.id, post.params.ts ?? '1.0')).status).toBe(200);
    const view = await vi.waitFor(() => {
      const found = posted.find((p) => p.method === 'chat.postEphemeral');
      if (!found) throw new Error('not posted yet');
      return found;
    });
    // absolute under PUBLIC_URL, so the link opens from Slack
    expect(view.params.text).toContain(`<https://gongyou.example.org/api/mediator/cases/${record.id}/evidence/${sha256.slice(0, 16)}|scene.png>`);

    posted = [];
    world.clock.advance(11);
    await world.wiring.scheduler.tick();
    const supervisor = await vi.waitFor(() => {
      const found = posted.find((p) => p.method === 'chat.postMessage' && p.params.channel === SUPERVISORS);
      if (!found) throw new Error('not posted yet');
      return found;
    });
    expect(supervisor.params.text).toContain(record.id);
  });
});

describe('thread commands', () => {
  it('tells release, close with outcome and note, and plain replies apart', () => {
    expect(parseThreadCommand('release')).toEqual({ kind: 'release' });
    expect(parseThreadCommand('释放 已谈妥')).toEqual({ kind: 'release', note: '已谈妥' });
    expect(parseThreadCommand('close arbitration 准备材料')).toEqual({ kind: 'close', outcome: 'referred_arbitration', note: '准备材料' });
    expect(parseThreadCommand('结案 法援')).toEqual({ kind: 'close', outcome: 'referred_legal_aid' });
    expect(parseThreadCommand('结案 随便')).toEqual({ kind: 'bad_close' });
    expect(parseThreadCommand('  您好，我是调解员 ')).toEqual({ kind: 'reply', text: '您好，我是调解员' });
  });

  it('tells a private note from a reply', () => {
    expect(parseThreadCommand('备注：站长姓王')).toEqual({ kind: 'note', text: '站长姓王' });
    expect(parseThreadCommand('备注 站长姓王')).toEqual({ kind: 'note', text: '站长姓王' });
    expect(parseThreadCommand('内部备注: 已报警')).toEqual({ kind: 'note', text: '已报警' });
    expect(parseThreadCommand('NOTE：called twice')).toEqual({ kind: 'note', text: 'called twice' });
    expect(parseThreadCommand('/note called twice')).toEqual({ kind: 'note', text: 'called twice' });
    expect(parseThreadCommand('备注')).toEqual({ kind: 'bad_note' });
    expect(parseThreadCommand('note:  ')).toEqual({ kind: 'bad_note' });
    expect(parseThreadCommand('Note that the deadline is Friday')).toEqual({ kind: 'reply', text: 'Note that the deadline is Friday' });
    expect(parseThreadCommand('备注一下：明天发')).toEqual({ kind: 'reply', text: '备注一下：明天发' });
  });
});
