/** What the worker and the mediators read around a handoff, Chinese first, written for a phone. */
import type { BiText } from '../core/i18n.js';
import type { CasePriority, MediatorOutcome } from '../core/mediator.js';
import type { ServiceTier } from '../core/types.js';

/** Messages sent to the worker. */
export const WORKER_TEXT = {
  joined: {
    'zh-CN': '工会调解员“{name}”已接手您的案件 {id}，现在由真人和您对话。请直接在这里说明情况。',
    en: 'Union mediator "{name}" has taken over your case {id}. A person is talking with you now; just write here.',
  },
  reassigned: {
    'zh-CN': '您的案件 {id} 已转给调解员“{name}”继续处理。',
    en: 'Your case {id} has been passed to mediator "{name}", who will continue with it.',
  },
  left: {
    'zh-CN': '调解员已离开对话，工友助手继续为您服务。案件 {id} 仍在跟进，发送“查进度”可随时查看。',
    en: 'The mediator has left the conversation and Gongyou, the helper, is back. Case {id} is still followed up; send "查进度" to check.',
  },
  resumeIntake: {
    'zh-CN': '刚才的登记还没填完，我们接着来。',
    en: 'Your registration was not finished; let us continue.',
  },
  closed: {
    'zh-CN': '您的案件 {id} 已结案：{outcome}。',
    en: 'Your case {id} is closed: {outcome}.',
  },
  closedNote: { 'zh-CN': '调解员说明：{note}', en: 'Mediator’s note: {note}' },
  satisfactionAsk: {
    'zh-CN': '这次处理您满意吗？请选 1 到 5（5 最满意）。',
    en: 'How satisfied are you with how this was handled? Choose 1 to 5 (5 is best).',
  },
  overdueMediators: {
    'zh-CN': '抱歉，案件 {id} 还没有调解员接手，已超过承诺时间。我们已再次提醒调解员，请再耐心等一下。着急可拨打工会服务热线 12351。',
    en: 'Sorry, no mediator has taken case {id} yet and the promised time has passed. We have reminded the mediators again. If it is urgent, call the union hotline 12351.',
  },
  overdueSupervisor: {
    'zh-CN': '案件 {id} 仍未按时处理，已上报给负责人督办。我们会尽快联系您。着急可拨打 12351。',
    en: 'Case {id} is still not handled in time, so it has been reported to a supervisor. We will contact you as soon as we can. If urgent, call 12351.',
  },
} satisfies Record<string, BiText>;

/** Labels of outcomes, as shown to workers and in the console. */
export const OUTCOME_LABEL: Record<MediatorOutcome, BiText> = {
  resolved: { 'zh-CN': '已调解解决', en: 'resolved by mediation' },
  referred_inspection: { 'zh-CN': '已转劳动保障监察（12333）', en: 'referred to labour inspection (12333)' },
  referred_arbitration: { 'zh-CN': '已转劳动仲裁', en: 'referred to labour arbitration' },
  referred_legal_aid: { 'zh-CN': '已转法律援助', en: 'referred to legal aid' },
  referred_court: { 'zh-CN': '已转法院', en: 'referred to court' },
  withdrawn: { 'zh-CN': '您已撤回', en: 'withdrawn by you' },
  no_response: { 'zh-CN': '多次联系未获回复', en: 'closed after no response' },
};

/** Errors the mediator API returns; staff read them, so both languages, plainly. */
export const MEDIATOR_ERROR_TEXT = {
  unauthorized: {
    'zh-CN': '请先登录：缺少或错误的访问令牌。',
    en: 'Please log in: the access token is missing or wrong.',
  },
  forbidden: { 'zh-CN': '您没有权限做这件事。', en: 'You are not allowed to do this.' },
  notFound: { 'zh-CN': '找不到这个案件。', en: 'There is no such case.' },
  conflict: { 'zh-CN': '这个案件已由其他调解员接手。', en: 'Another mediator has already taken this case.' },
  badRequest: { 'zh-CN': '请求内容不对：{detail}', en: 'The request is not valid: {detail}' },
  internal: { 'zh-CN': '系统出错了，请稍后再试。', en: 'Something went wrong; please try again shortly.' },
} satisfies Record<string, BiText>;

/** Service tiers in words (小事当场回应、急事当天协调、难事三日反馈). */
export const TIER_LABEL: Record<ServiceTier, BiText> = {
  on_the_spot: { 'zh-CN': '当场回应', en: 'on the spot' },
  same_day: { 'zh-CN': '当天协调', en: 'same day' },
  three_days: { 'zh-CN': '三日内反馈', en: 'within three days' },
};

/** Priorities in words. */
export const PRIORITY_LABEL: Record<CasePriority, BiText> = {
  crisis: { 'zh-CN': '危机', en: 'crisis' },
  urgent: { 'zh-CN': '紧急', en: 'urgent' },
  normal: { 'zh-CN': '一般', en: 'normal' },
};
