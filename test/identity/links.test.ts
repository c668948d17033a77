/** Identity linking cannot be guessed (issue 16): long codes, limits per identity, source and code, notices, undo. */
import { describe, expect, it } from 'vitest';
import type { ConversationStateStore } from '../../src/core/ports.js';
import { IdentityLinks, LINK_CODE_ALPHABET, LINK_LIMITS, normaliseLinkCode } from '../../src/identity/links.js';

function memoryStore(): ConversationStateStore {
  const map = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => structuredClone(map.get(key)) as T | undefined,
    set: async (key, value) => void map.set(key, structuredClone(value)),
    delete: async (key) => void map.delete(key),
  };
}

function setup() {
  let now = Date.parse('2101-01-01T08:00:00Z');
  const clock = { now: () => new Date(now) };
  const notices: Array<[string, string, string]> = [];
  const links = new IdentityLinks(memoryStore(), clock, async (conversation, event, other) => void notices.push([conversation, event, other]));
  return { links, notices, advance: (ms: number) => (now += ms) };
}

/** A wrong code of the right shape. */
const wrongCode = (i: number) => `ZZZZ${String(i % 10_000).padStart(4, '2').replace(/[01]/g, '2')}`;

describe('identity linking', () => {
  it('issues 8-character codes from an alphabet without look-alikes, different every time', async () => {
    const { links } = setup();
    const codes = new Set<string>();
    for (let i = 0; i < 50; i++) codes.add(normaliseLinkCode(await links.issueCode(`web:u${i}`)));
    expect(codes.size).toBe(50);
    for (const code of codes) {
      expect(code).toHaveLength(8);
      for (const ch of code) expect(LINK_CODE_ALPHABET).toContain(ch);
      expect(code).not.toMatch(/[01OIL]/);
    }
  });

  it('links with the code (any case, with or without the dash), tells the issuer, and either side can undo it', async () => {
    const { links, notices } = setup();
    const code = await links.issueCode('web:a', 'web:a');
    const result = await links.redeem({ userKey: 'telegram:1', conversationKey: 'telegram:1' }, code.toLowerCase().replace('-', ' '));
    expect(result).toEqual({ ok: true, linked: ['telegram:1', 'web:a'] });
    expect(notices).toEqual([['web:a', 'linked', 'telegram:1']]);
    expect(await links.linkedUserKeys('web:a')).toEqual(['telegram:1', 'web:a']);
    // the issuer undoes it: the other side is told
    expect(await links.unlink('web:a')).toEqual(['telegram:1']);
    expect(await links.linkedUserKeys('telegram:1')).toEqual(['telegram:1']);
    expect(notices.at(-1)).toEqual(['telegram:1', 'unlinked', 'web:a']);
    // and the code was one-time
    expect(await links.redeem({ userKey: 'slack:x' }, code)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('the redeeming side may undo it too', async () => {
    const { links, notices } = setup();
    const code = await links.issueCode('web:a', 'web:a');
    await links.redeem({ userKey: 'telegram:1', conversationKey: 'telegram:1' }, code);
    expect(await links.unlink('telegram:1')).toEqual(['web:a']);
    expect(await links.linkedUserKeys('web:a')).toEqual(['web:a']);
    expect(notices.at(-1)).toEqual(['web:a', 'unlinked', 'telegram:1']);
  });

  it('locks an identity out after 5 wrong codes, even the right code then, and says for how long', async () => {
    const { links, advance } = setup();
    const code = await links.issueCode('web:victim', 'web:victim');
    for (let i = 0; i < LINK_LIMITS.identity.failures - 1; i++) {
      expect(await links.redeem({ userKey: 'web:attacker' }, wrongCode(i))).toMatchObject({ reason: 'invalid' });
    }
    expect(await links.redeem({ userKey: 'web:attacker' }, wrongCode(99))).toMatchObject({ reason: 'too_many_attempts', retryAfterMinutes: 15 });
    expect(await links.redeem({ userKey: 'web:attacker' }, code)).toMatchObject({ reason: 'too_many_attempts' });
    expect(await links.linkedUserKeys('web:victim')).toEqual(['web:victim']);
    advance(LINK_LIMITS.identity.windowMs + 1000);
    expect(await links.redeem({ userKey: 'web:attacker' }, wrongCode(100))).toMatchObject({ reason: 'invalid' });
  });

  it('limits one source across many throwaway identities', async () => {
    const { links } = setup();
    const code = await links.issueCode('web:victim', 'web:victim');
    const results = [];
    for (let i = 0; i < LINK_LIMITS.source.failures + 5; i++) {
      results.push(await links.redeem({ userKey: `web:throwaway${i}`, source: '203.0.113.9' }, wrongCode(i)));
    }
    expect(results.filter((r) => !r.ok && r.reason === 'too_many_attempts').length).toBeGreaterThanOrEqual(5);
    expect(await links.redeem({ userKey: 'web:fresh', source: '203.0.113.9' }, code)).toMatchObject({ reason: 'too_many_attempts' });
    // another address is not affected
    expect(await links.redeem({ userKey: 'web:owner-phone', source: '198.51.100.7' }, code)).toMatchObject({ ok: true });
  });

  it('pauses redeeming for everyone when wrong codes pour in from everywhere, and voids a code refused 3 times', async () => {
    const { links } = setup();
    for (let i = 0; i < LINK_LIMITS.global.failures; i++) await links.redeem({ userKey: `web:bot${i}`, source: `10.0.${i >> 8}.${i & 255}` }, wrongCode(i));
    const code = await links.issueCode('web:a', 'web:a');
    expect(await links.redeem({ userKey: 'telegram:1' }, code)).toMatchObject({ reason: 'too_many_attempts', retryAfterMinutes: 10 });

    const other = setup();
    const own = await other.links.issueCode('web:b', 'web:b');
    for (let i = 0; i < LINK_LIMITS.code.failures; i++) expect(await other.links.redeem({ userKey: 'web:b' }, own)).toMatchObject({ reason: 'same_identity' });
    expect(await other.links.redeem({ userKey: 'telegram:2' }, own)).toMatchObject({ reason: 'invalid' });
  });

  it('a 6-digit guess from the old scheme links nothing', async () => {
    const { links } = setup();
    await links.issueCode('web:a', 'web:a');
    expect(await links.redeem({ userKey: 'telegram:1' }, '123456')).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
