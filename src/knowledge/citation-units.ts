/**
 * Documents numbered by items （一）（二）… or sections 一、二、… instead of 第X条: their citations read
 * 第（九）项 / 第二部分. The importer reads this from the text; cards and answer lines, written before any
 * import, take it from `content/citation-units.json`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { contentPath } from '../content.js';
import type { Citation } from '../core/types.js';

const UNITS: Record<string, 'item' | 'section'> = z
  .record(z.string().min(1), z.enum(['item', 'section']))
  .parse(JSON.parse(readFileSync(contentPath('citation-units.json'), 'utf8')));

/** The citation with the unit its document is numbered by (unchanged for documents of 第X条). */
export function withUnit<T extends Citation>(citation: T): T {
  const unit = UNITS[citation.law];
  return unit ? { ...citation, unit } : citation;
}
