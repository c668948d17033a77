/**
 * The case file a referral hands over (to 劳动保障监察, arbitration, legal aid,
 * a court): one self-contained HTML page, printable on A4, with no script.
 */
import type { CasePacket, MediatorOutcome } from '../core/mediator.js';
import { CATEGORY_LABELS as CATEGORY_LABEL } from '../intake/categories.js';
import { OUTCOME_LABEL, PRIORITY_LABEL, TIER_LABEL } from './texts.js';

/** Content-Security-Policy of the case file: its own inline styles, nothing else. */
export const CASE_FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'";

const PRINT_CSS = `
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#111;line-height:1.5}
h1{font-size:1.4em;margin:0 0 .3em}h2{font-size:1.1em;border-bottom:1px solid #999;margin-top:1.4em}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}
.muted{color:#555}.warn{color:#a00}.line{margin:.2em 0}.who{font-weight:bold}
@media print{body{margin:0}@page{size:A4;margin:18mm}h2{page-break-after:avoid}tr,.line{page-break-inside:avoid}}
`;

/** Escape text for HTML element and attribute content. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function both(text: { 'zh-CN': string; en: string }): string {
  return `${escapeHtml(text['zh-CN'])} <span class="muted">${escapeHtml(text.en)}</span>`;
}

function row(label: string, value: string): string {
  return `<tr><th>${label}</th><td>${value}</td></tr>`;
}

/** Render the case file; `generatedAt` and `by` say who printed it and when. */
export function renderCaseFile(packet: CasePacket, meta: { generatedAt: string; by: string; outcome?: string }): string {
  const item = packet.item;
  const category = CATEGORY_LABEL[item.category] ?? CATEGORY_LABEL.other;
  const outcome = meta.outcome && meta.outcome in OUTCOME_LABEL ? OUTCOME_LABEL[meta.outcome as MediatorOutcome] : undefined;
  const facts = packet.factLines.map((l) => row(escapeHtml(l.label['zh-CN']), escapeHtml(l.value['zh-CN']))).join('');
  const evidence = packet.evidence
    .map((e) => `<tr><td><a href="${escapeHtml(e.url)}">${escapeHtml(e.name ?? e.id)}</a></td><td>${escapeHtml(e.mimeType ?? '')}</td><td>${e.size}</td><td>${escapeHtml(e.receivedAt)}</td><td><code>${escapeHtml(e.sha256)}</code></td></tr>`)
    .join('');
  const unit = (c: CasePacket['citations'][number]): string => (c.unit === 'item' ? `第（${c.article}）项` : c.unit === 'section' ? `第 ${c.article} 部分` : `第 ${c.article} 条`);
  const citations = packet.citations.map((c) => `<li>《${escapeHtml(c.law)}》${unit(c)}</li>`).join('');
  const warnings = packet.warnings.map((w) => `<li class="warn">${escapeHtml(w)}</li>`).join('');
  const transcript = packet.transcript
    .map((l) => `<p class="line"><span class="muted">${escapeHtml(l.at.slice(0, 16).replace('T', ' '))}</span> <span class="who">${escapeHtml(l.authorName ?? l.author)}</span>: ${escapeHtml(l.text)}</p>`)
    .join('');
  const history = packet.escalation.history
    .map((h) => `<tr><td>${escapeHtml(h.at)}</td><td>${escapeHtml(h.actorName ?? h.actor)}</td><td>${escapeHtml(h.action)}</td></tr>`)
    .join('');
  const contact = packet.contact
    ? row('联系方式 Contact', escapeHtml([packet.contact.name, packet.contact.phone].filter(Boolean).join(' ')))
    : row('联系方式 Contact', packet.anonymous ? '匿名 anonymous' : '—');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>案件材料 Case file ${escapeHtml(item.id)}</title><style>${PRINT_CSS}</style></head>
<body>
<h1>工会调解案件材料 <span class="muted">Union mediation case file</span></h1>
<p class="muted">案件编号 Case ${escapeHtml(item.id)} · 生成 Generated ${escapeHtml(meta.generatedAt)} · ${escapeHtml(meta.by)}</p>
<h2>概况 Overview</h2>
<table>
${row('类别 Category', both(category))}
${row('优先级 Priority', both(PRIORITY_LABEL[item.priority]))}
${row('服务时限 Tier', `${both(TIER_LABEL[item.tier])} · 应答时间 due ${escapeHtml(item.dueAt)}`)}
${row('渠道 Channel', escapeHtml(item.channel))}
${row('转人工原因 Why escalated', escapeHtml(packet.escalation.origin ?? ''))}
${outcome ? row('结果 Outcome', both(outcome)) : ''}
${contact}
</table>
<h2>事实摘要 Summary</h2><p>${escapeHtml(packet.summary)}</p>
<h2>登记信息 Intake answers</h2><table>${facts || row('—', '—')}</table>
<h2>时效提醒 Deadline warnings</h2><ul>${warnings || '<li>—</li>'}</ul>
<h2>证据 Evidence</h2><p class="muted">文件链接需用调解员令牌访问（访问有记录）。Links need a mediator's token; every access is audited.</p><table><tr><th>文件 File</th><th>类型 Type</th><th>字节 Bytes</th><th>收到 Received</th><th>sha256</th></tr>${evidence}</table>
<h2>引用法条 Cited articles</h2><ul>${citations || '<li>—</li>'}</ul>
<h2>处理记录 History</h2><table><tr><th>时间 At</th><th>操作人 Actor</th><th>操作 Action</th></tr>${history}</table>
<h2>对话记录 Transcript</h2>${transcript}
</body></html>`;
}
