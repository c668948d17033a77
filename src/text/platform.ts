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

/** Canonical names of the platforms a text mentions, in the order of the table. */
export function findPlatforms(text: string): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const [canonical, aliases] of PLATFORM_ALIASES) {
    if (aliases.some((alias) => lower.includes(alias))) found.push(canonical);
  }
  return found;
}
