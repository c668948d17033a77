/**
 * A platform name as workers type it ("没团", "饿了嘛", "美团众包") → one canonical name, so
 * collective issues meet across typos. Known aliases first (src/text/platform.ts), then common
 * homophone typos, then one wrong character in a name of three or more characters.
 */
import { findPlatforms } from '../text/platform.js';

const CANONICAL = ['美团', '饿了么', '滴滴', '顺丰', '货拉拉', '京东', '闪送', 'UU跑腿', '曹操出行', 'T3出行', '高德打车', '花小猪', '满帮', '快狗打车'];

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

/** The canonical platform name, or the trimmed text when it is not a known platform. */
export function canonicalPlatform(value: string): string {
  const text = value.trim();
  const known = findPlatforms(text);
  if (known.length > 0) return known[0];
  const compact = text.replace(/\s+/g, '').toLowerCase();
  for (const [pattern, name] of TYPOS) if (pattern.test(compact)) return name;
  const near = CANONICAL.find((name) => oneCharOff(compact, name.toLowerCase()));
  return near ?? text;
}
