/** The shared adapter contract, run against the Slack adapter: signed posts to /slack/events, nock as the Web API. */
import nock from 'nock';
import type { HttpRoute } from '../../../src/core/types.js';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js';
import { describeAdapterContract, type AdapterContractHarness, type PlatformDelivery } from '../../contracts/adapter.contract.js';
import { BOT_TOKEN, BOT_USER_ID, buttonsOf, interactivityBody, mockSlackApi, signedSlackRequest, TEAM_ID, type PostedMessage } from './slack-peer.js';

const NOW_SEC = 1_760_600_000;
const USERS: Record<string, { id: string; dm: string }> = { alice: { id: 'U0ALICE01', dm: 'D0ALICE01' }, bob: { id: 'U0BOB0001', dm: 'D0BOB0001' } };
const ROOMS: Record<string, string> = { drivers: 'C0DRIVERS' };

interface SentRequest {
  body: string;
  contentType: string;
}

function slackHarness(): AdapterContractHarness {
  let adapter: SlackAdapter;
  let route: HttpRoute;
  let posted: PostedMessage[];
  let seq = 0;
  const ts = () => `${NOW_SEC - 10}.${String(++seq).padStart(6, '0')}`;

  const send = async (request: SentRequest, headers: Record<string, string> = {}): Promise<PlatformDelivery> => {
    const response = await route.handle(signedSlackRequest({ body: request.body, contentType: request.contentType, timestampSec: NOW_SEC, headers }));
    return { acknowledged: response.status === 200, ref: request };
  };
  const eventCallback = (event: Record<string, unknown>): SentRequest => ({
    contentType: 'application/json',
    body: JSON.stringify({
      token: 'verification-token-unused',
      team_id: TEAM_ID,
      api_app_id: 'A07GONGYOU1',
      event,
      type: 'event_callback',
      event_id: `Ev0CONTRACT${seq}`,
      event_time: NOW_SEC - 10,
      authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    }),
  });

  return {
    channel: 'slack',
    async start(bot) {
      nock.disableNetConnect();
      posted = mockSlackApi();
      adapter = createSlackAdapter({ botToken: 'xoxb-1111111111-2222222222222-gongyouTestToken', signingSecret: '8f742231b10e8888abcd99yyyzzz85a5', clock: { now: () => new Date(NOW_SEC * 1000) }, sleep: async () => {} });
      route = adapter.routes![0];
      await adapter.start(bot);
      return adapter;
    },
    async stop() {
      await adapter.stop();
      nock.cleanAll();
      nock.enableNetConnect();
    },
    async deliverText({ user, text, room, mentioned }) {
      const who = USERS[user];
      const stamp = ts();
      const base = { user: who.id, ts: stamp, event_ts: stamp, client_msg_id: `c0ffee00-0000-4000-8000-${String(seq).padStart(12, '0')}`, team: TEAM_ID };
      if (!room) return send(eventCallback({ ...base, type: 'message', text, channel: who.dm, channel_type: 'im' }));
      const body = mentioned ? `<@${BOT_USER_ID}> ${text}` : text;
      const channelMessage = await send(eventCallback({ ...base, type: 'message', text: body, channel: ROOMS[room], channel_type: 'channel' }));
      // Slack sends a mention twice (message.channels and app_mention); the core must see it once, as a mention
      return mentioned ? send(eventCallback({ ...base, type: 'app_mention', text: body, channel: ROOMS[room] })) : channelMessage;
    },
    async deliverPhoto({ user, data, caption }) {
      const who = USERS[user];
      const stamp = ts();
      const filePath = `/files-pri/${TEAM_ID}-F0PHOTO${seq}/download/photo.png`;
      nock('https://files.slack.com', { reqheaders: { authorization: `Bearer ${BOT_TOKEN}` } })
        .get(filePath)
        .reply(200, data, { 'content-type': 'image/png', 'content-length': String(data.length) });
      return send(
        eventCallback({
          type: 'message',
          subtype: 'file_share',
          user: who.id,
          text: caption ?? '',
          ts: stamp,
          event_ts: stamp,
          channel: who.dm,
          channel_type: 'im',
          files: [{ id: `F0PHOTO${seq}`, name: 'photo.png', mimetype: 'image/png', size: data.length, mode: 'hosted', url_private_download: `https://files.slack.com${filePath}` }],
        }),
      );
    },
    pressButton({ user, choiceId, on }) {
      const message = on.raw as PostedMessage & { ts?: string };
      const button = buttonsOf(message).find((b) => b.id === choiceId);
      const stamp = ts();
      return send({
        contentType: 'application/x-www-form-urlencoded',
        body: interactivityBody({
          type: 'block_actions',
          user: { id: USERS[user].id, username: user, team_id: TEAM_ID },
          api_app_id: 'A07GONGYOU1',
          container: { type: 'message', message_ts: stamp, channel_id: message.channel, is_ephemeral: false },
          trigger_id: `trigger.${seq}`,
          team: { id: TEAM_ID, domain: 'union-helpdesk' },
          channel: { id: message.channel, name: 'directmessage' },
          message: { type: 'message', user: BOT_USER_ID, ts: stamp, text: message.text, blocks: message.blocks },
          actions: [{ action_id: button?.actionId, block_id: 'c1', text: { type: 'plain_text', text: button?.label }, value: button?.id, type: 'button', action_ts: `${NOW_SEC}.${seq}` }],
        }),
      });
    },
    redeliver(delivery) {
      return send(delivery.ref as SentRequest, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    },
    async received() {
      return posted.map((message) => ({ to: message.channel, text: message.text, choices: buttonsOf(message).map(({ id, label }) => ({ id, label })), raw: message }));
    },
  };
}

describeAdapterContract('slack', slackHarness);
