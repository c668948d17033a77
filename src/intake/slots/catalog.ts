/**
 * The questions each grievance category asks: few, and only what a mediator needs to act.
 * Slots that mean the same thing share an id across categories, so an answer survives a
 * change of category.
 */
import type { Category } from '../../core/types.js';
import type { ExtractedFacts } from '../extract.js';
import { formatPlace } from '../../text/place.js';
import { storableText } from '../../text/normalize.js';
import {
  amountSlot,
  choiceSlot,
  countSlot,
  dateSlot,
  employerSlot,
  evidenceSlot,
  periodSlot,
  placeSlot,
  textSlot,
  yesNoSlot,
} from './builders.js';
import {
  conditionOptions,
  deductionOptions,
  insuranceOptions,
  paidOptions,
  reportOptions,
  ruleOptions,
  terminationOptions,
} from './options.js';
import type { SlotDefinition, SlotOption } from './types.js';

const MIN_DESCRIPTION_FOR_DETAILS = 6;

const fromPlatforms = (facts: ExtractedFacts) =>
  facts.platforms.length > 0 ? { name: facts.platforms.join('、'), platforms: facts.platforms } : undefined;
const fromPlace = (facts: ExtractedFacts) => (facts.place ? { text: formatPlace(facts.place), ...facts.place } : undefined);
const fromDescription = (_facts: ExtractedFacts, description: string) =>
  description.trim().length >= MIN_DESCRIPTION_FOR_DETAILS ? storableText(description) : undefined;
const fromOptionWords = (options: readonly SlotOption[]) => (_facts: ExtractedFacts, description: string) => {
  const matching = options.filter((o) => o.id !== 'unknown' && o.words.some((w) => description.includes(w)));
  return matching.length === 1 ? matching[0].id : undefined;
};

const employer = employerSlot({
  id: 'employer',
  label: { 'zh-CN': '平台或单位', en: 'Platform or employer' },
  question: { 'zh-CN': '您是给哪个平台或公司干活的？写站点或公司名字也行。', en: 'Which platform or company do you work for? A station or company name is fine.' },
  example: { 'zh-CN': '美团众包 / 饿了么 某某站 / 某某劳务公司', en: 'Meituan crowdsourcing / an Ele.me station / a labour agency' },
  aliases: ['平台', '公司', '单位', '老板', '雇主'],
  prefill: fromPlatforms,
});

const workplace = placeSlot({
  id: 'workplace',
  label: { 'zh-CN': '城市和站点', en: 'City and station' },
  question: { 'zh-CN': '您在哪个城市、哪个站点干活？', en: 'In which city and at which station do you work?' },
  example: { 'zh-CN': '深圳南山 科技园站', en: 'Shenzhen Nanshan, Science Park station' },
  aliases: ['城市', '站点', '地点', '地方', '哪里'],
  prefill: fromPlace,
});

const location = placeSlot({
  id: 'location',
  label: { 'zh-CN': '地点', en: 'Place' },
  question: { 'zh-CN': '具体在哪里？说城市、区，或者小区、商场的名字。', en: 'Where exactly? The city and district, or the name of the compound or mall.' },
  example: { 'zh-CN': '杭州西湖区 某某小区', en: 'Hangzhou Xihu district, a residential compound' },
  aliases: ['地点', '地方', '哪里', '城市', '位置'],
  prefill: fromPlace,
});

const details = (question: { 'zh-CN': string; en: string }, example: { 'zh-CN': string; en: string }) =>
  textSlot({
    id: 'details',
    label: { 'zh-CN': '具体情况', en: 'What happened' },
    question,
    example,
    aliases: ['情况', '经过', '内容', '描述', '建议'],
    optional: false,
    prefill: fromDescription,
  });

const evidence = (question: { 'zh-CN': string; en: string }) =>
  evidenceSlot({
    id: 'evidence',
    label: { 'zh-CN': '手上的证据', en: 'Evidence you have' },
    question,
    example: { 'zh-CN': '有聊天截图和转账记录 / 没有', en: 'chat screenshots and transfer records / none' },
    aliases: ['证据', '材料', '截图', '照片'],
  });

const workStart = dateSlot({
  id: 'workStart',
  label: { 'zh-CN': '开始干的时间', en: 'When you started' },
  question: { 'zh-CN': '您大概从什么时候开始在这里干的？', en: 'Roughly when did you start working there?' },
  example: { 'zh-CN': '去年3月 / 2025年10月1日', en: 'March last year / 2025-10-01' },
  aliases: ['入职', '开始', '什么时候开始'],
});

const workersAffected = countSlot({
  id: 'workersAffected',
  label: { 'zh-CN': '涉及人数', en: 'Workers affected' },
  question: { 'zh-CN': '有几个人遇到同样的事？就您一个，还是好几个人？', en: 'How many workers have the same problem? Just you, or several?' },
  example: { 'zh-CN': '就我一个 / 十几个人 / 5个', en: 'just me / more than ten / 5' },
  aliases: ['人数', '几个人', '多少人'],
  prefill: (facts) => facts.count,
});

const WAGE_EVIDENCE = { 'zh-CN': '您手上有哪些证据？比如工资条、转账记录、聊天截图、接单记录。可以直接发照片，没有就回复“没有”。', en: 'What evidence do you have? E.g. pay slips, transfer records, chat screenshots, order records. You can send photos; if none, reply "none".' };

const CATALOG: Record<Category, readonly SlotDefinition[]> = {
  wages: [
    employer,
    workplace,
    amountSlot({
      id: 'amountOwed',
      label: { 'zh-CN': '被欠金额', en: 'Amount owed' },
      question: { 'zh-CN': '一共被欠了多少钱？说个大概数也行。', en: 'How much are you owed in total? A rough figure is fine.' },
      example: { 'zh-CN': '三千五 / 3500元 / 八百多', en: '3500 / about 800' },
      aliases: ['金额', '钱', '多少钱', '数目', '欠款'],
      prefill: (facts) => facts.amount,
    }),
    periodSlot({
      id: 'period',
      label: { 'zh-CN': '欠薪时间段', en: 'Unpaid period' },
      question: { 'zh-CN': '是哪段时间的工资没给？', en: 'For which period were you not paid?' },
      example: { 'zh-CN': '9月到10月 / 两个月 / 从3月开始', en: 'September to October / two months / since March' },
      aliases: ['时间段', '月份', '哪几个月', '期间', '时间'],
      prefill: (facts) => facts.period,
    }),
    workersAffected,
    yesNoSlot({
      id: 'stillWorking',
      label: { 'zh-CN': '现在是否还在干', en: 'Still working there' },
      question: { 'zh-CN': '您现在还在这里干吗？', en: 'Are you still working there?' },
      example: { 'zh-CN': '还在干 / 已经不干了', en: 'still working / I left' },
      aliases: ['在职', '还在干'],
      words: { yes: ['在干', '还在', '在跑', '没走', '在职'], no: ['离职', '辞职', '不干了', '走了', '被开', '没干'] },
    }),
    dateSlot({
      id: 'leftDate',
      label: { 'zh-CN': '离开日期', en: 'Last working day' },
      question: { 'zh-CN': '您是哪天不干的？', en: 'On which day did you stop working there?' },
      example: { 'zh-CN': '上个月15号 / 9月30日', en: '15th of last month / 30 September' },
      aliases: ['离职日期', '离职时间', '哪天走', '离开'],
      askIf: (answers) => answers.stillWorking === false,
    }),
    evidence(WAGE_EVIDENCE),
  ],
  injury: [
    employer,
    dateSlot({
      id: 'injuryDate',
      label: { 'zh-CN': '受伤日期', en: 'Date of injury' },
      question: { 'zh-CN': '哪天受的伤？', en: 'On which day were you hurt?' },
      example: { 'zh-CN': '前天 / 上周三 / 3月5日', en: 'the day before yesterday / last Wednesday / 5 March' },
      aliases: ['日期', '哪天', '受伤时间', '时间'],
      optional: false,
      prefill: (facts) => facts.date,
    }),
    placeSlot({
      id: 'injuryPlace',
      label: { 'zh-CN': '受伤地点', en: 'Where it happened' },
      question: { 'zh-CN': '在哪里受的伤？说城市和大概位置就行。', en: 'Where were you hurt? The city and rough location are enough.' },
      example: { 'zh-CN': '北京朝阳 望京附近', en: 'Beijing Chaoyang, near Wangjing' },
      aliases: ['地点', '地方', '哪里', '城市', '位置'],
      prefill: fromPlace,
    }),
    textSlot({
      id: 'howItHappened',
      label: { 'zh-CN': '经过', en: 'How it happened' },
      question: { 'zh-CN': '当时是怎么回事？简单说说经过，比如是不是在送单路上。', en: 'What happened? Briefly, e.g. were you on a delivery?' },
      example: { 'zh-CN': '送餐路上被电动车撞了，腿骨折', en: 'hit by an e-bike while delivering, broke my leg' },
      aliases: ['经过', '怎么回事', '情况'],
      optional: false,
      prefill: fromDescription,
    }),
    yesNoSlot({
      id: 'hospital',
      label: { 'zh-CN': '是否去医院', en: 'Treated in hospital' },
      question: { 'zh-CN': '有没有去医院看？住院、门诊都算。', en: 'Did you get treated in a hospital (in-patient or out-patient)?' },
      example: { 'zh-CN': '去了，住院三天 / 没去', en: 'yes, three days in hospital / no' },
      aliases: ['医院', '住院', '看病'],
      words: { yes: ['住院', '医院', '门诊', '急诊', '看了医生', '缝针', '拍片', '去了'], no: ['没去', '没看', '没住'] },
    }),
    choiceSlot({
      id: 'reported',
      label: { 'zh-CN': '报告情况', en: 'Reported' },
      question: { 'zh-CN': '这件事跟平台或站点说了吗？申请工伤认定了吗？', en: 'Did you tell the platform or station? Did you apply for work-injury recognition?' },
      example: { 'zh-CN': '跟站长说了，还没申请', en: 'told the station manager, not applied yet' },
      aliases: ['报告', '上报', '申请', '工伤认定'],
      options: reportOptions,
    }),
    choiceSlot({
      id: 'insurance',
      label: { 'zh-CN': '保险', en: 'Insurance' },
      question: { 'zh-CN': '您有哪种保险？', en: 'What insurance do you have?' },
      example: { 'zh-CN': '平台给上的职业伤害保障 / 不清楚', en: 'occupational-injury protection via the platform / not sure' },
      aliases: ['保险'],
      options: insuranceOptions,
    }),
    evidence({ 'zh-CN': '手上有哪些材料？比如病历、医药费发票、事故认定书、现场照片、聊天记录。可以直接发照片，没有就回复“没有”。', en: 'What records do you have? E.g. medical records, bills, an accident report, photos, chats. You can send photos; if none, reply "none".' }),
  ],
  deductions: [
    employer,
    choiceSlot({
      id: 'deductionKind',
      label: { 'zh-CN': '遇到的情况', en: 'What happened' },
      question: { 'zh-CN': '是哪种情况？', en: 'Which of these happened?' },
      example: { 'zh-CN': '罚款 / 封号', en: 'a fine / account banned' },
      aliases: ['情况', '类型'],
      options: deductionOptions,
      optional: false,
      prefill: fromOptionWords(deductionOptions),
    }),
    amountSlot({
      id: 'amount',
      label: { 'zh-CN': '涉及金额', en: 'Amount' },
      question: { 'zh-CN': '涉及多少钱？', en: 'How much money is involved?' },
      example: { 'zh-CN': '五十 / 200元', en: '50 / 200' },
      aliases: ['金额', '钱', '多少钱', '数目'],
      prefill: (facts) => facts.amount,
    }),
    dateSlot({
      id: 'incidentDate',
      label: { 'zh-CN': '发生日期', en: 'Date' },
      question: { 'zh-CN': '是哪天发生的？', en: 'On which day did it happen?' },
      example: { 'zh-CN': '昨天 / 上周三 / 3月5日', en: 'yesterday / last Wednesday / 5 March' },
      aliases: ['日期', '哪天', '时间'],
      prefill: (facts) => facts.date,
    }),
    textSlot({
      id: 'reasonGiven',
      label: { 'zh-CN': '对方说的理由', en: 'Reason given' },
      question: { 'zh-CN': '平台或站点说是什么原因？', en: 'What reason did the platform or station give?' },
      example: { 'zh-CN': '说我超时了 / 没说原因', en: 'they said I was late / no reason given' },
      aliases: ['理由', '原因'],
    }),
    yesNoSlot({
      id: 'appealed',
      label: { 'zh-CN': '是否申诉过', en: 'Appealed' },
      question: { 'zh-CN': '您申诉过吗？', en: 'Have you appealed?' },
      example: { 'zh-CN': '申诉了，没用 / 没有', en: 'yes, it did not help / no' },
      aliases: ['申诉'],
      words: { yes: ['申诉了', '申诉过', '投诉了', '找过', '提交了'], no: ['没申诉', '没投诉', '不会申诉'] },
    }),
    evidence(WAGE_EVIDENCE),
  ],
  termination: [
    employer,
    choiceSlot({
      id: 'situation',
      label: { 'zh-CN': '遇到的情况', en: 'What happened' },
      question: { 'zh-CN': '是哪种情况？', en: 'Which of these is it?' },
      example: { 'zh-CN': '被辞退 / 没签合同', en: 'dismissed / no contract' },
      aliases: ['情况', '类型'],
      options: terminationOptions,
      optional: false,
      prefill: fromOptionWords(terminationOptions),
    }),
    workStart,
    dateSlot({
      id: 'endDate',
      label: { 'zh-CN': '被辞退日期', en: 'Date dismissed' },
      question: { 'zh-CN': '是哪天让您走的？', en: 'On which day were you told to go?' },
      example: { 'zh-CN': '上周五 / 10月8日', en: 'last Friday / 8 October' },
      aliases: ['辞退日期', '哪天走', '离开'],
      askIf: (answers) => answers.situation === 'dismissed',
      prefill: (facts) => facts.date,
    }),
    yesNoSlot({
      id: 'contractSigned',
      label: { 'zh-CN': '是否签过合同或协议', en: 'Signed a contract or agreement' },
      question: { 'zh-CN': '签过合同或协议吗？劳动合同、合作协议、在App里点的都算。', en: 'Did you sign any contract or agreement, including one accepted in an app?' },
      example: { 'zh-CN': '签了合作协议 / 没签', en: 'a partnership agreement / none' },
      aliases: ['合同', '协议'],
      askIf: (answers) => answers.situation !== 'no_contract',
      words: { yes: ['签了', '签过', '点了', '协议'], no: ['没签', '不签', '没有合同'] },
    }),
    evidence(WAGE_EVIDENCE),
  ],
  social_insurance: [
    employer,
    workplace,
    workStart,
    choiceSlot({
      id: 'paidStatus',
      label: { 'zh-CN': '社保缴纳情况', en: 'Contributions so far' },
      question: { 'zh-CN': '单位给您交过社保吗？', en: 'Has the employer ever paid social insurance for you?' },
      example: { 'zh-CN': '从来没交过 / 交过后来断了', en: 'never / paid, then stopped' },
      aliases: ['社保', '缴纳', '交没交'],
      options: paidOptions,
    }),
    evidence(WAGE_EVIDENCE),
  ],
  conditions: [
    choiceSlot({
      id: 'issue',
      label: { 'zh-CN': '哪方面的问题', en: 'Kind of issue' },
      question: { 'zh-CN': '是哪方面的问题？', en: 'What kind of problem is it?' },
      example: { 'zh-CN': '进不了小区 / 充电难', en: 'no compound access / charging' },
      aliases: ['类型', '哪方面'],
      options: conditionOptions,
      optional: false,
      prefill: fromOptionWords(conditionOptions),
    }),
    location,
    details(
      { 'zh-CN': '具体是什么情况？', en: 'What exactly happens?' },
      { 'zh-CN': '小区保安不让电动车进，只能走进去送，经常超时', en: 'guards keep e-bikes out, so I walk in and am often late' },
    ),
  ],
  platform_rules: [
    employer,
    choiceSlot({
      id: 'ruleKind',
      label: { 'zh-CN': '哪条规则', en: 'Which rule' },
      question: { 'zh-CN': '是哪方面的规则？', en: 'Which kind of rule?' },
      example: { 'zh-CN': '派单 / 超时', en: 'dispatch / time limits' },
      aliases: ['规则', '类型'],
      options: ruleOptions,
      optional: false,
      prefill: fromOptionWords(ruleOptions),
    }),
    details(
      { 'zh-CN': '具体是怎么回事？对您有什么影响？', en: 'What exactly happens, and how does it affect you?' },
      { 'zh-CN': '同一个商圈，老骑手总派远单，一天少挣一百多', en: 'in the same area, veterans get the far orders and earn 100 less a day' },
    ),
    workersAffected,
  ],
  suggestion: [
    details(
      { 'zh-CN': '请说说您的建议。', en: 'Please tell us your suggestion.' },
      { 'zh-CN': '在超市附近建个驿站，能喝水、充电', en: 'a rest station near the supermarket with water and charging' },
    ),
    { ...location, question: { 'zh-CN': '建议放在哪个城市、哪个地方？', en: 'Which city and place is it for?' } },
  ],
  other: [
    details(
      { 'zh-CN': '请说说是什么事情。', en: 'Please tell us what it is about.' },
      { 'zh-CN': '站点让我们自己买装备，不买不让上线', en: 'the station makes us buy our own gear before we can log on' },
    ),
    employer,
    location,
  ],
};

/** The questions of one category, in asking order. */
export function slotsFor(category: Category): readonly SlotDefinition[] {
  return CATALOG[category];
}

/** One slot of a category by id, or undefined. */
export function findSlot(category: Category, slotId: string): SlotDefinition | undefined {
  return CATALOG[category].find((slot) => slot.id === slotId);
}
