/**
 * Slack worker side through the real core: signed requests to POST
 * /slack/events on Gongyou's own HTTP app (Bolt verifies them), nock at
 * https://slack.com/api, the adapter made from SLACK_* variables.
 */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOT_TOKEN, mockSlackApi, signedSlackRequest, SIGNING_SECRET, TEAM_ID, BOT_USER_ID, type PostedMessage } from '../adapters/slack/slack-peer.js';
import { atLeast, startWorld, type IntegrationWorld } from './world.js';

const WORKER = 'U0RIDER01';
const DM = 'D0RIDER01';

/** A DM event as Slack sends it. */
function dmEvent(text: string, n: number): string {
  const ts = `1760598${String(100 + n)}.000${String(100 + n)}`;
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: TEAM_ID,
    api_app_id: 'A07GONGYOU1',
    type: 'event_callback',
    event_id: `Ev0INTEG${n}`,
    event_time: 1760598100 + n,
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }],
    event: { type: 'message', channel_type: 'im', channel: DM, user: WORKER, text, ts, event_ts: ts, client_msg_id: `msg-integration-${n}` },
  });
}

describe('Slack worker DMs against the real Gongyou', () => {
  let world: IntegrationWorld;
  let posted: PostedMessage[];
  // the adapter made by createConfiguredAdapters checks timestamps against the real clock
  const nowSec = () => Math.floor(Date.now() / 1000);
  const post = (body: string, secret?: string) => world.g.app.request(signedSlackRequest({ body, timestampSec: nowSec(), secret }));

  beforeEach(async () => {
    nock.disableNetConnect();
    posted = mockSlackApi();
    world = await startWorld({ env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET } });
  });
  afterEach(async () => {
    await world.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('answers a legal question in the DM with the articles it relies on', async () => {
    expect((await post(dmEvent('拖欠工资可以去哪里投诉？', 1))).status).toBe(200);
    const [answer] = await atLeast(1, () => posted);
    expect(answer.channel).toBe(DM);
    expect(answer.text).toMatch(/《[^》]+》第[一二三四五六七八九十百零]+条/);
    expect(answer.text).toMatch(/不是律师意见|仅供参考|法律信息/);
    const log = await world.g.storage.messages.transcript(`slack:${DM}`);
    expect(log.map((m) => m.direction)).toEqual(['in', 'out']);
    expect(log[1].message.meta.citations?.length ?? 0).toBeGreaterThan(0);
  });

  it('refuses a bad signature and a stale timestamp: nothing reaches the bot', async () => {
    const forged = await post(dmEvent('站长两个月没给我结工资了', 2), 'not-the-signing-secret');
    expect(forged.status).toBe(401);
    const stale = await world.g.app.request(signedSlackRequest({ body: dmEvent('站长两个月没给我结工资了', 3), timestampSec: nowSec() - 6 * 60 }));
    expect(stale.status).toBe(401);
    // a good message afterwards is answered; only it is in the log (turns of one DM run in order)
    expect((await post(dmEvent('你好', 4))).status).toBe(200);
    await atLeast(1, () => posted);
    const log = await world.g.storage.messages.transcript(`slack:${DM}`);
    expect(log.filter((m) => m.direction === 'in').map((m) => m.message.text)).toEqual(['你好']);
    expect(await world.g.storage.cases.listCasesByUser([`slack:${WORKER}`])).toEqual([]);
  });
});
