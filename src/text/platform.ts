/** Platform names in a free text ("美团众包", "饿了么蜂鸟", "滴滴"), each mapped to one canonical name. */

const PLATFORM_ALIASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['美团', ['美团', '美团外卖', '美团众包', '美团专送', 'meituan']],
  ['饿了么', ['饿了么', '饿了吗', '饿么', '蜂鸟', '淘宝闪购', 'eleme']],
  ['滴滴', ['滴滴', 'didi']],
  ['顺丰', ['顺丰', '丰巢']],
  ['货拉拉', ['货拉拉', 'lalamove']],
  ['京东', ['京东', '达达', 'jd']],
  ['闪送', ['闪送']],
  ['UU跑腿', ['uu跑腿', 'uu']],
  ['曹操出行', ['曹操出行', '曹操专车']],
  ['T3出行', ['t3出行', 't3']],
  ['高德打车', ['高德']],
  ['花小猪', ['花小猪']],
  ['满帮', ['满帮', '运满满', '货车帮']],
  ['快狗打车', ['快狗']],
  ['中通', ['中通']],
  ['圆通', ['圆通']],
  ['申通', ['申通']],
  ['韵达', ['韵达']],
  ['极兔', ['极兔']],
  ['中国邮政', ['邮政', 'ems']],
  ['菜鸟', ['菜鸟']],
  ['叮咚买菜', ['叮咚']],
  ['盒马', ['盒马']],
  ['朴朴', ['朴朴']],
];

const PLATFORM_MATCHERS: ReadonlyArray<readonly [string, ReadonlyArray<(lower: string) => boolean>]> = PLATFORM_ALIASES.map(
  ([canonical, aliases]) => [canonical, aliases.map(mentionsAlias)] as const,
);

/** Canonical names of the platforms a text mentions, in the order of the table. */
export function findPlatforms(text: string): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const [canonical, matchers] of PLATFORM_MATCHERS) {
    if (matchers.some((mentions) => mentions(lower))) found.push(canonical);
  }
  return found;
}

/**
 * A Chinese alias anywhere; a Latin one ("ems", "uu", "jd") only as a word of its own, not inside "problems".
 * Built once: compiling the Latin aliases' patterns on every call was ~1% of an intake turn's CPU and
 * ~2% of its allocated bytes (`npm run bench -- intake`, sampled with --cpu-prof and the heap sampler).
 */
function mentionsAlias(alias: string): (lower: string) => boolean {
  if (!/^[a-z0-9]+$/.test(alias)) return (lower) => lower.includes(alias);
  const word = new RegExp(`(^|[^a-z0-9])${alias}([^a-z0-9]|$)`);
  return (lower) => word.test(lower);
}

/** Typos seen in workers' messages (same sound, nearby key in pinyin input). */
const TYPOS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(没|每|美|妹|梅|煤)(团|囤|图团|吞)/, '美团'],
  [/^饿(了|啦|le)(吗|嘛|么|莫|摸)/, '饿了么'],
  [/^(嘀|低|底|迪|敌|笛)(滴|嘀)|^滴(嘀|低)/, '滴滴'],
  [/^(货|火|或)(拉|啦)(拉|啦)/, '货拉拉'],
  [/^(顺|瞬)(风|丰|疯)/, '顺丰'],
  [/^(闪|山)(送|松)/, '闪送'],
];

function oneCharOff(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 3) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff += 1;
  return diff <= 1;
}

/**
 * A platform name as workers type it ("没团", "饿了嘛", "美团众包") → its canonical name, or the trimmed
 * text when it is not a known platform: known aliases first, then common homophone typos, then one
 * wrong character in a name of three or more characters.
 */
export function canonicalPlatform(value: string): string {
  const text = value.trim();
  const known = findPlatforms(text);
  if (known.length > 0) return known[0];
  const compact = text.replace(/\s+/g, '').toLowerCase();
  for (const [pattern, name] of TYPOS) if (pattern.test(compact)) return name;
  return PLATFORM_ALIASES.map(([canonical]) => canonical).find((name) => oneCharOff(compact, name.toLowerCase())) ?? text;
}
