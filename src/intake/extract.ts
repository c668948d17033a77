/** Facts a worker already gave (in the first message or beside another answer), so intake does not ask for them again. */
import { parseAmount, type ParsedAmount } from '../text/amount.js';
import { parseCount, type ParsedCount } from '../text/count.js';
import { parseDate, type ParsedDate } from '../text/date.js';
import { parsePeriod, type ParsedPeriod } from '../text/period.js';
import { parsePlace, stationIn, type ParsedPlace } from '../text/place.js';
import { findPlatforms } from '../text/platform.js';
import { normalizeAnswer } from '../text/normalize.js';

/** Everything the extractor found; absent fields were not in the text. */
export interface ExtractedFacts {
  amount?: ParsedAmount;
  period?: ParsedPeriod;
  date?: ParsedDate;
  count?: ParsedCount;
  place?: ParsedPlace;
  /** A named station or outlet ("望京站"), kept with the place for grouping cases of one station. */
  station?: string;
  platforms: string[];
  /** The worker mentions being hit or threatened: the case is urgent whatever its category. */
  violence: boolean;
}

const VIOLENCE = /被打|打了我|打我(?!电话|手机|的电话)|动手打|殴打|揍我|揍了|威胁|砍我|要砍|推搡|暴力|扇我|踢我/;
/** A period needs a word for a length or a span; a bare "上个月" in a story is usually a date. */
const PERIOD_SIGNAL = /个月|半年|年多|到|至|开始|以来|月份/;

/** Scan a free description for amount, period, date, head count, place, platforms and violence. */
export function extractFacts(text: string, now: Date): ExtractedFacts {
  const t = normalizeAnswer(text);
  const facts: ExtractedFacts = { platforms: findPlatforms(t), violence: VIOLENCE.test(t) };
  const amount = parseAmount(t, { requireMoneyContext: true });
  if (amount) facts.amount = amount;
  if (PERIOD_SIGNAL.test(t)) {
    const period = parsePeriod(t, now);
    if (period) facts.period = period;
  }
  const date = parseDate(t, now);
  if (date) facts.date = date;
  const count = parseCount(t, { requirePersonWord: true });
  if (count) facts.count = count;
  const place = parsePlace(t, { strict: true });
  if (place) facts.place = place;
  const station = stationIn(t);
  if (station) facts.station = station;
  return facts;
}
