/** The case as Slack shows it on 查看: evidence links are absolute with PUBLIC_URL, and without it the message says why there are none. */
import { describe, expect, it } from 'vitest';
import type { CasePacket } from '../../../src/core/mediator.js';
import { packetText } from '../../../adapters/slack/mediator/packet-text.js';

const local = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function packet(evidenceName = '罚款截图.png'): CasePacket {
  return {
    item: {
      id: 'GY-2026-000042', status: 'waiting', priority: 'normal', tier: 'same_day', dueAt: '2026-03-16T10:00:00.000Z', category: 'wages',
      channel: 'web', waitingSince: '2026-03-16T02:00:00.000Z', waitedMinutes: 0, overdue: false, collective: false,
    },
    summary: '站长拖欠工资', facts: {}, factLines: [], citations: [], transcript: [], escalation: { history: [] }, warnings: [],
    anonymous: false, privateNotes: [], labels: [], locale: 'zh-CN',
    evidence: [{ id: 'abcdef0123456789', url: '/api/mediator/cases/GY-2026-000042/evidence/abcdef0123456789', sha256: 'ab'.repeat(32), name: evidenceName, mimeType: 'image/png', size: 120, receivedAt: '2026-03-16T02:00:00.000Z' }],
  };
}

describe('Slack case view', () => {
  it('links evidence and the console absolutely under PUBLIC_URL, with or without a trailing slash or a path', () => {
    for (const base of ['https://gongyou.example.org', 'https://gongyou.example.org/']) {
      const text = packetText(packet(), local, base);
      expect(text).toContain('<https://gongyou.example.org/api/mediator/cases/GY-2026-000042/evidence/abcdef0123456789|罚款截图.png>');
      expect(text).toContain('<https://gongyou.example.org/console|');
      expect(text).toContain('访问令牌');
    }
    expect(packetText(packet(), local, 'https://union.example.org/gongyou/')).toContain('<https://union.example.org/gongyou/api/mediator/cases/');
  });

  it('without PUBLIC_URL names the files, says why there is no link, and gives no relative link', () => {
    const text = packetText(packet(), local, undefined);
    expect(text).toContain('罚款截图.png');
    expect(text).toContain('PUBLIC_URL');
    expect(text).toContain('网页工作台');
    expect(text).not.toContain('/api/mediator/cases/');
    expect(text).not.toMatch(/<[^>]*\|/);
    expect(packetText(packet(), local, '  ')).toBe(text);
  });

  it('keeps a worker’s file name from breaking the link', () => {
    const text = packetText(packet('a>b|c<d&.png'), local, 'https://gongyou.example.org');
    expect(text).toContain('|a&gt;b|c&lt;d&amp;.png>');
  });
});
