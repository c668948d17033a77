/** What a question is about, beyond its words: which grievance it is and whether it needs a person. */
import { CATEGORIES, type Category } from '../core/types.js';

/** Why a topic needs a person rather than an answer alone. */
export type HumanTopic = 'labour_relation' | 'serious_injury' | 'death' | 'violence';

const LABOUR_RELATION =
  /劳动关系|算(不算)?(是)?(你们的|公司的|平台的)?(员工|职工|劳动者|雇员)|是不是(你们的|公司的|平台的)?(员工|职工|劳动者|雇员)|合作关系|合作协议|众包|个体工商户|承揽|谁是我(的)?(老板|雇主|单位)|到底(是)?谁(雇|管)的我|\b(employment relationship|am i an employee|contractor|employee status)\b/i;
const INJURY = /伤|撞|摔|骨折|车祸|事故|injur|accident|fractur/i;
const HOSPITAL = /住院|医院|手术|骨折|缝针|急诊|ICU|重伤|伤残|截肢|昏迷|\b(hospital|surgery|fracture|stitches|disabled)\b/i;
/** A worker died: the family needs a person with them through the claim, not an answer alone. */
const DEATH = /猝死|去世|身亡|过世|人没了|死了|\b(died|passed away)\b/i;
const THREAT = /威胁|恐吓|骚扰|性骚扰|跟踪|堵我|报复|\b(threaten|harass|stalk)/i;
const GIG_WORK = /骑手|外卖|跑单|送单|接单|众包|专送|快递|网约车|滴滴|美团|饿了么|闪送|货拉拉|平台|站点|站长|司机|\b(rider|courier|delivery|driver|platform|gig)\b/i;

/** The topic needs a person when the answer depends on facts only a mediator can weigh. */
export function humanNeededTopic(text: string): HumanTopic | undefined {
  if (THREAT.test(text)) return 'violence';
  if (DEATH.test(text)) return 'death';
  if (INJURY.test(text) && HOSPITAL.test(text)) return 'serious_injury';
  if (LABOUR_RELATION.test(text)) return 'labour_relation';
  return undefined;
}

/** The message is about platform or gig work, where a labour relation cannot be assumed. */
export function isGigWorkContext(text: string): boolean {
  return GIG_WORK.test(text);
}

const CATEGORY_WORDS: Array<[Category, RegExp]> = [
  ['injury', /工伤|受伤|[摔撞夹砸烫烧割扭压碰咬划扎]伤|伤了|伤到|摔了|被.{0,2}[撞咬砸夹烫压]|车祸|骨折|事故|injur|accident/i],
  ['wages', /工资|工钱|欠薪|拖欠|讨薪|结钱|结账|不给钱|(不|没)发.{0,6}钱|钱没(给|发)|提成|加班费|最低工资|跑路|失联|\b(wage|salary|unpaid|pay)\b/i],
  ['deductions', /罚款|罚了|罚我|被罚|罚[\d一二两三四五六七八九十百]|扣款|扣钱|扣我|扣了|扣[\d一二两三四五六七八九十百]|封号|押金|扣分|\b(fine[ds]?|deduct|suspend)/i],
  ['social_insurance', /社保|五险|养老保险|医疗保险|失业保险|公积金|职业伤害保障|social insurance|pension/i],
  ['termination', /辞退|开除|解雇|炒了|被炒|辞职|离职|解除|劳动合同|没签合同|外包|派遣|\b(fired|dismiss|contract|resign)/i],
  ['platform_rules', /派单|算法|超时|差评|申诉|接单规则|抢单|单价|配送费|抽成|计价|\b(dispatch|algorithm|appeal)\b/i],
  ['conditions', /停车|充电|进小区|门禁|厕所|休息|高温|中暑|下雨|寒冷|太冷|太热|天冷|天热|冻|驿站|\b(parking|charging|toilet|rest area|heat)\b/i],
  ['suggestion', /建议|希望工会|能不能建|\bsuggest/i],
];

/** The grievance category a message is about, from its words (the first, most specific match). */
export function categoryFromText(text: string): Category | undefined {
  return CATEGORY_WORDS.find(([, pattern]) => pattern.test(text))?.[0];
}

/** A guide card's category when it is a grievance category. */
export function asCategory(value: string | undefined): Category | undefined {
  return (CATEGORIES as readonly string[]).includes(value ?? '') ? (value as Category) : undefined;
}
