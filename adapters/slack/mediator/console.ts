/**
 * The Slack mediator console: each escalated case is posted to the mediator
 * channel with 接手/查看 buttons; the case's thread becomes the conversation
 * with the worker (replies go to the worker, the worker's messages come back
 * into the thread); "release"/"释放" and "close …"/"结案 …" act on the case, and
 * "备注：…"/"note: …" keeps a private note on it that the worker never sees.
 * The Slack adapter registers it on its Bolt App when given the `mediatorConsole`
 * option; it talks to the core only through MediatorActions.
 */
import type { App, types as SlackTypes, webApi } from '@slack/bolt';
import { GongyouError } from '../../../src/core/errors.js';
import type { MediatorActions, MediatorEvent, MediatorOutcome, QueueItem } from '../../../src/core/mediator.js';
import { MEDIATOR_OUTCOMES } from '../../../src/core/mediator.js';
import { parseThreadCommand } from './commands.js';
import { packetText } from './packet-text.js';
import { both, SLACK_TEXT } from './texts.js';

/** Where a case's Slack thread is. */
export interface SlackThreadRef {
  channel: string;
  ts: string;
}

/** Options of the Slack mediator console. */
export interface SlackMediatorConsoleOptions {
  desk: MediatorActions;
  /** SLACK_MEDIATOR_CHANNEL: where cases are posted and threads live. */
  channel: string;
  /** SLACK_SUPERVISOR_CHANNEL: where overdue cases go after the grace period. */
  supervisorChannel?: string;
  /** SLACK_MEDIATOR_USERS. */
  allowedUsers: string[];
  /** SLACK_MEDIATOR_GROUPS, checked through usergroups.users.list. */
  allowedGroups: string[];
  /** Durable key/value store for case ↔ thread links (survives restarts). */
  threads: { get<T>(key: string): Promise<T | undefined>; set<T>(key: string, value: T): Promise<void> };
  logger: { warn(obj: object, msg: string): void };
  /** PUBLIC_URL: the server's address, so evidence links (the audited API route, opened with a token) are absolute; unset, no links. */
  publicUrl?: string;
  /** Offset of local time from UTC in hours for due times (China: 8). */
  utcOffsetHours?: number;
  /**
   * Posts the desk's events (default `app.client`). The Slack adapter's App authorizes per event
   * and has no token of its own, so the adapter passes a client holding the bot token.
   */
  client?: webApi.WebClient;
}

const caseKey = (caseId: string) => `slack-mediator:case:${caseId}`;
const threadKey = (ts: string) => `slack-mediator:thread:${ts}`;

/** Register the console on a Bolt App; returns the function that stops forwarding events. */
export function registerSlackMediatorConsole(app: App, options: SlackMediatorConsoleOptions): () => void {
  const { desk } = options;
  const client = options.client ?? app.client;
  const local = (iso: string) =>
    new Date(Date.parse(iso) + (options.utcOffsetHours ?? 8) * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

  async function mayAct(user: string): Promise<boolean> {
    if (options.allowedUsers.includes(user)) return true;
    for (const usergroup of options.allowedGroups) {
      const res = await client.usergroups.users.list({ usergroup });
      if (res.users?.includes(user)) return true;
    }
    return false;
  }

  async function thread(caseId: string): Promise<SlackThreadRef | undefined> {
    return options.threads.get<SlackThreadRef>(caseKey(caseId));
  }

  async function postInThread(caseId: string, text: string, broadcast = false): Promise<void> {
    const ref = await thread(caseId);
    if (!ref) return;
    await client.chat.postMessage({ channel: ref.channel, thread_ts: ref.ts, text, reply_broadcast: broadcast });
  }

  async function tell(user: string, channel: string, threadTs: string | undefined, text: string): Promise<void> {
    await client.chat.postEphemeral({ channel, user, text, ...(threadTs ? { thread_ts: threadTs } : {}) });
  }

  function failure(err: unknown): string {
    if (err instanceof GongyouError && err.code === 'conflict') return both(SLACK_TEXT.conflict);
    return both(SLACK_TEXT.failed, { detail: err instanceof Error ? err.message : String(err) });
  }

  async function announce(item: QueueItem, reason: string): Promise<void> {
    const badge = item.priority === 'crisis' ? `🚨 *${both(SLACK_TEXT.crisis)}* · ` : item.priority === 'urgent' ? `❗ ${both(SLACK_TEXT.urgent)} · ` : '';
    const summary = item.priority === 'crisis' && item.summary ? `\n> ${item.summary}` : '';
    const line = `${badge}*${item.id}* · ${item.priority} · ${item.tier} · ⏰ ${local(item.dueAt)} · ${item.category} · ${item.channel} · ${reason}${item.collective ? ' · 👥 collective' : ''}${summary}`;
    const res = await client.chat.postMessage({
      channel: options.channel,
      text: `${item.priority === 'crisis' ? '🚨 ' + both(SLACK_TEXT.crisis) + ' ' : ''}${both(SLACK_TEXT.newCase)}: ${item.id}`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `${both(SLACK_TEXT.newCase)}\n${line}` } },
        {
          type: 'actions',
          block_id: `case:${item.id}`,
          elements: [
            { type: 'button', action_id: 'gongyou_take', text: { type: 'plain_text', text: `${SLACK_TEXT.take['zh-CN']} ${SLACK_TEXT.take.en}` }, style: 'primary', value: item.id },
            { type: 'button', action_id: 'gongyou_view', text: { type: 'plain_text', text: `${SLACK_TEXT.view['zh-CN']} ${SLACK_TEXT.view.en}` }, value: item.id },
          ],
        },
      ],
    });
    if (!res.ts) return;
    await options.threads.set(caseKey(item.id), { channel: res.channel ?? options.channel, ts: res.ts });
    await options.threads.set(threadKey(res.ts), item.id);
  }

  async function onEvent(event: MediatorEvent): Promise<void> {
    switch (event.type) {
      case 'queued': {
        await announce(event.item, event.reason);
        // the mediator who closed a case the worker reopened is told by name (a mention notifies them)
        const closer = event.closedBy ? await desk.slackUserOf(event.closedBy) : undefined;
        if (closer) await postInThread(event.caseId, `<@${closer}> ${both(SLACK_TEXT.reopenedByWorker, { id: event.caseId })}`);
        return;
      }
      case 'workerMessage': {
        const extra = event.attachments ? ` ${both(SLACK_TEXT.attachments, { count: String(event.attachments) })}` : '';
        return postInThread(event.caseId, `*${both(SLACK_TEXT.worker)}:* ${event.text}${extra}`);
      }
      case 'undeliverable':
        return postInThread(event.caseId, both(SLACK_TEXT.undeliverable, { reason: event.reason }), true);
      case 'released':
        return postInThread(event.caseId, both(SLACK_TEXT.released));
      case 'closed':
        return postInThread(event.caseId, both(SLACK_TEXT.closed, { outcome: event.outcome }));
      case 'reassigned':
        return postInThread(event.caseId, both(SLACK_TEXT.reassigned, { owner: event.owner ?? '' }));
      case 'overdue':
        if (event.stage === 'mediators') return postInThread(event.caseId, both(SLACK_TEXT.overdue, { id: event.caseId, due: local(event.dueAt) }), true);
        if (options.supervisorChannel) {
          await client.chat.postMessage({ channel: options.supervisorChannel, text: both(SLACK_TEXT.supervisor, { id: event.caseId, due: local(event.dueAt) }) });
        }
        return;
      default:
        return;
    }
  }

  const stop = desk.subscribe((event) => {
    onEvent(event).catch((err: unknown) => options.logger.warn({ err, caseId: event.caseId, type: event.type }, 'slack mediator post failed'));
  });

  /** Button or select: the case id, who pressed, and where. */
  function where(body: unknown): { user: string; channel: string; threadTs?: string } {
    const b = body as { user: { id: string }; channel?: { id: string }; message?: { ts?: string; thread_ts?: string } };
    return { user: b.user.id, channel: b.channel?.id ?? options.channel, threadTs: b.message?.thread_ts ?? b.message?.ts };
  }

  app.action('gongyou_take', async ({ ack, body, action }) => {
    await ack();
    const caseId = (action as { value?: string }).value ?? '';
    const at = where(body);
    if (!(await mayAct(at.user))) return tell(at.user, at.channel, at.threadTs, both(SLACK_TEXT.notAllowed));
    try {
      await desk.claim(await desk.actorForSlackUser(at.user), caseId);
      const ref = await thread(caseId);
      await client.chat.postMessage({
        channel: ref?.channel ?? at.channel,
        thread_ts: ref?.ts ?? at.threadTs,
        text: both(SLACK_TEXT.taken, { user: at.user }),
        blocks: caseControls(caseId, both(SLACK_TEXT.taken, { user: at.user })),
      });
    } catch (err) {
      await tell(at.user, at.channel, at.threadTs, failure(err));
    }
  });

  app.action('gongyou_view', async ({ ack, body, action }) => {
    await ack();
    const caseId = (action as { value?: string }).value ?? '';
    const at = where(body);
    if (!(await mayAct(at.user))) return tell(at.user, at.channel, at.threadTs, both(SLACK_TEXT.notAllowed));
    try {
      const packet = await desk.packet(await desk.actorForSlackUser(at.user), caseId);
      await tell(at.user, at.channel, at.threadTs, packetText(packet, local, options.publicUrl));
    } catch (err) {
      await tell(at.user, at.channel, at.threadTs, failure(err));
    }
  });

  app.action('gongyou_release', async ({ ack, body, action }) => {
    await ack();
    const at = where(body);
    if (!(await mayAct(at.user))) return tell(at.user, at.channel, at.threadTs, both(SLACK_TEXT.notAllowed));
    await desk.release(await desk.actorForSlackUser(at.user), (action as { value?: string }).value ?? '').catch((err: unknown) => tell(at.user, at.channel, at.threadTs, failure(err)));
  });

  app.action('gongyou_close', async ({ ack, body, action }) => {
    await ack();
    const at = where(body);
    if (!(await mayAct(at.user))) return tell(at.user, at.channel, at.threadTs, both(SLACK_TEXT.notAllowed));
    const [caseId, outcome] = ((action as { selected_option?: { value?: string } }).selected_option?.value ?? '').split('|');
    await desk.close(await desk.actorForSlackUser(at.user), caseId ?? '', outcome ?? '').catch((err: unknown) => tell(at.user, at.channel, at.threadTs, failure(err)));
  });

  app.message(async ({ message }) => {
    const m = message as { channel?: string; thread_ts?: string; ts?: string; user?: string; text?: string; subtype?: string; bot_id?: string };
    if (m.channel !== options.channel || !m.thread_ts || m.thread_ts === m.ts || m.subtype || m.bot_id || !m.user) return;
    const caseId = await options.threads.get<string>(threadKey(m.thread_ts));
    if (!caseId) return;
    if (!(await mayAct(m.user))) return tell(m.user, m.channel, m.thread_ts, both(SLACK_TEXT.notAllowed));
    const actor = await desk.actorForSlackUser(m.user);
    const command = parseThreadCommand(m.text ?? '');
    try {
      if (command.kind === 'release') await desk.release(actor, caseId, command.note);
      else if (command.kind === 'close') await desk.close(actor, caseId, command.outcome, command.note);
      else if (command.kind === 'bad_close') await tell(m.user, m.channel, m.thread_ts, both(SLACK_TEXT.unknownOutcome));
      else if (command.kind === 'note') {
        await desk.addPrivateNote(actor, caseId, command.text);
        await postInThread(caseId, both(SLACK_TEXT.noted, { user: m.user }));
      } else if (command.kind === 'bad_note') await tell(m.user, m.channel, m.thread_ts, both(SLACK_TEXT.emptyNote));
      else if (command.text) await desk.reply(actor, caseId, command.text);
    } catch (err) {
      await tell(m.user, m.channel, m.thread_ts, failure(err));
    }
  });

  return stop;
}

/** Release button and close menu shown in the thread after a take-over. */
function caseControls(caseId: string, text: string): SlackTypes.KnownBlock[] {
  return [
    { type: 'section', text: { type: 'mrkdwn', text } },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: 'gongyou_release', text: { type: 'plain_text', text: `${SLACK_TEXT.release['zh-CN']} ${SLACK_TEXT.release.en}` }, value: caseId },
        {
          type: 'static_select',
          action_id: 'gongyou_close',
          placeholder: { type: 'plain_text', text: `${SLACK_TEXT.closeAs['zh-CN']} ${SLACK_TEXT.closeAs.en}` },
          options: MEDIATOR_OUTCOMES.map((o: MediatorOutcome) => ({ text: { type: 'plain_text', text: o }, value: `${caseId}|${o}` })),
        },
      ],
    },
  ];
}
