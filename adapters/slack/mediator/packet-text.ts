/** A case as one Slack message for the mediator who pressed 查看 (ephemeral), evidence linked absolutely. */
import type { CasePacket } from '../../../src/core/mediator.js';
import { both, SLACK_TEXT } from './texts.js';

/** The packet as one Slack message; `publicUrl` (PUBLIC_URL) makes links absolute, and without it there are none. */
export function packetText(packet: CasePacket, local: (iso: string) => string, publicUrlSetting?: string): string {
  const publicUrl = publicUrlSetting?.trim().replace(/\/+$/, '') || undefined;
  const item = packet.item;
  const lines = [
    `*${item.id}* · ${item.priority} · ${item.status} · ${item.tier} · ⏰ ${local(item.dueAt)} · ${item.category} · ${item.channel}`,
    packet.summary ? `> ${packet.summary}` : '',
    ...Object.entries(packet.facts).map(([k, v]) => `• ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`),
    packet.warnings.length ? `⚠️ ${packet.warnings.join('；')}` : '',
    packet.citations.length ? `📖 ${packet.citations.map((c) => `《${c.law}》${c.unit === 'item' ? `第（${c.article}）项` : c.unit === 'section' ? `第${c.article}部分` : `第${c.article}条`}`).join('，')}` : '',
    ...evidenceLines(packet.evidence, publicUrl),
    ...packet.transcript.slice(-10).map((l) => `${local(l.at)} ${l.author}: ${l.text}`),
    publicUrl ? `🔗 <${publicUrl}/console|${both(SLACK_TEXT.openConsole)}>` : '',
  ];
  return lines.filter(Boolean).join('\n');
}

/**
 * Evidence as links to the audited evidence route, made absolute with PUBLIC_URL so they open from
 * Slack; without PUBLIC_URL a relative link would lead nowhere, so the names come with a line saying why.
 */
function evidenceLines(evidence: CasePacket['evidence'], publicUrl?: string): string[] {
  if (!evidence.length) return [];
  const lines = evidence.map((e) => {
    const name = slackEscape(e.name ?? e.id);
    const about = `(${e.mimeType ?? ''}, ${e.size} B)`;
    return publicUrl ? `📎 <${publicUrl}${e.url}|${name}> ${about}` : `📎 ${name} ${about}`;
  });
  return [both(publicUrl ? SLACK_TEXT.evidenceLinks : SLACK_TEXT.evidenceNoLinks), ...lines];
}

/** Slack mrkdwn reads &, < and > as markup; a worker's file name must not end a link early. */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
