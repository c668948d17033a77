/** Options of the choice questions, with the words that pick each one when typed. */
import type { SlotOption } from './types.js';

/** Kinds of money lost to the platform or station. */
export const deductionOptions: SlotOption[] = [
  { id: 'fine', label: { 'zh-CN': '罚款', en: 'A fine' }, words: ['罚'] },
  { id: 'deduction', label: { 'zh-CN': '扣钱、扣工资', en: 'Money deducted' }, words: ['扣'] },
  { id: 'account_suspended', label: { 'zh-CN': '封号、停号', en: 'Account banned or suspended' }, words: ['封', '停号', '冻结', '拉黑', '登不上'] },
  { id: 'deposit', label: { 'zh-CN': '押金或保证金不退', en: 'Deposit not returned' }, words: ['押金', '保证金'] },
  { id: 'bonus_withheld', label: { 'zh-CN': '奖励或补贴没发', en: 'Bonus or subsidy not paid' }, words: ['奖', '补贴'] },
];

/** Ways a job ends or an employment relation is unclear. */
export const terminationOptions: SlotOption[] = [
  { id: 'dismissed', label: { 'zh-CN': '被辞退或开除', en: 'Dismissed' }, words: ['辞退', '开除', '解雇', '不让干', '不要我', '劝退', '裁员'] },
  { id: 'no_contract', label: { 'zh-CN': '没签劳动合同', en: 'No written contract' }, words: ['没签', '没有合同', '不签'] },
  { id: 'who_employer', label: { 'zh-CN': '不清楚谁是老板（外包、派遣、合作关系）', en: 'Unclear who the employer is (outsourcing, agency, "partnership")' }, words: ['外包', '派遣', '合作', '谁是', '个体'] },
  { id: 'other', label: { 'zh-CN': '其他', en: 'Other' }, words: ['其他', '其它'] },
];

/** Working-condition problems riders and couriers report most. */
export const conditionOptions: SlotOption[] = [
  { id: 'parking', label: { 'zh-CN': '停车难、车被拖或被锁', en: 'Parking, bike towed or locked' }, words: ['停车', '拖', '锁车', '车被锁'] },
  { id: 'charging', label: { 'zh-CN': '充电、换电难', en: 'Charging or battery swap' }, words: ['充电', '换电'] },
  { id: 'compound_access', label: { 'zh-CN': '进不了小区或楼', en: 'Not allowed into compounds or buildings' }, words: ['小区', '进不去', '不让进', '门卫', '保安', '电梯'] },
  { id: 'rest', label: { 'zh-CN': '没地方休息、喝水', en: 'No place to rest or drink' }, words: ['休息', '歇', '喝水', '驿站'] },
  { id: 'toilet', label: { 'zh-CN': '上厕所难', en: 'No toilets' }, words: ['厕所', '卫生间'] },
  { id: 'weather', label: { 'zh-CN': '高温、严寒、雨雪', en: 'Heat, cold, rain or snow' }, words: ['热', '冷', '雨', '雪', '高温'] },
  { id: 'other', label: { 'zh-CN': '其他', en: 'Other' }, words: ['其他', '其它'] },
];

/** Platform rules workers contest. */
export const ruleOptions: SlotOption[] = [
  { id: 'dispatch', label: { 'zh-CN': '派单', en: 'Dispatch' }, words: ['派单', '接单', '抢单', '算法'] },
  { id: 'pricing', label: { 'zh-CN': '单价、计费、抽成', en: 'Pay rates, pricing, commission' }, words: ['单价', '计费', '抽成', '配送费', '运费', '压价'] },
  { id: 'time_limit', label: { 'zh-CN': '配送时限、超时', en: 'Delivery time limits' }, words: ['时限', '超时', '时间'] },
  { id: 'rating', label: { 'zh-CN': '评分、等级、差评', en: 'Ratings, levels, bad reviews' }, words: ['评分', '等级', '差评', '降级'] },
  { id: 'appeal', label: { 'zh-CN': '申诉没人管', en: 'Appeals go nowhere' }, words: ['申诉'] },
  { id: 'other', label: { 'zh-CN': '其他', en: 'Other' }, words: ['其他', '其它'] },
];

/** How far an injury has been reported; matched in this order, so "还没申请" is not read as applied. */
export const reportOptions: SlotOption[] = [
  { id: 'none', label: { 'zh-CN': '还没说', en: 'Not yet' }, words: ['还没', '没说', '没报', '没有', '没跟', '都没'] },
  { id: 'applied', label: { 'zh-CN': '已经申请工伤认定', en: 'Applied for work-injury recognition' }, words: ['申请了', '工伤认定', '认定了', '申请工伤'] },
  { id: 'told', label: { 'zh-CN': '已经告诉平台或站点', en: 'Told the platform or station' }, words: ['说了', '告诉', '报了', '报备', '上报', '知道了'] },
  { id: 'unknown', label: { 'zh-CN': '不清楚', en: 'Not sure' }, words: ['不清楚', '不知道'] },
];

/** Insurance that may cover a gig worker's injury. */
export const insuranceOptions: SlotOption[] = [
  { id: 'work_injury', label: { 'zh-CN': '工伤保险', en: 'Work-injury insurance' }, words: ['工伤保险', '工伤险'] },
  { id: 'occupational', label: { 'zh-CN': '职业伤害保障（平台给上的）', en: 'Occupational-injury protection (via the platform)' }, words: ['职业伤害', '平台保险', '平台上的', '平台给'] },
  { id: 'commercial', label: { 'zh-CN': '商业意外险', en: 'Commercial accident insurance' }, words: ['商业', '意外险', '意外保险', '骑手险'] },
  { id: 'none', label: { 'zh-CN': '都没有', en: 'None' }, words: ['没有', '都没', '没买', '没交', '没保险'] },
  { id: 'unknown', label: { 'zh-CN': '不清楚', en: 'Not sure' }, words: ['不清楚', '不知道', '不懂'] },
];

/** How far social insurance was paid. */
export const paidOptions: SlotOption[] = [
  { id: 'never', label: { 'zh-CN': '从来没交过', en: 'Never paid' }, words: ['从来没', '没交过', '一直没', '没有'] },
  { id: 'stopped', label: { 'zh-CN': '交过，后来断了', en: 'Paid, then stopped' }, words: ['断', '停了', '后来'] },
  { id: 'partial', label: { 'zh-CN': '只交了一部分（比如只有意外险）', en: 'Only partly (e.g. accident insurance only)' }, words: ['部分', '只交', '只有', '意外险'] },
  { id: 'unknown', label: { 'zh-CN': '不清楚', en: 'Not sure' }, words: ['不清楚', '不知道'] },
];
