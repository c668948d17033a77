/**
 * Provinces, their prefecture-level cities and the districts of the largest cities, read from
 * `content/places.json` and validated at load. Names are given without 省/市/区 suffixes:
 * `{"provinces": [{"full": "河北省", "short": "河北", "municipality": false, "cities": ["石家庄", …]}],
 * "districts": {"北京": ["东城", …]}}` (districts keyed by the short name of a city or municipality).
 */
import { z } from 'zod';
import { contentFileName, contentPath, readContentJson } from '../content.js';

/** One provincial-level division: full name, short name, kind, and its cities (short names). */
export interface ProvinceRow {
  full: string;
  short: string;
  municipality: boolean;
  cities: string[];
}

const name = z.string().min(1);

const placesFileSchema = z
  .object({
    provinces: z.array(z.object({ full: name, short: name, municipality: z.boolean(), cities: z.array(name) }).strict()).min(1),
    districts: z.record(name, z.array(name).min(1)),
  })
  .strict();

/** The place table: every provincial-level division, and districts by city short name. */
export interface PlaceTable {
  provinces: ProvinceRow[];
  districts: Map<string, string[]>;
}

/** Read and validate a place table; a bad row names the file and field, a district list must belong to a known city. */
export function loadPlaceTable(file = contentPath('places.json')): PlaceTable {
  const data = readContentJson(file, placesFileSchema);
  const known = new Set(data.provinces.flatMap((p) => (p.municipality ? [p.short] : p.cities)));
  for (const city of Object.keys(data.districts)) {
    if (!known.has(city)) throw new Error(`${contentFileName(file)}: districts.${city}: not a city or municipality of provinces`);
  }
  return { provinces: data.provinces, districts: new Map(Object.entries(data.districts)) };
}

const TABLE = loadPlaceTable();

/** Every provincial-level division. */
export const PROVINCES: readonly ProvinceRow[] = TABLE.provinces;

/** Districts by city short name (municipalities included). */
export const DISTRICTS: ReadonlyMap<string, readonly string[]> = TABLE.districts;
