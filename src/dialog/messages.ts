/** The dialog's own user-facing texts (zh-CN first, English second). */
import type { BiText } from '../core/i18n.js';

/** Texts used by the dialog middleware. */
export const M = {
  welcome: {
    'zh-CN':
      '您好，我是工会的“工友”助手。\n我可以：\n1. 帮您登记诉求（欠薪、工伤、罚款封号、合同、社保等），给您一个案件编号；\n2. 回答劳动权益问题，并告诉您法律依据；\n3. 帮您联系工会调解员。\n直接说说遇到了什么事就行，比如“站长两个月没结工资”。',
    en:
      'Hello, I am Gongyou, the union helper.\nI can:\n1. Register your problem (unpaid wages, injury, fines or account bans, contracts, social insurance…) and give you a case number;\n2. Answer questions about your rights, with the legal basis;\n3. Put you in touch with a union mediator.\nJust tell me what happened, e.g. "the station manager has not paid me for two months".',
  },
  help: {
    'zh-CN':
      '可以这样用：\n· 直接说遇到的问题，我帮您登记；\n· 问法律问题，比如“跑外卖摔伤了算工伤吗”；\n· “查进度”看您的案件；\n· “转人工”找调解员；\n· “取消”停止当前登记；\n· “我的数据”看我们存了您什么，“删除我的数据”删除；\n· “/lang en” 切换英文，“/lang zh” 切回中文。\n紧急情况请打 110（报警）或 120（急救）。',
    en:
      'How to use me:\n· Tell me your problem and I will register it;\n· Ask a legal question, e.g. "I fell while delivering, is that a work injury?";\n· "查进度" (progress) shows your cases;\n· "转人工" reaches a mediator;\n· "取消" stops the current form;\n· "我的数据" shows what we keep about you, "删除我的数据" deletes it;\n· "/lang zh" switches to Chinese, "/lang en" to English.\nIn an emergency call 110 (police) or 120 (ambulance).',
  },
  langSet: { 'zh-CN': '好的，以后用中文和您说。', en: 'OK, I will speak English from now on.' },
  langAsk: { 'zh-CN': '请选择语言：', en: 'Choose a language:' },
  nothingToCancel: { 'zh-CN': '现在没有进行中的登记。有什么可以帮您？', en: 'There is nothing in progress to cancel. How can I help?' },
  noCases: {
    'zh-CN': '您还没有登记过诉求。直接说说遇到的问题，我帮您登记。',
    en: 'You have no registered cases yet. Tell me your problem and I will register it.',
  },
  caseNotFound: {
    'zh-CN': '没有找到您名下编号为 {id} 的案件。请核对编号，或发送“查进度”查看您的全部案件。',
    en: 'No case {id} was found under your account. Please check the number, or send "查进度" to list all your cases.',
  },
  progressHeader: { 'zh-CN': '您的案件：', en: 'Your cases:' },
  progressLine: {
    'zh-CN': '{id}｜{category}｜{status}\n负责人：{owner}\n下一步：{next}{note}',
    en: '{id} | {category} | {status}\nHandled by: {owner}\nNext step: {next}{note}',
  },
  progressNote: { 'zh-CN': '\n最新说明：{note}', en: '\nLatest note: {note}' },
  ownerBot: { 'zh-CN': '等待分配工作人员', en: 'waiting for a staff member' },
  ownerStaff: { 'zh-CN': '工会工作人员 {name}', en: 'union staff {name}' },
  groupMoveToPrivate: {
    'zh-CN': '这个问题涉及个人情况，请私聊我登记，群里不方便说个人信息。',
    en: 'This involves your personal situation. Please message me privately; a group is not the place for personal details.',
  },
  groupNoCases: {
    'zh-CN': '为保护隐私，案件进度只在私聊里查看。请私聊我发送“查进度”。',
    en: 'To protect privacy, case progress is only shown in a private chat. Message me privately and send "查进度".',
  },
  evidenceSaved: {
    'zh-CN': '已收到 {count} 个文件，已保存到案件 {id} 的证据里（保存时间 {time}）。',
    en: 'Received {count} file(s) and added them to the evidence of case {id} (saved at {time}).',
  },
  evidenceNoCase: {
    'zh-CN': '已收到 {count} 个文件并保存。要不要现在登记诉求？登记后文件会一起交给工会。',
    en: 'Received and saved {count} file(s). Shall we register your problem now? The files will go to the union with it.',
  },
  startIntakeChoice: { 'zh-CN': '登记诉求', en: 'Register a problem' },
  askPerson: { 'zh-CN': '找调解员', en: 'Talk to a mediator' },
  detailsNoted: {
    'zh-CN': '收到，已记在案件 {id} 里，调解员接手时会看到。有法律问题也可以直接问我。',
    en: 'Got it. This is noted in case {id}; the mediator will see it when they take the case. You can still ask me legal questions.',
  },
  rephraseChoice: { 'zh-CN': '换个说法', en: 'Ask in other words' },
  notNow: { 'zh-CN': '先不用', en: 'Not now' },
  questionsAsked: { 'zh-CN': '问过的法律问题：{questions}', en: 'Legal questions asked: {questions}' },
  okNotNow: { 'zh-CN': '好的。有需要随时找我。', en: 'OK. I am here whenever you need me.' },
  resumeIntake: { 'zh-CN': '我们接着登记刚才的诉求：', en: 'Let us continue with your report:' },
  mediatorRelayed: {
    'zh-CN': '消息已转给调解员。',
    en: 'Your message has been passed to the mediator.',
  },
  rephrase: { 'zh-CN': '好的，请换个说法再问一次，尽量说清楚发生了什么、在哪个平台或站点。', en: 'OK, please ask again in other words: what happened, on which platform or station.' },
  justAsking: { 'zh-CN': '好的，不登记。有问题直接问我就行。', en: 'OK, nothing is registered. Just ask me anything.' },
  closedFollowUp: {
    'zh-CN': '这像是案件 {id}（{category}）的后续，那个案件已经结案了。要重新打开它，让工作人员接着处理吗？',
    en: 'This looks like a follow-up to case {id} ({category}), which was closed. Shall I reopen it so staff pick it up again?',
  },
  reopenChoice: { 'zh-CN': '重新打开案件', en: 'Reopen the case' },
  newQuestionChoice: { 'zh-CN': '不用，是新问题', en: 'No, a new question' },
  reopened: {
    'zh-CN': '案件 {id} 已重新打开，已通知之前处理的工作人员。有新情况直接在这里说。',
    en: 'Case {id} is reopened and the staff member who handled it has been told. Tell me anything new here.',
  },
  linkCode: {
    'zh-CN': '您的绑定码是 {code}，10 分钟内有效，只能用一次。\n请在另一个渠道（微信公众号、Telegram、网页等）对我发送“绑定 {code}”，两边就能看到同样的案件。不要把绑定码告诉别人。',
    en: 'Your linking code is {code}, valid once for 10 minutes.\nOn your other channel (WeChat, Telegram, web…) send me "绑定 {code}" and you will see the same cases on both. Do not give the code to anyone.',
  },
  linkDone: {
    'zh-CN': '绑定成功，现在 {count} 个渠道都能查看您的案件。不是您本人操作的话，请发送“解除绑定”。',
    en: 'Linked. Your cases are now visible from {count} channels. If this was not you, send "解除绑定".',
  },
  linkInvalid: { 'zh-CN': '绑定码不对或已失效，请在原来的渠道重新发送“绑定”获取新码。', en: 'That code is wrong or expired. Send "绑定" on your other channel to get a new one.' },
  linkSame: { 'zh-CN': '这个绑定码是在本渠道生成的，请到另一个渠道发送。', en: 'This code was issued on this channel; send it from your other channel.' },
  linkTooMany: {
    'zh-CN': '绑定码输错次数太多，为保护大家的信息，绑定已暂停，请 {minutes} 分钟后再试，并在原来的渠道重新获取绑定码。',
    en: 'Too many wrong linking codes. To protect everyone’s data, linking is paused: try again in {minutes} minutes with a new code from your other channel.',
  },
  unlinked: {
    'zh-CN': '已解除绑定：这个渠道不再和另外 {count} 个渠道共享案件，对方也会收到通知。',
    en: 'Unlinked: this channel no longer shares cases with the {count} other channel(s); they have been told.',
  },
  notLinked: { 'zh-CN': '这个渠道没有和其他渠道绑定。', en: 'This channel is not linked to any other channel.' },
  linkNotice: {
    'zh-CN': '通知：您的账号刚刚和 {channel} 上的账号绑定，两边可以看到同样的案件。如果不是您本人操作，请马上发送“解除绑定”。',
    en: 'Notice: your account was just linked with an account on {channel}; both now see the same cases. If this was not you, send "解除绑定" now.',
  },
  unlinkNotice: {
    'zh-CN': '通知：{channel} 上的账号已和您解除绑定，它不再能看到您的案件。',
    en: 'Notice: the account on {channel} was unlinked from yours and can no longer see your cases.',
  },
} satisfies Record<string, BiText>;

/** Category names shown to workers (one table, kept with the intake categories). */
export { CATEGORY_LABELS as CATEGORY_LABEL } from '../intake/categories.js';

/** Case status names shown to workers. */
export const STATUS_LABEL: Record<string, BiText> = {
  open: { 'zh-CN': '已登记，待工会审核', en: 'registered, awaiting review' },
  waiting: { 'zh-CN': '排队等待调解员', en: 'waiting for a mediator' },
  active: { 'zh-CN': '调解员处理中', en: 'a mediator is handling it' },
  closed: { 'zh-CN': '已结案', en: 'closed' },
};

/** Default next step per status. */
export const NEXT_STEP: Record<string, BiText> = {
  open: { 'zh-CN': '工会工作人员会在承诺时限内联系您', en: 'union staff will contact you within the promised time' },
  waiting: { 'zh-CN': '调解员接手后会在这里直接回复您', en: 'a mediator will reply here once they take the case' },
  active: { 'zh-CN': '请留意调解员的消息', en: 'watch for the mediator’s messages' },
  closed: { 'zh-CN': '如有新情况可以重新登记', en: 'register again if anything new happens' },
};
