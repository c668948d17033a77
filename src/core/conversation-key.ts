/**
 * Conversation keys are plain strings: `<channel>:<chatId>` for a private chat,
 * `<channel>:room:<roomId>:user:<userId>` for one member of a group chat.
 * Ids are percent-encoded so a `:` inside a platform id cannot break the round trip.
 */

/** The parts a conversation key is made of. */
export interface ConversationKeyParts {
  channel: string;
  /** Private chat id (or the user id where the platform has no chat id). */
  chatId?: string;
  /** Group chat id. */
  roomId?: string;
  /** The member of the group this conversation is with. */
  userId?: string;
}

const enc = (s: string) => encodeURIComponent(s);
const dec = (s: string) => decodeURIComponent(s);

/** Build a conversation key from its parts. */
export function formatConversationKey(parts: ConversationKeyParts): string {
  if (!/^[a-z][a-z0-9_-]*$/.test(parts.channel)) throw new Error(`bad channel name: ${parts.channel}`);
  if (parts.roomId !== undefined) {
    if (parts.userId === undefined) throw new Error('a room conversation needs a userId');
    return `${parts.channel}:room:${enc(parts.roomId)}:user:${enc(parts.userId)}`;
  }
  if (parts.chatId === undefined) throw new Error('a private conversation needs a chatId');
  return `${parts.channel}:${enc(parts.chatId)}`;
}

/** Split a conversation key back into its parts; throws on a malformed key. */
export function parseConversationKey(key: string): ConversationKeyParts {
  const m = /^([a-z][a-z0-9_-]*):room:([^:]+):user:([^:]+)$/.exec(key);
  if (m) return { channel: m[1], roomId: dec(m[2]), userId: dec(m[3]) };
  const p = /^([a-z][a-z0-9_-]*):([^:]+)$/.exec(key);
  if (p) return { channel: p[1], chatId: dec(p[2]) };
  throw new Error(`malformed conversation key: ${key}`);
}

/** True when the key names one member of a group chat. */
export function isGroupConversation(key: string): boolean {
  return /^[a-z][a-z0-9_-]*:room:/.test(key);
}
