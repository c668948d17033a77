/**
 * Priors by law: a worker's question is about labour law far more often than about the civil
 * code or workplace safety rules, so those rank a little lower unless the question is about them.
 */
import type { NamedPlaces } from '../text/place.js';

/** Multipliers for well-known instruments; anything else (e.g. a local policy) gets DEFAULT_PRIOR. */
const LAW_PRIORS: Record<string, number> = {
  劳动合同法: 1,
  // The later, more specific law answers contract questions; 劳动法 still wins where it alone speaks (hours, pay).
  劳动法: 0.9,
  劳动争议调解仲裁法: 1,
  社会保险法: 1,
  工伤保险条例: 1,
  劳动合同法实施条例: 1,
  '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）': 1,
  工资支付暂行规定: 0.95,
  保障农民工工资支付条例: 0.9,
  职工带薪年休假条例: 1,
  企业职工带薪年休假实施办法: 0.95,
  女职工劳动保护特别规定: 1,
  最低工资规定: 1,
  国务院关于职工工作时间的规定: 0.95,
  劳动保障监察条例: 0.95,
  全国年节及纪念日放假办法: 0.9,
  职业病防治法: 0.9,
  就业促进法: 0.85,
  工会法: 0.9,
  妇女权益保障法: 0.85,
  社会保险费征缴暂行条例: 0.85,
  关于职工全年月平均工作时间和工资折算问题的通知: 0.9,
  最高人民法院关于审理工伤保险行政案件若干问题的规定: 0.85,
  最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释: 0.85,
  '最高人民法院关于在民事审判工作中适用《工会法》若干问题的解释': 0.8,
  安全生产法: 0.8,
  个人信息保护法: 0.75,
  民法典: 0.55,
};

/** Prior for instruments we do not know (new imports such as local policies). */
export const DEFAULT_PRIOR = 0.9;

/** Words that mark a question the civil code answers: torts, contracts, harassment, personal rights. */
const CIVIL_TOPICS = /(侵权|赔偿损失|人身损害|雇员|雇主|雇佣|帮工|承揽|合同无效|违约|欺诈|胁迫|显失公平|民事|性骚扰|骚扰|名誉|隐私|肖像|借款|借条|欠条|定金|租房|房东|交通事故责任|第三人|精神损害|无民事行为能力|监护)/;
const SAFETY_TOPICS = /(安全生产|安全事故|安全隐患|安全培训|危险作业|危险化学品|生产经营单位|特种作业)/;
const PRIVACY_TOPICS = /(个人信息|隐私|人脸|定位|泄露|手机号|身份证号)/;

/** The multiplier for a law given the question. */
export function lawPrior(law: string, query: string): number {
  if (law === '民法典' && CIVIL_TOPICS.test(query)) return 1;
  if (law === '安全生产法' && SAFETY_TOPICS.test(query)) return 1;
  if (law === '个人信息保护法' && PRIVACY_TOPICS.test(query)) return 1;
  return LAW_PRIORS[law] ?? DEFAULT_PRIOR;
}

/** How much a local rule of another place than the one the question names counts (it rarely applies there). */
export const OTHER_PLACE_PRIOR = 0.3;

/** A place's names as workers write them: 深圳市 → 深圳市, 深圳; 广西壮族自治区 → …, 广西. */
export function placeNames(place: string): string[] {
  const short = place.replace(/(壮族自治区|回族自治区|维吾尔自治区|自治区|省|市)$/, '');
  return short.length >= 2 && short !== place ? [place, short] : [place];
}

/**
 * The multiplier for a local rule of `place` (in `province`, when the place is a city) given the
 * places the worker names: 1 when they name none, this place, or only its province (a city's rule
 * may apply to someone who said 广东); OTHER_PLACE_PRIOR when they name somewhere else.
 */
export function placePrior(place: string | undefined, named: NamedPlaces, province?: string): number {
  if (!place || named.places.size === 0 || named.places.has(place)) return 1;
  if (province && province !== place && named.places.has(province) && !named.city) return 1;
  return OTHER_PLACE_PRIOR;
}

/**
 * A question that asks what to do or where to go about a dispute ("怎么办", "如何维权", "找谁",
 * "怎样才能要回") is answered, beside the substantive article, by where a labour dispute goes:
 * talks, mediation, arbitration, then the court.
 */
export const REDRESS_QUESTION = /怎么办|咋办|怎么处理|如何处理|怎么解决|如何解决|维权|维护.{0,6}权益|找谁|去哪|哪个部门|怎样(才能|让|要)|如何(才能|要)|怎么(才能|要|讨)|讨回|要回/;
/** The articles that say where a labour dispute goes (the first one imported is used). */
export const ROUTE_ARTICLES = [{ law: '劳动争议调解仲裁法', article: 5 }];
