/** A WeChat "platform" for tests: wechaty-puppet-mock's Mocker, with named workers and rooms and a log of what the bot said. */
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { FileBox } from 'file-box';
import type { SentMessage } from '../../contracts/adapter.contract.js';

type ContactMock = ReturnType<mock.Mocker['createContact']>;
type RoomMock = ReturnType<mock.Mocker['createRoom']>;

/** The mock platform, the bot's account on it, and helpers that speak as workers. */
export interface MockWechatPeer {
  mocker: mock.Mocker;
  puppet: PuppetMock;
  /** Log the bot's account in (call after the adapter started). */
  login(): void;
  botId(): string;
  contact(name: string): ContactMock;
  room(name: string): RoomMock;
  /** The worker says a text, privately or in a room (optionally @-ing the bot); returns the platform message id. */
  say(input: { user: string; text: string; room?: string; mentioned?: boolean }): string;
  /** The worker sends a photo privately; returns the platform message id. */
  sendPhoto(user: string, data: Buffer, name?: string): string;
  /** Deliver an earlier message again, as a puppet does after a reconnect. */
  redeliver(messageId: string): void;
  /** Everything the bot's account said, oldest first. */
  sent: SentMessage[];
}

/** Strip the "@name " Wechaty puts before a reply that @s a room member. */
function withoutLeadingMentions(text: string): string {
  return text.replace(/^(?:@[^\s\u2005]+[\s\u2005])+/, '');
}

/** Numbered options as WeChat shows them: "1. 欠薪". */
export function numberedChoices(text: string): Array<{ label: string }> {
  return [...text.matchAll(/^(\d+)\. (.+)$/gm)].map((match) => ({ label: match[2] }));
}

/** Build a fresh mock platform. */
export function createMockWechatPeer(): MockWechatPeer {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const contacts = new Map<string, ContactMock>();
  const rooms = new Map<string, RoomMock>();
  const sent: SentMessage[] = [];
  let botUser: ContactMock | undefined;

  const lastMessageId = () => [...mocker.cacheMessagePayload.keys()].at(-1)!;

  puppet.on('message', ({ messageId }) => {
    const payload = mocker.messagePayload(messageId);
    if (!botUser || payload.talkerId !== botUser.id) return;
    const text = withoutLeadingMentions(payload.text ?? '');
    sent.push({ to: payload.roomId ?? payload.listenerId ?? '', text, choices: numberedChoices(text), raw: payload });
  });

  const peer: MockWechatPeer = {
    mocker,
    puppet,
    sent,
    login() {
      botUser = mocker.createContact({ name: '工友' });
      mocker.login(botUser);
    },
    botId: () => botUser!.id,
    contact(name) {
      let contact = contacts.get(name);
      if (!contact) {
        contact = mocker.createContact({ name });
        contacts.set(name, contact);
      }
      return contact;
    },
    room(name) {
      let room = rooms.get(name);
      if (!room) {
        room = mocker.createRoom({ topic: name, memberIdList: [botUser!.id] });
        rooms.set(name, room);
      }
      return room;
    },
    say({ user, text, room, mentioned }) {
      const speaker = peer.contact(user);
      if (room) {
        const target = peer.room(room);
        const members = mocker.roomPayload(target.id).memberIdList;
        if (!members.includes(speaker.id)) mocker.roomPayload(target.id, { ...mocker.roomPayload(target.id), memberIdList: [...members, speaker.id] });
        speaker.say(mentioned ? `@工友\u2005${text}` : text, mentioned ? [mocker.ContactMock.load(botUser!.id)] : []).to(target);
      } else {
        speaker.say(text).to(mocker.ContactMock.load(botUser!.id));
      }
      return lastMessageId();
    },
    sendPhoto(user, data, name = 'photo.png') {
      // fromBase64 is one of the FileBox kinds the mock can carry across its JSON boundary.
      peer.contact(user).say(FileBox.fromBase64(data.toString('base64'), name)).to(mocker.ContactMock.load(botUser!.id));
      return lastMessageId();
    },
    redeliver(messageId) {
      puppet.emit('message', { messageId });
    },
  };
  return peer;
}
