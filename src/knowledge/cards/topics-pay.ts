/** Topic cards on pay, hours, rest and leave. */
import type { GuideCard } from '../../retrieval/types.js';
import { defineCard, EVIDENCE, WHERE } from './define.js';

/** Pay and working-time topic cards. */
export const PAY_CARDS: GuideCard[] = [
  defineCard({
    id: 'overtime',
    category: 'wages',
    title: ['加班和加班费', 'Overtime and overtime pay'],
    explanation: [
      '标准是每天不超过 8 小时、每周不超过 40 小时。加班要和你商量，一般每天不超过 1 小时，特殊情况不超过 3 小时，每月不超过 36 小时。加班费：平时加班至少 1.5 倍，休息日加班又不补休至少 2 倍，法定节假日加班至少 3 倍。',
      'The standard is 8 hours a day and 40 a week. Overtime must be agreed, normally at most 1 hour a day, 3 in special cases, 36 a month. Overtime pay is at least 150% on workdays, 200% on rest days without time off in lieu, 300% on public holidays.',
    ],
    next: [
      ['每天记下上下班时间和接单时段', 'Log your start and finish times and order hours each day'],
      ['对照工资条看加班费有没有算', 'Check whether your pay includes overtime'],
      ['单位掌握的考勤记录可以要求它拿出来', 'The employer must produce attendance records it holds'],
    ],
    evidence: [EVIDENCE.work, EVIDENCE.pay, ['App 在线时长、接单记录截图', 'Screenshots of online hours and orders']],
    where: [WHERE.union, WHERE.inspection, WHERE.arbitration],
    relies: '劳动法:36,41,44; 劳动合同法:31; 国务院关于职工工作时间的规定:3; 工资支付暂行规定:13; 最高人民法院关于审理劳动争议案件适用法律问题的解释（一）:42',
    keywords: '加班 加班费 超时工作 干到半夜 一天干十几个小时 强制加班 不给加班费 工作时间 8小时 996 连轴转',
  }),
  defineCard({
    id: 'rest_days_holidays',
    category: 'wages',
    title: ['休息日和法定节假日', 'Rest days and public holidays'],
    explanation: [
      '每周至少要休息一天。元旦、春节、劳动节、国庆节等法定节假日要放假；这些天安排上班，要付至少三倍工资。休息日上班，能补休就补休，不能补休要付至少两倍工资。',
      'You are entitled to at least one day off a week. Public holidays such as New Year, Spring Festival, Labour Day and National Day are days off; working them pays at least triple. Rest-day work is compensated with time off or at least double pay.',
    ],
    next: [
      ['记下节假日和休息日上班的日期', 'Note the rest days and holidays you worked'],
      ['核对工资是否按倍数付了', 'Check the pay multiplier'],
    ],
    evidence: [EVIDENCE.work, EVIDENCE.pay],
    where: [WHERE.union, WHERE.inspection, WHERE.arbitration],
    relies: '劳动法:38,40,44; 全国年节及纪念日放假办法:2; 国务院关于职工工作时间的规定:7',
    keywords: '休息日 双休 单休 没休息 不让休息 过年上班 春节加班 国庆加班 节假日 法定假日 三倍工资 调休 补休',
  }),
  defineCard({
    id: 'minimum_wage',
    category: 'wages',
    title: ['最低工资', 'Minimum wage'],
    explanation: [
      '各地有最低工资标准，正常干满工作时间，单位给的工资不能低于它。加班费、夜班高温等特殊津贴、法定福利不算在最低工资里。非全日制按小时最低标准。',
      'Each region sets a minimum wage; for normal full hours you may not be paid less. Overtime pay, night, heat and other special allowances and statutory benefits do not count toward it. Part-time work uses the hourly minimum.',
    ],
    next: [
      ['查当地最新最低工资标准（12333）', 'Look up the current local minimum (12333)'],
      ['扣掉加班费和津贴后再比较', 'Compare after removing overtime and allowances'],
    ],
    evidence: [EVIDENCE.pay, EVIDENCE.work],
    where: [WHERE.hrss, WHERE.inspection, WHERE.union],
    relies: '最低工资规定:3,5,12; 劳动法:48; 劳动合同法:72',
    keywords: '最低工资 底薪 保底 工资太低 低于最低工资 最低标准 小时工资',
  }),
  defineCard({
    id: 'annual_leave',
    category: 'wages',
    title: ['带薪年休假', 'Paid annual leave'],
    explanation: [
      '连续工作满一年就有年假：累计工作满 1 年不满 10 年 5 天，满 10 年不满 20 年 10 天，满 20 年 15 天。节假日和休息日不算在年假里。单位不安排你休，应休未休的每天要按日工资的 300% 付（含正常工资）。',
      'After a year of continuous work you get annual leave: 5 days for 1–10 years of total service, 10 for 10–20, 15 beyond. Holidays and rest days do not count. Untaken leave the employer did not grant is paid at 300% of the daily wage (including normal pay).',
    ],
    next: [
      ['算一下你累计工作年限', 'Count your total years of work'],
      ['书面申请休假，留下记录', 'Request leave in writing and keep the record'],
    ],
    evidence: [EVIDENCE.contract, ['请假申请和单位回复', 'Leave requests and replies'], EVIDENCE.pay],
    where: [WHERE.union, WHERE.arbitration],
    relies: '职工带薪年休假条例:2,3,5; 企业职工带薪年休假实施办法:10; 劳动法:45',
    keywords: '年假 年休假 带薪假 休年假 没休年假 年假工资 未休年假 三倍工资',
  }),
  defineCard({
    id: 'payslip_payday',
    category: 'wages',
    title: ['工资条和发薪日', 'Pay slips and pay day'],
    explanation: [
      '工资要用钱（不能用实物、购物卡）按约定日期至少每月发一次，发给你本人，遇节假日提前发。单位要书面记录发放数额和时间并给你工资清单。离职时要一次付清。',
      'Wages must be paid in money on the agreed date at least monthly, to you personally, and earlier if pay day falls on a holiday. The employer must keep written records and give you a pay statement. On leaving you must be paid in full at once.',
    ],
    next: [
      ['要求单位提供每月工资明细', 'Ask for a monthly pay statement'],
      ['超过约定发薪日就算拖欠，可以投诉', 'Pay after the agreed day is arrears; you can complain'],
    ],
    evidence: [EVIDENCE.pay, EVIDENCE.contract],
    where: [WHERE.inspection, WHERE.union],
    relies: '工资支付暂行规定:5,6,7,9; 劳动法:50; 保障农民工工资支付条例:11,12,15',
    keywords: '工资条 工资单 发薪日 几号发工资 工资明细 发工资时间 晚发工资 推迟发工资 发购物卡 工资卡',
  }),
  defineCard({
    id: 'contractor_fled',
    category: 'wages',
    title: ['包工头、外包老板跑了，工资找谁要', 'Contractor boss gone: who pays'],
    explanation: [
      '老板或包工头失联、逃匿，工钱不会因此就没了。工程上，分包拖欠的由总承包单位先清偿；把活包给没资格的个人导致欠薪的，发包方要承担。有能力支付却转移财产、逃匿拒不支付，数额较大的可能构成犯罪。',
      'When a boss or contractor disappears, your pay is not lost. On construction projects the main contractor pays first for a subcontractor’s arrears; a company that hands work to an unqualified individual is liable. Hiding assets or fleeing to avoid paying large sums can be a crime.',
    ],
    next: [
      ['大家一起把名单、欠款数额、工程名称整理好', 'Together, list names, amounts and the project name'],
      ['向劳动监察或 12351 集体反映，不要采取过激行为', 'Report together to labour inspection or 12351; avoid drastic action'],
    ],
    evidence: [EVIDENCE.pay, EVIDENCE.work, ['工地名称、总包和分包单位名称', 'Site name, main and sub-contractor names'], EVIDENCE.witnesses],
    where: [WHERE.inspection, WHERE.union, WHERE.legalAid],
    relies: '保障农民工工资支付条例:16,18,19,30,36; 劳动合同法:94; 最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释:2,4',
    keywords: '老板跑路 老板跑了 包工头跑了 失联 联系不上老板 工头 工地 农民工 欠薪逃匿 拒不支付 集体讨薪',
  }),
  defineCard({
    id: 'part_time',
    category: 'wages',
    title: ['兼职、小时工（非全日制）', 'Part-time and hourly work'],
    explanation: [
      '非全日制一般每天不超过 4 小时、每周不超过 24 小时，可以口头约定，也可以同时给几家干。工资不能低于当地小时最低工资，结算周期最长 15 天。',
      'Part-time work is usually at most 4 hours a day and 24 a week, may be agreed orally, and you may work for several employers. Pay may not be below the local hourly minimum and must be settled at least every 15 days.',
    ],
    next: [['记录每次工作的时长和报酬', 'Record hours and pay each time']],
    evidence: [EVIDENCE.pay, EVIDENCE.work],
    where: [WHERE.union, WHERE.inspection],
    relies: '劳动合同法:68,69,71,72',
    keywords: '兼职 小时工 钟点工 非全日制 临时工 日结 按小时算',
  }),
];
