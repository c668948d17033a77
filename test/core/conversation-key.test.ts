import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatConversationKey, isGroupConversation, parseConversationKey } from '../../src/core/conversation-key.js';

describe('conversation keys', () => {
  it('formats private and group keys as plain strings', () => {
    expect(formatConversationKey({ channel: 'telegram', chatId: '123' })).toBe('telegram:123');
    expect(formatConversationKey({ channel: 'wechat', roomId: 'abc', userId: 'xyz' })).toBe('wechat:room:abc:user:xyz');
    expect(isGroupConversation('wechat:room:abc:user:xyz')).toBe(true);
    expect(isGroupConversation('telegram:123')).toBe(false);
  });

  it('round-trips any ids, including ones with colons and Chinese', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('web', 'telegram', 'slack', 'wechat'),
        fc.string({ minLength: 1 }),
        fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
        (channel, id, room) => {
          const parts = room === undefined ? { channel, chatId: id } : { channel, roomId: room, userId: id };
          expect(parseConversationKey(formatConversationKey(parts))).toEqual(parts);
        },
      ),
    );
    const odd = { channel: 'slack', chatId: 'T1:D2 工友' };
    expect(parseConversationKey(formatConversationKey(odd))).toEqual(odd);
  });

  it('rejects malformed keys and parts', () => {
    expect(() => parseConversationKey('nochannel')).toThrow(/malformed/);
    expect(() => formatConversationKey({ channel: 'Bad Channel', chatId: '1' })).toThrow(/bad channel/);
    expect(() => formatConversationKey({ channel: 'wechat', roomId: 'r' })).toThrow(/userId/);
  });
});
