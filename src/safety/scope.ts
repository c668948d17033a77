/**
 * Decide whether a message is about work at all, so the bot declines weather, recipes or stock tips
 * politely instead of guessing a legal answer. Word lists, not a model: it must run with no network.
 */
import { tr, type BiText } from '../core/i18n.js';
import type { Locale } from '../core/types.js';

/** Whether a message is for a labour helpdesk. */
export type Scope = 'labour' | 'out_of_scope' | 'unclear';

/** Words that on their own make a message a labour matter. */
const LABOUR_STRONG = new RegExp(
  [
    // Pay
    '工资|薪水|薪资|薪酬|底薪|欠薪|讨薪|结钱|结账|提成|奖金|年终奖|绩效|计件|劳动报酬|补偿金|经济补偿|赔偿金|双倍工资|工龄|最低工资|补贴',
    // Hours and rest
    '加班|工时|调休|倒班|排班|双休|休息日|法定假日|年假|产假|婚假|病假|丧假|夜班|考勤|打卡|迟到|早退|旷工|请假|上班|下班',
    // Injury, health and safety
    '工伤|受伤|[摔撞夹砸烫烧割扭压碰咬划扎]伤|职业病|尘肺|中暑|高温|危险作业|劳保|防护用品|安全帽|头盔|工作服|工服|性骚扰',
    // Insurance
    '社保|五险|公积金|养老保险|医疗保险|生育保险|失业',
    // Contracts and leaving
    '劳动|用工|雇佣|合同|入职|转正|试用期|辞退|开除|解雇|被炒|炒了我|炒鱿鱼|辞职|辞工|离职|裁员|劝退|不胜任|押金|外包|劳务|派遣|职工|员工|招工',
    // Fines and platforms
    '罚款|罚了|扣钱|扣款|扣我|封号|骑手|外卖|跑单|送单|接单|派单|抢单|众包|专送|快递|网约车|代驾|货运|拉货|滴滴|美团|饿了么|闪送|货拉拉|算法|超时|差评|申诉|单价|配送费|抽成',
    // People and places of work, and where disputes go
    '扣.{0,4}(身份证|证件)|身份证.{0,4}(扣|押|收走)|工作时间|小时工|站长|站点|主管|人事|车间|工地|包工头|老板跑|失联|工会|仲裁|调解|维权|劳动监察|12333|12351|充电桩|驿站|进小区|停车',
  ].join('|'),
);
/** Words that lean towards work but also appear elsewhere. */
const LABOUR_WEAK = /公司|单位|老板|领导|经理|平台|工作|打工|厂里|工厂|司机|师傅|干活|招聘|面试|上岗|赔偿|保险|车祸|撞|摔|\bHR\b|\bKPI\b|\b(wage|salary|pay|paid|overtime|injur|insurance|contract|fired|dismiss|employer|boss|union|arbitrat|rider|delivery|courier|driver|platform|deduct|fine[ds]?|leave|work|job|shift|labou?r)/i;
const OFF_TOPIC =
  /天气|下雨吗|菜谱|食谱|怎么做(菜|饭|红烧|蛋糕)|做饭|炒菜|红烧|股票|炒股|基金|彩票|比特币|(?<!危险|高空|特种|冒险)作业|数学题|作文|考试题|明星|八卦|绯闻|电影|电视剧|综艺|星座|算命|风水|游戏|足球|篮球|旅游|景点|笑话|写诗|唱歌|恋爱|减肥|\b(weather|recipe|cook|stock(s)?|crypto|bitcoin|lottery|homework|celebrit|gossip|movie|horoscope|football|joke|poem)\b/i;

/** Labour, out of scope, or unclear (too short or too vague to tell). */
export function classifyScope(text: string): Scope {
  // Count every hit: "天气热还要送单，有高温补贴吗" names the weather once and work three times.
  const labour = 2 * countMatches(text, LABOUR_STRONG) + countMatches(text, LABOUR_WEAK);
  const offTopic = 2 * countMatches(text, OFF_TOPIC);
  if (labour > offTopic) return 'labour';
  if (offTopic > 0) return 'out_of_scope';
  return 'unclear';
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(new RegExp(pattern.source, pattern.flags + 'g'))?.length ?? 0;
}

const DECLINE: BiText = {
  'zh-CN':
    '不好意思，这个问题我帮不上忙。我是工会的劳动权益助手，可以：解答工资、工伤、社保、合同、罚款扣款等问题；帮你登记诉求；帮你联系工会调解员。',
  en: 'Sorry, I cannot help with that. I am the union’s labour-rights helper: I can answer questions about pay, injuries, social insurance, contracts and fines; register a complaint for you; or put you in touch with a union mediator.',
};

/** A short polite decline that says what the bot can do. */
export function outOfScopeReply(locale: Locale): string {
  return tr(locale, DECLINE);
}
