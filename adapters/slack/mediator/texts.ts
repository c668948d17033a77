/** What mediators read in Slack: Chinese first, English after, on one line each. */
import type { BiText } from '../../../src/core/i18n.js';

/** Render a text in both languages on one line (Slack staff read either). */
export function both(text: BiText, vars: Record<string, string> = {}): string {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
  return `${fill(text['zh-CN'])} / ${fill(text.en)}`;
}

/** Texts of the Slack mediator console. */
export const SLACK_TEXT = {
  crisis: { 'zh-CN': '危机案件，请立即接手', en: 'Crisis case, take it now' },
  urgent: { 'zh-CN': '紧急', en: 'urgent' },
  newCase: { 'zh-CN': '新的转人工案件', en: 'New case for a mediator' },
  take: { 'zh-CN': '接手', en: 'Take over' },
  view: { 'zh-CN': '查看', en: 'View' },
  release: { 'zh-CN': '交还机器人', en: 'Release' },
  closeAs: { 'zh-CN': '结案为…', en: 'Close as…' },
  notAllowed: { 'zh-CN': '您不在调解员名单中，不能操作案件。', en: 'You are not on the mediator list, so you cannot act on cases.' },
  taken: {
    'zh-CN': '<@{user}> 已接手。在本线程回复的内容会发给工人；以“备注：”开头的只存为内部备注，工人看不到。',
    en: '<@{user}> took over. Replies in this thread go to the worker; one starting with "note:" is kept as a private note the worker does not see.',
  },
  conflict: { 'zh-CN': '这个案件已由其他调解员接手。', en: 'Another mediator already has this case.' },
  released: { 'zh-CN': '已交还机器人。', en: 'Handed back to the bot.' },
  undeliverable: {
    'zh-CN': '⚠️ 消息没能送到工人（{reason}）。已保存，等工人下次发消息时自动补发；急事请打电话。',
    en: '⚠️ A message could not reach the worker ({reason}). It is kept and will be sent when the worker next writes; call if urgent.',
  },
  closed: { 'zh-CN': '已结案：{outcome}', en: 'Closed: {outcome}' },
  reopenedByWorker: { 'zh-CN': '你结案的 {id} 被工人重新打开了，请看看有什么新情况。', en: 'The worker reopened {id}, which you closed: please see what is new.' },
  reassigned: { 'zh-CN': '已改派给 {owner}', en: 'Reassigned to {owner}' },
  worker: { 'zh-CN': '工人', en: 'Worker' },
  attachments: { 'zh-CN': '（附件 {count} 个，已存入案件）', en: '({count} attachments, saved to the case)' },
  overdue: { 'zh-CN': '⚠️ 案件 {id} 已超过应答时间（{due}），请尽快接手。', en: '⚠️ Case {id} is past its due time ({due}); please take it.' },
  supervisor: { 'zh-CN': '⚠️ 督办：案件 {id} 超时仍未处理（应答时间 {due}）。', en: '⚠️ Supervisor: case {id} is still not handled (due {due}).' },
  evidenceLinks: { 'zh-CN': '证据（打开链接需要调解员访问令牌）：', en: 'Evidence (the links need a staff access token):' },
  evidenceNoLinks: {
    'zh-CN': '证据：服务器没有设置 PUBLIC_URL，无法在 Slack 里给出链接，请到网页工作台查看。',
    en: 'Evidence: the server has no PUBLIC_URL set, so Slack cannot link it; open it in the web console.',
  },
  openConsole: { 'zh-CN': '在网页工作台打开', en: 'Open in the web console' },
  noted: {
    'zh-CN': '🔒 <@{user}> 的内部备注已存入案件，工人看不到。',
    en: '🔒 <@{user}>’s private note is saved with the case; the worker does not see it.',
  },
  emptyNote: { 'zh-CN': '备注请写：备注：内容', en: 'To keep a private note write: note: your text' },
  failed: { 'zh-CN': '没有成功：{detail}', en: 'That did not work: {detail}' },
  unknownOutcome: {
    'zh-CN': '结案请写：结案 已解决/监察/仲裁/法援/法院/撤回/无回应 [说明]',
    en: 'To close write: close resolved|inspection|arbitration|legal_aid|court|withdrawn|no_response [note]',
  },
} satisfies Record<string, BiText>;
