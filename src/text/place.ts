/** Places to province / city / district where the table knows them: "北京朝阳" → 北京市 朝阳区, "深圳南山" → 广东省 深圳市 南山区. */
import { DISTRICTS, PROVINCES, type ProvinceRow } from './place-table.js';
import { normalizeAnswer } from './normalize.js';

/** Administrative names found in a place answer (full names with 省/市/区). */
export interface ParsedPlace {
  province?: string;
  city?: string;
  district?: string;
}

interface NameEntry {
  name: string;
  province: ProvinceRow;
  city?: string;
}

/** A name followed by one of these is a road or a smaller place, not the city itself ("中山路", "朝阳区" is a district). */
const NOT_A_CITY_AFTER = /^(路|街|大街|大道|道|区|镇|村|县|桥|巷|里|公园)/;
/** Cities named like their province count only with the 市 suffix ("吉林市", not "吉林"). */
const CITY_NEEDS_SUFFIX = new Set(['吉林']);
const NOT_A_DISTRICT_AFTER = /^(路|街|大街|大道|道|镇|村|桥|巷|里|公园)/;
const DISTRICT_SPECIAL_NAMES: Record<string, string> = { 浦东: '浦东新区', 滨海: '滨海新区', 工业园: '工业园区' };

function byLengthDesc(a: NameEntry, b: NameEntry): number {
  return b.name.length - a.name.length;
}

const PROVINCE_NAMES: NameEntry[] = PROVINCES.flatMap((p) => [
  { name: p.full, province: p },
  { name: p.short, province: p },
]).sort(byLengthDesc);

const CITY_NAMES: NameEntry[] = PROVINCES.flatMap((p) => p.cities.map((city) => ({ name: city, province: p, city }))).sort(
  byLengthDesc,
);

const DISTRICT_NAMES: NameEntry[] = [...DISTRICTS.entries()]
  .flatMap(([city, districts]) => {
    const province = PROVINCES.find((p) => p.short === city || p.cities.includes(city))!;
    return districts.map((name) => ({ name, province, city }));
  })
  .sort(byLengthDesc);

/** City names that are also districts of a big city (朝阳): alone they say nothing; "朝阳市" still counts. */
const AMBIGUOUS_CITY_NAMES = new Set(CITY_NAMES.filter((entry) => DISTRICT_NAMES.some((district) => district.name === entry.name)).map((entry) => entry.name));

/**
 * A list of names indexed by first character, so a text is matched only against the names that can
 * occur in it (a place answer has a dozen characters; the lists have hundreds of names). Matching every
 * name was ~2% of an intake turn's CPU (`npm run bench -- intake`, --cpu-prof).
 */
interface IndexedList<T> {
  items: readonly T[];
  /** Positions in `items` of the names starting with each UTF-16 unit. */
  byFirst: Map<string, number[]>;
}

function indexByFirst<T>(items: readonly T[], nameOf: (item: T) => string): IndexedList<T> {
  const byFirst = new Map<string, number[]>();
  items.forEach((item, i) => {
    const first = nameOf(item)[0];
    const at = byFirst.get(first);
    if (at) at.push(i);
    else byFirst.set(first, [i]);
  });
  return { items, byFirst };
}

/** The items whose name starts with a character of `text`, in list order: the only ones that can be in it. */
function candidates<T>(text: string, list: IndexedList<T>): T[] {
  const positions: number[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const unit = text[i];
    if (seen.has(unit)) continue;
    seen.add(unit);
    const at = list.byFirst.get(unit);
    if (at) for (const p of at) positions.push(p);
  }
  positions.sort((a, b) => a - b);
  return positions.map((p) => list.items[p]);
}

const byName = (entry: NameEntry) => entry.name;
const PROVINCE_LIST = indexByFirst(PROVINCE_NAMES, byName);
const CITY_LIST = indexByFirst(CITY_NAMES, byName);
const DISTRICT_LIST = indexByFirst(DISTRICT_NAMES, byName);

interface Hit {
  entry: NameEntry;
  index: number;
}

/** The earliest entry found in the text (longest name wins at the same position) that the guard accepts. */
function earliest(text: string, entries: readonly NameEntry[], accept: (after: string, entry: NameEntry) => boolean): Hit | null {
  let best: Hit | null = null;
  for (const entry of entries) {
    let from = 0;
    for (let index = text.indexOf(entry.name, from); index !== -1; index = text.indexOf(entry.name, from)) {
      from = index + 1;
      if (best && index >= best.index) break;
      if (accept(text.slice(index + entry.name.length, index + entry.name.length + 2), entry)) {
        best = { entry, index };
        break;
      }
    }
  }
  return best;
}

function cityFullName(province: ProvinceRow, city?: string): string | undefined {
  if (province.municipality) return province.full;
  return city ? `${city}市` : undefined;
}

function districtFullName(name: string): string {
  return DISTRICT_SPECIAL_NAMES[name] ?? `${name}区`;
}

/**
 * Province, city and district named in a text. A city found outside the named province
 * wins (a worker may name a home province and a work city); districts need a city, or
 * the 区 suffix, so "光明" or "和平" in a sentence is not taken for a district. `strict` (for facts read
 * in passing, never asked for) also refuses a city name that is a big city's district ("朝阳") alone.
 */
export function parsePlace(text: string, options: { strict?: boolean } = {}): ParsedPlace | null {
  const t = normalizeAnswer(text);
  if (t.length === 0) return null;
  const provinceHit = earliest(t, candidates(t, PROVINCE_LIST), () => true);
  // strict: a name that is also a district of a big city ("朝阳站") says nothing without 市 or its province
  const ambiguousNeedsSuffix = (entry: NameEntry) => options.strict === true && AMBIGUOUS_CITY_NAMES.has(entry.name) && provinceHit?.entry.province !== entry.province;
  const cityHit = earliest(
    t,
    candidates(t, CITY_LIST),
    (after, entry) => !NOT_A_CITY_AFTER.test(after) && ((!CITY_NEEDS_SUFFIX.has(entry.name) && !ambiguousNeedsSuffix(entry)) || after.startsWith('市')),
  );
  let province = provinceHit?.entry.province;
  let city: string | undefined;
  if (cityHit && !province?.municipality) {
    province = cityHit.entry.province;
    city = cityHit.entry.city;
  }
  const districtKey = province?.municipality ? province.short : city;
  let district: string | undefined;
  if (districtKey !== undefined) {
    const inCity = candidates(t, DISTRICT_LIST).filter((d) => d.city === districtKey);
    district = earliest(t, inCity, (after) => !NOT_A_DISTRICT_AFTER.test(after))?.entry.name;
  } else if (!province) {
    const hit = earliest(t, candidates(t, DISTRICT_LIST), (after) => after.startsWith('区') || after.startsWith('新区'));
    if (hit) {
      province = hit.entry.province;
      city = hit.entry.city;
      district = hit.entry.name;
    }
  }
  if (!province) return null;
  const result: ParsedPlace = { province: province.full };
  const cityName = cityFullName(province, city);
  if (cityName) result.city = cityName;
  if (district) result.district = districtFullName(district);
  return result;
}

/** A place as one line: "广东省深圳市南山区" (a municipality is named once). */
export function formatPlace(place: ParsedPlace): string {
  const parts = [place.province, place.city !== place.province ? place.city : undefined, place.district];
  return parts.filter((p): p is string => Boolean(p)).join('');
}

/** Every province and city a text names (full names), for deciding whether a local rule applies to a worker. */
export interface NamedPlaces {
  /** Provinces (municipalities included) and cities, each city with its province: "深圳南山" → 广东省, 深圳市. */
  places: Set<string>;
  /** Whether a city below province level was named (then a rule of another city in the province does not apply). */
  city: boolean;
}


/** Each place of `entries` named in `t` whose next characters the guard accepts. */
function allNamed(t: string, entries: readonly NameEntry[], accept: (after: string, entry: NameEntry) => boolean): NameEntry[] {
  return entries.filter((entry) => {
    for (let index = t.indexOf(entry.name); index !== -1; index = t.indexOf(entry.name, index + 1)) {
      if (accept(t.slice(index + entry.name.length, index + entry.name.length + 2), entry)) return true;
    }
    return false;
  });
}

/**
 * Every place a text names, unlike `parsePlace` which picks one: a worker may name a home province
 * and a work city ("河北人在北京干活"), and either may be where a rule applies. A district counts
 * with the 区 suffix or beside its city ("南山区" → 深圳市, 广东省).
 */
export function placesNamedIn(text: string): NamedPlaces {
  const t = normalizeAnswer(text);
  const named: NamedPlaces = { places: new Set(), city: false };
  if (t.length === 0) return named;
  for (const entry of allNamed(t, candidates(t, PROVINCE_LIST), (after) => !/^区/.test(after))) named.places.add(entry.province.full);
  const cities = allNamed(
    t,
    candidates(t, CITY_LIST),
    (after, entry) =>
      !NOT_A_CITY_AFTER.test(after) && ((!CITY_NEEDS_SUFFIX.has(entry.name) && !AMBIGUOUS_CITY_NAMES.has(entry.name)) || after.startsWith('市')),
  );
  for (const entry of cities) {
    named.places.add(entry.province.full).add(`${entry.city}市`);
    named.city = true;
  }
  for (const entry of allNamed(t, candidates(t, DISTRICT_LIST), (after) => !NOT_A_DISTRICT_AFTER.test(after))) {
    const cityName = cityFullName(entry.province, entry.city)!;
    const suffixed = t.includes(`${entry.name}区`) || t.includes(`${entry.name}新区`);
    if (!suffixed && !named.places.has(cityName)) continue;
    named.places.add(entry.province.full).add(cityName);
    if (!entry.province.municipality) named.city = true;
  }
  return named;
}

/** Words a station's name never starts with: the place, the platform or the sentence around it. */
const STATION_LEAD = /^.*(?:省|市|区|县|在|跑|送|是|的|了|给|帮|去|众包|专送|外卖|快递|骑手|美团|饿了么|蜂鸟|闪送|顺丰|京东|中通|圆通|申通|韵达|极兔|邮政|滴滴)/u;
const STATION_SUFFIX = /(站点|驿站|网点|营业部|分部|站)(?![长着起立岗台住])/gu;
const NOT_A_STATION = /[我你他她们这那哪啥什么个]/u;
const ALL_PLACE_NAMES = indexByFirst([...PROVINCE_NAMES, ...CITY_NAMES, ...DISTRICT_NAMES].map((e) => e.name), (name) => name);

/**
 * The station or outlet a text names ("北京朝阳望京站" → 望京站, "在科技园站跑美团" → 科技园站), for
 * grouping cases of one station; undefined when no named station is there ("我们站长" is a person).
 */
export function stationIn(text: string): string | undefined {
  const t = normalizeAnswer(text);
  for (const m of t.matchAll(STATION_SUFFIX)) {
    let name = /[\p{Script=Han}A-Za-z0-9]{0,12}$/u.exec(t.slice(0, m.index))![0];
    name = name.replace(STATION_LEAD, '');
    for (const place of candidates(name, ALL_PLACE_NAMES)) {
      const at = name.lastIndexOf(place);
      // "天河网点": a station named after its district keeps the name
      if (at >= 0) name = at + place.length === name.length ? place : name.slice(at + place.length);
    }
    if (name.length >= 1 && name.length <= 8 && !NOT_A_STATION.test(name)) return `${name}${m[1]}`;
  }
  return undefined;
}
