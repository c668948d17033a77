/** The message a worker gets once their case exists: number, promise with due time, next steps, deadlines. */
import { tr, type BiText } from '../core/i18n.js';
import type { Category, Clock, Locale, ReplyDraft, ServiceTier } from '../core/types.js';
import type { CaseRecord } from '../cases/model.js';
import { addDays, civilDateOf, isoWeekday, minuteOfDay, splitIsoDate } from '../text/civil-date.js';

const TIER_PROMISES: Record<ServiceTier, BiText> = {
  on_the_spot: { 'zh-CN': '小事当场回应', en: 'Small matter: answered on the spot' },
  same_day: { 'zh-CN': '急事当天协调', en: 'Urgent: coordinated the same day' },
  three_days: { 'zh-CN': '难事三个工作日内反馈', en: 'Complex: feedback within three working days' },
};

const NEXT_STEPS: Record<Category, BiText> = {
  wages: {
    'zh-CN': '调解员会联系站点或公司了解情况。请保存好工资记录、转账记录和聊天截图，不要签放弃工资的字据。',
    en: 'A mediator will contact the station or company. Keep pay and transfer records and chat screenshots; do not sign anything giving up your pay.',
  },
  injury: {
    'zh-CN': '先看病、保管好病历和医药费票据。调解员会联系平台或站点，帮您弄清能走哪种保障、怎么申请。',
    en: 'Get treatment first and keep medical records and bills. A mediator will contact the platform or station and help you find which protection applies and how to claim it.',
  },
  deductions: {
    'zh-CN': '请保存罚款、扣款或封号的截图和申诉记录。调解员会向平台或站点核实原因。',
    en: 'Keep screenshots of the fine, deduction or ban and of any appeal. A mediator will check the reason with the platform or station.',
  },
  termination: {
    'zh-CN': '请保存能证明您在这里干活的材料：接单记录、工资记录、工作群聊天、工牌。调解员会帮您弄清谁是用人单位、能主张什么。',
    en: 'Keep anything that shows you worked there: order and pay records, work-group chats, badges. A mediator will help work out who the employer is and what you can claim.',
  },
  social_insurance: {
    'zh-CN': '可以先在当地社保App或窗口查一下缴费记录。调解员会联系单位了解情况。',
    en: 'You can check your contribution record in the local social insurance app or office. A mediator will contact the employer.',
  },
  conditions: {
    'zh-CN': '工会会把这个问题和附近的工友反映汇总，找物业、商场或街道协调，有进展会在这里告诉您。',
    en: 'The union will collect this with reports from nearby workers and raise it with the property managers, mall or sub-district office; we will tell you here about progress.',
  },
  platform_rules: {
    'zh-CN': '工会会汇总同样的反映，在和平台沟通、协商时提出。有进展会在这里告诉您。',
    en: 'The union collects similar reports and raises them in talks with the platform. We will tell you here about progress.',
  },
  suggestion: {
    'zh-CN': '谢谢您的建议！工会会认真研究，有结果会在这里告诉您。',
    en: 'Thank you for the suggestion! The union will look at it and tell you here about the outcome.',
  },
  other: {
    'zh-CN': '调解员会看一下您的情况，再和您联系。',
    en: 'A mediator will look at your situation and get back to you.',
  },
};

const T = {
  created: { 'zh-CN': '已登记，案件编号：{id}', en: 'Registered. Case number: {id}' },
  promise: { 'zh-CN': '服务承诺：{promise}，{due}会有工作人员跟进。', en: 'Our promise: {promise}; staff will follow up {due}.' },
  next: { 'zh-CN': '接下来：{steps}', en: 'Next: {steps}' },
  anonymous: {
    'zh-CN': '您选择了匿名登记，我们会在这个对话里联系您。',
    en: 'You registered anonymously; we will contact you in this chat.',
  },
  phone: { 'zh-CN': '调解员可能会打电话给您（尾号{tail}）。', en: 'A mediator may call you (number ending {tail}).' },
  progress: {
    'zh-CN': '有新情况或新证据，直接在这里发给我；查询进度时请带上案件编号。',
    en: 'Send any news or evidence here; quote your case number when asking about progress.',
  },
  hotlines: {
    'zh-CN': '遇到危险请拨110，受伤急救拨120；工会服务热线12351。本服务提供法律信息，不代替律师意见。',
    en: 'In danger call 110; for an ambulance call 120; union hotline 12351. This service gives legal information, not a lawyer\'s advice.',
  },
  warningsTitle: { 'zh-CN': '期限提醒：', en: 'Deadlines to watch:' },
  dueToday: { 'zh-CN': '今天{time}前', en: 'by {time} today' },
  dueTomorrow: { 'zh-CN': '明天{time}前', en: 'by {time} tomorrow' },
  dueDayAfter: { 'zh-CN': '后天{time}前', en: 'by {time} the day after tomorrow' },
  dueLater: { 'zh-CN': '{month}月{day}日（{weekday}）{time}前', en: 'by {weekday} {day} {month} {time}' },
} satisfies Record<string, BiText>;

const WEEKDAYS: Record<Locale, readonly string[]> = {
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A due time in words relative to now, China time: "今天18:00前", "明天18:00前", "5月25日（周一）10:00前". */
export function dueInWords(due: Date, now: Date, locale: Locale): string {
  const dueDay = civilDateOf(due);
  const today = civilDateOf(now);
  const minutes = Math.round(minuteOfDay(due));
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  if (dueDay <= today) return tr(locale, T.dueToday, { time });
  if (dueDay === addDays(today, 1)) return tr(locale, T.dueTomorrow, { time });
  if (dueDay === addDays(today, 2)) return tr(locale, T.dueDayAfter, { time });
  const { month, day } = splitIsoDate(dueDay);
  const weekday = WEEKDAYS[locale][isoWeekday(dueDay) - 1];
  return tr(locale, T.dueLater, { month: locale === 'en' ? MONTHS_EN[month - 1] : month, day, weekday, time });
}

/**
 * Replies for a freshly created case: the case number, the service tier with its due time
 * in words, next steps for the category, and (as a second message) the deadline warnings.
 */
export function caseCreatedReplies(caseRecord: CaseRecord, locale: Locale, clock: Clock): ReplyDraft[] {
  const now = clock.now();
  const due = new Date(caseRecord.dueAt);
  const dueWords = Number.isNaN(due.getTime()) ? '' : dueInWords(due, now, locale);
  const lines = [
    tr(locale, T.created, { id: caseRecord.id }),
    tr(locale, T.promise, { promise: tr(locale, TIER_PROMISES[caseRecord.tier]), due: dueWords }),
    tr(locale, T.next, { steps: tr(locale, NEXT_STEPS[caseRecord.category]) }),
    caseRecord.anonymous || !caseRecord.contact?.phone
      ? tr(locale, T.anonymous)
      : tr(locale, T.phone, { tail: caseRecord.contact.phone.slice(-4) }),
    tr(locale, T.progress),
    tr(locale, T.hotlines),
  ];
  const meta = { intent: 'case_created', caseId: caseRecord.id };
  const replies: ReplyDraft[] = [{ text: lines.join('\n'), meta }];
  if (caseRecord.warnings.length > 0) {
    replies.push({ text: [tr(locale, T.warningsTitle), ...caseRecord.warnings.map((w) => `· ${w}`)].join('\n'), meta: { ...meta } });
  }
  return replies;
}
