/**
 * Document metadata read from what the text gives (title line, 通过/公布/施行 lines, the final
 * article's 自…起施行), then front matter, then an admin's sidecar file, each overriding the last.
 */
import type { Jurisdiction, KbDocument } from '../retrieval/types.js';
import { chineseDigitsToNumber, chineseToNumber } from '../text/numerals.js';

/** Fields an admin may set in front matter or a `<file>.meta.json` sidecar. */
export type MetadataOverrides = Partial<Omit<KbDocument, 'law'>>;

/** Metadata of one imported document. */
export type ParsedMetadata = KbDocument;

const ARABIC_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const CHINESE_DATE = /([零〇○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日/;

/** Read the first date in a line (2021年1月1日 or 二○○四年一月二十日) as ISO `YYYY-MM-DD`. */
export function readIsoDate(line: string): string | undefined {
  const arabic = ARABIC_DATE.exec(line);
  if (arabic) return isoDate(Number(arabic[1]), Number(arabic[2]), Number(arabic[3]));
  const chinese = CHINESE_DATE.exec(line);
  if (!chinese) return undefined;
  const year = chineseDigitsToNumber(chinese[1]);
  const month = chineseToNumber(chinese[2]);
  const day = chineseToNumber(chinese[3]);
  return year && month && day ? isoDate(year, month, day) : undefined;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Issuing bodies, most specific first, recognised from metadata lines. */
const ISSUERS: Array<[RegExp, string]> = [
  [/全国人民代表大会常务委员会/, '全国人民代表大会常务委员会'],
  [/全国人民代表大会/, '全国人民代表大会'],
  [/最高人民法院/, '最高人民法院'],
  [/人力资源(和)?社会保障部|人社部/, '人力资源和社会保障部'],
  [/劳动和社会保障部|劳动保障部|劳社部/, '劳动和社会保障部'],
  [/劳动部|劳部发/, '劳动部'],
  [/国务院/, '国务院'],
  [/政务院/, '政务院'],
  [/(\S{2,12}(省|自治区|市))人民政府/, '$1人民政府'],
];

function findIssuer(lines: string[]): string | undefined {
  // The latest amendment names the body that stands behind the text today.
  for (const line of [...lines].reverse()) {
    for (const [pattern, name] of ISSUERS) {
      const match = pattern.exec(line);
      if (match) return name.replace('$1', match[1] ?? '');
    }
  }
  return undefined;
}

function guessKind(fullTitle: string): KbDocument['kind'] {
  if (fullTitle.startsWith('最高人民法院')) return 'interpretation';
  if (/(条例|规定|办法|细则)$/.test(fullTitle)) return 'regulation';
  if (/(法|法典)$/.test(fullTitle)) return 'statute';
  return 'policy';
}

const PROVINCE_LEVEL_CITIES = ['北京市', '上海市', '天津市', '重庆市'];

/** The place a title starts with and its level: 北京市… and 广东省… are provinces, 深圳市… a city. */
function titlePlace(title: string): { place: string; jurisdiction: Jurisdiction } | undefined {
  const city = PROVINCE_LEVEL_CITIES.find((name) => title.startsWith(name));
  if (city) return { place: city, jurisdiction: 'province' };
  const province = /^[^，。、]{2,8}?(省|自治区)/.exec(title)?.[0];
  if (province) return { place: province, jurisdiction: 'province' };
  const prefecture = /^[^，。、]{2,6}?市(?!场)/.exec(title)?.[0];
  return prefecture ? { place: prefecture, jurisdiction: 'city' } : undefined;
}

/** Local policies name their place at the start of the title: 广东省…, 深圳市…. */
export function guessJurisdiction(title: string): Jurisdiction {
  return titlePlace(title)?.jurisdiction ?? 'national';
}

/** The place a local rule applies in, from the start of its title (`深圳市…` → 深圳市); undefined for national ones. */
export function placeOf(document: Pick<KbDocument, 'fullTitle' | 'jurisdiction'>): string | undefined {
  if (document.jurisdiction === 'national') return undefined;
  return titlePlace(document.fullTitle.replace(/^#+\s*/, ''))?.place;
}

/** Parse `key: value` front matter lines (a deliberately small subset of YAML). */
export function parseFrontMatter(lines: string[]): MetadataOverrides {
  const fields: Record<string, string> = {};
  for (const line of lines) {
    const match = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (match && match[2] !== '') fields[match[1]] = match[2].replace(/^["']|["']$/g, '');
  }
  return pickOverrides(fields);
}

/** Keep only known, well-formed metadata fields; unknown keys are ignored rather than trusted. */
export function pickOverrides(fields: Record<string, unknown>): MetadataOverrides {
  const out: MetadataOverrides = {};
  const text = (key: string): string | undefined => (typeof fields[key] === 'string' && fields[key] !== '' ? (fields[key] as string) : undefined);
  const fullTitle = text('fullTitle') ?? text('title');
  if (fullTitle) out.fullTitle = fullTitle;
  if (text('issuer')) out.issuer = text('issuer');
  if (text('source')) out.source = text('source');
  const jurisdiction = text('jurisdiction');
  if (jurisdiction === 'national' || jurisdiction === 'province' || jurisdiction === 'city') out.jurisdiction = jurisdiction;
  const kind = text('kind');
  if (kind === 'statute' || kind === 'regulation' || kind === 'interpretation' || kind === 'policy') out.kind = kind;
  for (const key of ['effectiveFrom', 'repealedOn'] as const) {
    const value = text(key);
    if (value && /^\d{4}-\d{2}-\d{2}$/.test(value)) out[key] = value;
  }
  return out;
}

/** Build a document's metadata from its header lines, its closing articles and any overrides. */
export function readDocumentMetadata(
  fileName: string,
  headerLines: string[],
  frontMatter: string[],
  overrides: MetadataOverrides,
  closingText = '',
): ParsedMetadata {
  const lines = headerLines.map((line) => line.trim()).filter(Boolean);
  const titleLine = lines.find((line) => line.startsWith('#'));
  const fullTitle = titleLine ? titleLine.replace(/^#+\s*/, '').trim() : fileName;
  const metaLines = lines.filter((line) => !line.startsWith('#') && !line.startsWith('<!--'));
  const fromPhrase = (text: string): string | undefined => {
    const match = /自(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)起(施行|实施|执行)/.exec(text);
    return match ? readIsoDate(match[1]) : undefined;
  };
  const effectiveLine = metaLines.find((line) => /(施行|执行|实施)\s*$/.test(line) && readIsoDate(line));
  const effectiveFrom = metaLines.map(fromPhrase).find(Boolean) ?? (effectiveLine ? readIsoDate(effectiveLine) : fromPhrase(closingText));
  // Only a line about this document's own repeal: "…《旧规定》同时废止" repeals another one, and
  // reading it as ours would silently take a law in force out of search.
  const repealLine = metaLines.find((line) => /废止|失效/.test(line) && !/同时(废止|失效)|》[^《]*(废止|失效)/.test(line) && readIsoDate(line));
  const parsed: ParsedMetadata = {
    law: fileName,
    fullTitle,
    issuer: findIssuer(metaLines),
    jurisdiction: guessJurisdiction(fullTitle),
    effectiveFrom,
    repealedOn: repealLine ? readIsoDate(repealLine) : undefined,
    kind: guessKind(fullTitle),
  };
  const merged = { ...parsed, ...parseFrontMatter(frontMatter), ...overrides, law: fileName };
  return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as unknown as ParsedMetadata;
}
