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
  if (outsideDomain(text)) return 'out_of_scope';
  // Count every hit: "天气热还要送单，有高温补贴吗" names the weather once and work three times.
  const labour = 2 * countMatches(text, LABOUR_STRONG_ALL) + countMatches(text, LABOUR_WEAK_ALL);
  const offTopic = 2 * countMatches(text, OFF_TOPIC_ALL);
  if (labour > offTopic) return 'labour';
  if (offTopic > 0) return 'out_of_scope';
  return 'unclear';
}

/** A pattern that finds every hit; built once, not per call (String.prototype.match resets a global pattern itself). */
function everyHit(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags + 'g');
}
const LABOUR_STRONG_ALL = everyHit(LABOUR_STRONG);
const LABOUR_WEAK_ALL = everyHit(LABOUR_WEAK);
const OFF_TOPIC_ALL = everyHit(OFF_TOPIC);

function countMatches(text: string, everywhere: RegExp): number {
  return text.match(everywhere)?.length ?? 0;
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

/** Legal matters that are not labour, employment, social insurance or union matters. */
export type OutsideDomain = 'family' | 'inheritance' | 'traffic' | 'consumer' | 'debt' | 'criminal' | 'housing' | 'neighbours' | 'administrative';

const OUTSIDE: Array<[OutsideDomain, RegExp]> = [
  ['inheritance', /遗产|继承|遗嘱|遗赠|过世.{0,6}(房子|存款|财产)|(房子|存款|财产).{0,6}(怎么分|分给)|\b(inherit|will and testament|estate)\b/i],
  ['family', /离婚|抚养权|抚养费|探视权|赡养|彩礼|婚前财产|夫妻共同|结婚证|重婚|出轨|领养|收养|亲子鉴定|老公.{0,4}(打我|家暴)|老婆.{0,4}(打我|家暴)|\b(divorce|custody|child support|alimony)\b/i],
  ['traffic', /违章|罚单|交警|驾照|驾驶证|闯红灯|超速|酒驾|违停|贴条|扣了?\d*分.{0,6}(驾|车|照)|车险|保险公司.{0,6}(理赔|赔)|对方全责|全责|\b(traffic (ticket|fine)|speeding|driving licen[cs]e)\b/i],
  ['consumer', /退货|退款|网购|假货|买到|售后|质量问题|消费者|商家不退|退一赔三|12315|会员卡|预付卡|快递丢了|包裹丢|\b(refund|consumer|faulty product)\b/i],
  ['debt', /借钱|借款|借了我|借给|欠条|借条|网贷|贷款|信用卡|催收|高利贷|还不上|利息|担保|\b(loan|debt collector|credit card)\b/i],
  ['criminal', /被抓|拘留|判刑|坐牢|刑事|取保|盗窃|偷了|小偷|诈骗|电信诈骗|吸毒|打架|斗殴|自首|缓刑|\b(arrested|criminal|police custody|theft)\b/i],
  ['housing', /房东|租房|房租|退租|租的房|中介费|物业费|买房|房贷|拆迁|装修|房产证|\b(landlord|tenant|rent deposit|lease)\b/i],
  ['neighbours', /邻居|楼上|楼下|噪音|漏水|宠物狗|\b(neighbou?r|noise)\b/i],
  ['administrative', /城管|摆摊|营业执照|开店|行政处罚|户口|\b(business licen[cs]e)\b/i],
];
/**
 * Words that make a message a work matter even when it also names a domain above ("送外卖被交警罚了，平台
 * 还扣钱"). Ambiguous words (押金, 罚款, 扣分, 合同, 赔偿, 保险, 司机) are left out: they appear in both.
 */
const WORK_CONTEXT =
  /工资|工钱|薪|工伤|社保|五险|公积金|劳动|用工|雇|上班|下班|加班|单位|(?<!装修|物业|保险|中介|开发|贷款|快递)公司|老板|领导|站长|站点|平台|骑手|外卖|快递员|跑单|送单|送餐|送外卖|接单|派单|配送|网约车|代驾|滴滴|美团|饿了么|闪送|货拉拉|入职|离职|辞退|开除|辞职|试用期|工会|仲裁|劳务|派遣|外包|干活|打工|厂里|工厂|工地|包工头|职业病|调解员|工作|员工|职工|同事|工友|\b(wage|salary|employer|boss|rider|courier|platform|work injury|my job)\b/i;

/** The outside-labour legal domain a message is about, or undefined (a work matter, or no legal matter at all). */
export function outsideDomain(text: string): OutsideDomain | undefined {
  if (WORK_CONTEXT.test(text)) return undefined;
  return OUTSIDE.find(([, pattern]) => pattern.test(text))?.[0];
}

const WHERE: Record<OutsideDomain | 'other', BiText> = {
  family: { 'zh-CN': '婚姻家庭的事可以打 12348 公共法律服务热线，或找律师、法院。', en: 'For family matters call the public legal service line 12348, or see a lawyer or the court.' },
  inheritance: { 'zh-CN': '继承的事可以打 12348 公共法律服务热线，或找律师、公证处、法院。', en: 'For inheritance call 12348 (public legal services), or see a lawyer, a notary or the court.' },
  traffic: { 'zh-CN': '交通违章和事故找交警，法律咨询打 12348；有危险请打 110。', en: 'For traffic fines and accidents go to the traffic police; legal advice on 12348; in danger call 110.' },
  consumer: { 'zh-CN': '消费纠纷可以打 12315 投诉，也可以问 12348 公共法律服务热线。', en: 'For consumer disputes complain on 12315, or ask the public legal service line 12348.' },
  debt: { 'zh-CN': '借贷欠款的事可以打 12348 公共法律服务热线，或找律师、去法院起诉。', en: 'For loans and debts call 12348 (public legal services), or see a lawyer or the court.' },
  criminal: { 'zh-CN': '有危险请马上打 110；刑事问题请找律师，或打 12348 公共法律服务热线。', en: 'In danger call 110 now; for criminal matters see a lawyer or call 12348.' },
  housing: { 'zh-CN': '租房买房的事可以打 12348 公共法律服务热线，或找律师、法院。', en: 'For housing and rent call 12348 (public legal services), or see a lawyer or the court.' },
  neighbours: { 'zh-CN': '邻里纠纷可以找社区居委会调解，或打 12348；有危险请打 110。', en: 'For neighbour disputes ask the residents’ committee, or call 12348; in danger call 110.' },
  administrative: { 'zh-CN': '可以打 12348 公共法律服务热线问问，或对处罚申请行政复议。', en: 'Call the public legal service line 12348, or apply for an administrative review.' },
  other: { 'zh-CN': '法律问题可以打 12348 公共法律服务热线，或找律师。', en: 'For legal questions call the public legal service line 12348, or see a lawyer.' },
};
const NOT_LABOUR: BiText = { 'zh-CN': '这个不是劳动方面的问题，我帮不上。', en: 'That is not a work matter, so I cannot help with it.' };
const WHAT_I_DO: BiText = {
  'zh-CN': '我能帮的是工资、工伤、社保、合同、罚款扣钱这些干活中的问题。',
  en: 'I help with pay, injuries, social insurance, contracts and fines at work.',
};

/** A short decline for a legal question outside labour matters: where to go instead, and what the bot does. */
export function outsideReply(domain: OutsideDomain | undefined, locale: Locale): string {
  return `${tr(locale, NOT_LABOUR)}${tr(locale, WHERE[domain ?? 'other'])}\n${tr(locale, WHAT_I_DO)}`;
}
