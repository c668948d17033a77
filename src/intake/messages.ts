/** Everything intake says to a worker, Chinese first, written for a phone screen. */
import type { BiText } from '../core/i18n.js';

/** Intake texts by purpose. */
export const INTAKE_TEXT = {
  intro: {
    'zh-CN': '好的，我来帮您登记这个问题，会问几个简单的问题。随时可以回复“帮助”“改一下”“取消”。',
    en: 'OK, I will help you register this problem with a few short questions. You can reply "help", "change" or "cancel" at any time.',
  },
  confirmCategory: { 'zh-CN': '听起来是“{category}”方面的问题，对吗？', en: 'This sounds like "{category}". Is that right?' },
  chooseCategory: { 'zh-CN': '您遇到的是哪一类问题？选一个最接近的。', en: 'Which kind of problem is it? Pick the closest one.' },
  categoryChosen: { 'zh-CN': '好的，按“{category}”登记。', en: 'OK, registering it as "{category}".' },
  categoryFallback: {
    'zh-CN': '我先按“其他问题”登记，调解员看了会再归类。',
    en: 'I will register it as "Something else" for now; a mediator will sort it.',
  },
  yes: { 'zh-CN': '对', en: 'Yes' },
  noOtherCategory: { 'zh-CN': '不对，换一类', en: 'No, another kind' },
  progress: { 'zh-CN': '（第{n}/{total}题）', en: ' (question {n} of {total})' },
  example: { 'zh-CN': '比如：{example}', en: 'For example: {example}' },
  skipHint: { 'zh-CN': '不知道可以回复“跳过”。', en: 'If you do not know, reply "skip".' },
  notSure: { 'zh-CN': '不清楚', en: 'Not sure' },
  notUnderstood: { 'zh-CN': '抱歉，这个回答我没看懂。', en: 'Sorry, I did not understand that answer.' },
  noText: { 'zh-CN': '没收到文字内容。', en: 'I did not get any words.' },
  gaveUp: {
    'zh-CN': '这一项我先记下您的原话，调解员会再和您确认。',
    en: 'I have noted your own words for this one; a mediator will check it with you.',
  },
  required: { 'zh-CN': '这一项需要填写，才能帮您处理。', en: 'This one is needed so we can help.' },
  skipped: { 'zh-CN': '好的，跳过这一项。', en: 'OK, skipping this one.' },
  evidenceReceived: {
    'zh-CN': '收到{n}个文件，已保存，会放进您的案件材料里。',
    en: 'Received {n} file(s); saved with your case.',
  },
  consent: {
    'zh-CN': '为了让调解员能打电话联系您，想请您留一个手机号。号码只用来处理这件事，不会公开。也可以不留，匿名登记，我们就在这里回复您。愿意留手机号吗？',
    en: 'So a mediator can call you, we would like your mobile number. It is used only for this matter and never made public. You may also register anonymously and we will reply here. Will you leave your number?',
  },
  consentYes: { 'zh-CN': '愿意，留手机号', en: 'Yes, leave my number' },
  consentNo: { 'zh-CN': '不留，匿名登记', en: 'No, register anonymously' },
  anonymous: { 'zh-CN': '好的，匿名登记，不留电话。', en: 'OK, registering anonymously without a phone number.' },
  askPhone: { 'zh-CN': '请发您的手机号（11位）。', en: 'Please send your mobile number (11 digits).' },
  phoneExample: { 'zh-CN': '13812345678', en: '13812345678' },
  idNotNeeded: {
    'zh-CN': '您发的内容里像是有身份证号。现在不需要身份证号，已经把它隐去，没有保存，请不要发。',
    en: 'Your message seems to contain an ID number. We do not need it now; it was masked and not kept. Please do not send it.',
  },
  askName: {
    'zh-CN': '怎么称呼您？写个姓就行，比如“王师傅”。不想说可以回复“跳过”。',
    en: 'How should we address you? A surname is enough, e.g. "Mr Wang". Reply "skip" if you prefer not to say.',
  },
  summaryIntro: { 'zh-CN': '请核对一下要登记的内容：', en: 'Please check what will be registered:' },
  summaryOutro: {
    'zh-CN': '没问题就点“确认提交”，要改就点“修改”。还想补充的，直接发过来。',
    en: 'If it is right, choose "Submit"; to change something, choose "Change". To add anything, just send it.',
  },
  submit: { 'zh-CN': '确认提交', en: 'Submit' },
  change: { 'zh-CN': '修改', en: 'Change' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  supplementAdded: { 'zh-CN': '已把这段话补充进去了。', en: 'Added that to your report.' },
  corrected: { 'zh-CN': '好的，“{field}”按你说的改了。', en: 'OK, "{field}" is corrected.' },
  notedInPassing: { 'zh-CN': '记下了：{facts}。不对的话回复“改一下”。', en: 'Noted: {facts}. Reply "改一下" if that is wrong.' },
  phoneInvalid: { 'zh-CN': '这个号码不对：手机号是 11 位数字、以 1 开头，比如 13812345678。不想留可以回复“跳过”。', en: 'That number does not look right: a mobile number has 11 digits starting with 1, e.g. 13812345678. Reply "skip" to leave none.' },
  pickEdit: { 'zh-CN': '要改哪一项？', en: 'Which answer do you want to change?' },
  editCategory: { 'zh-CN': '问题类型', en: 'Kind of problem' },
  editContact: { 'zh-CN': '联系方式', en: 'Contact details' },
  editName: { 'zh-CN': '称呼', en: 'How to address you' },
  noChange: { 'zh-CN': '不改了，继续', en: 'No change, go on' },
  confirmCancel: {
    'zh-CN': '确定不登记了吗？已经填的内容不会提交。',
    en: 'Are you sure you want to stop? What you filled in will not be submitted.',
  },
  confirmCancelYes: { 'zh-CN': '确定取消', en: 'Yes, cancel' },
  keepGoing: { 'zh-CN': '继续填写', en: 'Keep going' },
  cancelled: {
    'zh-CN': '好的，已取消，这次填的内容没有提交。以后想登记，随时跟我说。',
    en: 'OK, cancelled; nothing was submitted. Tell me any time you want to register a problem.',
  },
  help: {
    'zh-CN': '怎么填：直接打字回答，说个大概也可以。\n· 回复“跳过”：跳过不知道的题\n· 回复“改一下”加项目（比如“改一下金额”）：改前面的回答\n· 回复“取消”：不登记了\n· 随时可以发照片、截图当证据',
    en: 'How to answer: just type; a rough answer is fine.\n· "skip": skip a question you cannot answer\n· "change" plus the item (e.g. "change amount"): change an earlier answer\n· "cancel": stop registering\n· Send photos or screenshots as evidence at any time',
  },
  nowAsking: { 'zh-CN': '现在的问题：', en: 'Current question:' },
  resumed: { 'zh-CN': '我们接着上次的登记继续。', en: 'Let us continue where we left off.' },
  discarded: {
    'zh-CN': '抱歉，上次没填完的登记没能恢复，需要重新开始。请简单说说遇到了什么问题。',
    en: 'Sorry, your unfinished report could not be restored and must start again. Please briefly describe the problem.',
  },
  position: {
    'zh-CN': '您正在登记“{category}”问题，已回答{answered}项。{question}',
    en: 'You are registering "{category}", {answered} answer(s) so far. {question}',
  },
  positionNoCategory: { 'zh-CN': '您正在登记一个问题，还没选问题类型。', en: 'You are registering a problem; its kind is not chosen yet.' },
  positionPhase: {
    'zh-CN': '当前步骤：{step}',
    en: 'Current step: {step}',
  },
  stepConsent: { 'zh-CN': '是否留手机号', en: 'whether to leave a phone number' },
  stepPhone: { 'zh-CN': '填手机号', en: 'your phone number' },
  stepName: { 'zh-CN': '怎么称呼您', en: 'how to address you' },
  stepSummary: { 'zh-CN': '核对并提交', en: 'check and submit' },
  stepPickEdit: { 'zh-CN': '选择要改的项目', en: 'choosing what to change' },
  stepCancel: { 'zh-CN': '确认是否取消', en: 'confirming whether to cancel' },
  stepQuestion: { 'zh-CN': '当前问题：{question}', en: 'Current question: {question}' },
} satisfies Record<string, BiText>;

/** Labels of the summary lines that are not slots. */
export const SUMMARY_LABELS = {
  category: { 'zh-CN': '问题类型', en: 'Kind of problem' },
  description: { 'zh-CN': '您的描述', en: 'Your description' },
  files: { 'zh-CN': '已发文件', en: 'Files sent' },
  filesCount: { 'zh-CN': '{n}个', en: '{n}' },
  phone: { 'zh-CN': '手机号', en: 'Mobile' },
  name: { 'zh-CN': '称呼', en: 'Name' },
  anonymous: { 'zh-CN': '联系方式', en: 'Contact' },
  anonymousValue: { 'zh-CN': '匿名登记（不留电话）', en: 'anonymous (no phone number)' },
  supplements: { 'zh-CN': '补充说明', en: 'Added notes' },
  skippedValue: { 'zh-CN': '（跳过）', en: '(skipped)' },
  ownWords: { 'zh-CN': '原话：{text}', en: 'in your words: {text}' },
} satisfies Record<string, BiText>;
